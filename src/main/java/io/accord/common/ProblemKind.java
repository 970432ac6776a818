package io.accord.common;

/**
 * Every kind of problem Accord reports, with its HTTP status and stable type URI
 * ({@code urn:accord:problem:<slug>}). Clients switch on {@code type}, never on {@code title} or {@code detail}.
 */
public enum ProblemKind {
    BAD_REQUEST(400, "bad-request", "The request is malformed"),
    MALFORMED_JSON(400, "malformed-json", "The request body is not valid JSON"),
    INVALID_BODY(400, "invalid-body", "The request body does not have the expected shape"),
    INVALID_PARAMETER(400, "invalid-parameter", "A query or path parameter is invalid"),
    UNAUTHORIZED(401, "unauthorized", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "The caller lacks a role this operation requires"),
    NOT_FOUND(404, "not-found", "The resource does not exist"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "The method is not allowed on this resource"),
    NOT_ACCEPTABLE(406, "not-acceptable", "None of the accepted media types can be produced"),
    CONFLICT(409, "conflict", "The request conflicts with the current state of the resource"),
    DUPLICATE(409, "duplicate", "A resource with this identity already exists"),
    INVALID_TRANSITION(409, "invalid-transition", "The action is not allowed in the resource's current state"),
    IN_USE(409, "in-use", "The resource is still in use"),
    STALE_EVIDENCE(409, "stale-evidence", "The evidence for this decision is older than the last change"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed since it was read"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body's media type is not supported"),
    VALIDATION(422, "validation-error", "The request is not valid"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "The Idempotency-Key was already used with a different request"),
    UNPROCESSABLE(422, "unprocessable", "The request cannot be processed"),
    PRECONDITION_REQUIRED(428, "precondition-required", "This operation requires an If-Match header"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    INTERNAL(500, "internal-error", "An unexpected error occurred"),
    UNAVAILABLE(503, "unavailable", "The service is temporarily unavailable");

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return "urn:accord:problem:" + slug;
    }

    public String title() {
        return title;
    }
}
