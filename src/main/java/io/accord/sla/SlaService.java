package io.accord.sla;

import io.accord.common.Cursor;
import io.accord.common.FieldError;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.lead.LeadHistory;
import io.accord.lead.LeadIntake;
import io.accord.lead.LeadQueries;
import io.accord.lead.LeadSummary;
import io.accord.lead.TouchView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads over SLA clocks: a lead's clocks and timeline, the board of clocks by due date, and policy previews.
 */
@ApplicationScoped
public class SlaService {

    private final SlaClockRepository clocks;
    private final SlaClocks engine;
    private final LeadQueries leads;
    private final LeadIntake intake;
    private final Clock clock;

    public SlaService(SlaClockRepository clocks, SlaClocks engine, LeadQueries leads, LeadIntake intake, Clock clock) {
        this.clocks = clocks;
        this.engine = engine;
        this.leads = leads;
        this.intake = intake;
        this.clock = clock;
    }

    /** Clocks by due date, then id; the cursor is a position in that order. */
    @WithSession
    public Uni<Page<ClockView>> board(String status, Instant dueBefore, String ownerId, String teamKey, String milestone,
            PageRequest page) {
        Instant now = clock.instant();
        return clocks.board(new SlaClockRepository.BoardFilter(status, dueBefore, ownerId, teamKey, milestone),
                page.after(), page.fetchSize())
                .chain(rows -> clocks.pausesOf(rows.stream().map(c -> c.id).toList()).map(pauses -> Page.of(rows,
                        page, c -> new Cursor(c.dueAt, c.id),
                        c -> ClockView.of(c, pauses.getOrDefault(c.id, List.of()), now))));
    }

    /** A lead's clocks and timeline; 404 when the lead does not exist. */
    @WithSession
    public Uni<LeadSlaView> forLead(UUID leadId) {
        Instant now = clock.instant();
        return leads.history(leadId).chain(history -> clocks.forLead(leadId).chain(rows -> clocks.pausesOf(
                rows.stream().map(c -> c.id).toList()).map((Map<UUID, List<ClockPauses.Pause>> pauses) -> {
            LeadSummary lead = history.lead();
            List<SlaClock> current = lead.handoffId() == null ? List.of()
                    : rows.stream().filter(c -> c.handoffId.equals(lead.handoffId())).toList();
            String coverage;
            LeadSlaView.PolicyRef policy = null;
            String note;
            if (lead.handedOffAt() == null) {
                coverage = "not_handed_off";
                note = "The lead has not been handed off; it has no clocks";
            } else if (current.isEmpty()) {
                coverage = "no_policy";
                note = "No SLA policy matched when the lead was handed off at " + lead.handedOffAt()
                        + "; it has no clocks";
            } else {
                coverage = "covered";
                policy = new LeadSlaView.PolicyRef(current.get(0).policyKey, current.get(0).policyRevision);
                note = "Policy '" + policy.key() + "' revision " + policy.revision() + " applies since "
                        + lead.handedOffAt();
            }
            List<ClockView> views = rows.stream()
                    .map(c -> ClockView.of(c, pauses.getOrDefault(c.id, List.of()), now)).toList();
            LeadSlaView.Hold hold = rows.stream().filter(c -> c.status.equals("paused"))
                    .flatMap(c -> pauses.getOrDefault(c.id, List.<ClockPauses.Pause>of()).stream()).filter(ClockPauses.Pause::open)
                    .findFirst().map(p -> new LeadSlaView.Hold(p.reason(), p.from(), p.until())).orElse(null);
            return new LeadSlaView(leadId, lead.status(), lead.handedOffAt(), coverage, policy, note, hold, views,
                    timeline(history, rows, pauses, now));
        })));
    }

