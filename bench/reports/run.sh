#!/usr/bin/env bash
# Report latency at 1,000,000 leads.
#
# Creates a database on a local PostgreSQL (default 127.0.0.1:5432, user postgres, trust auth), starts the packaged
# service against it so that Flyway creates the schema, generates a year of data with SQL generate_series (leads with
# their stage times, touches, lifecycle events, two SLA clocks per hand-off, commitments), then times every report
# endpoint over HTTP with curl: 5 requests each, the median is printed. Stops the service at the end.
# Needs: psql, createdb/dropdb, curl, a JDK, and `./mvnw -q package -DskipTests` done.
#
#   LEADS=1000000          how many leads to generate
#   PGHOST/PGPORT/PGUSER   the PostgreSQL server (default 127.0.0.1 / 5432 / postgres)
#   KEEP_DATA=1            reuse the database of the previous run instead of generating it again
set -euo pipefail
cd "$(dirname "$0")/../.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db=accord_bench
leads="${LEADS:-1000000}"
port=8383
key=bench-admin-key-0123456789abcdef-reports
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw -q package -DskipTests first" >&2; exit 1; }

if [ "${KEEP_DATA:-0}" != 1 ]; then
  dropdb --if-exists "$db" && createdb "$db"
fi

pid=
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
ACCORD_DB_URL="postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" ACCORD_RATE_LIMIT_ENABLED=false \
  QUARKUS_HTTP_PORT="$port" ACCORD_BOOTSTRAP_ADMIN_KEY="$key" ACCORD_REPORTS_ROLLUP_INTERVAL=PT5S \
  java -jar target/quarkus-app/quarkus-run.jar > /tmp/accord-bench-reports.log 2>&1 &
pid=$!
for _ in $(seq 1 180); do curl -fs "localhost:$port/q/health/ready" > /dev/null && break; sleep 1; done
curl -fs "localhost:$port/q/health/ready" > /dev/null || { echo "the service did not start; see /tmp/accord-bench-reports.log" >&2; exit 1; }

q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

if [ "${KEEP_DATA:-0}" != 1 ]; then
  echo "generating $leads leads…"
  start=$SECONDS
  q -v n="$leads" <<'SQL'
-- Reference data: a Berlin office calendar, ten sales teams and a marketing team, an ICP with two versions, three
-- SLA policies.
insert into calendars (id, key, name, time_zone, hours, holidays, created_at, created_by, updated_at)
values (gen_random_uuid(), 'bench-office', 'Berlin office', 'Europe/Berlin',
        '[{"day":"monday","start":"09:00","end":"17:00"},{"day":"tuesday","start":"09:00","end":"17:00"},
          {"day":"wednesday","start":"09:00","end":"17:00"},{"day":"thursday","start":"09:00","end":"17:00"},
          {"day":"friday","start":"09:00","end":"17:00"}]', '[]', now(), 'bench', now());
insert into teams (id, key, name, function, manager_id, members, created_at, created_by, updated_at)
select gen_random_uuid(), 'sales-' || lpad(i::text, 2, '0'), 'Sales ' || i, 'sales', 'mgr-' || i, '{}', now(), 'bench', now()
from generate_series(1, 10) i;
insert into teams (id, key, name, function, manager_id, members, created_at, created_by, updated_at)
values (gen_random_uuid(), 'marketing', 'Marketing', 'marketing', 'mgr-m', '{}', now(), 'bench', now());
insert into icps (id, key, name, created_at, created_by, updated_at, updated_by)
values (gen_random_uuid(), 'bench-icp', 'Bench ICP', now(), 'bench', now(), 'bench');
insert into icp_versions (id, icp_id, number, status, definition, created_at, created_by, updated_at, updated_by)
select gen_random_uuid(), i.id, v, 'superseded',
       '{"criteria":[{"attribute":"company.industry","operator":"in","values":["saas"],"weight":100,"required":false}],
         "tiers":[{"label":"A","minScore":80},{"label":"B","minScore":60},{"label":"C","minScore":0}]}'::jsonb,
       now(), 'bench', now(), 'bench'
