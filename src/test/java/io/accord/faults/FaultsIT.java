package io.accord.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.common.EmbeddedDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The short fault run of {@code bench/faults/run.sh}, in {@code ./mvnw verify} (failsafe, after {@code package}):
 * two replicas of the packaged service on an embedded PostgreSQL, a webhook receiver, a live-stream follower per
 * replica and a load probe; 2,000 clocks fall due over 20 s while one replica is killed with {@code kill -9} (and
 * started again) and every connection to PostgreSQL is cut once. Then: no alert lost or doubled, every event delivered
 * to the receiver with a valid signature, each follower saw every event exactly once, the outbox is empty, and no
 * request was answered 5xx except 503 problem documents right after the connections were cut.
 */
class FaultsIT {

    private static final int CLOCKS = 2_000;
    private static final String BOOTSTRAP = "faults-it-bootstrap-admin-key-0123456789abcdef";
    private static final Path OUT = Path.of("target", "faults-it");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static EmbeddedDatabase db;
    private static String jdbc;
    private static final List<Process> replicas = new ArrayList<>();
    private static final Map<Integer, Integer> ports = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "package first: " + jar.toAbsolutePath());
        Files.createDirectories(OUT);
        try (var old = Files.list(OUT)) {
            for (Path f : old.toList()) {
                Files.delete(f); // the tools append; a second run must not read the first one's lines
            }
        }
        db = EmbeddedDatabase.start(null);
        jdbc = "jdbc:postgresql://localhost:" + db.port() + "/postgres";
        for (int i = 1; i <= 2; i++) {
            ports.put(i, freePort());
        }
        for (int i = 1; i <= 2; i++) {
            replicas.add(startReplica(i));
        }
        for (int i = 1; i <= 2; i++) {
            awaitReady(ports.get(i), Duration.ofSeconds(90));
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process p : replicas) {
            p.destroy();
        }
        for (Process p : replicas) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void noAlertIsLostOrDoubledWhenAReplicaIsKilledAndTheDatabaseConnectionsAreCut() throws Exception {
        int p1 = ports.get(1);
        int p2 = ports.get(2);
        String adminKey = field(call(p1, BOOTSTRAP, "POST", "/api/v1/api-keys",
                "{\"name\": \"faults-it\", \"roles\": [\"admin\"]}"), "key");
        int receiverPort = freePort();
        String secret = field(call(p1, adminKey, "POST", "/api/v1/webhooks",
                "{\"key\": \"faults-it\", \"url\": \"http://127.0.0.1:" + receiverPort + "/hook\"}"), "secret");

        try (FaultTools.Receiver receiver = new FaultTools.Receiver(receiverPort, secret, OUT.resolve("receiver.tsv"));
                FaultTools.SseFollower f1 = new FaultTools.SseFollower("follower-1", adminKey, List.of(p1, p2),
                        OUT.resolve("sse-1.tsv"), Duration.ofSeconds(5));
                FaultTools.SseFollower f2 = new FaultTools.SseFollower("follower-2", adminKey, List.of(p2, p1),
                        OUT.resolve("sse-2.tsv"), Duration.ofSeconds(5));
                FaultTools.LoadProbe load = new FaultTools.LoadProbe(adminKey, List.of(p1, p2), 10,
                        OUT.resolve("load.tsv"))) {
            List<Thread> threads = List.of(new Thread(f1, "follower-1"), new Thread(f2, "follower-2"),
                    new Thread(load, "load"));
            threads.forEach(Thread::start);
            seed();
            long t0 = System.currentTimeMillis();

            // kill -9 of replica 1 while clocks fall due; it starts again at once.
            sleepUntil(t0 + 7_000);
            replicas.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            replicas.set(0, startReplica(1));
            awaitReady(p1, Duration.ofSeconds(90));

            // Every connection to PostgreSQL is cut once (the pools, the LISTEN connections), once replica 1 is back
            // (a cut during its start-up would only fail its migration check and end it).
            long cutAt = System.currentTimeMillis();
            int cut = terminateBackends();
            assertTrue(cut > 0, "no connection was cut");
            System.out.printf("[faults-it] replica 1 killed at +7 s and ready again; %d connections cut at +%d s%n", cut,
                    (cutAt - t0) / 1000);

            // Settle: everything due raised, delivered and streamed.
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                long maxSeq = scalar("select coalesce(max(seq), 0) from events");
                if (scalar("select count(*) from sla_clocks where status = 'running'") == 0
                        && scalar("select count(*) from webhook_deliveries where status = 'pending'") == 0
                        && scalar("select count(*) from events where seq > (select last_seq from webhook_fanout)") == 0
                        && f1.lastId.get() >= maxSeq && f2.lastId.get() >= maxSeq) {
                    break;
                }
                Thread.sleep(500);
            }
            load.close();
            f1.close();
            f2.close();
            threads.forEach(Thread::interrupt);

            long raised = scalar("select count(distinct subject) from alerts where kind = 'sla.breached'");
            long doubled = scalar("select count(*) - count(distinct (subject, kind)) from alerts");
            assertEquals(CLOCKS, raised, "alerts lost: " + (CLOCKS - raised));
            assertEquals(0, doubled, "alerts doubled");

            Set<String> eventIds = new HashSet<>();
            try (Connection c = connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select seq from events")) {
                while (rs.next()) {
                    eventIds.add(Long.toString(rs.getLong(1)));
                }
            }
            assertEquals(CLOCKS, eventIds.size(), "one event per alert");
            assertEquals(0, scalar("select count(*) from webhook_deliveries where status <> 'delivered'"),
                    "outbox not empty (pending, failed or cancelled deliveries)");
            assertEquals(0, scalar("select count(*) from events e where not exists (select 1 from "
                    + "webhook_deliveries d where d.event_seq = e.seq and d.status = 'delivered')"), "events without delivery");

            List<String[]> received = rows(OUT.resolve("receiver.tsv"));
            Set<String> receivedIds = new HashSet<>();
            for (String[] r : received) {
                assertEquals("t", r[2], "bad signature on " + r[1]);
                receivedIds.add(r[1].substring("msg_".length()));
            }
            Set<String> notReceived = new HashSet<>(eventIds);
            notReceived.removeAll(receivedIds);
            assertTrue(notReceived.isEmpty() && eventIds.containsAll(receivedIds), notReceived.size()
                    + " events never reached the receiver under their webhook-id, e.g. " + notReceived.stream().limit(10).toList());
            System.out.printf("[faults-it] %d alerts, %d webhook requests (%d receiver-side duplicates), %d connections "
                    + "cut%n", raised, received.size(), received.size() - receivedIds.size(), cut);

            for (String name : List.of("sse-1.tsv", "sse-2.tsv")) {
                List<String> seen = new ArrayList<>();
                int connects = 0;
                for (String[] r : rows(OUT.resolve(name))) {
                    if (r[2].equals("E")) {
                        seen.add(r[3]);
                    } else if (r[5].equals("200")) {
                        connects++;
                    }
                }
                assertEquals(seen.size(), new HashSet<>(seen).size(), name + ": an event was streamed twice");
                Set<String> missing = new HashSet<>(eventIds);
                missing.removeAll(seen);
                assertTrue(missing.isEmpty(), name + ": " + missing.size() + " events missing from the stream, e.g. "
                        + missing.stream().limit(10).toList());
                System.out.printf("[faults-it] %s: %d events exactly once over %d connections%n", name, seen.size(), connects);
            }

            int answered = 0;
            int unavailable = 0;
            for (String[] r : rows(OUT.resolve("load.tsv"))) {
                long at = Long.parseLong(r[0]);
                int status = Integer.parseInt(r[4]);
                if (status == 0) {
                    continue; // no answer: the killed replica, or one still starting
                }
                answered++;
                if (status >= 500) {
                    boolean nearCut = at >= cutAt - 1_000 && at <= cutAt + 5_000;
                    assertTrue(nearCut && status == 503 && "urn:accord:problem:unavailable".equals(r[5]),
                            "a " + status + " (" + r[5] + ") " + (at - cutAt) + " ms from the connection cut, on "
                                    + r[2] + " " + r[3]);
                    unavailable++;
                }
            }
            assertTrue(answered > 100, "the load probe got few answers: " + answered);
            System.out.printf("[faults-it] load probe: %d answered, %d x 503 after the cut, no other 5xx; %d s in all%n",
                    answered, unavailable, (System.currentTimeMillis() - t0) / 1000);
        }
    }

    private static Process startReplica(int i) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        Map<String, String> env = pb.environment();
        env.put("ACCORD_DB_URL", "postgresql://localhost:" + db.port() + "/postgres");
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("ACCORD_SECRETS_KEY", "ihkbVOnH7/YvGmHaS08UYNPDVix2pHhjefKPkRMn1KA=");
        env.put("ACCORD_BOOTSTRAP_ADMIN_KEY", BOOTSTRAP);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(i)));
        env.put("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE", "5");
        env.put("ACCORD_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        env.put("ACCORD_WEBHOOKS_RETRY_DELAYS", "1s,2s,5s,10s,10s,10s");
        // A delivery claimed by the killed replica is sent again when its lease ends: 10 s here, not a minute.
        env.put("ACCORD_WEBHOOKS_TIMEOUT", "PT5S");
        env.put("ACCORD_WEBHOOKS_LEASE", "PT10S");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(OUT.resolve("replica-" + i + ".log").toFile()));
        return pb.start();
    }

    private static void awaitReady(int port, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("replica on port " + port + " not ready within " + within);
    }

    private static String call(int port, String key, String method, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), name + " missing in " + json);
        return m.group(1);
    }

    /** 2,000 running clocks due from 5 s on, spread over 20 s, as bench/faults/run.sh seeds them. */
    private static void seed() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("insert into calendars (id, key, name, time_zone, hours, holidays, created_at, created_by, updated_at) "
                    + "values (gen_random_uuid(), 'always', 'Always open', 'UTC', '" + week() + "', '[]', now(), 'faults', now())");
            s.execute("insert into teams (id, key, name, function, manager_id, members, created_at, created_by, updated_at) "
                    + "values (gen_random_uuid(), 'faults-sales', 'Faults sales', 'sales', 'mgr-1', '{}', now(), 'faults', now())");
            s.execute("with p as (insert into sla_policies (id, key, name, priority, enabled, calendar_id, calendar_key, "
                    + "conditions, milestones, revision, created_at, created_by, updated_at) select gen_random_uuid(), "
                    + "'faults', 'Faults', 1, true, id, 'always', '{}', '[]', 1, now(), 'faults', now() from calendars "
                    + "where key = 'always' returning id) insert into sla_policy_revisions (id, policy_id, revision, key, "
                    + "name, priority, enabled, calendar_key, conditions, milestones, created_at, created_by) select "
                    + "gen_random_uuid(), id, 1, 'faults', 'Faults', 1, true, 'always', '{}', '[]', now(), 'faults' from p");
            s.execute("with l as (insert into leads (id, source, external_id, status, company, contact, custom, owner_id, "
                    + "team_key, fit_tier, handoff_id, handed_off_at, created_at, updated_at) select gen_random_uuid(), "
                    + "'faults', 'f-' || g, 'mql', '{\"name\":\"Faults Co\"}', '{}', '{}', 'rep-1', 'faults-sales', 'A', "
                    + "gen_random_uuid(), now(), now(), now() from generate_series(1, " + CLOCKS + ") g "
                    + "returning id, handoff_id) insert into sla_clocks (id, lead_id, handoff_id, owner_id, team_key, tier, "
                    + "policy_id, policy_key, policy_revision, calendar_key, milestone, target, status, started_at, due_at, "
                    + "created_at) select gen_random_uuid(), l.id, l.handoff_id, 'rep-1', 'faults-sales', 'A', p.id, "
                    + "'faults', 1, 'always', 'first_touch', 'PT1H', 'running', now(), now() + interval '5 seconds' "
                    + "+ interval '20 seconds' * (row_number() over () - 1) / " + (CLOCKS - 1) + ", now() "
                    + "from l cross join (select id from sla_policies where key = 'faults') p");
            s.execute("analyze");
        }
    }

    private static String week() {
        List<String> days = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            days.add("{\"day\":\"" + day + "\",\"start\":\"00:00\",\"end\":\"24:00\"}");
        }
        return "[" + String.join(",", days) + "]";
    }

    private static int terminateBackends() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity "
                        + "where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long scalar(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc, "postgres", "postgres");
    }

    private static List<String[]> rows(Path tsv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        if (Files.exists(tsv)) {
            for (String line : Files.readAllLines(tsv)) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        return rows;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
