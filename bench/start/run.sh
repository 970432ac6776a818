#!/usr/bin/env bash
# Start-up time and memory: from `java -jar` to the first 200 of /q/health/ready, against the local PostgreSQL.
#
# Two JVM setups, each on a fresh database (Flyway runs every migration) and on a migrated one (nothing to migrate):
#   plain  -Xmx256m
#   cds    -Xmx256m -Xms32m -XX:+UseSerialGC -XX:SharedArchiveFile=target/accord-cds.jsa, an application class-data archive
#          this script first records with a training run (start, a few requests, stop; JDK 17 -XX:ArchiveClassesAtExit).
# Prints one line per start (setup, database, seconds to ready, RSS in MB at ready) and RESULT lines with the median
# of RUNS (default 3) starts for bench/run.sh.
# Needs psql/createdb/dropdb, curl, a JDK 17 and `./mvnw -q package -DskipTests` done.
#
#   PGHOST/PGPORT/PGUSER  where the database server is (default 127.0.0.1 / 5432 / postgres)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db=accord_bench_start
runs="${RUNS:-3}"
port="${PORT:-18481}"
jar=target/quarkus-app/quarkus-run.jar
archive=target/accord-cds.jsa
admin=bench-start-admin-key-0123456789abcdef
[ -f "$jar" ] || { echo "run ./mvnw -q package -DskipTests first" >&2; exit 1; }
secrets_key="$(head -c 32 /dev/urandom | base64)"
mkdir -p target/bench

launch() { # java options...
  ACCORD_DB_URL="postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    ACCORD_SECRETS_KEY="$secrets_key" ACCORD_BOOTSTRAP_ADMIN_KEY="$admin" \
    QUARKUS_HTTP_PORT="$port" java -Dquarkus.debug.print-startup-times=true "$@" -jar "$jar" \
    > /tmp/accord-bench-start.log 2>&1 &
  pid=$!
}
await_ready() {
  until curl -fs -o /dev/null "localhost:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "service died; see /tmp/accord-bench-start.log" >&2; exit 1; }
    sleep 0.02
  done
}

# The training run: what a start and the first requests load goes into the archive.
dropdb --if-exists "$db"; createdb "$db"
rm -f "$archive"
launch -Xmx256m -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$archive"
await_ready
for path in /api/v1/me /api/v1/teams /api/v1/leads /api/v1/alerts /q/metrics /q/openapi; do
  curl -s -o /dev/null -H "X-API-Key: $admin" "localhost:$port$path"
done
kill "$pid"; wait "$pid" 2>/dev/null || true
[ -f "$archive" ] || { echo "no archive was written; see /tmp/accord-bench-start.log" >&2; exit 1; }

declare -A times rss quarkus
start_once() { # setup database java-options...
  local setup=$1 database=$2 t0 ms mb
  shift 2
  t0=$(date +%s%N)
  launch "$@"
  await_ready
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  mb=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # Quarkus's own "started in": from the JVM's start to the end of Quarkus's start-up (migrations included); the rest
  # of the time to ready is the JVM's own launch before main() and the first readiness check.
  # (Readiness can answer before that line is written: then the figure is missing, not the run.)
  quarkus_ms=$(grep -o 'started in [0-9.]*s' /tmp/accord-bench-start.log | head -1 | awk '{printf "%d", $3 * 1000}' || true)
  printf '%-6s %-9s %6.2f s  %4d MB  (Quarkus: started in %s ms)\n' "$setup" "$database" "$(echo "$ms/1000" | bc -l)" \
    "$mb" "$quarkus_ms"
  # Where Quarkus's start-up goes (quarkus.debug.print-startup-times): its five costliest steps, kept per setup.
  sed -nE 's/.*Build step (.*) completed in: ([0-9]+)ms/\2 \1/p' /tmp/accord-bench-start.log | sort -rn | head -5 \
    | awk '{printf "%s%s %s ms", (NR > 1 ? ", " : ""), $2, $1}' > "target/bench/start-steps.$setup.$database.txt" || true
  times[$setup.$database]+="$ms "
  rss[$setup.$database]+="$mb "
  quarkus[$setup.$database]+="$quarkus_ms "
}

for _ in $(seq 1 "$runs"); do
  for setup in plain cds; do
    opts=(-Xmx256m)
    [ "$setup" = cds ] && opts+=(-Xms32m -XX:+UseSerialGC -XX:SharedArchiveFile="$archive")
    dropdb --if-exists "$db"; createdb "$db"
    start_once "$setup" fresh "${opts[@]}"
    start_once "$setup" migrated "${opts[@]}"
  done
done
dropdb --if-exists "$db"

spread() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {printf "%s %s %s", v[1], v[int((NR+1)/2)], v[NR]}'; }
for k in "${!times[@]}"; do
  echo "RESULT start.$k.ms $(echo "${times[$k]}" | spread)"
  echo "RESULT start.$k.rss_mb $(echo "${rss[$k]}" | spread)"
  echo "RESULT start.$k.quarkus_ms $(echo "${quarkus[$k]}" | spread)"
done
