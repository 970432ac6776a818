package io.accord.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.accord.audit.AuditLog;
import io.accord.common.FieldError;
import io.accord.common.JsonPaths;
import io.accord.common.Problem;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.RefusedInputException;
import io.accord.common.Versioned;
import io.accord.icp.LeadAttributes;
import io.accord.lead.LeadLifecycle.Status;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lead intake, single and bulk, idempotent by source and external id: binding (bulk items one by one, so a bad item
 * fails alone), validation ({@link LeadIntakeRules}) and scoring against the active ICPs before the transaction, then
 * the write ({@link IntakeWriter}: upsert, and the SLA clocks of the leads it hands off) and the audit entry in it.
 */
@ApplicationScoped
public class LeadIntake {

    /** The most items a bulk push may carry. */
    public static final int MAX_BULK = 1000;

    /** The result of a single intake: the lead, and whether it was created (201) or updated (200). */
    public record Ingested(Versioned<LeadView> lead, boolean created) {
    }

    /**
     * Pushed leads, bound, validated and scored against the active ICPs, ready to be written by {@link #ingest} or
     * {@link #ingestBulk}. Preparing needs no transaction.
     */
    public static final class Intake {
        private final List<IntakeItem> items;

        private Intake(List<IntakeItem> items) {
            this.items = items;
        }
    }

    private final IntakeWriter writer;
    private final LeadRepository leads;
    private final LeadFitEvaluator fits;
    private final AuditLog audit;
    private final ObjectMapper json;

    public LeadIntake(IntakeWriter writer, LeadRepository leads, LeadFitEvaluator fits, AuditLog audit,
            ObjectMapper json) {
        this.writer = writer;
        this.leads = leads;
        this.fits = fits;
        this.audit = audit;
        this.json = json;
    }

    /** Validates one lead (422 naming each invalid field) and evaluates its fit, outside any transaction. */
    public Uni<Intake> prepare(LeadRequest request) {
        List<FieldError> errors = LeadIntakeRules.validate(request, "");
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        List<IntakeItem> items = List.of(new IntakeItem(0, "", request));
        return score(items).map(v -> new Intake(items));
    }

    /**
     * Binds and validates up to {@link #MAX_BULK} leads one by one, so that a bad item fails alone, and evaluates the
     * fit of the valid ones with one snapshot of the active ICPs; outside any transaction.
     */
    public Uni<Intake> prepareBulk(BulkLeadRequest request) {
        if (request.items() == null || request.items().isEmpty()) {
            throw ProblemException.validation("items", "must contain at least one lead");
        }
        if (request.items().size() > MAX_BULK) {
            throw ProblemException.validation("items", "must contain at most " + MAX_BULK + " leads");
        }
        List<IntakeItem> items = new ArrayList<>(request.items().size());
        for (int i = 0; i < request.items().size(); i++) {
            items.add(bind(i, request.items().get(i)));
        }
        return score(items).map(v -> new Intake(items));
    }

    /** Creates or updates one prepared lead. */
    @WithTransaction
    public Uni<Ingested> ingest(Intake intake, TeamScope scope, String actor) {
        IntakeItem item = intake.items.get(0);
        return writer.write(intake.items, scope, actor).chain(() -> {
            if (item.failed()) {
                throw exception(item.problem);
            }
            LeadIntakeRepository.Written w = item.written;
            String what = (w.inserted() ? "Created" : "Updated") + " lead " + w.source() + "/" + w.externalId()
                    + (item.handOff != null ? " and handed it off" : "");
            return audit.record(actor, w.inserted() ? "lead.created" : "lead.updated", "lead", w.id(), what)
                    .chain(() -> leads.findById(w.id()))
                    .map(lead -> new Ingested(LeadViews.versioned(lead), w.inserted()));
        });
    }

