package io.accord.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The HTTP edge, before any resource runs: a body whose declared length exceeds
 * {@code quarkus.http.limits.max-body-size} is a 413 before any of it is read (the HTTP layer's own refusal has no
 * body); a path or query that does not percent-decode to valid UTF-8 text without NUL ({@link InputText}) is a 400;
 * and a failure the router reports without an exception mapper (a bare status) still becomes a problem document.
 *
 * <p>What Vert.x refuses while decoding the request head (414 URI too long, 431 headers too large, a request with
 * both {@code Content-Length} and {@code Transfer-Encoding}) never reaches a handler: Quarkus gives no hook for
 * Vert.x' invalid-request handler, so those answers have no body.
 */
@Singleton
public class HttpLimits {

    private static final Logger LOG = Logger.getLogger(HttpLimits.class);

    private final long maxBodyBytes;
    private final ObjectMapper json;

    public HttpLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(context, ProblemKind.PAYLOAD_TOO_LARGE,
                        "The body is " + length + " bytes; the limit is " + maxBodyBytes + " bytes");
                return;
            }
            String refusal = uriRefusal(context.request().uri());
            if (refusal != null) {
                send(context, ProblemKind.BAD_REQUEST, "The request's path or query " + refusal);
                return;
            }
            context.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    /** A router-level failure (no JAX-RS mapper saw it): answer a problem unless it is the security layer's. */
    private void failed(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().headWritten() || context.response().ended()) {
            context.next();
            return;
        }
        if (failure != null && failure.getClass().getName().startsWith("io.quarkus.security")) {
            context.next();
            return;
        }
        int status = context.statusCode();
        if (failure instanceof io.vertx.ext.web.handler.HttpException http) {
            status = http.getStatusCode();
        }
        if (failure instanceof IllegalArgumentException && status < 0) {
            // Vert.x Web refuses a path it cannot decode or normalise by throwing.
            status = 400;
        }
        ProblemKind kind = kindOf(status);
        if (kind == null || kind == ProblemKind.INTERNAL) {
            String correlationId = UUID.randomUUID().toString();
            LOG.errorf(failure, "Unexpected failure on %s %s (correlationId=%s)", context.request().method(),
                    context.request().path(), correlationId);
            LinkedHashMap<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("correlationId", correlationId);
            send(context, ProblemKind.INTERNAL, "Something went wrong on our side. Quote correlationId "
                    + correlationId + " when you report it.", extensions);
            return;
        }
        send(context, kind, kind.title());
    }

    private static ProblemKind kindOf(int status) {
        for (ProblemKind kind : ProblemKind.values()) {
            if (kind.status() == status) {
                return kind;
            }
        }
        return null;
    }

    /** Answers {@code kind} as a problem document from a router handler. */
    void send(RoutingContext context, ProblemKind kind, String detail) {
        send(context, kind, detail, new LinkedHashMap<>());
    }

    private void send(RoutingContext context, ProblemKind kind, String detail, LinkedHashMap<String, Object> extensions) {
        String path = context.request().path();
        Problem problem = new Problem(kind.type(), kind.title(), kind.status(), detail,
                path != null && InputText.refusal(path) == null ? path : null, null, extensions);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"" + kind.type() + "\",\"status\":" + kind.status() + "}";
        }
        context.response().setStatusCode(kind.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Why the raw request target is refused, or {@code null}: every percent-escape must be complete, the decoded
     * bytes valid UTF-8, and the text acceptable to {@link InputText}.
     */
    static String uriRefusal(String uri) {
        if (uri == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(uri.length());
        boolean escaped = false;
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0
                        || Character.digit(uri.charAt(i + 2), 16) < 0) {
                    return "has an incomplete percent-escape";
                }
                bytes.write(Character.digit(uri.charAt(i + 1), 16) * 16 + Character.digit(uri.charAt(i + 2), 16));
                escaped = true;
                i += 2;
            } else if (c == '\u0000') {
                return "must not contain a NUL character (U+0000)";
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Raw bytes beyond ASCII arrive as ISO-8859-1 characters; they too must form UTF-8.
                bytes.write(c & 0xFF);
                escaped = true;
            }
        }
        if (!escaped) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return "is not valid UTF-8 once percent-decoded";
        }
        String refusal = InputText.refusal(text);
        return refusal == null ? null : refusal.replace("must not contain", "contains");
    }
}
