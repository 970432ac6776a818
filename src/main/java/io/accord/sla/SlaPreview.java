package io.accord.sla;

import io.accord.lead.LeadFit;
import io.accord.lead.LeadRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The preview's request and answer. */
public final class SlaPreview {

    private SlaPreview() {
    }

    @Schema(name = "SlaPreviewRequest", description = "Exactly one of `leadId` (an existing lead, with its stored fit) "
            + "and `lead` (a lead as it would be pushed; its fit is evaluated now).")
    public record Request(
            @Schema(description = "An existing lead") UUID leadId,
            @Schema(description = "A lead as it would be pushed") LeadRequest lead,
            @Schema(example = "2026-11-20T16:00:00Z", description = "The hand-off time to assume; default now "
                    + "(truncated to the second)") Instant at) {
    }

    @Schema(name = "SlaPreview")
    public record View(
            @Schema(example = "true") boolean matched,
            @Schema(nullable = true) Policy policy,
            Facts facts,
            @Schema(example = "2026-11-20T16:00:00Z") Instant startedAt,
            List<Planned> clocks) {
    }

    @Schema(name = "SlaPreviewPolicy")
    public record Policy(@Schema(example = "tier-a-emea") String key, @Schema(example = "2") int revision,
            @Schema(example = "Tier A, EMEA") String name, @Schema(example = "emea-sales") String calendarKey) {
    }

    @Schema(name = "SlaPreviewFacts", description = "What policy conditions were matched against")
    public record Facts(@Schema(nullable = true, example = "A") String tier,
            @Schema(nullable = true, example = "enterprise") String icpKey,
            @Schema(example = "hubspot") String source,
            @Schema(nullable = true, example = "DE") String country,
            @Schema(nullable = true, example = "emea-inbound") String teamKey,
            @Schema(nullable = true) LeadFit fit) {
    }

    @Schema(name = "SlaPreviewClock")
    public record Planned(
            @Schema(example = "first_touch") String milestone,
            @Schema(example = "PT4H") String target,
            @Schema(nullable = true, example = "3") Integer attempts,
            @Schema(nullable = true, example = "2026-11-23T09:00:00Z") Instant warnAt,
            @Schema(example = "2026-11-23T11:00:00Z") Instant dueAt,
            @Schema(nullable = true, example = "2026-11-23T14:00:00Z") Instant escalateAt) {
    }
}
