package io.accord.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.accord.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AlertStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    AlertService alerts;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private List<AlertView> raise(List<AlertDraft> drafts) {
        return pool.withTransaction(c -> alerts.raise(c, Instant.now(), drafts)).await().indefinitely();
    }

    @Test
    void aStreamSeesNewAlertsLiveWithTheirSequenceIds() throws Exception {
        String team = Api.slug("live");
        try (SseClient client = SseClient.open("/api/v1/alerts/stream?teamKey=" + team, Api.newKey("viewer"), null)) {
            // A stream without Last-Event-ID starts "now": wait until it runs (its first heartbeat) before raising.
            assertNotNull(client.nextComment(WAIT), "the stream did not start");
            AlertView a = raise(Alerts.breaches(1, team)).get(0);
            SseClient.Event event = client.nextEvent(WAIT);
            assertNotNull(event, "no live event");
            assertEquals("alert.created", event.name());
            assertTrue(event.data().contains(a.id().toString()));
            assertTrue(Long.parseLong(event.id()) > 0);
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysExactlyWhatWasMissedThenContinues() throws Exception {
        String team = Api.slug("replay");
        String key = Api.newKey("viewer");
        raise(Alerts.breaches(1, team));
        String firstId;
        try (SseClient client = SseClient.open("/api/v1/alerts/stream?teamKey=" + team + "&after=0", key, null)) {
            SseClient.Event first = client.nextEvent(WAIT);
            assertNotNull(first);
            firstId = first.id();
        }
        // While disconnected: two more alerts and an acknowledgement.
        List<AlertView> missed = raise(Alerts.breaches(2, team));
        Api.as(Api.newKey("sales")).body(java.util.Map.of()).post("/api/v1/alerts/" + missed.get(0).id() + "/acknowledge")
                .then().statusCode(200);
        try (SseClient client = SseClient.open("/api/v1/alerts/stream?teamKey=" + team, key, firstId)) {
            SseClient.Event e1 = client.nextEvent(WAIT);
            SseClient.Event e2 = client.nextEvent(WAIT);
            SseClient.Event e3 = client.nextEvent(WAIT);
            assertNotNull(e3, "replay incomplete");
            assertEquals(List.of("alert.created", "alert.created", "alert.acknowledged"), List.of(e1.name(), e2.name(), e3.name()));
            assertTrue(Long.parseLong(e1.id()) > Long.parseLong(firstId));
            assertTrue(Long.parseLong(e2.id()) > Long.parseLong(e1.id()));
            assertTrue(Long.parseLong(e3.id()) > Long.parseLong(e2.id()));
            assertNull(client.nextEvent(Duration.ofSeconds(2)), "nothing beyond what was missed");
            raise(Alerts.breaches(1, team));
            assertNotNull(client.nextEvent(WAIT), "continues live after the replay");
        }
    }

    @Test
    void idleStreamsGetAHeartbeatComment() throws Exception {
        try (SseClient client = SseClient.open("/api/v1/alerts/stream?teamKey=" + Api.slug("quiet"), Api.newKey("viewer"), null)) {
            SseClient.Event comment = client.nextComment(WAIT);
            assertNotNull(comment, "no heartbeat");
            assertEquals("heartbeat", comment.comment());
        }
    }

    /** Another replica: its own LISTEN connection is woken by an alert raised here. */
    @Test
    void everyReplicasListenerIsWokenByACommittedEvent() throws Exception {
        LinkedBlockingQueue<Long> received = new LinkedBlockingQueue<>();
        PgSubscriber otherReplica = EventNotifications.listen(vertx, url, user, password, received::add);
        try {
            Thread.sleep(1000);
            raise(Alerts.breaches(1, Api.slug("x")));
            Long seq = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(seq, "the other replica's listener was not woken");
        } finally {
            otherReplica.close().await().indefinitely();
        }
    }

    /** An event written by another replica (its own connection, plain JDBC) reaches a stream held here. */
    @Test
    void aStreamSeesEventsWrittenByAnotherReplica() throws Exception {
        String team = Api.slug("cross");
        try (SseClient client = SseClient.open("/api/v1/alerts/stream?teamKey=" + team, Api.newKey("viewer"), null);
                Connection other = DriverManager.getConnection(jdbcUrl, user, password)) {
            assertNotNull(client.nextComment(WAIT), "the stream did not start");
            other.setAutoCommit(false);
            // A whole alert, as another replica would write it: the feed is read by later tests and checked against
            // the contract.
            String alert = "{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"kind\":\"sla.breached\",\"status\":\"open\","
                    + "\"resolution\":null,\"clockId\":null,\"leadId\":null,\"source\":null,\"externalId\":\"replica-2\","
                    + "\"companyName\":null,\"tier\":null,\"ownerId\":null,\"teamKey\":\"" + team + "\",\"managerId\":null,"
                    + "\"policyKey\":null,\"policyRevision\":null,\"milestone\":null,\"dueAt\":null,"
                    + "\"detectedAt\":\"2026-03-02T09:00:00Z\",\"leadLink\":null,\"details\":{},\"acknowledgedAt\":null,"
                    + "\"acknowledgedBy\":null,\"resolvedAt\":null,\"resolvedBy\":null,\"comment\":null,"
                    + "\"createdAt\":\"2026-03-02T09:00:00Z\"}";
            try (PreparedStatement insert = other.prepareStatement("insert into events (type, at, alert_kind, alert_status, "
                    + "team_key, data) values ('alert.created', now(), 'sla.breached', 'open', ?, ?) returning seq")) {
                insert.setString(1, team);
                insert.setString(2, alert);
                var rs = insert.executeQuery();
                rs.next();
                long seq = rs.getLong(1);
                try (PreparedStatement notify = other.prepareStatement("select pg_notify('accord_events', ?)")) {
                    notify.setString(1, Long.toString(seq));
                    notify.execute();
                }
                other.commit();
                SseClient.Event event = client.nextEvent(WAIT);
                assertNotNull(event);
                assertEquals(Long.toString(seq), event.id());
                assertTrue(event.data().contains("replica-2"));
            }
        }
    }
}
