package io.accord.alert;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.Params;
import io.accord.common.ProblemException;
import io.accord.security.CredentialValidity;
import io.accord.common.Principals;
import io.accord.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@DetachFromClientCancellation
public class AlertResource {

    static final Set<String> KINDS = Set.of("sla.warning", "sla.breached", "sla.escalated", "commitment.at_risk",
            "commitment.missed", "commitment.met", "webhook.disabled", "icp.drift");
    static final Set<String> STATUSES = Set.of("open", "acknowledged", "resolved");

    private final AlertService alerts;
    private final AlertStreams streams;
    private final EventFeed feed;
    private final SecurityIdentity identity;
    private final CredentialValidity credentials;

    public AlertResource(AlertService alerts, AlertStreams streams, EventFeed feed, SecurityIdentity identity,
            CredentialValidity credentials) {
        this.credentials = credentials;
        this.alerts = alerts;
        this.streams = streams;
        this.feed = feed;
        this.identity = identity;
    }

    /** A comment on acknowledging or resolving an alert. */
    @Schema(name = "AlertComment")
    public record CommentRequest(@Size(max = 2000) @Schema(example = "Called the lead, meeting booked") String comment) {
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listAlerts", summary = "List alerts",
            description = "Oldest first. Each alert is raised exactly once per clock (or commitment period) and kind. "
                    + "Roles: any.")
    public Uni<Page<AlertView>> listAlerts(
            @Parameter(description = "open, acknowledged or resolved") @QueryParam("status") String status,
            @Parameter(description = "Alert kind, e.g. `sla.breached`") @QueryParam("kind") String kind,
            @Parameter(description = "Only alerts about this lead") @QueryParam("leadId") String leadId,
            @QueryParam("ownerId") String ownerId,
            @QueryParam("teamKey") String teamKey,
            @Parameter(description = "ICP tier of the lead") @QueryParam("tier") String tier,
            @Parameter(description = "Only alerts raised at or after this instant") @QueryParam("since") String since,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Cursor from the previous page's `nextCursor`") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        return alerts.list(filter(status, kind, leadId, ownerId, teamKey, tier, since), page);
    }

    @GET
    @Path("/alerts/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getAlert", summary = "Get an alert", description = "Roles: any.")
    public Uni<AlertView> getAlert(@PathParam("id") String id) {
        return alerts.get(Params.uuid("Alert", id));
    }

    @POST
    @Path("/alerts/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an alert",
            description = "`open → acknowledged`; acknowledging again changes nothing; a resolved alert is a 409. "
                    + "Roles: admin, marketing, sales, sales_manager.")
    @APIResponse(responseCode = "200", description = "The alert", content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "409", description = "Already resolved")
    public Uni<AlertView> acknowledgeAlert(@PathParam("id") String id,
            @RequestBody(required = false) @Valid CommentRequest body) {
        return alerts.acknowledge(Params.uuid("Alert", id), body == null ? null : body.comment(), Principals.nameOf(identity));
    }

    @POST
    @Path("/alerts/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "resolveAlert", summary = "Resolve an alert by hand",
            description = "`open|acknowledged → resolved` with resolution `manual`; resolving again changes nothing. "
                    + "Alerts also resolve themselves when their clock is met late (`met_late`) or cancelled "
                    + "(`cancelled`). Roles: admin, marketing, sales, sales_manager.")
    @APIResponse(responseCode = "200", description = "The alert", content = @Content(schema = @Schema(implementation = AlertView.class)))
    public Uni<AlertView> resolveAlert(@PathParam("id") String id,
            @RequestBody(required = false) @Valid CommentRequest body) {
        return alerts.resolve(Params.uuid("Alert", id), body == null ? null : body.comment(), Principals.nameOf(identity));
    }

    @GET
    @Path("/alerts/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "streamAlerts", summary = "Stream alert events live (server-sent events)",
            description = "Events `alert.created`, `alert.acknowledged` and `alert.resolved`, each with an `id` from one "
                    + "global, monotonic sequence and the alert as JSON `data`. Reconnect with `Last-Event-ID` (or "
                    + "`?after=`) to replay exactly what was missed, then continue live; without either the stream starts "
                    + "now. A client on any replica sees every event (PostgreSQL LISTEN/NOTIFY wakes the streams; the "
                    + "events table is the truth). A `: heartbeat` comment is sent every 15 s. The stream closes within a "
                    + "heartbeat once the caller's API key is revoked or its bearer token expires. Same filters as the list. "
                    + "Roles: any. A browser, whose `EventSource` cannot send headers, authenticates with `?token=` "
                    + "from `POST /api/v1/alerts/stream-tokens` instead.")
    @Parameter(name = "token", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY,
            description = "A single-use stream token from `POST /api/v1/alerts/stream-tokens`, instead of a header "
                    + "credential (accepted on this operation only)",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    pattern = "^ast_[A-Za-z0-9_-]{43}$"))
    public void streamAlerts(@Context SseEventSink sink, @Context Sse sse,
            @Parameter(description = "Resume after this event id") @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "Resume after this event id (when a client cannot set headers)") @QueryParam("after") String after,
            @QueryParam("status") String status, @QueryParam("kind") String kind, @QueryParam("leadId") String leadId,
            @QueryParam("ownerId") String ownerId, @QueryParam("teamKey") String teamKey, @QueryParam("tier") String tier) {
        AlertFilter filter = filter(status, kind, leadId, ownerId, teamKey, tier, null);
        Long from = position(Params.blankToNull(lastEventId) != null ? "Last-Event-ID" : "after",
                Params.blankToNull(lastEventId) != null ? lastEventId : after);
        streams.open(sink, sse, from, filter, credentials.watch(identity));
    }

    @GET
    @Path("/events")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listEvents", summary = "Pull the event feed",
            description = "The same events as the live stream, for consumers that cannot hold a stream, in sequence "
                    + "order. Resume with `after` = the `id` of the last event you processed; `nextCursor` is set when "
                    + "the page is full. Events are kept at least 30 days. Roles: any.")
    public Uni<Page<EventView>> listEvents(
            @Parameter(description = "Return events after this id (default: from the beginning)") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @QueryParam("kind") String kind, @QueryParam("teamKey") String teamKey, @QueryParam("tier") String tier) {
        PageRequest page = PageRequest.parse(limit, null);
        Long from = position("after", after);
        return feed.page(from == null ? 0 : from, filter(null, kind, null, null, teamKey, tier, null), page.limit());
    }

    private static Long position(String name, String value) {
        String v = Params.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            long seq = Long.parseLong(v);
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, "must be an event id (a non-negative integer)");
        }
    }

    private static AlertFilter filter(String status, String kind, String leadId, String ownerId, String teamKey,
            String tier, String since) {
        String s = Params.blankToNull(status);
        if (s != null && !STATUSES.contains(s)) {
            throw ProblemException.badParameter("status", "must be one of: open, acknowledged, resolved");
        }
        String k = Params.blankToNull(kind);
        if (k != null && !KINDS.contains(k)) {
            throw ProblemException.badParameter("kind", "must be one of: " + String.join(", ", new java.util.TreeSet<>(KINDS)));
        }
        java.util.UUID lead = null;
        if (Params.blankToNull(leadId) != null) {
            try {
                lead = java.util.UUID.fromString(leadId.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badParameter("leadId", "must be a UUID");
            }
        }
        return new AlertFilter(s, k, lead, Params.blankToNull(ownerId), Params.blankToNull(teamKey),
                Params.blankToNull(tier), Params.instant("since", since));
    }
}
