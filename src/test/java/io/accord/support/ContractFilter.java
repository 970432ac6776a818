package io.accord.support;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A global REST Assured filter that validates every response a test receives against {@code openapi/openapi.yaml}
 * (see {@link ContractValidator}) and fails the test, naming the operation, the status and what is wrong, when it does
 * not. It is installed for every {@code @QuarkusTest} by {@link ContractFilterInstaller}, so a test that calls
 * {@code RestAssured.given()} directly is covered as well as one that goes through {@link Api}.
 */
public final class ContractFilter implements Filter {

    /**
     * {@code ACCORD_CONTRACT_COLLECT=true} appends mismatches to {@code target/contract-mismatches.txt} instead of
     * failing the test, to survey a whole run at once when changing the contract. Never set it in CI.
     */
    private static final boolean COLLECT = Boolean.parseBoolean(System.getenv("ACCORD_CONTRACT_COLLECT"));
    private static final Path MISMATCHES = Path.of("target/contract-mismatches.txt");

    static final ContractFilter INSTANCE = new ContractFilter(null);

    private final ContractValidator validator;

    /** A filter for the given contract; {@code null} means the committed one. */
    ContractFilter(ContractValidator validator) {
        this.validator = validator;
    }

    /** Adds the filter to REST Assured's global filters once; safe to call before every test. */
    public static synchronized void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath();
        // Only Accord's answers are held to its contract, not those of a test's own peers (an OpenID provider).
        boolean accord = uri.getPort() == RestAssured.port || uri.getPort() == -1 && RestAssured.port == 80;
        if (!accord || "OPTIONS".equalsIgnoreCase(request.getMethod()) || ContractValidator.skipped(path)) {
            return response;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.merge(h.getName(), h.getValue(), (a, b) -> a + ", " + b);
        }
        String contentType = response.getContentType();
        String body = "text/event-stream".equals(ContractValidator.mediaType(contentType)) ? "" : response.asString();
        ContractValidator.Exchange exchange = new ContractValidator.Exchange(request.getMethod(), path,
                response.getStatusCode(), contentType, headers, body);
        ContractValidator.Verdict verdict = (validator == null ? ContractValidator.shared() : validator).validate(exchange);
        if (!verdict.ok()) {
            if (COLLECT && validator == null) {
                collect(describe(verdict, exchange));
            } else {
                throw new AssertionError(describe(verdict, exchange));
            }
        }
        return response;
    }

    private static synchronized void collect(String mismatch) {
        try {
            Files.writeString(MISMATCHES, mismatch + "\n\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describe(ContractValidator.Verdict verdict, ContractValidator.Exchange x) {
        StringBuilder sb = new StringBuilder("The response does not match the contract ")
                .append(ContractValidator.CONTRACT).append(":\n  operation: ").append(verdict.operation())
                .append("\n  answered: ").append(x.status()).append(' ')
                .append(x.contentType() == null || x.contentType().isEmpty() ? "(no content type)" : x.contentType())
                .append(" for ").append(x.method()).append(' ').append(x.path());
        verdict.violations().forEach(v -> sb.append("\n  - ").append(v));
        String body = x.body() == null ? "" : x.body();
        if (!body.isEmpty()) {
            sb.append("\n  body: ").append(body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
            if (body.length() > 2000) {
                offendingNodes(verdict, body, sb);
            }
        }
        return sb.toString();
    }

    /** For a long body, the nodes the violations point at (their first JSON pointer), so the cause is visible. */
    private static void offendingNodes(ContractValidator.Verdict verdict, String body, StringBuilder sb) {
        java.util.Set<String> pointers = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("body (/items/\\d+)").matcher(
                String.join("\n", verdict.violations().stream().map(String::valueOf).toList()));
        while (m.find() && pointers.size() < 3) {
            pointers.add(m.group(1));
        }
        try {
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            for (String pointer : pointers) {
                String node = root.at(pointer).toString();
                sb.append("\n  at ").append(pointer).append(": ").append(node.length() > 2000 ? node.substring(0, 2000) + "…" : node);
            }
        } catch (IOException e) {
            // not JSON: the head of the body above is all there is
        }
    }
}
