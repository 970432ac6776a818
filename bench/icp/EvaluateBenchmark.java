package io.accord.icp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * In-process micro benchmark of {@link IcpEvaluator}: a realistic 20-criterion ICP, compiled once, evaluated over
 * a pool of varied generated leads (strings with odd case and spacing, numbers as ints, doubles and strings,
 * lists, nested custom maps, missing and null attributes). Prints the median of 5 timed runs after a warm-up.
 * Not a test; run with {@code bench/icp/run.sh}.
 */
public final class EvaluateBenchmark {

    private static final int LEADS = 4096;
    private static final int RUNS = 5;
    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static final long WARMUP_EVALUATIONS = 1_500_000L; // lets the JIT finish even on a busy machine
    private static final long RUN_NANOS = 1_000_000_000L;

    private static volatile long sink;

    private EvaluateBenchmark() {
    }

    public static void main(String[] args) {
        IcpDefinition icp = icp();
        CompiledIcp compiled = IcpEvaluator.compile(icp);
        LeadAttributes[] leads = leads(new Random(42));

        Evaluation sample = compiled.evaluate(leads[0]);
        System.out.printf("criteria: %d, leads: %d, sample score: %d, tier: %s%n",
                sample.criteria().size(), leads.length, sample.score(), sample.tier());

        run(compiled, leads, WARMUP_NANOS, WARMUP_EVALUATIONS);
        long[] wall = new long[RUNS];
        long[] cpu = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long[] rate = run(compiled, leads, RUN_NANOS, 0);
            wall[i] = rate[0];
            cpu[i] = rate[1];
            System.out.printf("run %d: %,d evaluations/s wall clock, %,d per CPU second of the benchmark thread%n",
                    i + 1, wall[i], cpu[i]);
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.println("evaluations per CPU second (median; less sensitive to a busy machine): " + cpu[RUNS / 2]);
        System.out.println("evaluations per second: " + wall[RUNS / 2]);
    }

