package io.accord.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Applies the API conventions to the generated description, so that no operation can forget them: both security
 * schemes with the operation's roles (also as {@code x-roles}), and the problem responses every operation can give.
 */
public class OpenApiConventions implements OASFilter {

    private static final Map<String, String> COMMON = new LinkedHashMap<>();

    static {
        COMMON.put("400", "Malformed JSON, unknown field, wrong type, or invalid query parameter");
        COMMON.put("401", "No credentials, or invalid ones");
        COMMON.put("403", "The caller lacks a role this operation requires");
        COMMON.put("429", "Rate limit exceeded; see `Retry-After`");
        COMMON.put("500", "Unexpected failure; the problem carries a `correlationId`");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> apply(path, method, operation));
            item.getOperations().values().forEach(OpenApiRuntimeResponses::apply);
        });
        OpenApiSchemas.apply(openAPI);
    }

    private static void apply(String path, PathItem.HttpMethod method, Operation operation) {
        List<String> roles = new ArrayList<>();
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                requirement.getSchemes().values().forEach(scopes -> scopes.stream()
                        .filter(r -> !roles.contains(r)).forEach(roles::add));
            }
        }
        operation.setSecurity(new ArrayList<>(List.of(
                OASFactory.createSecurityRequirement().addScheme("ApiKey", roles),
                OASFactory.createSecurityRequirement().addScheme("Bearer", roles))));
        operation.addExtension("x-roles", roles);

        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        COMMON.forEach((status, description) -> addProblem(responses, status, description));
        if (path.contains("{")) {
            addProblem(responses, "404", "No such resource");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            addProblem(responses, "415", "The body is not `application/json`");
            addProblem(responses, "413", "The body is too large");
        }
        operation.setResponses(responses);
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
        responses.addAPIResponse(status, response);
    }
}
