package io.accord.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.client.ApiClient;
import io.accord.client.ApiException;
import io.accord.client.api.AlertsApi;
import io.accord.client.api.ApiKeysApi;
import io.accord.client.api.CalendarsApi;
import io.accord.client.api.IcpsApi;
import io.accord.client.api.LeadsApi;
import io.accord.client.api.ReportsApi;
import io.accord.client.api.SlaApi;
import io.accord.client.api.TeamsApi;
import io.accord.client.model.Alert;
import io.accord.client.model.AlertComment;
import io.accord.client.model.ApiKey;
import io.accord.client.model.ApiKeyRequest;
import io.accord.client.model.BusinessHours;
import io.accord.client.model.CalendarRequest;
import io.accord.client.model.Criterion;
import io.accord.client.model.IcpDecisionRequest;
import io.accord.client.model.IcpRequest;
import io.accord.client.model.IcpVersion;
import io.accord.client.model.IcpVersionRequest;
import io.accord.client.model.Lead;
import io.accord.client.model.LeadRequest;
import io.accord.client.model.SlaComplianceReport;
import io.accord.client.model.SlaMilestone;
import io.accord.client.model.SlaPolicyConditions;
import io.accord.client.model.SlaPolicyRequest;
import io.accord.client.model.TeamRequest;
import io.accord.client.model.Tier;
import io.accord.client.model.TouchRequest;
import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The main flow through the Java client that openapi-generator builds from the committed contract
 * (openapi/openapi.yaml, `native` library, generated into target/generated-test-sources at build time): if the
 * contract lies about a path, a body or a response, this fails to compile or to run.
 */
@QuarkusTest
@TestProfile(KitProfile.class)
class GeneratedClientTest {

