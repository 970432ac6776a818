#!/usr/bin/env bash
# Start-up time and memory: from `java -jar` to the first 200 of /q/health/ready, against the local PostgreSQL.
#
#   fresh     - an empty database (Flyway runs every migration);
#   migrated  - the database the fresh run left (nothing to migrate).
# Prints one line per run: scenario, seconds to ready, RSS (MB) at ready. RUNS (default 3) runs of each.
# Needs psql/createdb/dropdb, curl, a JDK and `./mvnw -q package -DskipTests` done.
#
#   PGHOST/PGPORT/PGUSER  where the database server is (default 127.0.0.1 / 5432 / postgres)
#   JAVA_OPTS             JVM options (default -Xmx256m)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db=accord_bench_start
runs="${RUNS:-3}"
port="${PORT:-18481}"
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "run ./mvnw -q package -DskipTests first" >&2; exit 1; }
secrets_key="$(head -c 32 /dev/urandom | base64)"

start_once() { # scenario
  local t0 pid ms rss
  t0=$(date +%s%N)
  ACCORD_DB_URL="postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    ACCORD_SECRETS_KEY="$secrets_key" ACCORD_BOOTSTRAP_ADMIN_KEY=bench-start-admin-key-0123456789abcdef \
    QUARKUS_HTTP_PORT="$port" java ${JAVA_OPTS:--Xmx256m} -jar "$jar" > /tmp/accord-bench-start.log 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "localhost:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "service died; see /tmp/accord-bench-start.log" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%-9s %6.2f s  %4d MB\n' "$1" "$(echo "$ms/1000" | bc -l)" "$rss"
}

for _ in $(seq 1 "$runs"); do
  dropdb --if-exists "$db"; createdb "$db"
  start_once fresh
  start_once migrated
done
dropdb --if-exists "$db"
