#!/usr/bin/env bash
# Breach-detection latency: how long after a clock's due date its sla.breached alert is recorded.
#
# Starts the packaged service against a fresh PostgreSQL database on THIS machine (default: the local server at
# 127.0.0.1:5432, user postgres, trust auth), seeds it with SQL, and measures how long after its deadline each alert is
# recorded (committed, as seen by an observer polling every 20 ms), and its detectedAt - dueAt. Two scenarios, each
# with 100,000 running clocks that are not due:
#   burst  - 10,000 clocks fall due in the same second;
#   steady - 10,000 clocks fall due spread over 20 seconds.
# Needs: psql, createdb/dropdb, a JDK, and `./mvnw -q package -DskipTests` done.
#
#   PGHOST/PGPORT/PGUSER  where the database server is (default 127.0.0.1 / 5432 / postgres)
#   REPLICAS              service instances sharing the database (default 1; try 2)
#   BENCH_DB, BENCH_PORT_BASE  the database's name and the port before the first replica's (default
#                         accord_bench_alerts, 8484), so that two runs on one machine keep apart
#   REASSIGN              1: the policy's milestone reassigns on breach (onBreach.reassign, round robin over a pool
#                         of 10 present people; the owner is absent), so every breach also locks its lead and the
#                         pool, ends its clock as reassigned, starts the new owner's clock, changes the lead's owner
#                         and appends a lead.reassigned event, in the detector's transaction (default 0)
set -euo pipefail
cd "$(dirname "$0")/../.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="${BENCH_DB:-accord_bench_alerts}"
port_base="${BENCH_PORT_BASE:-8484}"
replicas="${REPLICAS:-1}"
reassign="${REASSIGN:-0}"
key=bench-admin-key-0123456789abcdef-XYZ
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw -q package -DskipTests first" >&2; exit 1; }

dropdb --if-exists "$db" && createdb "$db"
secrets_key="$(head -c 32 /dev/urandom | base64)" # one key, shared by every replica, as in production
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
for i in $(seq 1 "$replicas"); do
  port=$((port_base + i))
  ACCORD_DB_URL="postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    ACCORD_SECRETS_KEY="$secrets_key" ACCORD_BOOTSTRAP_ADMIN_KEY="$key" QUARKUS_HTTP_PORT="$port" \
    java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "/tmp/accord-bench-replica-$i.log" 2>&1 &
  pids+=($!)
done
for i in $(seq 1 "$replicas"); do
  port=$((port_base + i))
  ready=0
  for _ in $(seq 1 120); do curl -fs "localhost:$port/q/health/ready" > /dev/null && { ready=1; break; }; sleep 1; done
  [ "$ready" = 1 ] || { echo "replica $i did not become ready; see /tmp/accord-bench-replica-$i.log" >&2; exit 1; }
done

q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

q <<'SQL'
insert into calendars (id, key, name, time_zone, hours, holidays, created_at, created_by, updated_at)
values (gen_random_uuid(), 'always', 'Always open', 'UTC',
        '[{"day":"monday","start":"00:00","end":"24:00"},{"day":"tuesday","start":"00:00","end":"24:00"},
          {"day":"wednesday","start":"00:00","end":"24:00"},{"day":"thursday","start":"00:00","end":"24:00"},
          {"day":"friday","start":"00:00","end":"24:00"},{"day":"saturday","start":"00:00","end":"24:00"},
          {"day":"sunday","start":"00:00","end":"24:00"}]', '[]', now(), 'bench', now());
insert into teams (id, key, name, function, manager_id, members, created_at, created_by, updated_at)
values (gen_random_uuid(), 'bench-sales', 'Bench sales', 'sales', 'mgr-1', '{}', now(), 'bench', now());
with p as (
  insert into sla_policies (id, key, name, priority, enabled, calendar_id, calendar_key, conditions, milestones, revision,
                            created_at, created_by, updated_at)
  select gen_random_uuid(), 'bench', 'Bench', 1, true, id, 'always', '{}', '[]', 1, now(), 'bench', now()
  from calendars where key = 'always' returning id)
insert into sla_policy_revisions (id, policy_id, revision, key, name, priority, enabled, calendar_key, conditions,
                                  milestones, created_at, created_by)
select gen_random_uuid(), id, 1, 'bench', 'Bench', 1, true, 'always', '{}', '[]', now(), 'bench' from p;

create function bench_clocks(n int, first_due timestamptz, spread interval) returns void language sql as $$
  with l as (
    insert into leads (id, source, external_id, status, company, contact, custom, owner_id, team_key, fit_tier,
                       handoff_id, handed_off_at, created_at, updated_at)
    select gen_random_uuid(), 'bench', 'b-' || gen_random_uuid(), 'mql', '{"name":"Bench Co"}', '{}', '{}', 'rep-1',
           'bench-sales', 'A', gen_random_uuid(), now(), now(), now()
    from generate_series(1, n) returning id, handoff_id)
  insert into sla_clocks (id, lead_id, handoff_id, owner_id, team_key, tier, policy_id, policy_key, policy_revision,
                          calendar_key, milestone, target, status, started_at, due_at, created_at)
  select gen_random_uuid(), l.id, l.handoff_id, 'rep-1', 'bench-sales', 'A', p.id, 'bench', 1, 'always', 'first_touch',
         'PT1H', 'running', now(), first_due + spread * (row_number() over () - 1) / greatest(n - 1, 1), now()
  from l cross join (select id from sla_policies where key = 'bench') p
$$;
select bench_clocks(100000, now() + interval '1 day', interval '1 day');
analyze;
SQL