from icps i cross join generate_series(1, 2) v where i.key = 'bench-icp';
with p as (
  insert into sla_policies (id, key, name, priority, enabled, calendar_id, calendar_key, conditions, milestones, revision,
                            created_at, created_by, updated_at)
  select gen_random_uuid(), k, 'Bench ' || k, 1, false, c.id, 'bench-office', '{}', '[]', 1, now(), 'bench', now()
  from calendars c cross join unnest(array['tier-a', 'tier-b', 'default']) k where c.key = 'bench-office'
  returning id, key)
insert into sla_policy_revisions (id, policy_id, revision, key, name, priority, enabled, calendar_key, conditions,
                                  milestones, created_at, created_by)
select gen_random_uuid(), id, 1, key, 'Bench ' || key, 1, false, 'bench-office', '{}', '[]', now(), 'bench' from p;

-- Bulk load without triggers and foreign-key checks: the derived columns the V9 triggers keep (stage times, first
-- touch, policy key, the lead's source and ICP on clocks) are written directly, consistently with the rows.
set session_replication_role = replica;

-- A year of leads up to now: 85 % handed off within two days of creation; of those 15 % still mql, 15 % rejected,
-- 5 % rejected then recycled, 25 % accepted, 15 % qualified, 10 % won, 15 % lost; 92 % touched after hand-off.
insert into leads (id, source, external_id, status, company, contact, custom, country, owner_id, team_key, fit_icp_key,
                   fit_version, fit_score, fit_tier, fit_qualified, handoff_id, handed_off_at, reject_reason, outcome,
                   created_at, updated_at, accepted_at, qualified_at, closed_at, rejected_at, recycled_at,
                   first_touch_at, sla_policy_key)
select id, 'source-' || (n % 8), 'b-' || n, status, '{"name":"Bench Co ' || n || '"}', '{}', '{}', 'DE',
       'rep-' || lpad((n % 200)::text, 3, '0'), 'sales-' || lpad((n % 10 + 1)::text, 2, '0'),
       case when tier is not null then 'bench-icp' end, case when tier is not null then 1 + n % 2 end,
       (r_fit * 100)::int, tier, tier is not null,
       case when handed then gen_random_uuid() end, case when handed then handed_at end,
       case when status in ('rejected', 'recycled') then (array['not_icp_fit', 'bad_contact_data', 'duplicate',
           'no_budget', 'no_authority', 'competitor', 'other'])[1 + floor(r_reason * 7)::int] end,
       case when status in ('won', 'lost') then status end,
       created_at, created_at, accepted_at, qualified_at, closed_at, rejected_at, recycled_at,
       case when handed and r_touch < 0.92 then handed_at + power(r_touch / 0.92, 3) * interval '48 hours' end,
       case when handed then case tier when 'A' then 'tier-a' when 'B' then 'tier-b' else 'default' end end
from (
  select *,
         case when status in ('accepted', 'qualified', 'won', 'lost') then handed_at + r_delay * interval '30 hours' end
             as accepted_at,
         case when status in ('qualified', 'won', 'lost') then handed_at + interval '3 days' + r_delay * interval '5 days' end
             as qualified_at,
         case when status in ('won', 'lost') then handed_at + interval '15 days' + r_delay * interval '20 days' end
             as closed_at,
         case when status in ('rejected', 'recycled') then handed_at + r_delay * interval '30 hours' end as rejected_at,
         case when status = 'recycled' then handed_at + interval '10 days' end as recycled_at
  from (
    select *, r_hand < 0.85 as handed,
           case when r_hand >= 0.85 then 'new' when r_path < 0.15 then 'mql' when r_path < 0.30 then 'rejected'
                when r_path < 0.35 then 'recycled' when r_path < 0.60 then 'accepted' when r_path < 0.75 then 'qualified'
                when r_path < 0.85 then 'won' else 'lost' end as status,
           created_at + r_delay * interval '2 days' as handed_at,
           case when r_fit < 0.3 then 'A' when r_fit < 0.6 then 'B' when r_fit < 0.9 then 'C' end as tier
    from (
      select n, gen_random_uuid() as id, now() - interval '367 days' + random() * interval '365 days' as created_at,
             random() as r_hand, random() as r_path, random() as r_reason, random() as r_touch, random() as r_fit,
             random() as r_delay
      from generate_series(1, :n) n) base) staged) timed;

-- One or two touches per touched lead, the first at first_touch_at.
insert into lead_touches (id, lead_id, kind, occurred_at, actor_id, created_at, created_by)
select gen_random_uuid(), id, 'call', first_touch_at + (k - 1) * interval '1 day', owner_id,
       first_touch_at + (k - 1) * interval '1 day', 'bench'
from leads cross join generate_series(1, 2) k
where first_touch_at is not null and (k = 1 or random() < 0.5);

-- The lifecycle events the application writes (commitments and the digest count hand-offs and acceptances).
insert into lead_events (id, lead_id, at, kind, actor, summary, fit_icp_key, fit_version, fit_tier)
select gen_random_uuid(), id, at, kind, 'bench', kind, fit_icp_key, fit_version, fit_tier
from leads cross join lateral (values (handed_off_at, 'hand_off'), (accepted_at, 'accept'), (qualified_at, 'qualify'),
                                      (closed_at, 'close'), (rejected_at, 'reject'), (recycled_at, 'recycle')) e(at, kind)
where e.at is not null;

-- Two clocks per hand-off: first_touch (4 h) and decision (1 day). Met by the first touch, or by the acceptance or
-- rejection; otherwise cancelled when the lead left the funnel, breached when past due, else running. Business time to
-- met is synthetic here (40/168 of the wall time); the service computes it from the calendar when clocks are met.
insert into sla_clocks (id, lead_id, handoff_id, owner_id, team_key, tier, policy_id, policy_key, policy_revision,
                        calendar_key, milestone, target, status, started_at, due_at, met_at, late, breached_at,
                        cancelled_at, created_at, source, icp_key, business_seconds_to_met, next_check_at)
select gen_random_uuid(), id, handoff_id, owner_id, team_key, fit_tier, policy_id, sla_policy_key, 1, 'bench-office',
       milestone, target,
       case when met_at is not null then 'met' when left_at is not null then 'cancelled'
            when due_at < now() then 'breached' else 'running' end,
       handed_off_at, due_at, met_at, coalesce(met_at > due_at, false),
       case when met_at > due_at or (met_at is null and coalesce(left_at, now()) > due_at) then due_at end,
       case when met_at is null then left_at end,
       handed_off_at, source, fit_icp_key,
       case when met_at is not null then (extract(epoch from met_at - handed_off_at) * 40 / 168)::bigint end,
       case when met_at is null and left_at is null and due_at >= now() then due_at end
from (
  select l.id, l.handoff_id, l.owner_id, l.team_key, l.fit_tier, p.id as policy_id, l.sla_policy_key, l.handed_off_at,
         l.source, l.fit_icp_key, m.milestone, m.target, l.handed_off_at + m.due_after as due_at,
         case m.milestone when 'first_touch' then l.first_touch_at else coalesce(l.accepted_at, l.rejected_at) end as met_at,
         case when l.status in ('rejected', 'recycled', 'won', 'lost') then coalesce(l.rejected_at, l.closed_at) end as left_at
  from leads l
  join sla_policies p on p.key = l.sla_policy_key
  cross join (values ('first_touch', 'PT4H', interval '4 hours'), ('decision', 'P1D', interval '1 day'))
      as m(milestone, target, due_after)
  where l.handed_off_at is not null) c;

reset session_replication_role;

-- The bulk load ran without the trigger that notes changed months for the SLA rollups: note every month, as the
-- migration does for clocks that exist when it runs.
insert into sla_rollup_changes (month) select distinct date_trunc('month', due_at at time zone 'UTC')::date from sla_clocks;

-- Marketing's commitments (checked by the service's checker).
insert into commitments (id, key, name, team_key, period, calendar_id, calendar_key, metric, min_tier, icp_key, target,
                         starts_on, closed_through, next_check_at, created_at, created_by, updated_at)
