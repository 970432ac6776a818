package io.accord.report;

import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The equality filters every window report takes as query parameters ({@code @BeanParam} of {@link ReportResource}):
 * exact matches, absent or blank meaning "any". {@code milestone} stays a parameter of each operation, since only the
 * SLA compliance report documents it.
 */
public class ReportFilters {

    @QueryParam("ownerId")
    String ownerId;
    @QueryParam("teamKey")
    String teamKey;
    @QueryParam("tier")
    String tier;
    @QueryParam("icpKey")
    String icpKey;
    @QueryParam("policyKey")
    String policyKey;
    @QueryParam("source")
    String source;

    /** The filter values by parameter name, in a stable order, {@code milestone} last (for {@link ReportQuery#parse}). */
    Map<String, String> with(String milestone) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ownerId", ownerId);
        f.put("teamKey", teamKey);
        f.put("tier", tier);
        f.put("icpKey", icpKey);
        f.put("policyKey", policyKey);
        f.put("source", source);
        f.put("milestone", milestone);
        return f;
    }
}
