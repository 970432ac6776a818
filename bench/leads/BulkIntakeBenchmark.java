import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk lead intake throughput over HTTP: {@code POST /api/v1/leads/bulk} with batches of new leads, several requests
 * in flight, against a running Accord. Uses only the JDK; starts nothing itself.
 *
 * <pre>
 * ACCORD_URL=http://localhost:8282 ACCORD_KEY=... java BulkIntakeBenchmark.java [leads] [batch] [concurrency] [mqlPercent]
 * </pre>
 *
 * Defaults: 100,000 leads in batches of 1,000, 4 requests in flight, 0 % pushed as {@code status: mql} (which also hands
 * them off and starts SLA clocks if a policy matches). A warm-up of 10 batches runs first and is not measured. Every
 * run uses a fresh {@code source}, so every lead is created (the insert path); {@code UPDATE=1} pushes the same leads
 * a second time and measures the update path too. Each response is checked: status 200 and no failed item.
 */
public class BulkIntakeBenchmark {

    private static final Pattern CREATED = Pattern.compile("\"created\"\\s*:\\s*(\\d+)");
    private static final Pattern UPDATED = Pattern.compile("\"updated\"\\s*:\\s*(\\d+)");
    private static final Pattern FAILED = Pattern.compile("\"failed\"\\s*:\\s*(\\d+)");
    private static final String[] COUNTRIES = {"DE", "FR", "GB", "US", "NL", "ES", "IT", "SE"};
    private static final String[] INDUSTRIES = {"software", "fintech", "retail", "manufacturing", "healthcare"};
    private static final String[] TITLES = {"CTO", "VP Sales", "Head of Marketing", "Engineer", "CFO"};

    public static void main(String[] args) throws Exception {
        String url = env("ACCORD_URL", "http://localhost:8080").replaceAll("/+$", "");
        String key = System.getenv("ACCORD_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("Set ACCORD_KEY to an API key with the integrator, marketing or admin role");
            System.exit(2);
        }
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int mqlPercent = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        boolean update = "1".equals(System.getenv("UPDATE"));
        String source = "bench-" + Long.toString(System.currentTimeMillis(), 36);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf(Locale.ROOT, "target %s, %d leads in batches of %d, %d in flight, %d%% mql, source %s%n",
                url, leads, batch, concurrency, mqlPercent, source);

        List<String> warmup = bodies("warmup-" + source, 10 * batch, batch, mqlPercent);
        run(client, url, key, warmup, concurrency, "warm-up");
        List<String> bodies = bodies(source, leads, batch, mqlPercent);
        Result created = run(client, url, key, bodies, concurrency, "create");
        if (update) {
            run(client, url, key, bodies, concurrency, "update");
        }
        System.exit(created.failedItems == 0 && created.errors == 0 ? 0 : 1);
    }

    record Result(int leads, double seconds, int errors, int failedItems) {
    }

    private static Result run(HttpClient client, String url, String key, List<String> bodies, int concurrency,
            String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger updated = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/leads/bulk"))
                            .timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "ApiKey " + key)
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - t0);
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            System.err.println("HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
                            continue;
                        }
                        created.addAndGet(count(CREATED, response.body()));
                        updated.addAndGet(count(UPDATED, response.body()));
                        failed.addAndGet(count(FAILED, response.body()));
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        System.err.println(e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        int written = created.get() + updated.get();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT,
                "%-8s %,9d leads in %6.2f s = %,8.0f leads/s (%d created, %d updated, %d failed items, %d request "
                        + "errors; request p50 %d ms, p95 %d ms, max %d ms)%n",
                label, written, seconds, written / seconds, created.get(), updated.get(), failed.get(), errors.get(),
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 100));
        return new Result(written, seconds, errors.get(), failed.get());
    }

    /** Request bodies: {@code leads} distinct leads of {@code source} in batches of {@code batch}. */
    private static List<String> bodies(String source, int leads, int batch, int mqlPercent) {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < leads; from += batch) {
            StringBuilder sb = new StringBuilder(batch * 420).append("{\"items\":[");
            for (int i = from; i < Math.min(leads, from + batch); i++) {
                if (i > from) {
                    sb.append(',');
                }
                String country = COUNTRIES[i % COUNTRIES.length];
                sb.append("{\"source\":\"").append(source).append("\",\"externalId\":\"lead-").append(i)
                        .append("\",\"company\":{\"name\":\"Company ").append(i).append(" GmbH\",\"country\":\"")
                        .append(country).append("\",\"industry\":\"").append(INDUSTRIES[i % INDUSTRIES.length])
                        .append("\",\"employees\":").append(10 + (i * 37) % 5000)
                        .append(",\"annualRevenue\":").append(1_000_000L + (i * 7919L) % 90_000_000L)
                        .append("},\"contact\":{\"name\":\"Contact ").append(i).append("\",\"email\":\"contact")
                        .append(i).append("@example.com\",\"title\":\"").append(TITLES[i % TITLES.length])
                        .append("\"},\"custom\":{\"campaign\":\"spring-").append(i % 12).append("\",\"score\":")
                        .append(i % 100).append("}");
                if (mqlPercent > 0 && i % 100 < mqlPercent) {
                    sb.append(",\"status\":\"mql\"");
                }
                sb.append('}');
            }
            bodies.add(sb.append("]}").toString());
        }
        return bodies;
    }

    private static int count(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1_000_000;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
