#!/usr/bin/env bash
# Fault harness (issue 15): Accord keeps its promises while replicas die, PostgreSQL restarts and the webhook
# receiver is away. On THIS machine only: loopback, the local PostgreSQL (default 127.0.0.1:5432, user postgres,
# trust auth), the packaged service. See bench/faults/README.md.
#
# It starts REPLICAS (3) replicas against a fresh database accord_faults, a webhook receiver, one live-stream follower
# per replica and a load probe; seeds CLOCKS (20,000) SLA clocks falling due over SPREAD (60) s, all subscribed to
# by one webhook; and meanwhile
#   - kills replica 1 with kill -9 every KILL_EVERY (10) s and starts it again, until the receiver is back;
#   - sends SIGTERM to replica 2 (graceful shutdown) and starts it again TERM_DOWN (25) s later;
#   - restarts PostgreSQL once (stopped for PG_DOWN (5) s), watching replica 3 go unready and recover unrestarted;
#   - takes the webhook receiver down for OUTAGE (300) s; the replicas retry on ACCORD_WEBHOOKS_RETRY_DELAYS.
# Then it checks and prints: alerts expected vs raised (0 lost, 0 doubled), every event delivered to the receiver
# with a valid signature and a stable webhook-id (receiver-side duplicates counted), every follower saw every event
# exactly once, the outbox is empty, and no request was answered 5xx except 503 problem documents while PostgreSQL
# was down. Exits 1 when a check fails. Needs psql, createdb/dropdb, pg_ctlcluster (or PG_STOP/PG_START), a JDK and
# `./mvnw -q package -DskipTests` done. Takes OUTAGE + about 3 minutes.
#
#   OUTAGE=60 bench/faults/run.sh        a quicker run while developing (the issue asks for 300)
set -euo pipefail
cd "$(dirname "$0")/../.."
run_started=$(date +%s)

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="${DB:-accord_faults}"
replicas="${REPLICAS:-3}"
clocks="${CLOCKS:-20000}"
spread="${SPREAD:-60}"
kill_every="${KILL_EVERY:-10}"
term_down="${TERM_DOWN:-25}"
pg_down="${PG_DOWN:-5}"
outage="${OUTAGE:-300}"
rate="${LOAD_RATE:-15}"
retry_delays="${RETRY_DELAYS:-2s,5s,10s,30s,60s,60s,60s,60s,60s,60s,60s,60s}"
pg_stop="${PG_STOP:-pg_ctlcluster 15 main stop -m fast}"
pg_start="${PG_START:-pg_ctlcluster 15 main start}"
base_port="${BASE_PORT:-8700}"
recv_port=$((base_port + 90))
out="${OUT:-target/faults/$(date -u +%Y%m%dT%H%M%SZ)}"
key=faults-bootstrap-admin-key-0123456789abcdef
secrets_key=$(head -c 32 /dev/urandom | base64)
jar=target/quarkus-app/quarkus-run.jar
tools=src/test/java/io/accord/faults/FaultTools.java
[ -f "$jar" ] || { echo "run ./mvnw -q package -DskipTests first" >&2; exit 1; }
[ "$replicas" -ge 3 ] || { echo "REPLICAS must be at least 3 (one killed, one stopped, one watched)" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
# The replicas run from a copy, so a rebuild during the run cannot pull their jars from under them.
cp -r target/quarkus-app "$out/app"
jar="$out/app/quarkus-run.jar"
echo "logs and data: $out"

q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
now() { date +%s.%N; }
ms() { date +%s%3N; }
port_of() { echo $((base_port + $1)); }
declare -A pids
helpers=()

start_replica() {
  local i=$1 port; port=$(port_of "$1")
  ACCORD_DB_URL="postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    ACCORD_SECRETS_KEY="$secrets_key" ACCORD_BOOTSTRAP_ADMIN_KEY="$key" QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE=10 ACCORD_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true \
    ACCORD_WEBHOOKS_RETRY_DELAYS="$retry_delays" ACCORD_WEBHOOKS_TIMEOUT=PT5S \
    java -Xmx384m -XX:+UseSerialGC ${JAVA_OPTS:-} -jar "$jar" >> "$out/replica-$i.log" 2>&1 &
  pids[$i]=$!
  # Replica 1 is killed from the chaos loop; its job would otherwise be reported "Killed" here.
  [ "$i" != 1 ] || disown "${pids[$i]}" 2>/dev/null || true
  echo "$(ms) $i start ${pids[$i]}" >> "$out/lifecycle.log"
}
wait_ready() {
  local port; port=$(port_of "$1")
  for _ in $(seq 1 600); do curl -fs "localhost:$port/q/health/ready" > /dev/null && return 0; sleep 0.2; done
  echo "replica $1 did not become ready" >&2; return 1
}
cleanup() {
  set +e
  [ -n "${chaos_pid:-}" ] && kill "$chaos_pid" 2>/dev/null
  for p in "${helpers[@]}"; do kill "$p" 2>/dev/null; done
  # The normal path has stopped the replicas gracefully already; whatever is left is ended now.
  for i in "${!pids[@]}"; do kill -9 "${pids[$i]}" 2>/dev/null; done
  [ -f "$out/lifecycle.log" ] && for p in $(awk '$3 == "start" {print $4}' "$out/lifecycle.log"); do kill -9 "$p" 2>/dev/null; done
  [ -n "${recv_pid:-}" ] && kill "$recv_pid" 2>/dev/null
  # PostgreSQL must be up whatever happened.
  pg_isready -q -h "$PGHOST" -p "$PGPORT" || $pg_start
  wait 2>/dev/null
}
trap cleanup EXIT

dropdb --if-exists "$db" && createdb "$db"
for i in $(seq 1 "$replicas"); do start_replica "$i"; done
for i in $(seq 1 "$replicas"); do wait_ready "$i"; done
echo "$replicas replicas ready"

api() { curl -s -H "X-API-Key: $1" -H 'Content-Type: application/json' "${@:2}"; }
admin_key=$(api "$key" -X POST "localhost:$(port_of 1)/api/v1/api-keys" -d '{"name": "faults", "roles": ["admin"]}' \
  | sed -E 's/.*"key":"([^"]+)".*/\1/')
hook=$(api "$admin_key" -X POST "localhost:$(port_of 1)/api/v1/webhooks" \
  -d "{\"key\": \"faults\", \"url\": \"http://127.0.0.1:$recv_port/hook\"}")
secret=$(sed -E 's/.*"secret":"([^"]+)".*/\1/' <<< "$hook")
[[ "$secret" == whsec_* ]] || { echo "could not create the webhook: $hook" >&2; exit 1; }

# Compile the tools once; each then starts from the class files.
mkdir -p "$out/classes" && javac -d "$out/classes" "$tools"
# exec, so that $! is the JVM itself and a kill reaches it.
tool() { exec java -Xmx128m -XX:+UseSerialGC -cp "$out/classes" io.accord.faults.FaultTools "$@"; }
start_receiver() { (tool receiver "$recv_port" "$secret" "$out/receiver.tsv" >> "$out/receiver.log" 2>&1) & recv_pid=$!; }
start_receiver
all_ports=(); for i in $(seq 1 "$replicas"); do all_ports+=("$(port_of "$i")"); done
for i in $(seq 1 "$replicas"); do
  others=(); for j in $(seq 1 "$replicas"); do [ "$j" != "$i" ] && others+=("$(port_of "$j")"); done
  (tool sse "follower-$i" "$admin_key" "$out/sse-$i.tsv" "$(port_of "$i")" "${others[@]}" >> "$out/sse.log" 2>&1) &
  helpers+=($!)
done
(tool load "$admin_key" "$out/load.tsv" "$rate" "${all_ports[@]}" >> "$out/load.log" 2>&1) &
load_pid=$!; helpers+=($load_pid)

# --- Seed: clocks falling due from t0 + 15 s over SPREAD seconds -------------------------------------------------
q <<'SQL'
insert into calendars (id, key, name, time_zone, hours, holidays, created_at, created_by, updated_at)
values (gen_random_uuid(), 'always', 'Always open', 'UTC',
        '[{"day":"monday","start":"00:00","end":"24:00"},{"day":"tuesday","start":"00:00","end":"24:00"},
          {"day":"wednesday","start":"00:00","end":"24:00"},{"day":"thursday","start":"00:00","end":"24:00"},
          {"day":"friday","start":"00:00","end":"24:00"},{"day":"saturday","start":"00:00","end":"24:00"},
          {"day":"sunday","start":"00:00","end":"24:00"}]', '[]', now(), 'faults', now());
insert into teams (id, key, name, function, manager_id, members, created_at, created_by, updated_at)
values (gen_random_uuid(), 'faults-sales', 'Faults sales', 'sales', 'mgr-1', '{}', now(), 'faults', now());
with p as (
  insert into sla_policies (id, key, name, priority, enabled, calendar_id, calendar_key, conditions, milestones, revision,
                            created_at, created_by, updated_at)
  select gen_random_uuid(), 'faults', 'Faults', 1, true, id, 'always', '{}', '[]', 1, now(), 'faults', now()
  from calendars where key = 'always' returning id)
insert into sla_policy_revisions (id, policy_id, revision, key, name, priority, enabled, calendar_key, conditions,
                                  milestones, created_at, created_by)
select gen_random_uuid(), id, 1, 'faults', 'Faults', 1, true, 'always', '{}', '[]', now(), 'faults' from p;
SQL
t0=$(now)
q -v n="$clocks" -v spread="$spread" <<'SQL'
with l as (
  insert into leads (id, source, external_id, status, company, contact, custom, owner_id, team_key, fit_tier,
                     handoff_id, handed_off_at, created_at, updated_at)
  select gen_random_uuid(), 'faults', 'f-' || g, 'mql', '{"name":"Faults Co"}', '{}', '{}', 'rep-1',
         'faults-sales', 'A', gen_random_uuid(), now(), now(), now()
  from generate_series(1, :n) g returning id, handoff_id)
insert into sla_clocks (id, lead_id, handoff_id, owner_id, team_key, tier, policy_id, policy_key, policy_revision,
                        calendar_key, milestone, target, status, started_at, due_at, created_at)
select gen_random_uuid(), l.id, l.handoff_id, 'rep-1', 'faults-sales', 'A', p.id, 'faults', 1, 'always', 'first_touch',
       'PT1H', 'running', now(),
       now() + interval '15 seconds' + make_interval(secs => :spread) * (row_number() over () - 1) / greatest(:n - 1, 1),
       now()
from l cross join (select id from sla_policies where key = 'faults') p;
analyze;
SQL
echo "seeded $clocks clocks due from +15 s over $spread s"
at() { local target; target=$(echo "$t0 + $1" | bc); while (( $(echo "$(now) < $target" | bc) )); do sleep 0.1; done; }
elapsed() { printf '%.1f' "$(echo "$(now) - $t0" | bc)"; }

# --- Chaos -------------------------------------------------------------------------------------------------------
recv_down_at=25
recv_back_at=$((recv_down_at + outage))
kills=0
(
  # Replica 1: kill -9 every KILL_EVERY seconds and start again, until the receiver is back.
  n=0
  while true; do
    n=$((n + 1)); at $((n * kill_every))
    (( $(echo "$(now) - $t0 >= $recv_back_at" | bc) )) && break
    pid=$(awk '$2 == 1 && $3 == "start" {p = $4} END {print p}' "$out/lifecycle.log")
    kill -9 "$pid" 2>/dev/null && echo "$(ms) 1 kill9 $pid" >> "$out/lifecycle.log"
    start_replica 1
  done
) 2>> "$out/chaos.log" &
chaos_pid=$!

at 20
pid2=${pids[2]}
echo "[$(elapsed) s] SIGTERM replica 2 (pid $pid2)"
term_at=$(now); term_at_ms=$(ms); echo "$term_at_ms 2 sigterm $pid2" >> "$out/lifecycle.log"
kill -TERM "$pid2"
# A graceful stop that hangs is reported, and ended with kill -9 after 40 s.
term_hung=no
for _ in $(seq 1 400); do kill -0 "$pid2" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid2" 2>/dev/null; then term_hung=yes; kill -9 "$pid2"; fi
set +e; wait "$pid2" 2>/dev/null; term_rc=$?; set -e
term_secs=$(printf '%.2f' "$(echo "$(now) - $term_at" | bc)"); term_end_ms=$(ms)
echo "$(ms) 2 exited $pid2 $term_rc" >> "$out/lifecycle.log"
echo "[$(elapsed) s] replica 2 exited after $term_secs s with status $term_rc"

at $recv_down_at
kill "$recv_pid"; wait "$recv_pid" 2>/dev/null || true
echo "$(ms) receiver down" >> "$out/lifecycle.log"
echo "[$(elapsed) s] webhook receiver down for $outage s"

at $((20 + term_down))
start_replica 2
echo "[$(elapsed) s] replica 2 started again"

# PostgreSQL: replica 3 is watched; it must go unready and come back by itself.
at 55
pid3=${pids[3]}
( while true; do
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "localhost:$(port_of 3)/q/health/ready" || true)
    echo "$(ms) $code"; sleep 0.2
  done ) > "$out/ready-3.log" 2>&1 &
