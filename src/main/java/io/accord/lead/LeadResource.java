package io.accord.lead;

import io.accord.common.PageParams;
import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Idempotency;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.Params;
import io.accord.common.ProblemException;
import io.accord.common.Versioned;
import io.accord.common.Principals;
import io.accord.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads")
@DetachFromClientCancellation
public class LeadResource {

    static final String TEAM_SCOPE = " An API key bound to a team (`teamKey`) writes only that team's leads: acting on a "
            + "lead of another team, or on a lead without a team unless the action puts it into the key's team, or "
            + "moving a lead to another team is a 403 `urn:accord:problem:forbidden`.";
    static final String CONTACT = " For callers without a role in `accord.privacy.contact-roles` (by default viewer "
            + "and integrator) `contact.email` and `contact.phone` are `null`.";

    static final String LIFECYCLE = "Lifecycle: `new` → `mql` (hand-off; SLA clocks start) → `accepted` → `qualified` → "
            + "`won` | `lost`; `rejected` from `mql` or `accepted`; `recycled` from `mql`, `accepted` or `rejected`; a "
            + "recycled lead can be handed off again, which starts new clocks. An action the status does not allow is "
            + "a 409 `urn:accord:problem:invalid-transition` whose `allowedActions` lists what is allowed." + TEAM_SCOPE;


    private final LeadIntake intake;
    private final LeadLifecycleService lifecycle;
    private final LeadTouches touches;
    private final LeadMessages messages;
    private final LeadQueries queries;
    private final Idempotency idempotency;
    private final SecurityIdentity identity;
    private final ContactPrivacy privacy;