    /** A client that sends {@code key} the way the contract's ApiKey scheme says: the X-API-Key header. */
    private static ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RestAssured.port);
        client.setRequestInterceptor(request -> request.header("X-API-Key", key));
        return client;
    }

    private static ApiKey key(ApiClient admin, String name, String role) throws ApiException {
        return new ApiKeysApi(admin).createApiKey(new ApiKeyRequest().name(name)
                .roles(List.of(ApiKeyRequest.RolesEnum.fromValue(role))), null);
    }

    @Test
    void theMainFlowRunsThroughTheGeneratedClient() throws Exception {
        String run = Api.slug("gen");
        ApiKey adminKey = key(client(Api.BOOTSTRAP_KEY), run + "-admin", "admin");
        assertTrue(adminKey.getKey().startsWith("acc_"));
        ApiClient admin = client(adminKey.getKey());
        ApiClient marketing = client(key(admin, run + "-marketing", "marketing").getKey());
        ApiClient sales = client(key(admin, run + "-sales", "sales").getKey());
        assertTrue(new ApiKeysApi(admin).listApiKeys(null, 200, null).getItems().stream()
                .anyMatch(k -> k.getId().equals(adminKey.getId())), "the new key is listed");

        // A calendar open around the clock, so a 2 s target breaches in 2 s.
        CalendarRequest calendar = new CalendarRequest().key(run + "-always").name("Always open").timeZone("UTC");
        for (BusinessHours.DayEnum day : BusinessHours.DayEnum.values()) {
            calendar.addHoursItem(new BusinessHours().day(day).start("00:00").end("24:00"));
        }
        assertEquals("PT168H", new CalendarsApi(admin).createCalendar(calendar, null).getWeeklyBusinessTime());

        // ICP: draft, propose, approve by marketing, then by sales.
        IcpsApi icps = new IcpsApi(admin);
        String icp = icps.createIcp(new IcpRequest().key(run + "-icp").name("Mid-market DACH"), null).getKey();
        IcpVersion draft = icps.createIcpVersion(icp, new IcpVersionRequest()
                .criteria(List.of(
                        new Criterion().attribute("company.country").operator(Criterion.OperatorEnum.IN)
                                .values(List.of("DE", "AT", "CH")).weight(60).required(true),
                        new Criterion().attribute("company.employees").operator(Criterion.OperatorEnum.BETWEEN)
                                .min(BigDecimal.valueOf(50)).max(BigDecimal.valueOf(1000)).weight(40)))
                .tiers(List.of(new Tier().label("A").minScore(80), new Tier().label("B").minScore(50),
                        new Tier().label("C").minScore(0)))
                .notes("generated client"), null);
        Integer n = draft.getVersion();
        assertEquals(IcpVersion.StatusEnum.PROPOSED, icps.proposeIcpVersion(icp, n, null).getStatus());
        assertEquals(IcpVersion.StatusEnum.PROPOSED, new IcpsApi(marketing).approveIcpVersion(icp, n,
                new IcpDecisionRequest().side(IcpDecisionRequest.SideEnum.MARKETING)).getStatus());
        assertEquals(IcpVersion.StatusEnum.ACTIVE, new IcpsApi(sales).approveIcpVersion(icp, n,
                new IcpDecisionRequest().side(IcpDecisionRequest.SideEnum.SALES)).getStatus());

        // Team and policy: the first touch is due 2 s after hand-off, for this run's source only.
        String team = new TeamsApi(admin).createTeam(new TeamRequest().key(run + "-team").name("DACH sales")
                .function(TeamRequest.FunctionEnum.SALES).managerId("mgr-1").members(List.of("rep-1", "rep-2"))
                .calendarKey(calendar.getKey()), null).getKey();
        new SlaApi(admin).createSlaPolicy(new SlaPolicyRequest().key(run + "-policy").name("Fast follow-up")
                .priority(100).enabled(true).calendarKey(calendar.getKey())
                .conditions(new SlaPolicyConditions().sources(List.of(run)))
                .milestones(List.of(new SlaMilestone().kind(SlaMilestone.KindEnum.FIRST_TOUCH).target("PT2S"))), null);

        // A lead pushed as MQL starts its clock; a touch meets it. A second lead nobody calls breaches.
        LeadsApi leads = new LeadsApi(admin);
        Lead touched = leads.ingestLead(lead(run, "gen-1", team, "rep-1"), null);
        assertEquals(Lead.StatusEnum.MQL, touched.getStatus());
        assertEquals(100, touched.getFit().getScore());
        new LeadsApi(sales).logTouch(touched.getId(), new TouchRequest().kind(TouchRequest.KindEnum.CALL)
                .occurredAt(OffsetDateTime.now(ZoneOffset.UTC)).actorId("rep-1"), null);
        // Met, on time or (on a slow machine, after 2 s) late; a touch stamped before the hand-off would not count.
        assertNotNull(new SlaApi(admin).getLeadSla(touched.getId()).getClocks().get(0).getMetAt(), "first touch met");
        Lead idle = leads.ingestLead(lead(run, "gen-2", team, "rep-2"), null);

        AlertsApi alerts = new AlertsApi(admin);
        List<Alert> breaches = List.of();
        long deadline = System.currentTimeMillis() + 20_000;
        while (breaches.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            breaches = alerts.listAlerts(null, "sla.breached", idle.getId(), null, null, null, "open", null,
                    null).getItems();
        }
        assertEquals(1, breaches.size(), "one breach alert for the idle lead");
        Alert acknowledged = new AlertsApi(sales).acknowledgeAlert(breaches.get(0).getId(),
                new AlertComment().comment("calling now"));
        assertEquals(Alert.StatusEnum.ACKNOWLEDGED, acknowledged.getStatus());

        OffsetDateTime day = Instant.now().truncatedTo(ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
        OffsetDateTime nextDay = day.plusDays(1);
        SlaComplianceReport report = new ReportsApi(admin).getSlaComplianceReport(day, nextDay, null, null, null,
                null, null, run, null, null);
        assertEquals(2, report.getTotal().getClocks());
    }

    private static LeadRequest lead(String source, String externalId, String team, String owner) {
        return new LeadRequest().source(source).externalId(externalId).status(LeadRequest.StatusEnum.MQL)
                .ownerId(owner).teamKey(team)
                .company(Map.of("name", "Acme " + externalId, "country", "DE", "employees", 250))
                .contact(Map.of("email", externalId + "@acme.example"));
    }
}
