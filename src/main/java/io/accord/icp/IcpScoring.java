package io.accord.icp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.common.FieldError;
import io.accord.common.JsonInput;
import io.accord.common.Problem;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores leads against ICPs. Nothing is stored. Active versions come from {@link IcpCatalog}'s cache, which is
 * checked against the database's catalog generation once per call, so a call always sees the active set committed
 * before it started, on any replica.
 *
 * <p>The public methods are the API for other features (lead intake). They need no Hibernate session (the catalog
 * reads through the reactive pool) and cost one single-row primary-key read per call plus in-memory evaluation of
 * precompiled ICPs. For bulk work use {@link #bestFits(List)}: one generation check for the whole list.
 */
@ApplicationScoped
public class IcpScoring {

    /** Most leads in one evaluate-batch request. */
    public static final int MAX_BATCH = 1000;

    /** Evaluate-all order: highest score first, ties by ICP key. */
    static final Comparator<IcpEvaluation> BY_SCORE = Comparator
            .comparingInt((IcpEvaluation e) -> -e.evaluation().score())
            .thenComparing(IcpEvaluation::icpKey);

    /** Best-fit order: qualified before unqualified, then highest score, then ICP key. */
    static final Comparator<IcpEvaluation> BEST_FIT = Comparator
            .comparing((IcpEvaluation e) -> !e.evaluation().qualified())
            .thenComparing(BY_SCORE);

    private static final Set<String> ROOTS = Set.of("company", "contact", "custom");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final IcpCatalog catalog;
    private final IcpRepository icps;
    private final IcpVersionRepository versions;
    private final ObjectMapper json;

    public IcpScoring(IcpCatalog catalog, IcpRepository icps, IcpVersionRepository versions, ObjectMapper json) {
        this.catalog = catalog;
        this.icps = icps;
        this.versions = versions;
        this.json = json;
    }

    // --- For other features ----------------------------------------------------------------------------------------

    /** The lead evaluated against every active ICP, highest score first, ties by ICP key. */
    public Uni<List<IcpEvaluation>> evaluateActive(LeadAttributes lead) {
        return catalog.snapshot().map(snapshot -> evaluateAll(snapshot, lead));
    }

    /**
     * The active ICP the lead fits best: qualified ones (every required criterion matched) before unqualified
     * ones, then the highest score, then the smallest key. Empty only when no ICP is active; an unqualified best
     * fit is still returned (with {@code qualified = false} and no tier).
     */
    public Uni<Optional<IcpFit>> bestFit(LeadAttributes lead) {
        return catalog.snapshot().map(snapshot -> best(snapshot, lead));
    }

    /** One active version, as the drift watch reads it. */
    public record ActiveVersion(String icpKey, int version, List<String> tierLabels) {
    }

    /** The active version of each ICP, by key; reads the catalog (no session needed). */
    public Uni<List<ActiveVersion>> activeVersions() {
        return catalog.snapshot().map(snapshot -> snapshot.all().stream()
                .map(a -> new ActiveVersion(a.key(), a.version(),
                        a.compiled().definition().tiers().stream().map(Tier::label).toList()))
                .toList());
    }

    /**
     * Version {@code number} of ICP {@code key}, drafts included, read through the pool (no session needed);
     * 404 problem when the ICP or the version does not exist.
     */
    public Uni<IcpVersionSnapshot> version(String key, int number) {
        return catalog.version(key, number).onItem().ifNull().failWith(() -> io.accord.common.ProblemException
                .notFound("Version of ICP '" + key + "'", number));
    }

    /** {@link #bestFit} for many leads, in their order, with one catalog check for all of them. */
    public Uni<List<Optional<IcpFit>>> bestFits(List<LeadAttributes> leads) {
        return catalog.snapshot().map(snapshot -> {
            List<Optional<IcpFit>> fits = new ArrayList<>(leads.size());
            for (LeadAttributes lead : leads) {
                fits.add(best(snapshot, lead));
            }
            return fits;
        });
    }

    // --- For the API -----------------------------------------------------------------------------------------------

    /** One lead against one ICP: its active version, or {@code version} when given (any existing version). */
    Uni<EvaluationView> evaluate(String key, Integer version, LeadAttributes lead) {
        return target(key, version).map(icp -> EvaluationView.of(icp.evaluate(lead)));
    }

    Uni<EvaluationListView> evaluateAll(LeadAttributes lead) {
        return evaluateActive(lead).map(all -> new EvaluationListView(all.stream().map(EvaluationView::of).toList()));
    }

    /**
     * Up to {@link #MAX_BATCH} leads against one ICP, results in item order. An invalid item gets a problem of its
     * own; the others are still evaluated.
     */
    Uni<EvaluationBatchView> evaluateBatch(String key, Integer version, List<JsonNode> items, String instance) {
        if (items == null) {
            throw ProblemException.validation("items", "is required");
        }
        if (items.isEmpty() || items.size() > MAX_BATCH) {
            throw ProblemException.validation("items", "must contain between 1 and " + MAX_BATCH + " items, not "
                    + items.size());
        }
        return target(key, version).map(icp -> {
            List<EvaluationBatchView.ItemView> results = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                List<FieldError> errors = new ArrayList<>();
                LeadAttributes lead = parse("items[" + i + "]", items.get(i), errors);
                results.add(errors.isEmpty()
                        ? new EvaluationBatchView.ItemView(i, EvaluationView.of(icp.evaluate(lead)), null)
                        : new EvaluationBatchView.ItemView(i, null, problem(errors, instance)));
            }
            return new EvaluationBatchView(results);
        });
    }

    // --- Internals -------------------------------------------------------------------------------------------------

    private static List<IcpEvaluation> evaluateAll(IcpCatalog.Snapshot snapshot, LeadAttributes lead) {
        List<IcpEvaluation> all = new ArrayList<>(snapshot.all().size());
        for (IcpCatalog.ActiveIcp icp : snapshot.all()) {
            all.add(icp.evaluate(lead));
        }
        all.sort(BY_SCORE);
        return all;
    }

    private static Optional<IcpFit> best(IcpCatalog.Snapshot snapshot, LeadAttributes lead) {
        IcpEvaluation best = null;
        for (IcpCatalog.ActiveIcp icp : snapshot.all()) {
            IcpEvaluation e = icp.evaluate(lead);
            if (best == null || BEST_FIT.compare(e, best) < 0) {
                best = e;
            }
        }
        return best == null ? Optional.empty() : Optional.of(IcpFit.of(best));
    }

    /**
     * The active version of {@code key} (from the cache), or the given version (from the database). A session is
     * opened only when the cache cannot answer.
     */
    private Uni<IcpCatalog.ActiveIcp> target(String key, Integer version) {
        if (version == null) {
            return catalog.snapshot().chain(snapshot -> {
                IcpCatalog.ActiveIcp active = snapshot.byKey().get(key);
                if (active != null) {
                    return Uni.createFrom().item(active);
                }
                return Panache.withSession(() -> icps.findByKey(key)).map(icp -> {
                    if (icp == null) {
                        throw ProblemException.notFound("ICP", key);
                    }
                    throw new ProblemException(ProblemKind.CONFLICT, "ICP '" + key + "' has no active version; "
                            + "activate one, or pass ?version=n to evaluate a specific version");
                });
            });
        }
        return Panache.withSession(() -> icps.findByKey(key).chain(icp -> {
            if (icp == null) {
                throw ProblemException.notFound("ICP", key);
            }
            return versions.findByNumber(icp.id, version).map(v -> {
                if (v == null) {
                    throw ProblemException.notFound("Version of ICP '" + key + "'", version);
                }
                return new IcpCatalog.ActiveIcp(key, v.number, IcpEvaluator.compile(v.definition()));
            });
        }));
    }

    /** A batch item as lead attributes, or null with the reasons added to {@code errors}. */
    private LeadAttributes parse(String path, JsonNode item, List<FieldError> errors) {
        if (item == null || !item.isObject()) {
            errors.add(new FieldError(path, "must be an object with company, contact and custom"));
            return null;
        }
        for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ROOTS.contains(name)) {
                errors.add(new FieldError(path + "." + name, "unknown field"));
            }
        }
        Map<String, Map<String, Object>> roots = new LinkedHashMap<>();
        for (String root : List.of("company", "contact", "custom")) {
            JsonNode value = item.get(root);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isObject()) {
                errors.add(new FieldError(path + "." + root, "must be an object"));
                continue;
            }
            FieldError refused = JsonInput.refusal(value, path + "." + root);
            if (refused != null) {
                errors.add(refused);
                continue;
            }
            roots.put(root, json.convertValue(value, MAP));
        }
        return errors.isEmpty() ? new LeadAttributes(roots.get("company"), roots.get("contact"), roots.get("custom"))
                : null;
    }

    private static Problem problem(List<FieldError> errors, String instance) {
        ProblemException e = ProblemException.validation(errors);
        ProblemKind kind = e.kind();
        return new Problem(kind.type(), kind.title(), kind.status(), e.getMessage(), instance, e.errors(),
                new LinkedHashMap<>());
    }
}
