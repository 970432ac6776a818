package io.accord.calendar;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Idempotency;
import io.accord.common.Page;
import io.accord.common.PageParams;
import io.accord.common.Params;
import io.accord.common.Problem;
import io.accord.common.Principals;
import io.accord.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calendars")
@DetachFromClientCancellation
public class CalendarResource {

    static final String SEMANTICS = "Each weekday interval `[start, end)` becomes instants with the zone's rules: a "
            + "local time in a spring-forward gap moves forward by the gap's length, an ambiguous fall-back time takes "
            + "the earlier offset (`ZonedDateTime.of`); `24:00` is the next day's midnight. A holiday removes its whole "
            + "local date. Precision is one second.";

    private final CalendarService calendars;
    private final Idempotency idempotency;
    private final SecurityIdentity identity;

    public CalendarResource(CalendarService calendars, Idempotency idempotency, SecurityIdentity identity) {
        this.calendars = calendars;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "createCalendar", summary = "Create a business calendar",
            description = "Several intervals per weekday (lunch breaks, split shifts); `start` < `end`, both `HH:MM`, "
                    + "`end` may be `24:00`; intervals of one day must not overlap; at least one interval in the week; "
                    + "IANA zone names only. Honours `Idempotency-Key`. Roles: admin, sales_manager.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "409", description = "The key is taken")
    @APIResponse(responseCode = "422", description = "Invalid calendar; `errors` names each field")
    public Uni<Response> createCalendar(
            @Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull CalendarRequest body) {
        return idempotency.once(Principals.nameOf(identity), idempotencyKey, "POST", "/api/v1/calendars", body,
                () -> calendars.create(body, Principals.nameOf(identity))
                        .map(v -> v.respond(Response.created(URI.create("/api/v1/calendars/" + v.view().key())))));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listCalendars", summary = "List business calendars",
            description = "In creation order. Roles: any.")
    public Uni<Page<CalendarView>> listCalendars(
            @BeanParam PageParams paging) {
        return calendars.list(paging.request());
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getCalendar", summary = "Get a business calendar",
            description = "With an `ETag` for If-Match. Roles: any.")
    @APIResponse(responseCode = "200", description = "The calendar",
            content = @Content(schema = @Schema(implementation = CalendarView.class)))
    public Uni<Response> getCalendar(@PathParam("key") String key) {
        return calendars.get(key).map(v -> v.respond(Response.ok()));
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "updateCalendar", summary = "Replace a business calendar",
            description = "Requires `If-Match`. Deadlines already computed from the calendar do not move. "
                    + "Roles: admin, sales_manager.")
    @APIResponse(responseCode = "200", description = "The changed calendar",
            content = @Content(schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> updateCalendar(@PathParam("key") String key,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CalendarRequest body) {
        return calendars.update(key, body, ifMatch, Principals.nameOf(identity)).map(v -> v.respond(Response.ok()));
    }

    @DELETE
    // A delete answers no body or a problem: `Accept: application/problem+json` must not make it a 406.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "deleteCalendar", summary = "Delete a business calendar",
            description = "Requires `If-Match`. A calendar still used by an SLA policy or a team is refused with 409. "
                    + "Roles: admin, sales_manager.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Still in use")
    public Uni<Response> deleteCalendar(@PathParam("key") String key,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return calendars.delete(key, ifMatch, Principals.nameOf(identity)).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/{key}/due-date")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "computeDueDate", summary = "When a business-time duration ends",
            description = "`due` is the earliest instant t such that the business time inside `[start, t)` equals "
                    + "`duration`. A start outside business hours begins counting at the next business instant; a "
                    + "duration that ends exactly at an interval's end gives that end, not the next interval's start. "
                    + "Durations: whole seconds, up to P366D. No business time within 10 years → 422. " + SEMANTICS
                    + " Roles: any.")
    @APIResponse(responseCode = "200", description = "The deadline",
            content = @Content(schema = @Schema(implementation = CalendarAnswers.DueDate.class)))
    @APIResponse(responseCode = "422", description = "No business time within 10 years")
    public Uni<CalendarAnswers.DueDate> computeDueDate(@PathParam("key") String key,
            @Parameter(description = "RFC 3339 instant", required = true, example = "2026-11-20T16:00:00Z") @QueryParam("start") String start,
            @Parameter(description = "ISO 8601 duration of business time", required = true, example = "PT4H") @QueryParam("duration") String duration) {
        return calendars.due(key, Params.requiredInstant("start", start), Params.requiredDuration("duration", duration));
    }

    @GET
    @Path("/{key}/business-time")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "computeBusinessTime", summary = "Business time between two instants",
            description = "The total length of business intervals inside `[from, to)`; `PT0S` when `to` <= `from`. "
                    + SEMANTICS + " Roles: any.")
    @APIResponse(responseCode = "200", description = "The business time",
            content = @Content(schema = @Schema(implementation = CalendarAnswers.BusinessTime.class)))
    public Uni<CalendarAnswers.BusinessTime> computeBusinessTime(@PathParam("key") String key,
            @Parameter(description = "RFC 3339 instant", required = true, example = "2026-11-20T16:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 instant", required = true, example = "2026-11-23T11:00:00Z") @QueryParam("to") String to) {
        return calendars.businessTime(key, Params.requiredInstant("from", from), Params.requiredInstant("to", to));
    }

    @GET
    @Path("/{key}/is-open")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "isCalendarOpen", summary = "Whether an instant is in business hours, and until when",
            description = "`open` is true inside a business interval `[start, end)`. `nextChange` is the next instant "
                    + "where `open` flips (touching intervals, e.g. Monday to 24:00 and Tuesday from 00:00, are one open "
                    + "span), or null if none within 10 years. " + SEMANTICS + " Roles: any.")
    @APIResponse(responseCode = "200", description = "Open or closed",
            content = @Content(schema = @Schema(implementation = CalendarAnswers.OpenState.class)))
    public Uni<CalendarAnswers.OpenState> isCalendarOpen(@PathParam("key") String key,
            @Parameter(description = "RFC 3339 instant", required = true, example = "2026-11-22T09:30:00Z") @QueryParam("at") String at) {
        return calendars.isOpen(key, Params.requiredInstant("at", at));
    }
}
