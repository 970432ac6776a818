package io.accord.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a problem document as the response {@link ProblemMappers} returns: status, headers and JSON body. */
@Singleton
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** Builds the response for a kind with only a detail. */
    public Response respond(ProblemKind kind, String detail, HttpServerRequest request) {
        return respond(kind, detail, List.of(), Map.of(), Map.of(), request);
    }

    /** Builds the response for a kind; {@code instance} is the request's path. */
    public Response respond(ProblemKind kind, String detail, List<FieldError> errors, Map<String, Object> extensions,
            Map<String, String> headers, HttpServerRequest request) {
        // An extension never shadows a standard member: a second "status" would make the document say two things.
        Map<String, Object> extra = new LinkedHashMap<>(extensions);
        extra.keySet().removeAll(Problem.MEMBERS);
        Problem problem = new Problem(kind.type(), kind.title(), kind.status(), detail,
                request == null ? null : request.path(), errors.isEmpty() ? null : errors, extra);
        Response.ResponseBuilder builder = Response.status(kind.status()).type(Problem.MEDIA_TYPE);
        headers.forEach(builder::header);
        try {
            return builder.entity(json.writeValueAsString(problem)).build();
        } catch (JsonProcessingException impossible) {
            return builder.entity("{\"type\":\"" + kind.type() + "\",\"status\":" + kind.status() + "}").build();
        }
    }
}
