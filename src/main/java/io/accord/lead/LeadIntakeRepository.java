package io.accord.lead;

import static io.accord.common.NativeRows.bool;
import static io.accord.common.NativeRows.instant;
import static io.accord.common.NativeRows.string;
import static io.accord.common.NativeRows.uuid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The set-based intake upsert: any number of leads with one statement, idempotent by {@code (source, external_id)}.
 *
 * <p>The rows travel as one JSON array parameter, unpacked by {@code jsonb_to_recordset}, and are written with
 * {@code insert ... on conflict (source, external_id) do update}: concurrent pushes of the same lead serialise on the
 * unique index, so there is never a duplicate, and {@code xmax = 0} tells an inserted row from an updated one. Rows
 * are inserted in key order, so two batches that share leads lock them in the same order and cannot deadlock. A
 * batch must not contain the same key twice (the caller splits such batches into rounds).
 *
 * <p>Update rules, decided inside the statement against the row as it is then: attributes and country are always
 * replaced; while the lead is {@code new} or {@code recycled} (before hand-off) the fit is replaced and a given owner
 * or team replaces the current one; after hand-off fit, owner and team stay (use the assign action). A pushed
 * {@code status: "mql"} hands off a lead that is {@code new} or {@code recycled}: the row then takes the proposed
 * {@code handoff_id}, which is how the caller learns that this statement handed it off.
 */
@ApplicationScoped
class LeadIntakeRepository {

    /** One lead to write. Attribute maps are JSON object text. {@code handoffId} is used only if it hands off. */
    record Row(UUID id, String source, String externalId, String status, String company, String contact,
            String custom, String country, String ownerId, String teamKey, LeadFit fit, UUID handoffId) {
    }

    /** A written lead, as it is after the statement. */
    record Written(UUID id, String source, String externalId, boolean inserted, String status, UUID handoffId,
            Instant handedOffAt, String ownerId, String teamKey, String country, String fitIcpKey, String fitTier) {
    }

    private static final String BEFORE_HAND_OFF = "l.status in ('new', 'recycled')";
    private static final String HANDS_OFF = "excluded.status = 'mql' and " + BEFORE_HAND_OFF;

    private static final String UPSERT = """
            with input as (
                select * from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id uuid, source text, external_id text,
                    status text, company text, contact text, custom text, country text, owner_id text, team_key text,
                    fit_icp_key text, fit_version integer, fit_score integer, fit_tier text, fit_qualified boolean,
                    handoff_id uuid)
            ), written as (
                insert into leads as l (id, source, external_id, status, company, contact, custom, country, owner_id,
                    team_key, fit_icp_key, fit_version, fit_score, fit_tier, fit_qualified, handoff_id, handed_off_at,
                    created_at, updated_at, version)
                select id, source, external_id, status, company, contact, custom, country, owner_id, team_key,
                    fit_icp_key, fit_version, fit_score, fit_tier, fit_qualified,
                    case when status = 'mql' then handoff_id end,
                    case when status = 'mql' then cast(:now as timestamptz) end,
                    cast(:now as timestamptz), cast(:now as timestamptz), 0
                from input
                order by source, external_id
                on conflict (source, external_id) do update set
                    company = excluded.company,
                    contact = excluded.contact,
                    custom = excluded.custom,
                    country = excluded.country,
                    owner_id = case when %1$s then coalesce(excluded.owner_id, l.owner_id) else l.owner_id end,
                    team_key = case when %1$s then coalesce(excluded.team_key, l.team_key) else l.team_key end,
                    fit_icp_key = case when %1$s then excluded.fit_icp_key else l.fit_icp_key end,
                    fit_version = case when %1$s then excluded.fit_version else l.fit_version end,
                    fit_score = case when %1$s then excluded.fit_score else l.fit_score end,
                    fit_tier = case when %1$s then excluded.fit_tier else l.fit_tier end,
                    fit_qualified = case when %1$s then excluded.fit_qualified else l.fit_qualified end,
                    status = case when %2$s then 'mql' else l.status end,
                    handoff_id = case when %2$s then excluded.handoff_id else l.handoff_id end,
                    handed_off_at = case when %2$s then excluded.handed_off_at else l.handed_off_at end,
                    reject_reason = case when %2$s then null else l.reject_reason end,
                    reject_note = case when %2$s then null else l.reject_note end,
                    updated_at = excluded.updated_at,
                    version = l.version + 1
                -- An erased lead is never written again. A team-bound key (the scope parameter, empty when unbound)
                -- writes only its team's leads, or a lead without a team that this push puts into its team.
                where l.erased_at is null
                    and (cast(:scope as text) = '' or l.team_key = cast(:scope as text)
                         or (l.team_key is null and %1$s))
                returning l.id, l.source, l.external_id, (l.xmax = 0) as inserted, l.status, l.handoff_id,
                    l.handed_off_at, l.owner_id, l.team_key, l.country, l.fit_icp_key, l.fit_tier
            )
            select * from written
            """.formatted(BEFORE_HAND_OFF, HANDS_OFF);

    private final ObjectMapper json;

    LeadIntakeRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Writes the rows (distinct keys) in the current transaction; results in no particular order. A row that would
     * update an erased lead, or a lead {@code scopeTeam} (null: unbound) may not write, is left alone and absent from
     * the result.
     *
     * @param now the write time, also the hand-off time of leads this statement hands off
     */
    Uni<List<Written>> upsert(List<Row> rows, String scopeTeam, Instant now) {
        String payload = payload(rows);
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT, Object[].class)
                        .setParameter("rows", payload).setParameter("now", now)
                        .setParameter("scope", scopeTeam == null ? "" : scopeTeam)
                        .getResultList())
                .map(result -> {
                    List<Written> written = new ArrayList<>(result.size());
                    for (Object[] r : result) {
                        written.add(new Written(uuid(r[0]), string(r[1]), string(r[2]), bool(r[3]), string(r[4]),
                                uuid(r[5]), instant(r[6]), string(r[7]), string(r[8]), string(r[9]), string(r[10]),
                                string(r[11])));
                    }
                    return written;
                });
    }

    private String payload(List<Row> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>(24);
            m.put("id", r.id());
            m.put("source", r.source());
            m.put("external_id", r.externalId());
            m.put("status", r.status());
            m.put("company", r.company());
            m.put("contact", r.contact());
            m.put("custom", r.custom());
            m.put("country", r.country());
            m.put("owner_id", r.ownerId());
            m.put("team_key", r.teamKey());
            if (r.fit() != null) {
                m.put("fit_icp_key", r.fit().icpKey());
                m.put("fit_version", r.fit().version());
                m.put("fit_score", r.fit().score());
                m.put("fit_tier", r.fit().tier());
                m.put("fit_qualified", r.fit().qualified());
            }
            m.put("handoff_id", r.handoffId());
            out.add(m);
        }
        try {
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