    /**
     * Evaluates whole passes over the leads for at least {@code nanos} of wall time and at least
     * {@code minEvaluations} evaluations; returns evaluations per
     * wall-clock second and per CPU second of this thread (0 if thread CPU time is unsupported).
     */
    private static long[] run(CompiledIcp compiled, LeadAttributes[] leads, long nanos, long minEvaluations) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        long acc = 0;
        long count = 0;
        long cpuStart = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (LeadAttributes lead : leads) {
                Evaluation e = compiled.evaluate(lead);
                acc += e.score() + e.missingAttributes().size() + (e.qualified() ? 1 : 0);
            }
            count += leads.length;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos || count < minEvaluations);
        long cpuElapsed = cpuTime ? threads.getCurrentThreadCpuTime() - cpuStart : 0;
        sink += acc;
        return new long[] {count * 1_000_000_000L / elapsed, cpuElapsed == 0 ? 0 : count * 1_000_000_000L / cpuElapsed};
    }

    private static IcpDefinition icp() {
        List<Criterion> c = List.of(
                in("company.industry", 30, "software", "fintech", "saas", "healthtech", "edtech", "cybersecurity",
                        "martech", "logistics"),
                required(between("company.employees", 25, "50", "5000")),
                gte("company.annualRevenue", 10, "1000000"),
                containsAny("contact.title", 30, "vp", "head of", "chief", "director", "founder", "cmo"),
                exists("custom.crm", 5),
                in("company.country", 10, "us", "ca", "gb", "de", "fr", "nl", "se", "dk", "no", "fi"),
                notIn("company.type", 5, "government", "non-profit", "education"),
                eq("contact.seniority", 15, "executive"),
                containsAny("custom.techStack", 20, "salesforce", "hubspot", "marketo", "segment"),
                in("custom.fundingStage", 10, "series a", "series b", "series c", "growth"),
                gte("company.founded", 5, "2005"),
                in("contact.department", 10, "sales", "marketing", "revenue operations"),
                gte("custom.intent.score", 20, "70"),
                eq("custom.plan", 5, "enterprise"),
                exists("contact.email", 5),
                containsAny("company.description", 10, "b2b", "platform", "api"),
                between("custom.growth.headcountPct", 10, "10", "200"),
                notIn("contact.country", 5, "kp", "ir", "sy"),
                eq("custom.partner", 5, "true"),
                lte("company.churnRisk", 5, "0.3"));
        return new IcpDefinition(c, List.of(new Tier("A", 80), new Tier("B", 60), new Tier("C", 40)));
    }

    private static LeadAttributes[] leads(Random r) {
        String[] industries = {"Software", " fintech ", "Retail", "SaaS", "Manufacturing", "EdTech", "banking"};
        String[] titles = {"VP Sales", "Head of Growth", "Marketing Manager", "Chief Revenue Officer", "SDR",
                "Director, Demand Gen", "Co-Founder & CEO", "Account Executive"};
        String[] countries = {"US", "de", "FR ", "br", "in", "GB", "jp", "se"};
        String[] types = {"private", "public", "Government", "non-profit"};
        String[] seniorities = {"Executive", "manager", "individual contributor", "EXECUTIVE "};
        String[] tech = {"Salesforce", "Slack", "HubSpot", "Jira", "Snowflake", "Segment", "Zendesk"};
        String[] stages = {"Seed", "Series A", "series b", "Growth", "Public"};
        String[] departments = {"Sales", "Marketing", "Engineering", "Revenue Operations", "Finance"};
        String[] descriptions = {"B2B payments platform for SMBs", "Consumer mobile game studio",
                "Open API for logistics", "Family-owned bakery chain", "Enterprise security platform"};
        LeadAttributes[] leads = new LeadAttributes[LEADS];
        for (int i = 0; i < LEADS; i++) {
            Map<String, Object> company = new LinkedHashMap<>();
            Map<String, Object> contact = new LinkedHashMap<>();
            Map<String, Object> custom = new LinkedHashMap<>();
            maybe(r, company, "industry", pick(r, industries));
            int employees = 5 + r.nextInt(20_000);
            maybe(r, company, "employees", switch (r.nextInt(3)) {
                case 0 -> employees;
                case 1 -> String.valueOf(employees);
                default -> (double) employees;
            });
            maybe(r, company, "annualRevenue", r.nextBoolean()
                    ? (Object) (long) r.nextInt(50_000_000) : new BigDecimal(r.nextInt(50_000_000) + ".50"));
            maybe(r, company, "country", pick(r, countries));
            maybe(r, company, "type", pick(r, types));
            maybe(r, company, "founded", 1950 + r.nextInt(75));
            maybe(r, company, "description", pick(r, descriptions));
            maybe(r, company, "churnRisk", r.nextDouble());
            maybe(r, contact, "title", pick(r, titles));
            maybe(r, contact, "seniority", pick(r, seniorities));
            maybe(r, contact, "department", pick(r, departments));
            maybe(r, contact, "email", r.nextInt(10) == 0 ? "" : "person" + i + "@example.com");
            maybe(r, contact, "country", pick(r, countries));
            maybe(r, custom, "crm", r.nextBoolean() ? "salesforce" : null);
            List<Object> stack = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) {
                stack.add(pick(r, tech));
            }
            maybe(r, custom, "techStack", stack);
            maybe(r, custom, "fundingStage", pick(r, stages));
            maybe(r, custom, "intent", Map.of("score", r.nextInt(100), "topics", List.of("crm", "pipeline")));
            maybe(r, custom, "plan", r.nextBoolean() ? "Enterprise" : "team");
            Map<String, Object> growth = new LinkedHashMap<>();
            growth.put("headcountPct", r.nextInt(3) == 0 ? String.valueOf(r.nextInt(300)) : r.nextInt(300));
            maybe(r, custom, "growth", growth);
            maybe(r, custom, "partner", r.nextBoolean());
            leads[i] = new LeadAttributes(company, contact, custom);
        }
        return leads;
    }

    /** Puts the value 85% of the time, leaving the attribute out otherwise. */
    private static void maybe(Random r, Map<String, Object> map, String key, Object value) {
        if (r.nextInt(100) < 85) {
            map.put(key, value);
        }
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    private static Criterion eq(String attribute, int weight, String value) {
        return new Criterion(attribute, Operator.EQ, null, value, null, null, weight, false);
    }

    private static Criterion in(String attribute, int weight, String... values) {
        return new Criterion(attribute, Operator.IN, List.of(values), null, null, null, weight, false);
    }

    private static Criterion notIn(String attribute, int weight, String... values) {
        return new Criterion(attribute, Operator.NOT_IN, List.of(values), null, null, null, weight, false);
    }

    private static Criterion containsAny(String attribute, int weight, String... values) {
        return new Criterion(attribute, Operator.CONTAINS_ANY, List.of(values), null, null, null, weight, false);
    }

    private static Criterion gte(String attribute, int weight, String value) {
        return new Criterion(attribute, Operator.GTE, null, value, null, null, weight, false);
    }

    private static Criterion lte(String attribute, int weight, String value) {
        return new Criterion(attribute, Operator.LTE, null, value, null, null, weight, false);
    }

    private static Criterion between(String attribute, int weight, String min, String max) {
        return new Criterion(attribute, Operator.BETWEEN, null, null, new BigDecimal(min), new BigDecimal(max), weight,
                false);
    }

    private static Criterion exists(String attribute, int weight) {
        return new Criterion(attribute, Operator.EXISTS, null, null, null, null, weight, false);
    }

    private static Criterion required(Criterion c) {
        return new Criterion(c.attribute(), c.operator(), c.values(), c.value(), c.min(), c.max(), c.weight(), true);
    }
}
