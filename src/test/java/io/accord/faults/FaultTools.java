package io.accord.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The outside world of the fault test: a webhook receiver, live-stream followers and a load probe. JDK only, so
 * {@code bench/faults/run.sh} runs it as a single source file ({@code java FaultTools.java receiver ...}) and
 * {@code FaultsIT} uses the same classes in process. Each writes one tab-separated line per observation, which the
 * checks load into PostgreSQL and compare with the service's own tables.
 */
public final class FaultTools {

    private FaultTools() {
    }

    /**
     * {@code receiver PORT SECRET LOG}, {@code sse NAME KEY LOG PORT...} (home replica first) or
     * {@code load KEY LOG RATE PORT...}; each runs until it is killed (SIGTERM).
     */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "receiver" -> {
                Receiver r = new Receiver(Integer.parseInt(args[1]), args[2], Path.of(args[3]));
                Runtime.getRuntime().addShutdownHook(new Thread(r::close));
                Thread.currentThread().join();
            }
            case "sse" -> {
                List<Integer> ports = new ArrayList<>();
                for (int i = 4; i < args.length; i++) {
                    ports.add(Integer.parseInt(args[i]));
                }
                SseFollower f = new SseFollower(args[1], args[2], ports, Path.of(args[3]));
                Runtime.getRuntime().addShutdownHook(new Thread(f::close));
                f.run();
            }
            case "load" -> {
                List<Integer> ports = new ArrayList<>();
                for (int i = 4; i < args.length; i++) {
                    ports.add(Integer.parseInt(args[i]));
                }
                LoadProbe p = new LoadProbe(args[1], ports, Double.parseDouble(args[3]), Path.of(args[2]));
                Runtime.getRuntime().addShutdownHook(new Thread(p::close));
                p.run();
            }
            default -> throw new IllegalArgumentException("receiver | sse | load");
        }
    }

    /** An append-only TSV log, flushed per line so a killed writer loses nothing it reported. */
    static final class Log implements AutoCloseable {
        private final PrintWriter out;

        Log(Path file) {
            try {
                out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void line(Object... fields) {
            StringBuilder sb = new StringBuilder();
            for (Object f : fields) {
                if (!sb.isEmpty()) {
                    sb.append('\t');
                }
                sb.append(f == null ? "\\N" : f.toString().replace('\t', ' ').replace('\n', ' '));
            }
            out.println(sb);
            out.flush();
        }

        @Override
        public synchronized void close() {
            out.close();
        }
    }

    /**
     * A Standard Webhooks receiver on 127.0.0.1: checks each request's {@code webhook-signature} against the secret
     * and logs {@code millis, webhook-id, signature ok (t/f), event type}; answers 204.
     */
    public static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final byte[] key;
        private final Log log;
        public final AtomicLong received = new AtomicLong();
        public final AtomicLong badSignatures = new AtomicLong();

        public Receiver(int port, String secret, Path logFile) throws IOException {
            this.key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            this.log = new Log(logFile);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    String id = exchange.getRequestHeaders().getFirst("webhook-id");
                    String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                    String sig = exchange.getRequestHeaders().getFirst("webhook-signature");
                    boolean ok = verify(id, ts, body, sig);
                    String text = new String(body, StandardCharsets.UTF_8);
                    int at = text.indexOf("\"type\":\"");
                    String type = at < 0 ? null : text.substring(at + 8, text.indexOf('"', at + 8));
                    received.incrementAndGet();
                    if (!ok) {
                        badSignatures.incrementAndGet();
                    }
                    log.line(System.currentTimeMillis(), id, ok ? "t" : "f", type);
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
        }

        private boolean verify(String id, String ts, byte[] body, String header) {
            if (id == null || ts == null || header == null) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
                byte[] expected = mac.doFinal(body);
                for (String part : header.split(" ")) {
                    if (part.startsWith("v1,") && MessageDigest.isEqual(expected,
                            Base64.getDecoder().decode(part.substring(3)))) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            log.close();
        }
    }

    /**
     * Follows {@code /api/v1/alerts/stream} with an API key and logs every event it receives
     * ({@code millis, name, E, event id, port}) and every (re)connection ({@code millis, name, C, Last-Event-ID sent,
     * port, status}).
     * When its stream ends (its replica shut down or died), it resumes with {@code Last-Event-ID}: first on its home
     * replica (the first port), which a restart brings back within seconds; if that is not back within
     * {@code homeWait}, on the next replica that answers, and it goes home again at its next reconnect.
     */
    public static final class SseFollower implements Runnable, AutoCloseable {
        private final String name;
        private final String key;
        private final List<Integer> ports;
        private final Log log;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        private final AtomicBoolean stop = new AtomicBoolean();
        private volatile InputStream current;
        public final AtomicLong lastId = new AtomicLong();
        public final AtomicLong events = new AtomicLong();
        public final AtomicLong connects = new AtomicLong();
        public final Duration homeWait;

        public SseFollower(String name, String key, List<Integer> ports, Path logFile) {
            this(name, key, ports, logFile, Duration.ofSeconds(15));
        }

        public SseFollower(String name, String key, List<Integer> ports, Path logFile, Duration homeWait) {
            this.name = name;
            this.key = key;
            this.ports = List.copyOf(ports);
            this.log = new Log(logFile);
            this.homeWait = homeWait;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                int port = pick();
                if (port < 0) {
                    continue;
                }
                try {
                    follow(port);
                } catch (IOException | InterruptedException e) {
                    // The replica went away mid-stream; resume below.
                }
            }
        }

        /** The home replica if it answers within homeWait, else the first other one that does. */
        private int pick() {
            long until = System.nanoTime() + homeWait.toNanos();
            while (!stop.get()) {
                if (ready(ports.get(0))) {
                    return ports.get(0);
                }
                if (System.nanoTime() > until) {
                    for (int p : ports.subList(1, ports.size())) {
                        if (ready(p)) {
                            return p;
                        }
                    }
                }
                sleep(200);
            }
            return -1;
        }

        private boolean ready(int port) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                return r.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void follow(int port) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/alerts/stream"))
                    .header("X-API-Key", key).header("Accept", "text/event-stream")
                    .header("Last-Event-ID", Long.toString(lastId.get())).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            connects.incrementAndGet();
            log.line(System.currentTimeMillis(), name, "C", lastId.get(), port, response.statusCode());
            try (InputStream in = response.body();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                current = in;
                if (response.statusCode() != 200) {
                    sleep(500);
                    return;
                }
                String id = null;
                for (String line = reader.readLine(); line != null && !stop.get(); line = reader.readLine()) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith(":")) {
                        log.line(System.currentTimeMillis(), name, "H", lastId.get(), port, null);
                    } else if (line.isEmpty() && id != null) {
                        long seq = Long.parseLong(id);
                        log.line(System.currentTimeMillis(), name, "E", seq, port, null);
                        events.incrementAndGet();
                        lastId.set(seq);
                        id = null;
                    }
                }
            } finally {
                current = null;
            }
        }

        @Override
        public void close() {
            stop.set(true);
            InputStream in = current;
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            log.close();
        }
    }

    /**
     * Sends a steady, modest mix of reads and writes to every replica in turn, as a client would, and logs each
     * outcome: {@code millis, port, method, route, status (0 = no answer), problem type or content type, error}.
     */
    public static final class LoadProbe implements Runnable, AutoCloseable {
        private final String key;
        private final List<Integer> ports;
        private final double rate;
        private final Log log;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        private final AtomicBoolean stop = new AtomicBoolean();
        public final AtomicLong requests = new AtomicLong();

        public LoadProbe(String key, List<Integer> ports, double rate, Path logFile) {
            this.key = key;
            this.ports = List.copyOf(ports);
            this.rate = rate;
            this.log = new Log(logFile);
        }

        @Override
        public void run() {
            long n = 0;
            long start = System.nanoTime();
            while (!stop.get()) {
                int port = ports.get((int) (n % ports.size()));
                int kind = (int) ((n / ports.size()) % 3);
                String base = "http://127.0.0.1:" + port;
                HttpRequest.Builder b = switch (kind) {
                    case 0 -> HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts?limit=5&kind=sla.breached")).GET();
                    case 1 -> HttpRequest.newBuilder(URI.create(base + "/api/v1/events?limit=20&after=" + (n * 7)))
                            .GET();
                    default -> HttpRequest.newBuilder(URI.create(base + "/api/v1/leads"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"faults-probe\",\"externalId\":\""
                                    + UUID.randomUUID() + "\",\"company\":{\"name\":\"Probe Co\"}}"));
                };
                String route = kind == 0 ? "alerts" : kind == 1 ? "events" : "leads";
                String method = kind == 2 ? "POST" : "GET";
                long t = System.currentTimeMillis();
                try {
                    HttpResponse<String> r = http.send(b.header("X-API-Key", key).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    String what = type;
                    if (type.startsWith("application/problem+json")) {
                        int at = r.body().indexOf("\"type\":\"");
                        what = at < 0 ? "problem" : r.body().substring(at + 8, r.body().indexOf('"', at + 8));
                    }
                    log.line(t, port, method, route, r.statusCode(), what, null);
                } catch (ConnectException e) {
                    log.line(t, port, method, route, 0, null, "refused");
                } catch (IOException e) {
                    log.line(t, port, method, route, 0, null, "cut: " + e);
                } catch (InterruptedException e) {
                    return;
                }
                requests.incrementAndGet();
                n++;
                long due = start + (long) (n * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleep(wait / 1_000_000);
                }
            }
        }

        @Override
        public void close() {
            stop.set(true);
            log.close();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
