package io.accord.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares the responses the runtime gives on every operation of a kind, whatever the resource says, so that the
 * contract matches what the test suite observes:
 * <ul>
 * <li>every error response (4xx, 5xx) has a problem document body, also the 401/403 SmallRye adds on its own;</li>
 * <li>every operation can answer {@code 406} (the {@code Accept} header names nothing it can produce);</li>
 * <li>every operation with a JSON body can answer {@code 422} (bean validation of the body);</li>
 * <li>every operation that takes {@code If-Match} can answer {@code 412} (stale) and {@code 428} (missing).</li>
 * </ul>
 * Called by {@link OpenApiConventions} for each {@code /api} operation.
 */
final class OpenApiRuntimeResponses {

    private OpenApiRuntimeResponses() {
    }

    static void apply(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        add(responses, "406", "The `Accept` header names no media type this operation can produce");
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER)) {
            add(responses, "412", "`If-Match` does not match the current `ETag`");
            add(responses, "428", "`If-Match` is missing");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "422", "The body is well-formed but not valid; `errors` lists each field");
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.getRef() == null
                    && (response.getContent() == null || response.getContent().getMediaTypes() == null
                            || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problem());
            }
        });
    }

    private static void add(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            APIResponse response = OASFactory.createAPIResponse().description(description).content(problem());
            responses.addAPIResponse(status, response);
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }
}
