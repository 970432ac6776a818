package io.accord.common;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A feature that keeps copies of a lead's personal data in its own tables, and removes them when the lead is erased.
 * The lead feature erases the lead and then calls every implementation, in the erasing request's transaction (the
 * session passed in), so each table is still written only by the feature that owns it and the erasure is all or
 * nothing.
 */
public interface PersonalData {

    /** The lead being erased: what it was known by, and what it is known by from now on. */
    record ErasedLead(UUID id, String source, String externalId, String tombstone, Instant at) {
    }

    Uni<Void> erase(Mutiny.Session session, ErasedLead lead);

    /**
     * Runs native statements in order on the session. Each statement may name the lead's values as {@code :id},
     * {@code :idText}, {@code :tombstone}, {@code :at}, {@code :source} and {@code :externalId}.
     */
    static Uni<Void> run(Mutiny.Session session, List<String> statements, ErasedLead lead) {
        return run(session, statements, 0, lead);
    }

    private static Uni<Void> run(Mutiny.Session session, List<String> statements, int i, ErasedLead lead) {
        if (i == statements.size()) {
            return Uni.createFrom().voidItem();
        }
        String sql = statements.get(i);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", lead.id());
        params.put("idText", lead.id().toString());
        params.put("tombstone", lead.tombstone());
        params.put("at", lead.at());
        params.put("source", lead.source());
        params.put("externalId", lead.externalId());
        var query = session.createNativeQuery(sql);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            if (Pattern.compile(":" + p.getKey() + "\\b").matcher(sql).find()) {
                query.setParameter(p.getKey(), p.getValue());
            }
        }
        return query.executeUpdate().chain(n -> run(session, statements, i + 1, lead));
    }
}