select gen_random_uuid(), k, 'Bench ' || k, 'marketing', period, c.id, 'bench-office', metric, tier, icp, target,
       starts_on::date, now(), now(), now(), 'bench', now()
from calendars c cross join (values
    ('weekly-b', 'week', 'handed_off', 'B', 'bench-icp', 9000, '2025-11-24'),
    ('monthly-accepted', 'month', 'accepted', null, null, 25000, '2025-12-01'),
    ('quarterly', 'quarter', 'handed_off', null, null, 200000, '2026-01-01')) v(k, period, metric, tier, icp, target, starts_on)
where c.key = 'bench-office';

vacuum analyze;
SQL
  echo "leads and touches: $((SECONDS - start)) s"
fi

q -Atc "select 'data: ' || (select count(*) from leads) || ' leads, ' || (select count(*) from lead_touches) || ' touches, '
        || (select count(*) from lead_events) || ' lead events, ' || (select count(*) from sla_clocks) || ' clocks'"

# The service builds the rollups of every ended month with a note (every 5 s here, every minute by default).
start=$SECONDS
until [ "$(q -Atc "select count(*) from sla_rollup_changes where month < date_trunc('month', now() at time zone 'UTC')")" = 0 ]; do
  [ $((SECONDS - start)) -lt 900 ] || { echo "the SLA rollups were not built in 15 minutes" >&2; exit 1; }
  sleep 2
