package io.accord;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI description's root: the two ways to authenticate and the tags. */
@OpenAPIDefinition(
        info = @Info(title = "Accord API", version = "1.0.0"),
        tags = {
            @Tag(name = "API keys", description = "Credentials for machine callers"),
            @Tag(name = "Audit", description = "The log of every write"),
            @Tag(name = "Calendars", description = "Business hours, holidays and business-time arithmetic"),
            @Tag(name = "Alerts", description = "SLA and commitment alerts: list, acknowledge, resolve, live stream, pull feed"),
            @Tag(name = "Webhooks", description = "Signed pushes of alert events, with retries and a delivery log"),
            @Tag(name = "ICPs", description = "Ideal Customer Profiles: versioned, signed by marketing and sales, and "
                    + "evaluated against leads"),
            @Tag(name = "Teams", description = "Sales and marketing teams: lead owners and escalation managers"),
            @Tag(name = "Leads", description = "Lead intake (single and bulk), lifecycle actions and touches"),
            @Tag(name = "SLA", description = "Follow-up SLA policies, the clocks they start at hand-off, and previews"),
            @Tag(name = "Commitments", description = "Marketing's half of the agreement: leads promised per period, with "
                    + "pace projection and at-risk, met and missed alerts"),
            @Tag(name = "Reports", description = "The shared numbers both sides read: SLA compliance, speed to lead, "
                    + "funnel, ICP fit against outcome and the weekly digest; JSON, CSV and Markdown"),
            @Tag(name = "People", description = "The people behind lead owners: teams, own hours and absences, the "
                    + "candidates of reassignment on breach")
        })
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "ApiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
            apiKeyName = "X-API-Key",
            description = "An API key from POST /api/v1/api-keys, sent as `X-API-Key: <key>` or `Authorization: ApiKey <key>`."),
    @SecurityScheme(securitySchemeName = "Bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
            description = "An OIDC/JWT access token; roles are read from the `groups` claim.")
})
public class AccordApi extends Application {
}
