package io.accord.icp;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead's attributes to evaluate; nothing is stored. */
@Schema(name = "LeadAttributesRequest", description = "Free JSON objects under three roots. Criteria address values "
        + "by dot path, e.g. `company.industry`, `contact.title`, `custom.stack.crm`. An absent, null or blank value "
        + "is missing: its criteria never match and it is listed in `missingAttributes`.")
public record LeadAttributesRequest(
        @Schema(example = "{\"industry\": \"Software\", \"employeeCount\": 450, \"country\": \"DE\"}", nullable = true)
        Map<String, Object> company,
        @Schema(example = "{\"title\": \"VP Engineering\", \"seniority\": \"vp\"}", nullable = true)
        Map<String, Object> contact,
        @Schema(example = "{\"crm\": \"hubspot\"}", nullable = true) Map<String, Object> custom) {

    LeadAttributes toLead() {
        return new LeadAttributes(company, contact, custom);
    }
}
