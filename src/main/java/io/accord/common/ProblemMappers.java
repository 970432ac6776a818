package io.accord.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.accord.common.BindingErrors.PathInfo;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.HibernateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP responses: every error is an RFC 9457 problem document, and no
 * stack trace, class name or SQL text ever reaches a client. Unexpected failures are logged with a correlation
 * id that the 500 response repeats. This class decides which problem an exception is; {@link ProblemResponses} writes
 * it and {@link BindingErrors} names the field a binding failure points at.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemResponses responses;
    private final AllowedMethods allowedMethods;

    public ProblemMappers(ProblemResponses responses, AllowedMethods allowedMethods) {
        this.responses = responses;
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.kind(), e.getMessage(), e.errors(), e.extensions(), e.headers(), request);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
        AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        if (DatabaseUnavailable.is(e)) {
            // The key could not be looked up because the database is unreachable: not the caller's fault.
            return databaseUnavailable(request);
        }
        String detail = hasCredentials(request)
                ? "The credentials are invalid, expired or revoked"
                : "Send 'Authorization: ApiKey <key>', 'X-API-Key: <key>' or 'Authorization: Bearer <jwt>'";
        return respond(ProblemKind.UNAUTHORIZED, detail, List.of(), Map.of(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "ApiKey, Bearer"), request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(ProblemKind.FORBIDDEN, "Your roles do not allow this operation", request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return respond(ProblemKind.NOT_FOUND, "No resource at " + request.path(), request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response notAllowed(NotAllowedException e, HttpServerRequest request) {
        String allow = allowedMethods.forPath(request.path());
        Map<String, String> headers = allow.isEmpty() ? Map.of() : Map.of(HttpHeaders.ALLOW, allow);
        return respond(ProblemKind.METHOD_NOT_ALLOWED, request.method() + " is not allowed on " + request.path()
                + (allow.isEmpty() ? "" : "; allowed: " + allow), List.of(), Map.of(), headers, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unsupported(NotSupportedException e, HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return respond(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type '" + (type == null ? "(none)" : type) + "' is not supported; send application/json",
                request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response notAcceptable(NotAcceptableException e, HttpServerRequest request) {
        return respond(ProblemKind.NOT_ACCEPTABLE, "Cannot produce any of: " + request.getHeader(HttpHeaders.ACCEPT),
                request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException u) {
                return unknownField(u, request);
            }
            if (cause instanceof JsonMappingException m) {
                return wrongShape(m, request);
            }
            if (cause instanceof StreamReadException r) {
                return malformedJson(r, request);
            }
            if (cause instanceof JsonProcessingException j) {
                return otherJson(j, request);
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ProblemKind kind = switch (status) {
            case 400 -> ProblemKind.BAD_REQUEST;
            case 401 -> ProblemKind.UNAUTHORIZED;
            case 403 -> ProblemKind.FORBIDDEN;
            case 404 -> ProblemKind.NOT_FOUND;
            case 405 -> ProblemKind.METHOD_NOT_ALLOWED;
            case 406 -> ProblemKind.NOT_ACCEPTABLE;
            case 409 -> ProblemKind.CONFLICT;
            case 413 -> ProblemKind.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemKind.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemKind.UNAVAILABLE;
            default -> null;
        };
        if (kind == null) {
            return unexpected(e, request);
        }
        return respond(kind, kind.title(), request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(StreamReadException e, HttpServerRequest request) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String field = BindingErrors.parserPath(e);
        if (message.startsWith("Duplicate field")) {
            return respond(ProblemKind.MALFORMED_JSON, "The body names a field twice: '" + field + "'",
                    List.of(new FieldError(field, "appears more than once")), Map.of(), Map.of(), request);
        }
        if (e instanceof InputCoercionException) {
            String what = "must be a number in the range of its type";
            return field.isEmpty()
                    ? respond(ProblemKind.INVALID_BODY, "A number in the body is out of range", request)
                    : respond(ProblemKind.INVALID_BODY, field + ": " + what, List.of(new FieldError(field, what)),
                            Map.of(), Map.of(), request);
        }
        return respond(ProblemKind.MALFORMED_JSON, "The body is not valid JSON near line "
                + (e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()),
                request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, HttpServerRequest request) {
        String field = JsonPaths.of(e);
        return respond(ProblemKind.INVALID_BODY, "Unknown field '" + field + "'",
                List.of(new FieldError(field, "unknown field")), Map.of(), Map.of(), request);
    }

    @ServerExceptionMapper(value = {InvalidFormatException.class, MismatchedInputException.class,
        InvalidTypeIdException.class, JsonMappingException.class}, priority = 1)
    public Response wrongShape(JsonMappingException e, HttpServerRequest request) {
        // A parser failure inside a nested value (a duplicate name, too deep nesting) arrives wrapped with its path.
        if (e.getCause() instanceof StreamReadException r) {
            return malformedJson(r, request);
        }
        if (e.getCause() instanceof JsonProcessingException j && !(j instanceof JsonMappingException)) {
            return otherJson(j, request);
        }
        if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Trailing token")) {
            return respond(ProblemKind.MALFORMED_JSON, "The body has more content after its JSON value", request);
        }
        String field = JsonPaths.of(e);
        String message = BindingErrors.describeExpected(e);
        if (field.isEmpty()) {
            return respond(ProblemKind.INVALID_BODY, "The body " + message, List.of(), Map.of(), Map.of(), request);
        }
        return respond(ProblemKind.INVALID_BODY, field + ": " + message,
                List.of(new FieldError(field, message)), Map.of(), Map.of(), request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response otherJson(JsonProcessingException e, HttpServerRequest request) {
        return respond(ProblemKind.MALFORMED_JSON, "The body is not valid JSON or exceeds a parser limit (nesting "
                + "depth, length of a number, string or name)", request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response violations(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> bodyErrors = new ArrayList<>();
        List<FieldError> paramErrors = new ArrayList<>();
        boolean returnValue = false;
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            PathInfo info = PathInfo.of(v.getPropertyPath());
            returnValue |= info.returnValue();
            String message = info.field().isEmpty() && v.getInvalidValue() == null
                    ? "a JSON body is required" : v.getMessage();
            (info.parameter() ? paramErrors : bodyErrors).add(new FieldError(info.field().isEmpty() ? "body" : info.field(), message));
        }
        if (returnValue) {
            return unexpected(e, request);
        }
        Comparator<FieldError> order = Comparator.comparing(FieldError::field).thenComparing(FieldError::message);
        if (!paramErrors.isEmpty()) {
            paramErrors.sort(order);
            return respond(ProblemKind.INVALID_PARAMETER, BindingErrors.summary(paramErrors), paramErrors, Map.of(),
                    Map.of(), request);
        }
        bodyErrors.sort(order);
        if (bodyErrors.size() == 1 && bodyErrors.get(0).field().equals("body")) {
            return respond(ProblemKind.INVALID_BODY, "A JSON body is required", List.of(), Map.of(), Map.of(), request);
        }
        return respond(ProblemKind.VALIDATION, BindingErrors.summary(bodyErrors), bodyErrors, Map.of(), Map.of(),
                request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response database(PgException e, HttpServerRequest request) {
        return sqlState(e.getSqlState(), e, request);
    }

    private Response sqlState(String state, Throwable e, HttpServerRequest request) {
        if ("23503".equals(state)) {
            return respond(ProblemKind.IN_USE, "The resource is still referenced by another resource", request);
        }
        if ("23505".equals(state)) {
            return respond(ProblemKind.DUPLICATE, "A resource with the same identity already exists", request);
        }
        if ("40001".equals(state) || "40P01".equals(state) || "55P03".equals(state)) {
            return respond(ProblemKind.UNAVAILABLE, "A concurrent change got in the way; retry the request",
                    List.of(), Map.of(), Map.of("Retry-After", "1"), request);
        }
        if (DatabaseUnavailable.sqlState(state)) {
            return databaseUnavailable(request);
        }
        return unexpected(e, request);
    }

    /**
     * Hibernate Reactive reports a failed statement as a Hibernate exception whose cause is either the driver's
     * {@link PgException} or a {@link java.sql.SQLException} carrying only its SQL state (a flush, for example).
     */
    @ServerExceptionMapper(priority = 1)
    public Response hibernate(HibernateException e, HttpServerRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg) {
                return database(pg, request);
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sqlState(sql.getSQLState(), e, request);
            }
        }
        return unexpected(e, request);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (e instanceof ProblemException p) {
            return problem(p, request);
        }
        if (DatabaseUnavailable.is(e)) {
            return databaseUnavailable(request);
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s %s (correlationId=%s)", request.method(), request.path(), correlationId);
        return respond(ProblemKind.INTERNAL, "Something went wrong on our side. Quote correlationId " + correlationId
                + " when you report it.", List.of(), Map.of("correlationId", correlationId), Map.of(), request);
    }

    /**
     * The database cannot be reached right now (it is restarting, or a connection to it was cut): a {@code 503} the
     * client may retry, never a {@code 500}; the readiness check says the same.
     */
    private Response databaseUnavailable(HttpServerRequest request) {
        LOG.debugf("Database unavailable during %s %s", request == null ? "" : request.method(),
                request == null ? "" : request.path());
        return respond(ProblemKind.UNAVAILABLE, "The database is unavailable for the moment; retry the request",
                List.of(), Map.of(), Map.of("Retry-After", "1"), request);
    }

    private Response respond(ProblemKind kind, String detail, HttpServerRequest request) {
        return responses.respond(kind, detail, request);
    }

    private Response respond(ProblemKind kind, String detail, List<FieldError> errors, Map<String, Object> extensions,
            Map<String, String> headers, HttpServerRequest request) {
        return responses.respond(kind, detail, errors, extensions, headers, request);
    }

    private static boolean hasCredentials(HttpServerRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader("X-API-Key") != null
                || request.getParam("token") != null;
    }
}