if [ "$reassign" = 1 ]; then
  q <<'SQL'
update sla_policies set milestones = '[{"kind":"first_touch","target":"PT1H","onBreach":{"reassign":{"to":"round_robin","pool":"bench-sales","excludePrevious":1,"respectHours":false,"clock":"fresh"}}}]';
update sla_policy_revisions set milestones = (select milestones from sla_policies where key = 'bench');
insert into people (id, uid, name, created_at, created_by, updated_at)
select 'rep-' || g, gen_random_uuid(), 'Rep ' || g, now(), 'bench', now() from generate_series(1, 11) g;
insert into people_memberships (team_key, person_id) select 'bench-sales', 'rep-' || g from generate_series(1, 11) g;
insert into people_absences (id, person_id, starts_at, ends_at, reason, created_at, created_by)
values (gen_random_uuid(), 'rep-1', now() - interval '1 day', now() + interval '1 day', 'bench', now(), 'bench');
analyze;
SQL
fi

# Watches from outside the service: every 20 ms, it stamps each alert that has become visible (committed) with the
# wall-clock time it was first seen. "Recorded" is that time, so the lag below includes the detector's whole
# transaction, not only the moment it started. It follows the event sequence, whose order is commit order, so each
# poll reads only the new rows and the observer costs the machine little.
watch_alerts() {
  local n=$1
  q <<SQL
drop table if exists bench_seen;
create table bench_seen (alert_id uuid primary key, seq bigint not null, seen_at timestamptz not null);
do \$\$
declare seen int := 0; last bigint; stop timestamptz := clock_timestamp() + interval '90 seconds'; added int;
        newest bigint;
begin
  select coalesce(max(seq), 0) into last from events;
  while seen < $n and clock_timestamp() < stop loop
    with fresh as (
      insert into bench_seen select e.alert_id, e.seq, clock_timestamp() from events e
      where e.seq > last and e.type = 'alert.created' and e.alert_kind = 'sla.breached' returning seq)
    select count(*), max(seq) into added, newest from fresh;
    seen := seen + added;
    last := coalesce(newest, last);
    perform pg_sleep(0.02);
  end loop;
end \$\$;
SQL
}

measure() {
  local label=$1 n=$2 spread=$3 id=$4
  q -c "delete from alerts; select bench_clocks($n, date_trunc('second', now()) + interval '10 seconds', interval '$spread');"
  watch_alerts "$n"
  q -Atc "select '$label: ' || count(*) || ' alerts; recorded (committed, seen by a 20 ms poll) after the deadline: p50 ' ||
      round((percentile_cont(0.5) within group (order by extract(epoch from s.seen_at - a.due_at)))::numeric, 3) || ' s, p99 ' ||
      round((percentile_cont(0.99) within group (order by extract(epoch from s.seen_at - a.due_at)))::numeric, 3) || ' s, max ' ||
      round(max(extract(epoch from s.seen_at - a.due_at))::numeric, 3) || ' s; detectedAt - dueAt: p50 ' ||
      round((percentile_cont(0.5) within group (order by extract(epoch from a.detected_at - a.due_at)))::numeric, 3) || ' s, p99 ' ||
      round((percentile_cont(0.99) within group (order by extract(epoch from a.detected_at - a.due_at)))::numeric, 3) || ' s; running clocks ' ||
      (select count(*) from sla_clocks where status = 'running')
      from alerts a join bench_seen s on s.alert_id = a.id where a.kind = 'sla.breached'"
  # For bench/run.sh: the p99 of the recorded lag, and how many of the n alerts were seen at all.
  q -Atc "select 'RESULT detection.r$replicas.$id.p99_s ' || coalesce(
      round((percentile_cont(0.99) within group (order by extract(epoch from s.seen_at - a.due_at)))::numeric, 3)::text, 'none') ||
      ' seen ' || count(*) || ' of $n'
      from alerts a join bench_seen s on s.alert_id = a.id where a.kind = 'sla.breached'"
  # Where the lag goes: detectedAt - dueAt is when the detector's round saw the clock (the scheduler's tick and the
  # rounds before it); the rest up to "recorded" is writing and committing its batch.
  q -Atc "select 'RESULT detection.r$replicas.$id.detected_p99_s ' ||
      round((percentile_cont(0.99) within group (order by extract(epoch from a.detected_at - a.due_at)))::numeric, 3)
      from alerts a where a.kind = 'sla.breached'"
}

echo "replicas: $replicas, reassign on breach: $reassign"
# The first burst meets a JVM that has just started (nothing compiled yet); the second meets a warmed-up one, as a
# replica that has been running for a while would be.
measure "burst, cold JVM (10,000 due in one second)" 10000 "0 seconds" burst_cold
measure "steady (10,000 due over 20 s)" 10000 "20 seconds" steady
measure "burst, warm JVM (10,000 due in one second)" 10000 "0 seconds" burst_warm
dups=$(q -Atc "select count(*) - count(distinct (subject, kind)) from alerts")
echo "duplicate alerts: $dups"
echo "RESULT detection.r$replicas.duplicates $dups"
if [ "$reassign" = 1 ]; then
  q -Atc "select 'reassigned clocks ' || count(*) filter (where status = 'reassigned') || ', their followers ' ||
      count(*) filter (where previous_clock_id is not null) || ', lead.reassigned events ' ||
      (select count(*) from events where type = 'lead.reassigned') || ', leads still owned by the absent rep-1 ' ||
      (select count(*) from leads where owner_id = 'rep-1' and id in (select lead_id from sla_clocks where status = 'reassigned'))
      from sla_clocks"
fi