    /**
     * Creates or updates prepared leads: the valid ones are written with a few set-based statements, and one audit
     * event summarises the request.
     */
    @WithTransaction
    public Uni<BulkLeadResult> ingestBulk(Intake intake, TeamScope scope, String actor) {
        List<IntakeItem> items = intake.items;
        return writer.write(items, scope, actor).chain(() -> {
            int created = 0;
            int updated = 0;
            int failed = 0;
            int handedOff = 0;
            List<BulkLeadResult.Item> results = new ArrayList<>(items.size());
            for (IntakeItem item : items) {
                if (item.failed()) {
                    failed++;
                    results.add(new BulkLeadResult.Item(item.index, null, "failed", item.problem));
                } else {
                    boolean inserted = item.written.inserted();
                    created += inserted ? 1 : 0;
                    updated += inserted ? 0 : 1;
                    handedOff += item.handOff != null ? 1 : 0;
                    results.add(new BulkLeadResult.Item(item.index, item.written.id(), inserted ? "created" : "updated", null));
                }
            }
            BulkLeadResult result = new BulkLeadResult(created, updated, failed, results);
            String summary = "Bulk intake of " + items.size() + " leads: " + created + " created, " + updated
                    + " updated, " + failed + " failed, " + handedOff + " handed off";
            return audit.record(actor, "lead.bulk_ingested", "lead_bulk", UUID.randomUUID(), summary).replaceWith(result);
        });
    }

    /**
     * What one lead would look like if pushed now (its fit evaluated against the active ICPs); for previews. Validates
     * like intake (field paths under {@code prefix}). Needs no session.
     */
    public Uni<LeadSummary> preview(LeadRequest request, String prefix) {
        List<FieldError> errors = LeadIntakeRules.validate(request, prefix);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return fits.bestFits(List.of(new LeadAttributes(request.company(), request.contact(), request.custom())))
                .map(f -> new LeadSummary(null, request.source(), request.externalId(),
                        LeadViews.companyName(request.company()),
                        request.status() == null ? Status.NEW.wire() : request.status(),
                        LeadIntakeRules.blankToNull(request.ownerId()), LeadIntakeRules.blankToNull(request.teamKey()),
                        LeadIntakeRules.country(request.company()), f.get(0).orElse(null), null, null));
    }

    /**
     * The ICP catalog reads through the reactive pool; doing this before the transaction means a request never holds
     * a pool connection while it waits for another.
     */
    private Uni<Void> score(List<IntakeItem> all) {
        List<IntakeItem> items = all.stream().filter(i -> !i.failed()).toList();
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return fits.bestFits(items.stream()
                        .map(i -> new LeadAttributes(i.request.company(), i.request.contact(), i.request.custom())).toList())
                .invoke(list -> {
                    for (int k = 0; k < items.size(); k++) {
                        items.get(k).fit = list.get(k).orElse(null);
                    }
                }).replaceWithVoid();
    }

    /** Binds one bulk item; a shape error or an invalid field fails the item only. */
    private IntakeItem bind(int index, JsonNode node) {
        String prefix = "items[" + index + "].";
        IntakeItem item = new IntakeItem(index, prefix, null);
        if (node == null || !node.isObject()) {
            item.fail(ProblemKind.INVALID_BODY, List.of(new FieldError("items[" + index + "]", "must be an object")));
            return item;
        }
        try {
            item.request = json.treeToValue(node, LeadRequest.class);
        } catch (JsonMappingException e) {
            item.fail(ProblemKind.INVALID_BODY, List.of(new FieldError(prefix + JsonPaths.of(e),
                    e instanceof UnrecognizedPropertyException ? "unknown field"
                            : e instanceof RefusedInputException r ? r.reason()
                            : "has the wrong type")));
            return item;
        } catch (JsonProcessingException e) {
            item.fail(ProblemKind.INVALID_BODY, List.of(new FieldError("items[" + index + "]", "is not valid")));
            return item;
        }
        List<FieldError> errors = LeadIntakeRules.validate(item.request, prefix);
        if (!errors.isEmpty()) {
            item.fail(ProblemKind.VALIDATION, errors);
        }
        return item;
    }

    /** The exception that answers {@code problem} (a single push's failure). */
    private static ProblemException exception(Problem problem) {
        for (ProblemKind kind : ProblemKind.values()) {
            if (kind.type().equals(problem.type())) {
                return new ProblemException(kind, problem.detail(), problem.errors(), Map.of(), Map.of());
            }
        }
        return ProblemException.validation(problem.errors());
    }
}