watch_pid=$!; helpers+=($watch_pid)
sleep 1
pg_down_ms=$(ms)
echo "$pg_down_ms pg stop" >> "$out/lifecycle.log"
echo "[$(elapsed) s] PostgreSQL stopped"
$pg_stop
sleep "$pg_down"
$pg_start
until pg_isready -q -h "$PGHOST" -p "$PGPORT"; do sleep 0.1; done
pg_up_ms=$(ms)
echo "$pg_up_ms pg up" >> "$out/lifecycle.log"
echo "[$(elapsed) s] PostgreSQL is back after $(( (pg_up_ms - pg_down_ms) / 1000 )) s"
for _ in $(seq 1 300); do
  [ "$(tail -1 "$out/ready-3.log" | awk '{print $2}')" = 200 ] && break; sleep 0.2
done
sleep 1; kill "$watch_pid" 2>/dev/null || true
ready_again_ms=$(awk -v t="$pg_up_ms" '$1 >= t && $2 == 200 {print $1; exit}' "$out/ready-3.log")
unready_seen=$(awk -v a="$pg_down_ms" -v b="$pg_up_ms" '$1 >= a && $1 <= b && $2 != 200' "$out/ready-3.log" | wc -l)
pid3_same=$([ "${pids[3]}" = "$pid3" ] && kill -0 "$pid3" 2>/dev/null && echo yes || echo no)
echo "[$(elapsed) s] replica 3: unready $unready_seen polls while PostgreSQL was down, ready again" \
  "$(( ${ready_again_ms:-$pg_up_ms} - pg_up_ms )) ms after it was back, same process: $pid3_same"

