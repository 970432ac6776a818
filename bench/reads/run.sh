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
wrk_rate() { # url seconds -> "rps p50 p99 non2xx"
  wrk -t2 -c"$conns" -d"${2}s" --latency -H "X-API-Key: $key" "$1" | awk '
    function ms(x) { if (x ~ /us$/) return x / 1000; if (x ~ /ms$/) return x + 0; return x * 1000 }
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=ms($2)} /^ +99%/ {p99=ms($2)} /Non-2xx/ {bad=$NF}
    END {printf "%.0f %.2fms %.2fms %d\n", rps, p50, p99, bad}'
}
pg_rate() { pgbench -n -S -c "$conns" -j 2 -T "$duration" "$anchor_db" 2>/dev/null \
  | awk '/^tps/ {printf "%.0f\n", $3}'; }

wrk_rate "$single" "$warmup" > /dev/null
wrk_rate "$list" "$warmup" > /dev/null
printf '%-5s %-9s %10s %9s %9s %s\n' round phase per_second p50 p99 non2xx
pgs="" singles="" lists="" floors="" f_ratios="" s_ratios="" l_ratios="" s_p99s="" l_p99s=""
for r in $(seq 1 "$rounds"); do
  pg=$(pg_rate)
  read -r s_rps s_p50 s_p99 s_bad < <(wrk_rate "$single" "$duration")
  read -r l_rps l_p50 l_p99 l_bad < <(wrk_rate "$list" "$duration")
  read -r f_rps f_p50 f_p99 f_bad < <(wrk_rate "$url/q/health/live" "$duration")
  printf '%-5s %-9s %10s\n' "$r" pgbench-S "$pg"
  printf '%-5s %-9s %10s %9s %9s %s\n' "$r" single "$s_rps" "$s_p50" "$s_p99" "$s_bad"
  printf '%-5s %-9s %10s %9s %9s %s\n' "$r" list-50 "$l_rps" "$l_p50" "$l_p99" "$l_bad"
  printf '%-5s %-9s %10s %9s %9s %s\n' "$r" floor "$f_rps" "$f_p50" "$f_p99" "$f_bad"
  printf 'ratio round %s: single %.2f, list %.2f\n' "$r" "$(echo "$s_rps/$pg" | bc -l)" "$(echo "$l_rps/$pg" | bc -l)"
  pgs+="$pg "; singles+="$s_rps "; lists+="$l_rps "; floors+="$f_rps "
  f_ratios+="$(printf "%.2f" "$(echo "$f_rps/$pg" | bc -l)") "
  s_ratios+="$(printf "%.2f" "$(echo "$s_rps/$pg" | bc -l)") "; l_ratios+="$(printf "%.2f" "$(echo "$l_rps/$pg" | bc -l)") "
  s_p99s+="${s_p99%ms} "; l_p99s+="${l_p99%ms} "
done
mb=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
echo "RSS after load: $mb MB"
spread() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {printf "%s %s %s", v[1], v[int((NR+1)/2)], v[NR]}'; }
echo "RESULT reads.pgbench.tps $(echo "$pgs" | spread)"
echo "RESULT reads.single.rps $(echo "$singles" | spread)"
echo "RESULT reads.list.rps $(echo "$lists" | spread)"
echo "RESULT reads.single.ratio $(echo "$s_ratios" | spread)"
echo "RESULT reads.list.ratio $(echo "$l_ratios" | spread)"
echo "RESULT reads.floor.rps $(echo "$floors" | spread)"
echo "RESULT reads.floor.ratio $(echo "$f_ratios" | spread)"
echo "RESULT reads.single.p99_ms $(echo "$s_p99s" | spread)"
echo "RESULT reads.list.p99_ms $(echo "$l_p99s" | spread)"
echo "RESULT reads.rss_after_load_mb $mb $mb $mb"