    public LeadResource(LeadIntake intake, LeadLifecycleService lifecycle, LeadTouches touches, LeadMessages messages,
            LeadQueries queries, Idempotency idempotency, SecurityIdentity identity, ContactPrivacy privacy) {
        this.messages = messages;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.touches = touches;
        this.queries = queries;
        this.idempotency = idempotency;
        this.identity = identity;
        this.privacy = privacy;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.INTEGRATOR})
    @Operation(operationId = "ingestLead", summary = "Push a lead (create or update)",
            description = "Idempotent by `(source, externalId)`: 201 when the lead was created, 200 when an existing "
                    + "lead was updated; never a duplicate, also under concurrent pushes. The lead is evaluated against "
                    + "the active ICPs and the best result is stored as `fit`. Until hand-off, a push replaces "
                    + "attributes, fit, and (when given) owner and team; after hand-off it replaces attributes only "
                    + "(fit is frozen, owner and team change with `assign`). `status: mql` hands a `new` or `recycled` "
                    + "lead off at once (SLA clocks start); otherwise `status` never moves a lead. `teamKey` must name "
                    + "an existing team. A push by an API key bound to a team gets that team when it names none; naming "
                    + "another team, or pushing an existing lead of another team (or one without a team after its "
                    + "hand-off), is a 403. A push of an erased lead's tombstone `externalId` is a 409. Honours "
                    + "`Idempotency-Key`." + CONTACT + " Roles: admin, marketing, integrator.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "200", description = "An existing lead was updated",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "409", description = "The lead was erased")
    @APIResponse(responseCode = "422", description = "Invalid lead; `errors` names each field")
    public Uni<Response> ingestLead(
            @Parameter(description = "Makes a retried push safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull LeadRequest body) {
        return intake.prepare(body).chain(prepared -> idempotency.once(actor(), idempotencyKey, "POST", "/api/v1/leads",
                body, () -> intake.ingest(prepared, scope(), actor()).map(r -> shown(r.lead()).respond(r.created()
                        ? Response.created(URI.create("/api/v1/leads/" + r.lead().view().id())) : Response.ok()))));
    }

    @POST
    @Path("/bulk")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.INTEGRATOR})
    @Operation(operationId = "ingestLeadsInBulk", summary = "Push up to 1,000 leads at once",
            description = "Each item is handled like `POST /api/v1/leads` (same rules, same idempotency by "
                    + "`(source, externalId)`), but a bad item only fails itself: the result lists every item by "
                    + "`index` with `created`, `updated` or `failed` and, for a failure, a problem document whose "
                    + "`errors` name fields as `items[i].field`. An item repeating an earlier item's key updates the lead "
                    + "that item wrote. The valid items are written with a few set-based statements; one audit event "
                    + "summarises the request. More than 1,000 items, or none, is a 422. An item a team-bound API key "
                    + "may not write fails with a 403 problem, an erased lead's with a 409. Honours `Idempotency-Key`. "
                    + "Roles: admin, marketing, integrator.")
    @APIResponse(responseCode = "200", description = "One result per item",
            content = @Content(schema = @Schema(implementation = BulkLeadResult.class)))
    @APIResponse(responseCode = "422", description = "No items, or more than 1,000")
    public Uni<Response> ingestLeadsInBulk(
            @Parameter(description = "Makes a retried push safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull BulkLeadRequest body) {
        return intake.prepareBulk(body).chain(prepared -> idempotency.once(actor(), idempotencyKey, "POST",
                "/api/v1/leads/bulk", body, () -> intake.ingestBulk(prepared, scope(), actor()).map(r -> Response.ok(r).build())));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listLeads", summary = "List leads",
            description = "In creation order. All filters combine. `handedOffFrom` is inclusive, `handedOffTo` "
                    + "exclusive (the latest hand-off)." + CONTACT + " Roles: any.")
    public Uni<Page<LeadView>> listLeads(
            @Parameter(description = "Lead status", schema = @Schema(enumeration = {"new", "mql", "accepted",
                "qualified", "won", "lost", "rejected", "recycled"})) @QueryParam("status") String status,
            @Parameter(description = "Owner's user id") @QueryParam("ownerId") String ownerId,
            @Parameter(description = "Team key") @QueryParam("teamKey") String teamKey,
            @Parameter(description = "ICP key of the fit") @QueryParam("icpKey") String icpKey,
            @Parameter(description = "ICP tier of the fit") @QueryParam("tier") String tier,
            @Parameter(description = "Source") @QueryParam("source") String source,
            @Parameter(description = "RFC 3339; handed off at or after") @QueryParam("handedOffFrom") String handedOffFrom,
            @Parameter(description = "RFC 3339; handed off before") @QueryParam("handedOffTo") String handedOffTo,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Cursor from the previous page's `nextCursor`") @QueryParam("cursor") String cursor) {
        String s = Params.blankToNull(status);
        if (s != null && LeadLifecycle.Status.parse(s).isEmpty()) {
            throw ProblemException.badParameter("status",
                    "must be one of: new, mql, accepted, qualified, won, lost, rejected, recycled");
        }
        LeadFilter filter = new LeadFilter(s, Params.blankToNull(ownerId), Params.blankToNull(teamKey),
                Params.blankToNull(icpKey), Params.blankToNull(tier), Params.blankToNull(source),
                Params.instant("handedOffFrom", handedOffFrom), Params.instant("handedOffTo", handedOffTo));
        return queries.list(filter, PageRequest.parse(limit, cursor)).map(p -> privacy.forCaller(p, identity));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getLead", summary = "Get a lead", description = "With an `ETag`." + CONTACT + " Roles: any.")
    @APIResponse(responseCode = "200", description = "The lead",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    public Uni<Response> getLead(@PathParam("id") String id) {
        return queries.get(leadId(id)).map(v -> shown(v).respond(Response.ok()));
    }

    @POST
    @Path("/{id}/hand-off")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.INTEGRATOR, Roles.SALES_MANAGER})
    @Operation(operationId = "handOffLead", summary = "Hand a lead off to sales (new or recycled → mql)",
            description = "Optionally sets owner and team. Selects the SLA policy (the lead's frozen fit, source, "
                    + "`company.country` and team against the enabled policies) and starts one clock per milestone; "
                    + "when no policy matches the lead has no clocks. " + LIFECYCLE
                    + " Roles: admin, marketing, integrator, sales_manager.")
    @APIResponse(responseCode = "200", description = "The lead, now mql",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "409", description = "Not allowed in the lead's status")
    public Uni<Response> handOffLead(@PathParam("id") String id, @Valid LeadActions.HandOff body) {
        return lifecycle.handOff(leadId(id), body, scope(), actor()).map(v -> shown(v).respond(Response.ok()));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.ADMIN, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "acceptLead", summary = "Accept a lead (mql → accepted)",
            description = "Meets the `decision` clock. No body. " + LIFECYCLE + " Roles: admin, sales, sales_manager.")
    @APIResponse(responseCode = "200", description = "The lead",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "409", description = "Not allowed in the lead's status")
    public Uni<Response> acceptLead(@PathParam("id") String id) {
        return lifecycle.accept(leadId(id), scope(), actor()).map(v -> shown(v).respond(Response.ok()));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.ADMIN, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "rejectLead", summary = "Reject a lead (mql or accepted → rejected)",
            description = "With a reason; `other` requires a `note`. Meets the `decision` and `qualification` clocks "
                    + "and cancels the others still running. " + LIFECYCLE + " Roles: admin, sales, sales_manager.")
    @APIResponse(responseCode = "200", description = "The lead",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "409", description = "Not allowed in the lead's status")
    @APIResponse(responseCode = "422", description = "Invalid reason, or `other` without a note")
    public Uni<Response> rejectLead(@PathParam("id") String id, @Valid @NotNull LeadActions.Reject body) {
        return lifecycle.reject(leadId(id), body, scope(), actor()).map(v -> shown(v).respond(Response.ok()));
    }

    @POST
    @Path("/{id}/qualify")
    @RolesAllowed({Roles.ADMIN, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "qualifyLead", summary = "Qualify a lead (accepted → qualified)",
            description = "Meets the `qualification` clock. No body. " + LIFECYCLE + " Roles: admin, sales, sales_manager.")
    @APIResponse(responseCode = "200", description = "The lead",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "409", description = "Not allowed in the lead's status")
    public Uni<Response> qualifyLead(@PathParam("id") String id) {
        return lifecycle.qualify(leadId(id), scope(), actor()).map(v -> shown(v).respond(Response.ok()));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.ADMIN, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "closeLead", summary = "Close a lead as won or lost (qualified → won | lost)",
            description = "Cancels the clocks still running. " + LIFECYCLE + " Roles: admin, sales, sales_manager.")
    @APIResponse(responseCode = "200", description = "The lead",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "409", description = "Not allowed in the lead's status")
    @APIResponse(responseCode = "422", description = "Invalid outcome")
    public Uni<Response> closeLead(@PathParam("id") String id, @Valid @NotNull LeadActions.Close body) {
        return lifecycle.close(leadId(id), body, scope(), actor()).map(v -> shown(v).respond(Response.ok()));
    }

    @POST
    @Path("/{id}/recycle")
    @RolesAllowed({Roles.ADMIN, Roles.SALES, Roles.SALES_MANAGER, Roles.MARKETING})
    @Operation(operationId = "recycleLead", summary = "Recycle a lead back to nurture (mql, accepted or rejected → recycled)",
            description = "Cancels the clocks still running. Marketing can hand the lead off again later, which "
                    + "starts new clocks. No body. " + LIFECYCLE + " Roles: admin, sales, sales_manager, marketing.")
    @APIResponse(responseCode = "200", description = "The lead",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "409", description = "Not allowed in the lead's status")
    public Uni<Response> recycleLead(@PathParam("id") String id) {
        return lifecycle.recycle(leadId(id), scope(), actor()).map(v -> shown(v).respond(Response.ok()));
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER, Roles.INTEGRATOR})
    @Operation(operationId = "assignLead", summary = "Change a lead's owner or team",
            description = "Allowed in `new`, `mql`, `accepted`, `qualified` and `recycled`. Running clocks follow "
                    + "the new owner and team; met and cancelled clocks keep who had them. `teamKey` must name an "
                    + "existing team. " + LIFECYCLE + " Roles: admin, sales_manager, integrator.")
    @APIResponse(responseCode = "200", description = "The lead",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "409", description = "Not allowed in the lead's status")
    @APIResponse(responseCode = "422", description = "Neither owner nor team, or an unknown team")
    public Uni<Response> assignLead(@PathParam("id") String id, @Valid @NotNull LeadActions.Assign body) {
        return lifecycle.assign(leadId(id), body, scope(), actor()).map(v -> shown(v).respond(Response.ok()));
    }

    @POST
    @Path("/{id}/touches")
    @RolesAllowed({Roles.ADMIN, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "logTouch", summary = "Log a touch (call, email, meeting, social, other)",
            description = "`occurredAt` may be in the past (late CRM syncs) but at most one minute in the future "
                    + "(422). The first touch at or after a hand-off meets its `first_touch` clock, the N-th meets its "
                    + "`attempts` clock, at the touch's `occurredAt` (late when after the due date). Not allowed on a "
                    + "`new` lead (409). Honours `Idempotency-Key`. Roles: admin, sales, sales_manager.")
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(schema = @Schema(implementation = TouchView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "409", description = "The lead was never handed off")
    @APIResponse(responseCode = "422", description = "Invalid touch; `errors` names each field")
    public Uni<Response> logTouch(@PathParam("id") String id,
            @Parameter(description = "Makes a retried log safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull TouchRequest body) {
        UUID leadId = leadId(id);
        return idempotency.once(actor(), idempotencyKey, "POST", "/api/v1/leads/" + leadId + "/touches", body,
                () -> touches.logTouch(leadId, body, scope(), actor()).map(t -> Response
                        .created(URI.create("/api/v1/leads/" + leadId + "/touches/" + t.id())).entity(t).build()));
    }

    @GET
    @Path("/{id}/touches")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listTouches", summary = "List a lead's touches",
            description = "In the order they were logged. Roles: any.")
    public Uni<Page<TouchView>> listTouches(@PathParam("id") String id, @BeanParam PageParams paging) {
        return touches.touches(leadId(id), paging.request());
    }

    @GET
    @Path("/{id}/touches/{touchId}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getTouch", summary = "Get one touch", description = "Roles: any.")
    @APIResponse(responseCode = "200", description = "The touch",
            content = @Content(schema = @Schema(implementation = TouchView.class)))
    public Uni<TouchView> getTouch(@PathParam("id") String id, @PathParam("touchId") String touchId) {
        return touches.touch(leadId(id), Params.uuid("Touch", touchId));
    }

    @POST
    @Path("/{id}/hold")
    @RolesAllowed({Roles.ADMIN, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "holdLead", summary = "Put a lead on hold (pause its SLA clocks)",
            description = "Pauses every running clock of the lead whose milestone allows holds (policy milestone "
                    + "`holdable`, default true); the others keep running. Each clock records its paused intervals; on "
                    + "resume its due, warning and escalation instants move by the paused business time on its "
                    + "calendar (not by wall time). With `until` the hold ends by itself at that instant (the breach "
                    + "detector resumes the clocks as of exactly then); without it, until `POST .../resume`. A touch "
                    + "while on hold meets clocks as always. 409 `urn:accord:problem:conflict` when the lead is on "
                    + "hold already or has no running clock that may be held. Rejecting, closing or recycling the lead "
                    + "ends its hold. The lead's status does not change. Roles: admin, sales, sales_manager."
                    + TEAM_SCOPE)
    @APIResponse(responseCode = "200", description = "The lead, on hold",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "404", description = "No such lead")
    @APIResponse(responseCode = "409", description = "On hold already, or no running clock may be held")
    @APIResponse(responseCode = "422", description = "No reason, or `until` not in the future or too far ahead")
    public Uni<Response> holdLead(@PathParam("id") String id, @Valid @NotNull LeadActions.Hold body) {
        return lifecycle.hold(leadId(id), body, scope(), actor()).map(v -> shown(v).respond(Response.ok()));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed({Roles.ADMIN, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "resumeLead", summary = "End a lead's hold (its paused SLA clocks run again)",
            description = "The paused clocks run again; their due, warning and escalation instants are recomputed on "
                    + "the calendar minus every pause, so they move by the paused business time. 409 "
                    + "`urn:accord:problem:conflict` when the lead is not on hold (also when its hold's `until` has "
                    + "passed: it ended by itself). No body. Roles: admin, sales, sales_manager." + TEAM_SCOPE)
    @APIResponse(responseCode = "200", description = "The lead",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "404", description = "No such lead")
    @APIResponse(responseCode = "409", description = "Not on hold")
    public Uni<Response> resumeLead(@PathParam("id") String id) {
        return lifecycle.resume(leadId(id), scope(), actor()).map(v -> shown(v).respond(Response.ok()));
    }

    @POST
    @Path("/{id}/inbound")
    @RolesAllowed({Roles.ADMIN, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR})
    @Operation(operationId = "recordInboundMessage", summary = "Record that the prospect wrote",
            description = "Stores the message (channel and time) with a `inbound` timeline event. When the lead is "
                    + "`mql`, `accepted` or `qualified` and its hand-off's policy has a `next_response` milestone, and "
                    + "no cycle of it is live, a new cycle starts at `occurredAt` (not before the hand-off): its own "
                    + "clock, alerts and report row, met by the next touch at or after that start. A message while a "
                    + "cycle is live keeps that cycle: the oldest unanswered message sets the clock. `occurredAt` at "
                    + "most one minute in the future (422). Honours `Idempotency-Key`. Roles: admin, sales, "
                    + "sales_manager, integrator." + TEAM_SCOPE)
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = InboundMessageView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "404", description = "No such lead")
    @APIResponse(responseCode = "422", description = "Invalid message; `errors` names each field")
    public Uni<Response> recordInboundMessage(@PathParam("id") String id,
            @Parameter(description = "Makes a retried post safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull LeadActions.Inbound body) {
        UUID leadId = leadId(id);
        return idempotency.once(actor(), idempotencyKey, "POST", "/api/v1/leads/" + leadId + "/inbound", body,
                () -> messages.record(leadId, body, scope(), actor()).map(m -> Response
                        .created(URI.create("/api/v1/leads/" + leadId + "/inbound/" + m.id())).entity(m).build()));
    }

    @GET
    @Path("/{id}/inbound")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listInboundMessages", summary = "List a lead's inbound messages",
            description = "By when they were sent. Roles: any.")
    public Uni<Page<InboundMessageView>> listInboundMessages(@PathParam("id") String id,
            @BeanParam PageParams paging) {
        return messages.list(leadId(id), paging.request());
    }

    @GET
    @Path("/{id}/inbound/{messageId}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getInboundMessage", summary = "Get one inbound message", description = "Roles: any.")
    @APIResponse(responseCode = "200", description = "The message",
            content = @Content(schema = @Schema(implementation = InboundMessageView.class)))
    public Uni<InboundMessageView> getInboundMessage(@PathParam("id") String id,
            @PathParam("messageId") String messageId) {
        return messages.get(leadId(id), Params.uuid("Inbound message", messageId));
    }

    @POST
    @Path("/{id}/erase")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "eraseLead", summary = "Erase a lead's personal data (right to erasure)",
            description = "Removes the lead's company, contact and custom attributes, its external id, reject note and "
                    + "touch notes, everywhere Accord stores them: the lead, its lifecycle events and touches, its "
                    + "alerts, the event feed (and so pending webhook deliveries), the audit log and stored "
                    + "`Idempotency-Key` responses. The lead keeps its id, status, stage times, fit, source, owner, "
                    + "team, country and SLA clocks, so reports stay as they were; `externalId` becomes the unique "
                    + "tombstone `erased:<id>` (a later push of the old external id creates a new lead) and `erasedAt` "
                    + "is set. Audited as `lead.erased` (who and when, without the data). Idempotent: erasing an erased "
                    + "lead answers the same lead and changes nothing. Events already streamed or delivered cannot be "
                    + "recalled. No body. Roles: admin.")
    @APIResponse(responseCode = "200", description = "The erased lead",
            content = @Content(schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "403", description = "The API key is bound to another team than the lead's")
    @APIResponse(responseCode = "404", description = "No such lead")
    public Uni<Response> eraseLead(@PathParam("id") String id) {
        return lifecycle.erase(leadId(id), scope(), actor()).map(v -> shown(v).respond(Response.ok()));
    }

    private String actor() {
        return Principals.nameOf(identity);
    }

    private TeamScope scope() {
        return new TeamScope(Principals.teamOf(identity));
    }

    /** The lead as the caller may read it. */
    private Versioned<LeadView> shown(Versioned<LeadView> lead) {
        return new Versioned<>(privacy.forCaller(lead.view(), identity), lead.version());
    }

    private static UUID leadId(String id) {
        return Params.uuid("Lead", id);
    }
}
