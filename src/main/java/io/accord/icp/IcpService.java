package io.accord.icp;

import io.accord.audit.AuditLog;
import io.accord.common.Cursor;
import io.accord.common.ETags;
import io.accord.common.FieldError;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.Versioned;
import io.accord.icp.IcpVersionLifecycle.Action;
import io.accord.icp.IcpVersionLifecycle.RefusedException;
import io.accord.icp.IcpVersionLifecycle.Side;
import io.accord.icp.IcpVersionLifecycle.Status;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * ICPs, their versions and the approval workflow (rules in {@link IcpVersionLifecycle}). Every write is audited
 * (resource type {@code icp}, resource id the ICP's key) in its own transaction. Every write first locks the ICP's
 * row, so the steps of one ICP run one at a time on any number of replicas; the unique indexes (one active version
 * per ICP, one decision per side, distinct approvers) back that up.
 */
@ApplicationScoped
public class IcpService {

    static final String RESOURCE_TYPE = "icp";
    /** Keys that would collide with a literal path segment under /api/v1/icps. */
    static final Set<String> RESERVED_KEYS = Set.of("evaluate");

    private final IcpRepository icps;
    private final IcpVersionRepository versions;
    private final IcpApprovalRepository approvals;
    private final AuditLog audit;
    private final Clock clock;
    private final IcpEvidence evidence;
    private final boolean requireBacktest;

    public IcpService(IcpRepository icps, IcpVersionRepository versions, IcpApprovalRepository approvals,
            AuditLog audit, Clock clock, IcpEvidence evidence, IcpSettings settings) {
        this.icps = icps;
        this.versions = versions;
        this.approvals = approvals;
        this.audit = audit;
        this.clock = clock;
        this.evidence = evidence;
        this.requireBacktest = settings.requireBacktest();
    }

    // --- ICPs ------------------------------------------------------------------------------------------------------

    @WithTransaction
    public Uni<Versioned<IcpView>> create(IcpRequest request, String actor) {
        if (RESERVED_KEYS.contains(request.key())) {
            throw ProblemException.validation("key", "is reserved");
        }
        return icps.findByKey(request.key()).chain(existing -> {
            if (existing != null) {
                throw new ProblemException(ProblemKind.DUPLICATE, "An ICP with key '" + request.key() + "' exists");
            }
            Instant now = now();
            Icp icp = new Icp();
            icp.id = UUID.randomUUID();
            icp.key = request.key();
            icp.name = request.name().trim();
            icp.description = request.description();
            icp.createdAt = now;
            icp.createdBy = actor;
            icp.updatedAt = now;
            icp.updatedBy = actor;
            return icps.persistAndFlush(icp)
                    .call(i -> audit.record(actor, "icp.created", RESOURCE_TYPE, i.key,
                            "Created ICP '" + i.key + "' (" + i.name + ")"))
                    .map(i -> new Versioned<>(IcpView.of(i, null), i.version));
        });
    }

    @WithSession
    public Uni<Page<IcpView>> list(PageRequest page) {
        return icps.page(page).chain(rows -> versions.activeNumbers(rows.stream().map(i -> i.id).toList())
                .map(active -> Page.of(rows, page, i -> new Cursor(i.createdAt, i.id),
                        i -> IcpView.of(i, active.get(i.id)))));
    }

    @WithSession
    public Uni<Versioned<IcpView>> get(String key) {
        return find(key).chain(this::versioned);
    }

    @WithTransaction
    public Uni<Versioned<IcpView>> update(String key, IcpChangeRequest request, String ifMatch, String actor) {
        return lock(key).chain(icp -> {
            ETags.require(ifMatch, icp.version);
            icp.name = request.name().trim();
            icp.description = request.description();
            touch(icp, actor);
            return icps.flush()
                    .call(() -> audit.record(actor, "icp.updated", RESOURCE_TYPE, icp.key,
                            "Changed the name or description of ICP '" + icp.key + "'"))
                    .chain(() -> versioned(icp));
        });
    }

    /**
     * Leaves the ICP without an active version: the active one becomes superseded. Retiring an ICP that has no
     * active version changes nothing (and is not audited), so a retry is harmless.
     */
    @WithTransaction
    public Uni<Versioned<IcpView>> retire(String key, String actor) {
        return lock(key).chain(icp -> versions.findActive(icp.id).chain(active -> {
            if (active == null) {
                return versioned(icp);
            }
            Instant now = now();
            supersede(active, now, actor);
            touch(icp, actor);
            return icps.flush()
                    .call(() -> audit.record(actor, "icp.retired", RESOURCE_TYPE, icp.key,
                            "Retired ICP '" + icp.key + "': version " + active.number
                                    + " superseded, no version is active"))
                    .map(v -> new Versioned<>(IcpView.of(icp, null), icp.version));
        }));
    }

    // --- Versions --------------------------------------------------------------------------------------------------

    /** Creates draft n+1 from the given content, or from a copy of {@code fromVersion}. */
    @WithTransaction
    public Uni<Versioned<IcpVersionView>> createVersion(String key, IcpVersionRequest request, String actor) {
        return lock(key).chain(icp -> {
            Uni<IcpVersion> template;
            IcpDefinition given = null;
            if (request.fromVersion() != null) {
                List<FieldError> errors = new ArrayList<>();
                if (request.criteria() != null) {
                    errors.add(new FieldError("criteria", "must not be given together with fromVersion"));
                }
                if (request.tiers() != null) {
                    errors.add(new FieldError("tiers", "must not be given together with fromVersion"));
                }
                if (!errors.isEmpty()) {
                    throw ProblemException.validation(errors);
                }
                template = versions.findByNumber(icp.id, request.fromVersion()).map(source -> {
                    if (source == null) {
                        throw ProblemException.validation("fromVersion",
                                "version " + request.fromVersion() + " of ICP '" + key + "' does not exist");
                    }
                    return source;
                });
            } else {
                given = validated(request.criteria(), request.tiers());
                template = Uni.createFrom().nullItem();
            }
            IcpDefinition content = given;
            return template.chain(source -> versions.maxNumber(icp.id).chain(max -> {
                Instant now = now();
                IcpVersion v = new IcpVersion();
                v.id = UUID.randomUUID();
                v.icpId = icp.id;
                v.number = max + 1;
                v.status = Status.DRAFT.wire();
                v.definitionJson = source == null ? StoredDefinitions.write(content) : source.definitionJson;
                v.notes = request.notes() != null || source == null ? request.notes() : source.notes;
                v.copiedFrom = source == null ? null : source.number;
                v.createdAt = now;
                v.createdBy = actor;
                v.editedAt = now;
                v.updatedAt = now;
                v.updatedBy = actor;
                return versions.persistAndFlush(v)
                        .call(() -> audit.record(actor, "icp.version.created", RESOURCE_TYPE, icp.key,
                                "Drafted version " + v.number + " of ICP '" + icp.key + "'"
                                        + (source == null ? "" : " as a copy of version " + source.number)))
                        .map(x -> new Versioned<>(IcpVersionView.of(icp.key, v, List.of()), v.rowVersion));
            }));
        });
    }

    @WithSession
    public Uni<Page<IcpVersionView>> listVersions(String key, Status status, int limit, int afterNumber) {
        return find(key).chain(icp -> versions.page(icp.id, status == null ? null : status.wire(), afterNumber, limit + 1)
                .chain(rows -> {
                    boolean more = rows.size() > limit;
                    List<IcpVersion> shown = more ? rows.subList(0, limit) : rows;
                    return approvals.forVersions(shown.stream().map(v -> v.id).toList()).map(decisions ->
                            new Page<>(shown.stream()
                                    .map(v -> IcpVersionView.of(icp.key, v, decisions.getOrDefault(v.id, List.of())))
                                    .toList(),
                                    more ? IcpVersionCursor.encode(shown.get(shown.size() - 1).number) : null));
                }));
    }

    @WithSession
    public Uni<Versioned<IcpVersionView>> getVersion(String key, int number) {
        return find(key).chain(icp -> findVersion(icp, number).chain(v -> view(icp, v)));
    }

    /** Replaces a draft's content; requires If-Match with the version's ETag. */
    @WithTransaction
    public Uni<Versioned<IcpVersionView>> updateVersion(String key, int number, IcpVersionChangeRequest request,
            String ifMatch, String actor) {
        return lock(key).chain(icp -> findVersion(icp, number).chain(v -> {
            IcpVersionLifecycle.require(v.lifecycleStatus(), Action.EDIT, number);
            ETags.require(ifMatch, v.rowVersion);
            v.definition(validated(request.criteria(), request.tiers()));
            v.notes = request.notes();
            v.updatedAt = now();
            v.editedAt = v.updatedAt;
            v.updatedBy = actor;
            return versions.flush()
                    .call(() -> audit.record(actor, "icp.version.updated", RESOURCE_TYPE, icp.key,
                            "Edited draft version " + number + " of ICP '" + icp.key + "'"))
                    .chain(() -> view(icp, v));
        })).onFailure(RefusedException.class).transform(IcpProblems::of);
    }

    /**
     * Freezes a draft's content and opens it for approval, attaching the version's latest backtest (asked for before
     * the transaction opens). If-Match is optional; when sent it must match.
     */
    public Uni<Versioned<IcpVersionView>> propose(String key, int number, String ifMatch, String actor) {
        return evidence.citeLatestBacktest(key, number)
                .chain(backtest -> Panache.withTransaction(() -> propose(key, number, ifMatch, actor, backtest)));
    }

    private Uni<Versioned<IcpVersionView>> propose(String key, int number, String ifMatch, String actor,
            Optional<IcpEvidence.Backtest> backtest) {
        return lock(key).chain(icp -> findVersion(icp, number).chain(v -> {
            IcpVersionLifecycle.require(v.lifecycleStatus(), Action.PROPOSE, number);
            if (ifMatch != null && !ifMatch.isBlank()) {
                ETags.require(ifMatch, v.rowVersion);
            }
            Instant now = now();
            v.status = Status.PROPOSED.wire();
            v.proposedAt = now;
            v.proposedBy = actor;
            v.updatedAt = now;
            v.updatedBy = actor;
            v.proposedBacktestId = backtest.map(IcpEvidence.Backtest::id).orElse(null);
            v.proposedBacktestAt = backtest.map(IcpEvidence.Backtest::ranAt).orElse(null);
            v.proposedBacktestStale = backtest.map(b -> b.versionEditedAt().isBefore(v.editedAt)).orElse(false);
            return versions.flush()
                    .call(() -> audit.record(actor, "icp.version.proposed", RESOURCE_TYPE, icp.key,
                            "Proposed version " + number + " of ICP '" + icp.key + "' for approval"
                                    + backtest.map(b -> " with backtest " + b.id()).orElse(" without a backtest")))
                    .chain(() -> view(icp, v));
        })).onFailure(RefusedException.class).transform(IcpProblems::of);
    }

    /**
     * Records one side's approval. The second side's approval (from another principal) activates the version and
     * supersedes the previously active one, in this transaction.
     */
    public Uni<Versioned<IcpVersionView>> approve(String key, int number, IcpDecisionRequest request, String actor,
            Set<String> roles) {
        Side side = side(request);
        return evidence.citeLatestBacktest(key, number).chain(backtest -> Panache.withTransaction(
                () -> approve(key, number, request, side, actor, roles, backtest.orElse(null))));
    }

    private Uni<Versioned<IcpVersionView>> approve(String key, int number, IcpDecisionRequest request, Side side,
            String actor, Set<String> roles, IcpEvidence.Backtest backtest) {
        return lock(key).chain(icp -> findVersion(icp, number).chain(v -> approvals.forVersion(v.id).chain(prior -> {
            IcpVersionLifecycle.Approval outcome = IcpVersionLifecycle.approve(v.lifecycleStatus(), number,
                    prior.stream().map(IcpApproval::toDecision).toList(), side, actor, roles);
            IcpVersionLifecycle.Evidence seen = IcpVersionLifecycle.evidence(v.lifecycleStatus(), number,
                    backtest == null ? null : backtest.id(), backtest == null ? null : backtest.ranAt(),
                    backtest == null ? null : backtest.versionEditedAt(), v.editedAt, request.staleAcknowledged(),
                    requireBacktest);
            IcpApproval approval = decision(v, side, IcpApproval.APPROVE, actor, request.comment());
            approval.backtestId = seen.backtestId();
            approval.backtestAt = seen.backtestAt();
            approval.backtestStale = seen.stale();
            v.updatedAt = approval.at;
            v.updatedBy = actor;
            Uni<Void> recorded = approvals.persist(approval)
                    .call(() -> audit.record(actor, "icp.version.approved", RESOURCE_TYPE, icp.key,
                            "Approved version " + number + " of ICP '" + icp.key + "' for " + side.wire()
                                    + (seen.backtestId() == null ? " without a backtest"
                                            : " on backtest " + seen.backtestId() + (seen.stale()
                                                    ? " (stale, acknowledged)" : ""))))
                    .replaceWithVoid();
            if (outcome.activates()) {
                recorded = recorded.chain(() -> activate(icp, v, approval.at, actor));
            }
            return recorded.chain(() -> versions.flush())
                    .map(x -> new Versioned<>(IcpVersionView.of(icp.key, v, with(prior, approval)), v.rowVersion));
        }))).onFailure(RefusedException.class).transform(IcpProblems::of);
    }

    /** Records one side's rejection; the version becomes rejected, for good. */
    @WithTransaction
    public Uni<Versioned<IcpVersionView>> reject(String key, int number, IcpDecisionRequest request, String actor,
            Set<String> roles) {
        Side side = side(request);
        return lock(key).chain(icp -> findVersion(icp, number).chain(v -> approvals.forVersion(v.id).chain(prior -> {
            IcpVersionLifecycle.reject(v.lifecycleStatus(), number,
                    prior.stream().map(IcpApproval::toDecision).toList(), side, roles);
            IcpApproval rejection = decision(v, side, IcpApproval.REJECT, actor, request.comment());
            v.status = Status.REJECTED.wire();
            v.rejectedAt = rejection.at;
            v.updatedAt = rejection.at;
            v.updatedBy = actor;
            return approvals.persist(rejection)
                    .chain(() -> versions.flush())
                    .call(() -> audit.record(actor, "icp.version.rejected", RESOURCE_TYPE, icp.key,
                            "Rejected version " + number + " of ICP '" + icp.key + "' for " + side.wire()
                                    + (request.comment() == null ? "" : ": " + request.comment())))
                    .map(x -> new Versioned<>(IcpVersionView.of(icp.key, v, with(prior, rejection)), v.rowVersion));
        }))).onFailure(RefusedException.class).transform(IcpProblems::of);
    }

    /** What changed from version {@code from} to version {@code to}, with the evidence of each. */
    public Uni<IcpDiffView> diff(String key, int from, int to) {
        return evidence.latestBacktest(key, from).chain(latestFrom -> evidence.latestBacktest(key, to)
                .chain(latestTo -> Panache.withSession(() -> diff(key, from, to, latestFrom, latestTo))));
    }

    private Uni<IcpDiffView> diff(String key, int from, int to, Optional<IcpEvidence.Backtest> latestFrom,
            Optional<IcpEvidence.Backtest> latestTo) {
        return find(key).chain(icp -> findVersion(icp, from).chain(a -> findVersion(icp, to).chain(b ->
                approvals.forVersions(List.of(a.id, b.id)).map(decisions -> IcpDiffView.of(icp.key, from, to,
                        IcpDiff.between(a.definition(), b.definition()),
                        evidenceOf(a, latestFrom, decisions.getOrDefault(a.id, List.of())),
                        evidenceOf(b, latestTo, decisions.getOrDefault(b.id, List.of())))))));
    }

    private static IcpDiffView.EvidenceView evidenceOf(IcpVersion v, Optional<IcpEvidence.Backtest> latest,
            List<IcpApproval> decisions) {
        return new IcpDiffView.EvidenceView(
                latest.map(b -> BacktestRefView.of(b.id(), b.ranAt(), b.versionEditedAt().isBefore(v.editedAt)))
                        .orElse(null),
                BacktestRefView.of(v.proposedBacktestId, v.proposedBacktestAt, v.proposedBacktestStale),
                decisions.stream().filter(d -> IcpApproval.APPROVE.equals(d.decision))
                        .sorted(java.util.Comparator.comparing((IcpApproval d) -> d.at).thenComparing(d -> d.side))
                        .map(IcpDecisionView::of).toList());
    }

    // --- Internals -------------------------------------------------------------------------------------------------

    private Uni<Void> activate(Icp icp, IcpVersion v, Instant now, String actor) {
        return versions.findActive(icp.id).chain(previous -> {
            Uni<Void> cleared = Uni.createFrom().voidItem();
            if (previous != null) {
                supersede(previous, now, actor);
                // Flush before the new version becomes active: the one-active-version index is checked per row.
                cleared = versions.flush().call(() -> audit.record(actor, "icp.version.superseded", RESOURCE_TYPE,
                        icp.key, "Version " + previous.number + " of ICP '" + icp.key + "' superseded by version "
                                + v.number));
            }
            return cleared.chain(() -> {
                v.status = Status.ACTIVE.wire();
                v.activatedAt = now;
                v.updatedAt = now;
                v.updatedBy = actor;
                touch(icp, actor);
                return versions.flush().call(() -> audit.record(actor, "icp.version.activated", RESOURCE_TYPE,
                        icp.key, "Activated version " + v.number + " of ICP '" + icp.key
                                + "': marketing and sales approved it"));
            });
        });
    }

    private void supersede(IcpVersion active, Instant now, String actor) {
        active.status = Status.SUPERSEDED.wire();
        active.supersededAt = now;
        active.updatedAt = now;
        active.updatedBy = actor;
    }

    private IcpApproval decision(IcpVersion v, Side side, String decision, String actor, String comment) {
        IcpApproval a = new IcpApproval();
        a.id = UUID.randomUUID();
        a.versionId = v.id;
        a.side = side.wire();
        a.decision = decision;
        a.principal = actor;
        a.at = now();
        a.comment = comment;
        return a;
    }

    private static List<IcpApproval> with(List<IcpApproval> prior, IcpApproval added) {
        List<IcpApproval> all = new ArrayList<>(prior);
        all.add(added);
        return all;
    }

    private static Side side(IcpDecisionRequest request) {
        return Side.fromWire(request.side())
                .orElseThrow(() -> ProblemException.validation("side", "must be one of: marketing, sales"));
    }

    /** The definition, or 422 listing every violation of {@link IcpRules}. */
    private static IcpDefinition validated(List<CriterionView> criteria, List<TierView> tiers) {
        IcpDefinition definition = new IcpDefinition(
                criteria == null ? null : criteria.stream().map(c -> c == null ? null : c.toCriterion()).toList(),
                tiers == null ? null : tiers.stream().map(t -> t == null ? null : t.toTier()).toList());
        List<FieldError> errors = IcpRules.validate(definition);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return definition;
    }

    private void touch(Icp icp, String actor) {
        icp.updatedAt = now();
        icp.updatedBy = actor;
    }

    private Uni<Icp> find(String key) {
        return icps.findByKey(key).onItem().ifNull().failWith(() -> ProblemException.notFound("ICP", key));
    }

    private Uni<Icp> lock(String key) {
        return icps.lockByKey(key).onItem().ifNull().failWith(() -> ProblemException.notFound("ICP", key));
    }

    private Uni<IcpVersion> findVersion(Icp icp, int number) {
        return versions.findByNumber(icp.id, number).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Version of ICP '" + icp.key + "'", number));
    }

    private Uni<Versioned<IcpView>> versioned(Icp icp) {
        return versions.findActive(icp.id)
                .map(active -> new Versioned<>(IcpView.of(icp, active == null ? null : active.number), icp.version));
    }

    private Uni<Versioned<IcpVersionView>> view(Icp icp, IcpVersion v) {
        return approvals.forVersion(v.id)
                .map(decisions -> new Versioned<>(IcpVersionView.of(icp.key, v, decisions), v.rowVersion));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
