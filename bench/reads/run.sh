#!/usr/bin/env bash
# Hot reads against their anchor: what the database alone serves.
#
# Starts the packaged service (-Xmx256m) against a fresh database on the local PostgreSQL, creates a team and 200
# leads through the API, and then alternates, ROUNDS times (default 3):
#   pgbench -S   the anchor: PostgreSQL's own select-only benchmark, CONNECTIONS clients, on its own database;
#   single       wrk, CONNECTIONS connections: GET /api/v1/teams/{key} with an API key (authentication + one read);
#   list         wrk, CONNECTIONS connections: GET /api/v1/leads?limit=50 with an API key (a page of 50 leads);
#   floor        wrk, CONNECTIONS connections: GET /q/health/live (no authentication, no database): what the HTTP stack
#                alone costs, the ceiling of any route.
# Each phase runs DURATION seconds (default 15) after one WARMUP-second wrk warm-up of each route (default 10).
# Prints one line per round and phase (requests or transactions per second, wrk's p50/p99) and each round's ratios.
# Needs psql/createdb/dropdb, pgbench, wrk (apt-get install wrk), curl, jq, a JDK and `./mvnw -q package -DskipTests`.
#
#   PGHOST/PGPORT/PGUSER  where the database server is (default 127.0.0.1 / 5432 / postgres)
#   CONNECTIONS           connections of wrk and clients of pgbench (default 32)
#   JAVA_OPTS             JVM options (default -Xmx256m -Xms32m -XX:+UseSerialGC, the setup the README recommends)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db=accord_bench_reads
anchor_db=accord_bench_pgbench
rounds="${ROUNDS:-3}" duration="${DURATION:-15}" warmup="${WARMUP:-10}" conns="${CONNECTIONS:-32}"
port="${PORT:-18483}"
url="http://127.0.0.1:$port"
admin=bench-reads-admin-key-0123456789abcdef
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "run ./mvnw -q package -DskipTests first" >&2; exit 1; }
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

dropdb --if-exists "$db"; createdb "$db"
if ! psql -X -q -d "$anchor_db" -c 'select 1 from pgbench_accounts limit 1' > /dev/null 2>&1; then
  dropdb --if-exists "$anchor_db"; createdb "$anchor_db"; pgbench -q -i -s 10 "$anchor_db" > /dev/null 2>&1
fi

ACCORD_DB_URL="postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
  ACCORD_SECRETS_KEY="$(head -c 32 /dev/urandom | base64)" ACCORD_BOOTSTRAP_ADMIN_KEY="$admin" \
  ACCORD_RATE_LIMIT_ENABLED=false QUARKUS_HTTP_PORT="$port" \
  java ${JAVA_OPTS:--Xmx256m -Xms32m -XX:+UseSerialGC} -jar "$jar" > /tmp/accord-bench-reads.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "$url/q/health/ready"; do
  kill -0 "$pid" 2>/dev/null || { echo "service died; see /tmp/accord-bench-reads.log" >&2; exit 1; }
  sleep 0.1
done

api() { curl -fsS -H "X-API-Key: $admin" -H 'Content-Type: application/json' "$@"; }
key=$(api -X POST "$url/api/v1/api-keys" -d '{"name": "bench reader", "roles": ["admin"]}' | jq -r .key)
api -X POST "$url/api/v1/calendars" -d '{"key": "always", "name": "Always open", "timeZone": "UTC", "hours": [
  {"day": "monday", "start": "00:00", "end": "24:00"}, {"day": "tuesday", "start": "00:00", "end": "24:00"},
  {"day": "wednesday", "start": "00:00", "end": "24:00"}, {"day": "thursday", "start": "00:00", "end": "24:00"},
  {"day": "friday", "start": "00:00", "end": "24:00"}]}' > /dev/null
api -X POST "$url/api/v1/teams" -d '{"key": "bench-sales", "name": "Bench sales", "function": "sales",
  "managerId": "mgr-1", "members": ["rep-1", "rep-2"], "calendarKey": "always"}' > /dev/null
jq -n '{items: [range(200) | {source: "bench", externalId: "r-\(.)", ownerId: "rep-1", teamKey: "bench-sales",
  company: {name: "Company \(.) GmbH", country: "DE", employees: (50 + .)},
  contact: {name: "Contact \(.)", email: "c\(.)@example.com"}, custom: {campaign: "spring"}}]}' \
  | api -X POST "$url/api/v1/leads/bulk" -d @- > /dev/null
[ "$(curl -fsS -H "X-API-Key: $key" "$url/api/v1/leads?limit=50" | jq '.items | length')" = 50 ] \
  || { echo "the list does not hold 50 leads" >&2; exit 1; }

