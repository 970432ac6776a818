package io.accord.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
@Schema(name = "Problem", description = "RFC 9457 problem details. `type` is stable per problem kind; "
        + "validation problems list each offending field in `errors`.")
public record Problem(
        @Schema(example = "urn:accord:problem:validation-error") String type,
        @Schema(example = "The request is not valid") String title,
        @Schema(example = "422") int status,
        @Schema(example = "criteria[2].weight must be between 1 and 100") String detail,
        @Schema(example = "/api/v1/icps/enterprise/versions") String instance,
        List<FieldError> errors,
        @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The members RFC 9457 (and our {@code errors}) define; an extension member must never reuse one of them. */
    public static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errors");

    public Problem {
        extensions = extensions == null ? Map.of() : checkExtensions(extensions);
    }

    /**
     * Returns the extension members unchanged, or fails when one of them would collide with a standard member (a
     * second {@code status} would make {@code problem.status} a string for clients). A programming error, so it throws.
     */
    public static Map<String, Object> checkExtensions(Map<String, Object> extensions) {
        for (String name : extensions.keySet()) {
            if (MEMBERS.contains(name)) {
                throw new IllegalArgumentException("problem extension member '" + name
                        + "' collides with an RFC 9457 member; give it another name");
            }
        }
        return extensions;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
