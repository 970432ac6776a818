package io.accord.report;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Params;
import io.accord.common.ProblemException;
import io.accord.common.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Tag(name = "Reports")
@DetachFromClientCancellation
@RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
public class ReportResource {

    static final String CSV = "text/csv";
    static final String MARKDOWN = "text/markdown";

    static final String COMMON = " The window is [from, to) (RFC 3339). Filters are exact matches; `groupBy` adds one "
            + "group per value (a group with `key` null holds the rows without a value) and `total` covers all rows. "
            + "A missing or invalid `from`/`to`, a `to` not after `from`, an unknown `groupBy` or a filter that does not "
            + "apply is a 400 naming the parameter. `Accept: text/csv` gives one row per group and a total row "
            + "(durations in seconds). Computed in the database with aggregates and percentile functions. Roles: any.";

    private final ReportService reports;
    private final WeeklyDigestService digests;
    private final Clock clock;

    public ReportResource(ReportService reports, WeeklyDigestService digests, Clock clock) {
        this.reports = reports;
        this.digests = digests;
        this.clock = clock;
    }

    @GET
    @Path("/sla-compliance")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getSlaComplianceReport", summary = "SLA compliance",
            description = "The SLA clocks due in the window, by outcome: `metOnTime`, `metLate`, `breached` (breached "
                    + "and not met: still breached, or cancelled after the breach), `cancelled` (before any breach) and "
                    + "`running`, which add up to `clocks`. `compliance` = on time ÷ (on time + late + breached), in "
                    + "percent with one decimal. `timeToMet` over the met clocks: business time on the policy's "
                    + "calendar (computed when the clock is met) and wall time, median and 90th percentile, both without "
                    + "the time the clock was paused by holds. `holds`: how many clocks were paused, how many pauses, "
                    + "and the business time they took (ended pauses). Each `next_response` cycle is a clock of its own. Group by "
                    + "ownerId, teamKey, tier, icpKey, policyKey, source or milestone (owner and team are the clock's; "
                    + "source and ICP the lead's)." + COMMON)
    @APIResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlaComplianceReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                example = "scope,group_by,key,clocks,met_on_time,…\r\ngroup,teamKey,emea-sales,120,104,…")})
    public Uni<Response> getSlaComplianceReport(@Context HttpHeaders headers,
            @Parameter(description = "Start of the window (inclusive), by the clocks' due time", required = true,
                    example = "2026-11-16T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "End of the window (exclusive)", required = true, example = "2026-11-23T00:00:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "ownerId, teamKey, tier, icpKey, policyKey, source or milestone") @QueryParam("groupBy") String groupBy,
            @BeanParam ReportFilters filters,
            @Parameter(description = "first_touch, decision, attempts, qualification or next_response") @QueryParam("milestone") String milestone) {
        ReportQuery q = ReportQuery.parse(from, to, groupBy, filters.with(milestone), Dimension.Subject.CLOCKS);
        return respond(headers, List.of(MediaType.APPLICATION_JSON_TYPE, csv()), reports.slaCompliance(q),
                Map.of(CSV, ReportCsv::slaCompliance), "sla-compliance");
    }

    @GET
    @Path("/speed-to-lead")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getSpeedToLeadReport", summary = "Speed to lead",
            description = "The leads handed off in the window: time from hand-off to the first touch at or after it "
                    + "(median, p90, p99 over the touched leads), and the share first touched within one hour of all "
                    + "handed off (an untouched lead counts as not within the hour). Group by ownerId, teamKey, tier, "
                    + "icpKey, policyKey (the policy whose clocks the hand-off started) or source; `milestone` does not "
                    + "apply." + COMMON)
    @APIResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpeedToLeadReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> getSpeedToLeadReport(@Context HttpHeaders headers,
            @Parameter(description = "Start of the window (inclusive), by hand-off time", required = true,
                    example = "2026-11-16T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "End of the window (exclusive)", required = true, example = "2026-11-23T00:00:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "ownerId, teamKey, tier, icpKey, policyKey or source") @QueryParam("groupBy") String groupBy,
            @BeanParam ReportFilters filters,
            @QueryParam("milestone") String milestone) {
        ReportQuery q = ReportQuery.parse(from, to, groupBy, filters.with(milestone), Dimension.Subject.LEADS);
        return respond(headers, List.of(MediaType.APPLICATION_JSON_TYPE, csv()), reports.speedToLead(q),
                Map.of(CSV, ReportCsv::speedToLead), "speed-to-lead");
    }

    @GET
    @Path("/funnel")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getFunnelReport", summary = "Lead funnel with rejection reasons",
            description = "The leads created in the window, per stage (new, mql, accepted, qualified, won, lost, "
                    + "rejected, recycled): `current` = in that stage now, `reached` = got there at some point (every "
                    + "lead reached new; mql = handed off). Conversions are reached(to) ÷ reached(from) in percent: "
                    + "new → mql, mql → accepted, accepted → qualified, qualified → won, mql → won. Rejection reasons "
                    + "with counts are the feedback loop to marketing. Group by ownerId, teamKey, tier, icpKey, "
                    + "policyKey or source." + COMMON)
    @APIResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FunnelReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> getFunnelReport(@Context HttpHeaders headers,
            @Parameter(description = "Start of the window (inclusive), by lead creation time", required = true,
                    example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "End of the window (exclusive)", required = true, example = "2026-12-01T00:00:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "ownerId, teamKey, tier, icpKey, policyKey or source") @QueryParam("groupBy") String groupBy,
            @BeanParam ReportFilters filters,
            @QueryParam("milestone") String milestone) {
        ReportQuery q = ReportQuery.parse(from, to, groupBy, filters.with(milestone), Dimension.Subject.LEADS);
        return respond(headers, List.of(MediaType.APPLICATION_JSON_TYPE, csv()), reports.funnel(q),
                Map.of(CSV, ReportCsv::funnel), "funnel");
    }

    @GET
    @Path("/fit-vs-outcome")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getFitVsOutcomeReport", summary = "ICP fit against outcome",
            description = "Does the ICP predict anything? The leads handed off in the window, one row per ICP key, "
                    + "version and tier they were scored with (leads no ICP fitted last): leads, and the share accepted, "
                    + "qualified and rejected since that hand-off, and won. Rows are by ICP version and tier by "
                    + "definition, so there is no `groupBy`; the filters apply (not `milestone`)." + COMMON)
    @APIResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FitVsOutcomeReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> getFitVsOutcomeReport(@Context HttpHeaders headers,
            @Parameter(description = "Start of the window (inclusive), by hand-off time", required = true,
                    example = "2026-10-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "End of the window (exclusive)", required = true, example = "2027-01-01T00:00:00Z")
            @QueryParam("to") String to,
            @BeanParam ReportFilters filters,
            @QueryParam("milestone") String milestone) {
        ReportQuery q = ReportQuery.parse(from, to, null, filters.with(milestone), Dimension.Subject.LEADS);
        return respond(headers, List.of(MediaType.APPLICATION_JSON_TYPE, csv()), reports.fitVsOutcome(q),
                Map.of(CSV, ReportCsv::fitVsOutcome), "fit-vs-outcome");
    }

    @GET
    @Path("/weekly-digest")
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN, CSV})
    @Operation(operationId = "getWeeklyDigest", summary = "Weekly alignment digest",
            description = "Both sides on one page for an ISO week (Monday 00:00 to Monday 00:00 in `zone`): SLA "
                    + "compliance overall and per team, the five worst breaches (clocks due in the week that were "
                    + "breached or met late, longest overdue first), every commitment's period containing the week's "
                    + "last day with its figures as of now, leads handed off and accepted in the week, the funnel of "
                    + "the week's new leads, the top rejection reasons of the week's rejections, and the change of the "
                    + "headline figures from the previous week. `Accept: text/markdown` gives a page ready to paste "
                    + "into an email or a chat; `text/csv` a long-format sheet (section, item, metric, value). "
                    + "A malformed `week` or unknown `zone` is a 400. Roles: any.")
    @APIResponse(responseCode = "200", description = "The digest", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WeeklyDigest.class)),
        @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING),
                example = "# Weekly alignment digest — 2026-W47\n\n…"),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> getWeeklyDigest(@Context HttpHeaders headers,
            @Parameter(description = "ISO week; default: the last complete week in `zone`", example = "2026-W47")
            @QueryParam("week") String week,
            @Parameter(description = "IANA zone the week's days are read in; default UTC", example = "Europe/Berlin")
            @QueryParam("zone") String zone) {
        ZoneId z = zone(zone);
        IsoWeek w = Params.blankToNull(week) == null ? IsoWeek.previous(clock.instant(), z) : week(week);
        return respond(headers, List.of(MediaType.APPLICATION_JSON_TYPE, markdown(), csv()), digests.digest(w, z),
                Map.of(MARKDOWN, DigestMarkdown::render, CSV, ReportCsv::weeklyDigest), "weekly-digest-" + w);
    }

    /** The {@code week} parameter; 400 naming it when it is not an ISO week. */
    private static IsoWeek week(String week) {
        try {
            return IsoWeek.parse(week);
        } catch (IsoWeek.InvalidWeekException e) {
            throw ProblemException.badParameter("week", e.getMessage());
        }
    }

    private static ZoneId zone(String zone) {
        String z = Params.blankToNull(zone);
        if (z == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            throw ProblemException.badParameter("zone", "must be an IANA time zone such as Europe/Berlin");
        }
    }

    private static MediaType csv() {
        return new MediaType("text", "csv");
    }

    private static MediaType markdown() {
        return new MediaType("text", "markdown");
    }

    /**
     * Answers in the first offered type the client accepts (by preference); JSON when any type will do. Text forms
     * are rendered from the same model as the JSON.
     */
    @SuppressWarnings("unchecked")
    static <T> Uni<Response> respond(HttpHeaders headers, List<MediaType> offered, Uni<T> report,
            Map<String, Function<T, String>> renderers, String name) {
        MediaType chosen = choose(headers, offered);
        return report.map(r -> {
            if (chosen.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build();
            }
            String type = chosen.getType() + "/" + chosen.getSubtype();
            Response.ResponseBuilder ok = Response.ok(renderers.get(type).apply(r), type + "; charset=utf-8");
            if (type.equals(CSV)) {
                ok.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            }
            return ok.build();
        });
    }

    static MediaType choose(HttpHeaders headers, List<MediaType> offered) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            for (MediaType o : offered) {
                if (accepted.isCompatible(o)) {
                    return o;
                }
            }
        }
        return offered.get(0);
    }
}