done
q -Atc "select 'SLA rollups: ' || count(distinct month) || ' months, ' || count(*) || ' rows, '
        || pg_size_pretty(pg_total_relation_size('sla_clock_rollups')) from sla_clock_rollups"
echo "waited $((SECONDS - start)) s for the rollups to be built"

to=$(date -u +%Y-%m-%dT%H:%M:%SZ)
year=$(date -u -d '-366 days' +%Y-%m-%dT%H:%M:%SZ)
month=$(date -u -d '-30 days' +%Y-%m-%dT%H:%M:%SZ)
week=$(date -u -d '-7 days' +%G-W%V)

# median of 5 (after one warm-up request), in milliseconds; fails on a non-200 answer
timed() {
  local label=$1 accept=$2 path=$3 times=()
  curl -fs -o /dev/null -H "X-API-Key: $key" -H "Accept: $accept" "localhost:$port$path"
  for _ in 1 2 3 4 5; do
    read -r code t < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "X-API-Key: $key" -H "Accept: $accept" \
      "localhost:$port$path")
    [ "$code" = 200 ] || { echo "$label: HTTP $code" >&2; exit 1; }
    times+=("$t")
  done
  printf '%-58s %8.0f ms\n' "$label" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{print $1 * 1000}')"
}

echo "report latency, median of 5 ($leads leads; year = $year .. $to):"
timed "sla-compliance, year, by teamKey"              application/json "/api/v1/reports/sla-compliance?from=$year&to=$to&groupBy=teamKey"
timed "sla-compliance, year, by ownerId (200 groups)" application/json "/api/v1/reports/sla-compliance?from=$year&to=$to&groupBy=ownerId"
timed "sla-compliance, year, by milestone, CSV"       text/csv         "/api/v1/reports/sla-compliance?from=$year&to=$to&groupBy=milestone"
timed "sla-compliance, year, no grouping"             application/json "/api/v1/reports/sla-compliance?from=$year&to=$to"
timed "sla-compliance, year, one team, by teamKey"    application/json "/api/v1/reports/sla-compliance?from=$year&to=$to&groupBy=teamKey&teamKey=sales-03"
timed "sla-compliance, year, by tier, first touch (clocks only)" application/json "/api/v1/reports/sla-compliance?from=$year&to=$to&groupBy=tier&milestone=first_touch"
timed "sla-compliance, 30 days, team filter"          application/json "/api/v1/reports/sla-compliance?from=$month&to=$to&teamKey=sales-03"
timed "speed-to-lead, year, by ownerId"               application/json "/api/v1/reports/speed-to-lead?from=$year&to=$to&groupBy=ownerId"
timed "speed-to-lead, year, by tier, CSV"             text/csv         "/api/v1/reports/speed-to-lead?from=$year&to=$to&groupBy=tier"
timed "funnel, year, by source"                       application/json "/api/v1/reports/funnel?from=$year&to=$to&groupBy=source"
timed "funnel, 30 days, by policyKey"                 application/json "/api/v1/reports/funnel?from=$month&to=$to&groupBy=policyKey"
timed "fit-vs-outcome, year"                          application/json "/api/v1/reports/fit-vs-outcome?from=$year&to=$to"
timed "weekly-digest $week, JSON"                     application/json "/api/v1/reports/weekly-digest?week=$week&zone=Europe/Berlin"
timed "weekly-digest $week, Markdown"                 text/markdown    "/api/v1/reports/weekly-digest?week=$week&zone=Europe/Berlin"
timed "commitment periods (weekly, 50 periods)"       application/json "/api/v1/commitments/weekly-b/periods"