    /**
     * Which policy and revision would apply to a lead handed off now (or at {@code at}), and its deadlines. The lead
     * is read (or its fit evaluated) first, then the policies in a session of their own: no request holds two
     * connections.
     */
    public Uni<SlaPreview.View> preview(SlaPreview.Request request) {
        if ((request.leadId() == null) == (request.lead() == null)) {
            throw ProblemException.validation(List.of(new FieldError("leadId", "give exactly one of leadId and lead"),
                    new FieldError("lead", "give exactly one of leadId and lead")));
        }
        Instant at = request.at() != null ? request.at().truncatedTo(ChronoUnit.SECONDS)
                : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Uni<LeadSummary> lead = request.leadId() != null ? leads.summary(request.leadId())
                : intake.preview(request.lead(), "lead.");
        return lead.chain(l -> {
            PolicySelector.Facts facts = new PolicySelector.Facts(l.tier(), l.icpKey(), l.source(), l.country(),
                    l.teamKey());
            SlaPreview.Facts shown = new SlaPreview.Facts(l.tier(), l.icpKey(), l.source(), l.country(), l.teamKey(),
                    l.fit());
            return engine.plan(facts, at).map(plan -> plan.map(p -> new SlaPreview.View(true,
                            new SlaPreview.Policy(p.policy().key(), p.policy().revision(), p.policy().name(),
                                    p.policy().calendarKey()), shown, at,
                            p.clocks().stream().map(c -> new SlaPreview.Planned(c.target().kind().wire(),
                                    c.target().target().toString(), c.target().attempts(), c.deadlines().warnAt(),
                                    c.deadlines().dueAt(), c.deadlines().escalateAt())).toList()))
                    .orElseGet(() -> new SlaPreview.View(false, null, shown, at, List.of())));
        });
    }

    private static List<LeadSlaView.TimelineEntry> timeline(LeadHistory history, List<SlaClock> rows,
            Map<UUID, List<ClockPauses.Pause>> pauses, Instant now) {
        List<Ranked> entries = new ArrayList<>();
        for (LeadHistory.Event e : history.events()) {
            entries.add(new Ranked(0, new LeadSlaView.TimelineEntry(e.at(), e.kind(), null, null, null, e.actor(),
                    e.summary())));
        }
        for (TouchView t : history.touches()) {
            entries.add(new Ranked(1, new LeadSlaView.TimelineEntry(t.occurredAt(), "touch", null, null, t.id(),
                    t.actorId(), "A " + t.kind() + " by " + t.actorId())));
        }
        for (SlaClock c : rows) {
            Instant resolved = c.metAt != null ? c.metAt : c.cancelledAt != null ? c.cancelledAt : now;
            Instant breached = c.breachedAt != null ? c.breachedAt : resolved.isAfter(c.dueAt) ? c.dueAt : null;
            if (breached != null) {
                entries.add(new Ranked(2, new LeadSlaView.TimelineEntry(breached, "breached", c.milestone, c.id, null,
                        null, c.milestone + " was due at " + c.dueAt + " and not met by then")));
            }
            if (c.metAt != null) {
                entries.add(new Ranked(3, new LeadSlaView.TimelineEntry(c.metAt, "met", c.milestone, c.id, null, null,
                        c.milestone + " met " + (c.late ? "late" : "on time"))));
            }
            for (ClockPauses.Pause p : pauses.getOrDefault(c.id, List.of())) {
                entries.add(new Ranked(3, new LeadSlaView.TimelineEntry(p.from(), "paused", c.milestone, c.id, null,
                        null, c.milestone + " paused")));
                if (p.to() != null) {
                    entries.add(new Ranked(3, new LeadSlaView.TimelineEntry(p.to(), "resumed", c.milestone, c.id,
                            null, null, c.milestone + " resumed; due " + c.dueAt)));
                }
            }
            if (c.cancelledAt != null) {
                entries.add(new Ranked(3, new LeadSlaView.TimelineEntry(c.cancelledAt, "cancelled", c.milestone, c.id,
                        null, null, c.milestone + " cancelled")));
            }
        }
        entries.sort(Comparator.comparing((Ranked r) -> r.entry().at()).thenComparingInt(Ranked::rank)
                .thenComparing(r -> r.entry().milestone() == null ? "" : r.entry().milestone()));
        return entries.stream().map(Ranked::entry).toList();
    }

    private record Ranked(int rank, LeadSlaView.TimelineEntry entry) {
    }
}
