package io.accord.webhook;

import io.accord.common.PageParams;
import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Idempotency;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.Params;
import io.accord.common.Problem;
import io.accord.common.ProblemException;
import io.accord.common.Principals;
import io.accord.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@DetachFromClientCancellation
@RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER, Roles.INTEGRATOR})
public class WebhookResource {

    static final String DELIVERY = "Deliveries follow the Standard Webhooks specification: headers `webhook-id` (stable per "
            + "event, `msg_<event id>`: your idempotency key), `webhook-timestamp` and `webhook-signature` "
            + "(`v1,<base64 HMAC-SHA256 of \"{id}.{timestamp}.{body}\">` keyed with the base64-decoded part of the "
            + "`whsec_` secret; during a rotation, one signature per valid secret, separated by spaces); body "
            + "`{type, timestamp, data}`, or `{\"text\": …}` with format `slack`. First attempt within about a second; "
            + "10 s timeout; retries after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h (±10 % jitter), or "
            + "after `Retry-After`; a 410 disables the subscription; one failing for 3 days is disabled and raises a "
            + "`webhook.disabled` alert. Targets resolving to loopback, link-local or private addresses are refused "
            + "unless the operator allows them.";

    static final String OWNERSHIP = "A subscription belongs to the principal that created it: only that principal "
            + "or an admin sees or manages it; to anyone else it does not exist (404).";

    private final WebhookService webhooks;
    private final Idempotency idempotency;
    private final Pool pool;
    private final SecurityIdentity identity;

    public WebhookResource(WebhookService webhooks, Idempotency idempotency, Pool pool, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.idempotency = idempotency;
        this.pool = pool;
        this.identity = identity;
    }

    private WebhookService.Caller caller() {
        Object team = identity.getAttribute("teamKey");
        return new WebhookService.Caller(Principals.nameOf(identity), identity.hasRole(Roles.ADMIN),
                team == null ? null : team.toString());
    }

    @POST
    @Operation(operationId = "createWebhook", summary = "Subscribe a webhook",
            description = "The signing secret is returned once, in `secret`. " + DELIVERY + " " + OWNERSHIP
                    + " Honours `Idempotency-Key` (the first response, secret included, is kept encrypted for the "
                    + "replay). Roles: admin, sales_manager, integrator.")
    @APIResponse(responseCode = "201", description = "Created; `secret` holds the signing secret",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "409", description = "The key is taken")
    @APIResponse(responseCode = "422", description = "Invalid, a refused target URL, or the `Idempotency-Key` "
            + "was first used with a different request")
    public Uni<Response> createWebhook(
            @Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull WebhookRequest body) {
        WebhookService.Caller caller = caller();
        return idempotency.once(pool, caller.name(), idempotencyKey, "POST", "/api/v1/webhooks", body,
                Idempotency.Sensitivity.SECRET, conn -> webhooks.create(conn, body, caller)
                        .map(v -> v.respond(Response.created(URI.create("/api/v1/webhooks/" + v.view().key())))));
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions",
            description = "Without secrets; the caller's own subscriptions, all of them for an admin. "
                    + "Roles: admin, sales_manager, integrator.")
    public Uni<Page<WebhookView>> listWebhooks(@BeanParam PageParams paging) {
        return webhooks.list(paging.request(), caller());
    }

    @GET
    @Path("/{key}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook subscription",
            description = "By key or id, with an `ETag`. " + OWNERSHIP
                    + " Roles: admin, sales_manager, integrator.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Uni<Response> getWebhook(@PathParam("key") String key) {
        return webhooks.get(key, caller()).map(v -> v.respond(Response.ok()));
    }

    @PUT
    @Path("/{key}")
    @Operation(operationId = "updateWebhook", summary = "Replace a webhook subscription",
            description = "Requires `If-Match`. Re-enabling a disabled subscription clears its failure state. "
                    + OWNERSHIP + " Roles: admin, sales_manager, integrator.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> updateWebhook(@PathParam("key") String key,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull WebhookRequest body) {
        return webhooks.update(key, body, ifMatch, caller()).map(v -> v.respond(Response.ok()));
    }

    @DELETE
    // A delete answers no body or a problem: `Accept: application/problem+json` must not make it a 406.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{key}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook subscription",
            description = "Requires `If-Match`; its pending deliveries go with it. " + OWNERSHIP
                    + " Roles: admin, sales_manager, integrator.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> deleteWebhook(@PathParam("key") String key,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return webhooks.delete(key, ifMatch, caller()).map(v -> Response.noContent().build());
    }

    @POST
    @Path("/{key}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Issue a new signing secret",
            description = "Returns the new secret once. For 24 hours deliveries carry two signatures, one per secret, "
                    + "so receivers can switch without losing a message. " + OWNERSHIP
                    + " Roles: admin, sales_manager, integrator.")
    @APIResponse(responseCode = "200", description = "The subscription with its new `secret`",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Uni<WebhookView> rotateWebhookSecret(@PathParam("key") String key) {
        return webhooks.rotateSecret(key, caller());
    }

    @POST
    @Path("/{key}/ping")
    @Operation(operationId = "pingWebhook", summary = "Send a signed test request now",
            description = "Sends `webhook.ping` to the target and reports its answer; nothing is stored. "
                    + OWNERSHIP + " Roles: admin, sales_manager, integrator.")
    @APIResponse(responseCode = "200", description = "What the target answered",
            content = @Content(schema = @Schema(implementation = PingResult.class)))
    public Uni<PingResult> pingWebhook(@PathParam("key") String key) {
        return webhooks.ping(key, caller());
    }

    @GET
    @Path("/{key}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a subscription",
            description = "Status, attempts, last status code, latency and next attempt of each delivery, oldest first. "
                    + OWNERSHIP + " Roles: admin, sales_manager, integrator.")
    public Uni<Page<DeliveryView>> listWebhookDeliveries(@PathParam("key") String key,
            @Parameter(description = "pending, delivered, failed or cancelled") @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Cursor from the previous page's `nextCursor`") @QueryParam("cursor") String cursor) {
        String s = Params.blankToNull(status);
        if (s != null && !Set.of("pending", "delivered", "failed", "cancelled").contains(s)) {
            throw ProblemException.badParameter("status", "must be one of: pending, delivered, failed, cancelled");
        }
        return webhooks.deliveries(key, s, PageRequest.parse(limit, cursor), caller());
    }

    @POST
    @Path("/{key}/deliveries/{delivery}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery again",
            description = "Queues the delivery for an immediate attempt, whatever its state, with the same `webhook-id`. "
                    + OWNERSHIP + " Roles: admin, sales_manager, integrator.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public Uni<Response> redeliverWebhookDelivery(@PathParam("key") String key, @PathParam("delivery") String delivery) {
        return webhooks.redeliver(key, Params.uuid("Delivery", delivery), caller())
                .map(d -> Response.accepted(d).build());
    }
}
