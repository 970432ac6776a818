import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP throughput of {@code POST /api/v1/icps/{key}/evaluate} against a running Accord on this machine.
 *
 * <p>Setup, with the admin key: creates a marketing key, a sales key and an integrator key; creates an ICP with 20
 * criteria; drafts, proposes and has the two side keys approve it (so it is active). Then the integrator key sends
 * evaluate requests with at most {@code concurrency} in flight, over varied leads, for a warm-up and a measured
 * period. At the end the ICP is retired and the three keys are revoked. JDK only (java.net.http); run with
 * {@code bench/icp/http-evaluate.sh}.
 *
 * <p>Arguments: baseUrl adminKey durationSeconds concurrency warmupSeconds.
 */
public final class HttpEvaluateBenchmark {

    private static final long MAX_REQUESTS = 20_000_000L; // a hard cap besides the time limit
    private static final int LEADS = 512;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String adminKey;

    private HttpEvaluateBenchmark(String base, String adminKey) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.adminKey = adminKey;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String adminKey = args[1];
        int seconds = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        String host = URI.create(base).getHost();
        if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"))) {
            throw new IllegalArgumentException("Only a service on this machine may be benchmarked, not " + base);
        }
        new HttpEvaluateBenchmark(base, adminKey).run(seconds, concurrency, warmup);
    }

    private void run(int seconds, int concurrency, int warmup) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String[] marketing = newKey("bench-marketing-" + suffix, "marketing");
        String[] sales = newKey("bench-sales-" + suffix, "sales");
        String[] integrator = newKey("bench-integrator-" + suffix, "integrator");
        String icp = "bench-" + suffix;
        try {
            call("POST", "/api/v1/icps", adminKey, "{\"key\":\"" + icp + "\",\"name\":\"HTTP benchmark " + suffix + "\"}", 201);
            call("POST", "/api/v1/icps/" + icp + "/versions", adminKey, definition(), 201);
            call("POST", "/api/v1/icps/" + icp + "/versions/1/propose", adminKey, "", 200);
            call("POST", "/api/v1/icps/" + icp + "/versions/1/approve", marketing[1], "{\"side\":\"marketing\"}", 200);
            String activated = call("POST", "/api/v1/icps/" + icp + "/versions/1/approve", sales[1], "{\"side\":\"sales\"}", 200);
            if (!activated.contains("\"status\":\"active\"")) {
                throw new IllegalStateException("The ICP did not become active: " + activated);
            }
            List<String> leads = leads(new Random(42));
            String sample = call("POST", "/api/v1/icps/" + icp + "/evaluate", integrator[1], leads.get(0), 200);
            System.out.println("ICP " + icp + " active with 20 criteria; sample result: "
                    + sample.substring(0, Math.min(120, sample.length())) + "…");
            System.out.printf("warm-up %d s, then %d s with %d requests in flight%n", warmup, seconds, concurrency);

            URI uri = URI.create(base + "/api/v1/icps/" + icp + "/evaluate");
            measure(uri, integrator[1], leads, warmup, concurrency);
            long[] counts = measure(uri, integrator[1], leads, seconds, concurrency);
            long ok = counts[0];
            long failed = counts[1];
            long limited = counts[2];
            double elapsed = counts[3] / 1e9;
            System.out.printf("requests: %d ok, %d failed (%d of them 429 rate-limited) in %.1f s%n", ok, failed,
                    limited, elapsed);
            if (limited > 0) {
                System.out.println("WARNING: the server rate-limits this principal; start it with "
                        + "ACCORD_RATE_LIMIT_ENABLED=false to measure evaluation rather than the limiter");
            }
            System.out.println("http evaluate requests per second: " + Math.round(ok / elapsed));
        } finally {
            tryCall("POST", "/api/v1/icps/" + icp + "/retire", adminKey, "");
            for (String[] key : List.of(marketing, sales, integrator)) {
                tryCall("DELETE", "/api/v1/api-keys/" + key[0], adminKey, null);
            }
        }
    }

    /** Sends requests for {@code seconds} with at most {@code concurrency} in flight: ok, failed, 429s, nanos. */
    private long[] measure(URI uri, String key, List<String> leads, int seconds, int concurrency)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong limited = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long sent = 0;
        while (System.nanoTime() < end && sent < MAX_REQUESTS) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "ApiKey " + key)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(leads.get((int) (sent % leads.size()))))
                    .build();
            sent++;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 200) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    if (error == null && response.statusCode() == 429) {
                        limited.incrementAndGet();
                    }
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency); // wait for the stragglers
        long elapsed = System.nanoTime() - start;
        return new long[] {ok.get(), failed.get(), limited.get(), elapsed};
    }

    /** Creates an API key with one role; returns {id, secret}. */
    private String[] newKey(String name, String role) throws Exception {
        String body = call("POST", "/api/v1/api-keys", adminKey,
                "{\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"]}", 201);
        return new String[] {field(body, "id"), field(body, "key")};
    }

    private String call(String method, String path, String key, String body, int expected) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "ApiKey " + key)
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private void tryCall(String method, String path, String key, String body) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "ApiKey " + key).timeout(Duration.ofSeconds(30));
            builder = body == null ? builder.method(method, HttpRequest.BodyPublishers.noBody())
                    : builder.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body));
            http.send(builder.build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            System.err.println("cleanup: " + method + " " + path + " failed: " + e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    /** The 20 criteria of bench/icp/EvaluateBenchmark, as a version request. */
    private static String definition() {
        String[] criteria = {
            c("company.industry", "in", 30, "\"values\":[\"software\",\"fintech\",\"saas\",\"healthtech\",\"edtech\","
                    + "\"cybersecurity\",\"martech\",\"logistics\"]"),
            c("company.employees", "between", 25, "\"min\":50,\"max\":5000,\"required\":true"),
            c("company.annualRevenue", "gte", 10, "\"value\":\"1000000\""),
            c("contact.title", "contains_any", 30, "\"values\":[\"vp\",\"head of\",\"chief\",\"director\",\"founder\",\"cmo\"]"),
            c("custom.crm", "exists", 5, null),
            c("company.country", "in", 10, "\"values\":[\"us\",\"ca\",\"gb\",\"de\",\"fr\",\"nl\",\"se\",\"dk\",\"no\",\"fi\"]"),
            c("company.type", "not_in", 5, "\"values\":[\"government\",\"non-profit\",\"education\"]"),
            c("contact.seniority", "eq", 15, "\"value\":\"executive\""),
            c("custom.techStack", "contains_any", 20, "\"values\":[\"salesforce\",\"hubspot\",\"marketo\",\"segment\"]"),
            c("custom.fundingStage", "in", 10, "\"values\":[\"series a\",\"series b\",\"series c\",\"growth\"]"),
            c("company.founded", "gte", 5, "\"value\":\"2005\""),
            c("contact.department", "in", 10, "\"values\":[\"sales\",\"marketing\",\"revenue operations\"]"),
            c("custom.intent.score", "gte", 20, "\"value\":\"70\""),
            c("custom.plan", "eq", 5, "\"value\":\"enterprise\""),
            c("contact.email", "exists", 5, null),
            c("company.description", "contains_any", 10, "\"values\":[\"b2b\",\"platform\",\"api\"]"),
            c("custom.growth.headcountPct", "between", 10, "\"min\":10,\"max\":200"),
            c("contact.country", "not_in", 5, "\"values\":[\"kp\",\"ir\",\"sy\"]"),
            c("custom.partner", "eq", 5, "\"value\":\"true\""),
            c("company.churnRisk", "lte", 5, "\"value\":\"0.3\""),
        };
        return "{\"criteria\":[" + String.join(",", criteria) + "],\"tiers\":[{\"label\":\"A\",\"minScore\":80},"
                + "{\"label\":\"B\",\"minScore\":60},{\"label\":\"C\",\"minScore\":40}],\"notes\":\"HTTP benchmark\"}";
    }

    private static String c(String attribute, String operator, int weight, String operands) {
        return "{\"attribute\":\"" + attribute + "\",\"operator\":\"" + operator + "\",\"weight\":" + weight
                + (operands == null ? "" : "," + operands) + "}";
    }

    /** Varied leads: odd case and spacing, numbers as ints and strings, lists, nested maps, missing attributes. */
    private static List<String> leads(Random r) {
        String[] industries = {"Software", " fintech ", "Retail", "SaaS", "Manufacturing", "EdTech", "banking"};
        String[] titles = {"VP Sales", "Head of Growth", "Marketing Manager", "Chief Revenue Officer", "SDR",
            "Director, Demand Gen", "Co-Founder & CEO", "Account Executive"};
        String[] countries = {"US", "de", "FR ", "br", "in", "GB", "jp", "se"};
        String[] tech = {"Salesforce", "Slack", "HubSpot", "Jira", "Snowflake", "Segment", "Zendesk"};
        List<String> leads = new ArrayList<>(LEADS);
        for (int i = 0; i < LEADS; i++) {
            List<String> company = new ArrayList<>();
            List<String> contact = new ArrayList<>();
            List<String> custom = new ArrayList<>();
            maybe(r, company, "\"industry\":\"" + pick(r, industries) + "\"");
            int employees = 5 + r.nextInt(20_000);
            maybe(r, company, "\"employees\":" + (r.nextBoolean() ? employees : "\"" + employees + "\""));
            maybe(r, company, "\"annualRevenue\":" + r.nextInt(50_000_000));
            maybe(r, company, "\"country\":\"" + pick(r, countries) + "\"");
            maybe(r, company, "\"type\":\"" + (r.nextBoolean() ? "private" : "Government") + "\"");
            maybe(r, company, "\"founded\":" + (1950 + r.nextInt(75)));
            maybe(r, company, "\"description\":\"B2B payments platform number " + i + "\"");
            maybe(r, company, "\"churnRisk\":" + r.nextDouble());
            maybe(r, contact, "\"title\":\"" + pick(r, titles) + "\"");
            maybe(r, contact, "\"seniority\":\"" + (r.nextBoolean() ? "Executive" : "manager") + "\"");
            maybe(r, contact, "\"department\":\"" + (r.nextBoolean() ? "Sales" : "Engineering") + "\"");
            maybe(r, contact, "\"email\":\"person" + i + "@example.com\"");
            maybe(r, contact, "\"country\":\"" + pick(r, countries) + "\"");
            maybe(r, custom, "\"crm\":\"salesforce\"");
            maybe(r, custom, "\"techStack\":[\"" + pick(r, tech) + "\",\"" + pick(r, tech) + "\"]");
            maybe(r, custom, "\"fundingStage\":\"" + (r.nextBoolean() ? "Series A" : "Seed") + "\"");
            maybe(r, custom, "\"intent\":{\"score\":" + r.nextInt(100) + ",\"topics\":[\"crm\"]}");
            maybe(r, custom, "\"plan\":\"" + (r.nextBoolean() ? "Enterprise" : "team") + "\"");
            maybe(r, custom, "\"growth\":{\"headcountPct\":" + r.nextInt(300) + "}");
            maybe(r, custom, "\"partner\":" + r.nextBoolean());
            leads.add("{\"company\":{" + String.join(",", company) + "},\"contact\":{" + String.join(",", contact)
                    + "},\"custom\":{" + String.join(",", custom) + "}}");
        }
        return leads;
    }

    private static void maybe(Random r, List<String> fields, String field) {
        if (r.nextInt(100) < 85) {
            fields.add(field);
        }
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }
}
