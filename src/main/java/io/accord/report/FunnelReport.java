package io.accord.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the leads created in [from, to) went, per group, with the rejection reasons sales gave. */
@Schema(name = "FunnelReport")
public record FunnelReport(
        @Schema(example = "2026-11-16T00:00:00Z") Instant from,
        @Schema(example = "2026-11-23T00:00:00Z") Instant to,
        @Schema(nullable = true, example = "source") String groupBy,
        List<Group> groups,
        Group total) {

    /** The stages, in funnel order. */
    public static final List<String> STAGES = List.of("new", "mql", "accepted", "qualified", "won", "lost", "rejected",
            "recycled");

    /** The conversions reported, as (from stage, to stage). */
    public static final List<List<String>> CONVERSIONS = List.of(List.of("new", "mql"), List.of("mql", "accepted"),
            List.of("accepted", "qualified"), List.of("qualified", "won"), List.of("mql", "won"));

    @Schema(name = "FunnelGroup")
    public record Group(
            @Schema(nullable = true, example = "webinar") String key,
            @Schema(example = "200") long leads,
            @Schema(description = "Every stage, in funnel order") List<Stage> stages,
            List<Conversion> conversions,
            @Schema(description = "Reasons of the leads that were rejected, most frequent first") List<Reason> rejectionReasons) {
    }

    @Schema(name = "FunnelStage")
    public record Stage(
            @Schema(example = "accepted", enumeration = {"new", "mql", "accepted", "qualified", "won", "lost", "rejected",
                "recycled"}) String stage,
            @Schema(example = "31", description = "Leads in this stage now") long current,
            @Schema(example = "120", description = "Leads that have reached this stage at some point (every lead has "
                    + "reached new)") long reached) {
    }

    @Schema(name = "FunnelConversion")
    public record Conversion(
            @Schema(example = "mql") String from,
            @Schema(example = "accepted") String to,
            @Schema(nullable = true, example = "75.0", description = "reached(to) ÷ reached(from) as a percentage with "
                    + "one decimal; null when reached(from) is 0") BigDecimal rate) {
    }

    @Schema(name = "RejectionReasonCount")
    public record Reason(
            @Schema(example = "not_icp_fit", enumeration = {"not_icp_fit", "bad_contact_data", "duplicate", "no_budget",
                "no_authority", "competitor", "other"}) String reason,
            @Schema(example = "12") long count) {
    }
}
