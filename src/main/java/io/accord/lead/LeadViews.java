package io.accord.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.accord.common.Versioned;
import io.accord.lead.LeadLifecycle.Action;
import io.accord.lead.LeadLifecycle.Status;
import java.util.Locale;
import java.util.Map;

/** How stored leads and touches are shown: the API views and the summary other features read. */
final class LeadViews {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /**
     * Stored attributes were checked when they came in, so they are read back with a plain reader: the API's own
     * mapper checks every string and member name of a request (JsonInput), which cost a page of 50 leads a quarter
     * of its time.
     */
    private static final ObjectReader STORED = JsonMapper.builder().build().readerFor(MAP);

    private LeadViews() {
    }

    static Versioned<LeadView> versioned(Lead l) {
        return new Versioned<>(view(l), l.version);
    }

    static LeadView view(Lead l) {
        Status status = status(l);
        return new LeadView(l.id, l.source, l.externalId, l.status, read(l.company), read(l.contact), read(l.custom),
                l.ownerId, l.teamKey, fit(l), l.handedOffAt,
                l.rejectReason == null ? null : new LeadView.Rejection(l.rejectReason, l.rejectNote), l.outcome,
                LeadLifecycle.allowedActions(status).stream().map(Action::wire).toList(), l.createdAt, l.updatedAt,
                l.erasedAt, l.heldAt == null ? null : new LeadView.Hold(l.holdReason, l.heldAt, l.holdUntil));
    }

    static LeadSummary summary(Lead l) {
        return new LeadSummary(l.id, l.source, l.externalId, companyName(read(l.company)), l.status, l.ownerId,
                l.teamKey, l.country, fit(l), l.handoffId, l.handedOffAt);
    }

    static TouchView touchView(LeadTouch t) {
        return new TouchView(t.id, t.leadId, t.kind, t.occurredAt, t.actorId, t.note, t.createdAt);
    }

    static Status status(Lead l) {
        return Status.valueOf(l.status.toUpperCase(Locale.ROOT));
    }

    /** {@code company.name} when it is a string, else null. */
    static String companyName(Map<String, Object> company) {
        return company != null && company.get("name") instanceof String s ? s : null;
    }

    private static LeadFit fit(Lead l) {
        return l.fitIcpKey == null ? null : new LeadFit(l.fitIcpKey, l.fitVersion, l.fitScore, l.fitTier,
                Boolean.TRUE.equals(l.fitQualified));
    }

    private static Map<String, Object> read(String text) {
        try {
            return STORED.readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored lead attributes are unreadable", e);
        }
    }
}