at $recv_back_at
start_receiver
echo "$(ms) receiver up" >> "$out/lifecycle.log"
echo "[$(elapsed) s] webhook receiver back"
wait "$chaos_pid" || true
kills=$(grep -c ' 1 kill9 ' "$out/lifecycle.log" || true)
pids[1]=$(awk '$2 == 1 && $3 == "start" {p = $4} END {print p}' "$out/lifecycle.log")
for i in $(seq 1 "$replicas"); do
  if ! kill -0 "${pids[$i]}" 2>/dev/null; then start_replica "$i"; fi
  wait_ready "$i"
done
echo "[$(elapsed) s] chaos over ($kills kill -9 of replica 1); all replicas ready; settling"

# --- Settle: everything due is raised, delivered and streamed ---------------------------------------------------
settle_deadline=$(( $(date +%s) + ${SETTLE:-300} ))
while [ "$(date +%s)" -lt "$settle_deadline" ]; do
  state=$(q -Atc "select (select count(*) from sla_clocks where status = 'running' and due_at < now())
                  || ' ' || (select count(*) from webhook_deliveries where status = 'pending')
                            + (select count(*) from events where seq > (select last_seq from webhook_fanout))
                  || ' ' || (select coalesce(max(seq), 0) from events)")
  read -r running pending maxseq <<< "$state"
  behind=0
  for i in $(seq 1 "$replicas"); do
    last=$(awk -F'\t' '$3 == "E" && $4 > m {m = $4} END {print m + 0}' "$out/sse-$i.tsv" 2>/dev/null || echo 0)
    [ "$last" -lt "$maxseq" ] && behind=$((behind + 1))
  done
  [ "$running" = 0 ] && [ "$pending" = 0 ] && [ "$behind" = 0 ] && break
  sleep 2
done
end_secs=$(elapsed)
echo "[$end_secs s] settled (running overdue $running, pending deliveries $pending, followers behind $behind)"
sleep 2
for p in "${helpers[@]}"; do kill "$p" 2>/dev/null || true; done
kill "$recv_pid" 2>/dev/null || true
sleep 1

# --- Checks (bench/faults/check.sh, which can also be run again on a finished run's folder) ---------------------
cat > "$out/state.env" <<EOF
db=$db replicas=$replicas clocks=$clocks spread=$spread outage=$outage base_port=$base_port kills=$kills
pg_down_ms=$pg_down_ms pg_up_ms=$pg_up_ms term_at_ms=$term_at_ms term_end_ms=$term_end_ms term_secs=$term_secs
term_rc=$term_rc term_hung=$term_hung unready_seen=$unready_seen ready_again_ms=${ready_again_ms:-} pid3_same=$pid3_same end_secs=$end_secs
EOF
# Stop the replicas gracefully (bounded), as a deployment would; a stop that hangs is counted.
stop_hung=0
for p in $(awk '$3 == "start" {print $4}' "$out/lifecycle.log"); do kill "$p" 2>/dev/null || true; done
for p in $(awk '$3 == "start" {print $4}' "$out/lifecycle.log"); do
  for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$p" 2>/dev/null; then stop_hung=$((stop_hung + 1)); kill -9 "$p"; fi
done
echo "stop_hung=$stop_hung wall_secs=$(( $(date +%s) - run_started ))" >> "$out/state.env"
set +e
bench/faults/check.sh "$out"
rc=$?
exit $rc