single="$url/api/v1/teams/bench-sales"
list="$url/api/v1/leads?limit=50"
# CPU accounting, to say where a request's cost goes (the machine is CPU-bound in every phase): the service's own CPU
# from /proc/<pid>/stat and everything else (PostgreSQL, wrk or pgbench, the kernel) from /proc/stat, both in clock
# ticks, turned into microseconds per request or transaction.
hz=$(getconf CLK_TCK)
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
service_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
per_op() { # ticks operations -> microseconds per operation
  awk -v t="$1" -v n="$2" -v hz="$hz" 'BEGIN {printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0)}'
}
wrk_rate() { # url seconds -> "rps p50 p99 non2xx service_us other_us"
  local m0 s0 out rps
  m0=$(machine_ticks); s0=$(service_ticks)
  out=$(wrk -t2 -c"$conns" -d"${2}s" --latency -H "X-API-Key: $key" "$1" | awk '
    function ms(x) { if (x ~ /us$/) return x / 1000; if (x ~ /ms$/) return x + 0; return x * 1000 }
    /requests in/ {n=$1} /Requests\/sec/ {rps=$2} /^ +50%/ {p50=ms($2)} /^ +99%/ {p99=ms($2)} /Non-2xx/ {bad=$NF}
    END {printf "%.0f %.2fms %.2fms %d %d\n", rps, p50, p99, bad, n}')
  local m1 s1
  m1=$(machine_ticks); s1=$(service_ticks)
  read -r rps p50 p99 bad n <<< "$out"
  echo "$rps $p50 $p99 $bad $(per_op $((s1 - s0)) "$n") $(per_op $((m1 - m0 - (s1 - s0))) "$n")"
}
pg_rate() { # -> "tps machine_us"
  local m0 m1 out
  m0=$(machine_ticks)
  out=$(pgbench -n -S -c "$conns" -j 2 -T "$duration" "$anchor_db" 2>/dev/null \
    | awk '/^number of transactions actually processed/ {n=$NF} /^tps/ {tps=$3} END {printf "%.0f %d", tps, n}')
  m1=$(machine_ticks)
  read -r tps n <<< "$out"
  echo "$tps $(per_op $((m1 - m0)) "$n")"
}

wrk_rate "$single" "$warmup" > /dev/null
wrk_rate "$list" "$warmup" > /dev/null
printf '%-5s %-9s %10s %9s %9s %6s %12s %12s\n' round phase per_second p50 p99 non2xx service_us/op other_us/op
declare -A v
add() { v[$1]+="$2 "; }
for r in $(seq 1 "$rounds"); do
  read -r pg pg_us < <(pg_rate)
  read -r s_rps s_p50 s_p99 s_bad s_svc s_other < <(wrk_rate "$single" "$duration")
  read -r l_rps l_p50 l_p99 l_bad l_svc l_other < <(wrk_rate "$list" "$duration")
  read -r f_rps f_p50 f_p99 f_bad f_svc f_other < <(wrk_rate "$url/q/health/live" "$duration")
  printf '%-5s %-9s %10s %9s %9s %6s %12s %12s\n' "$r" pgbench-S "$pg" - - - - "$pg_us" \
    "$r" single "$s_rps" "$s_p50" "$s_p99" "$s_bad" "$s_svc" "$s_other" \
    "$r" list-50 "$l_rps" "$l_p50" "$l_p99" "$l_bad" "$l_svc" "$l_other" \
    "$r" floor "$f_rps" "$f_p50" "$f_p99" "$f_bad" "$f_svc" "$f_other"
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
  printf 'ratio round %s: single %s, list %s\n' "$r" "$(ratio "$s_rps" "$pg")" "$(ratio "$l_rps" "$pg")"
  add pgbench.tps "$pg"; add pgbench.machine_us "$pg_us"
  add single.rps "$s_rps"; add single.ratio "$(ratio "$s_rps" "$pg")"; add single.p99_ms "${s_p99%ms}"
  add single.service_us "$s_svc"; add single.other_us "$s_other"
  add list.rps "$l_rps"; add list.ratio "$(ratio "$l_rps" "$pg")"; add list.p99_ms "${l_p99%ms}"
  add list.service_us "$l_svc"; add list.other_us "$l_other"
  add floor.rps "$f_rps"; add floor.ratio "$(ratio "$f_rps" "$pg")"; add floor.service_us "$f_svc"
  add non2xx "$((s_bad + l_bad + f_bad))"
done
# Memory after the load: resident set, and the two parts the JVM reports itself (jstat, committed sizes in KB).
mb=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
read -r heap_mb meta_mb < <(jstat -gc "$pid" | awk 'NR == 2 {printf "%d %d\n", ($1 + $2 + $5 + $7) / 1024, $9 / 1024}')
echo "RSS after load: $mb MB (heap committed $heap_mb MB, metaspace committed $meta_mb MB," \
  "the rest: code cache, threads, GC and native buffers)"
spread() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {printf "%s %s %s", v[1], v[int((NR+1)/2)], v[NR]}'; }
for k in "${!v[@]}"; do echo "RESULT reads.$k $(echo "${v[$k]}" | spread)"; done | sort
echo "RESULT reads.rss_after_load_mb $mb $mb $mb"
echo "RESULT reads.heap_committed_mb $heap_mb $heap_mb $heap_mb"
echo "RESULT reads.metaspace_committed_mb $meta_mb $meta_mb $meta_mb"
