#!/usr/bin/env bash
# One command for the performance figures of the README: runs each benchmark and prints one table with the figure,
# its target, what was measured (minimum / median / maximum over the runs) and, where a figure has one, the ratio to
# its anchor measured in the same run (pgbench -S on the same PostgreSQL for reads).
#
#   bench/run.sh                 everything (about 25 minutes on the 2-core build machine)
#   ONLY="start reads" bench/run.sh
#   TABLE_ONLY=1 bench/run.sh    the table again from the last run's target/bench/results.txt
#
# Needs what the single benchmarks need (see bench/README.md): the local PostgreSQL (PGHOST/PGPORT/PGUSER), psql and
# pgbench, wrk, curl, jq, a JDK 17. Builds the service first unless SKIP_BUILD=1. Raw output: target/bench/*.log.
# Figures taken while other work loads the machine are worth little: check `uptime` before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
only="${ONLY:-start reads detection}"
runs="${RUNS:-3}"
mkdir -p target/bench
results=target/bench/results.txt
if [ "${TABLE_ONLY:-0}" = 1 ]; then only=""; else
: > "$results"
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q package -DskipTests > target/bench/build.log 2>&1
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

run() { # name command...
  local name=$1
  shift
  echo "== $name: $*"
  "$@" 2>&1 | tee "target/bench/$name.log" | grep -v '^RESULT' || true
  grep '^RESULT' "target/bench/$name.log" >> "$results" || true
}

for part in $only; do
  case "$part" in
    start) run start env RUNS="$runs" bench/start/run.sh ;;
    reads) run reads env ROUNDS="$runs" bench/reads/run.sh ;;
    detection)
      # The JVM setup the README recommends; the archive comes from bench/start/run.sh (or is made here).
      [ -f target/accord-cds.jsa ] || RUNS=1 bench/start/run.sh > /dev/null
      for i in $(seq 1 "$runs"); do
        run "detection-1-$i" env REPLICAS=1 JAVA_OPTS="-Xmx256m -Xms32m -XX:+UseSerialGC -XX:SharedArchiveFile=target/accord-cds.jsa" \
          bench/alerts/detection-latency.sh
        run "detection-3-$i" env REPLICAS=3 JAVA_OPTS="-Xmx256m -Xms32m -XX:+UseSerialGC -XX:SharedArchiveFile=target/accord-cds.jsa" \
          bench/alerts/detection-latency.sh
      done ;;
    *) echo "unknown part: $part" >&2; exit 2 ;;
  esac
done
[ -z "$only" ] || echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Every value reported under a name, over all runs -> "min / median / max".
figure() {
  awk -v name="$1" '$2 == name { for (i = 3; i <= NF && $i ~ /^[0-9.]+$/; i++) v[n++] = $i }
    END { if (!n) { print "-"; exit } asort(v); printf "%s / %s / %s", v[1], v[int((n + 1) / 2)], v[n] }' "$results"
}
median() { figure "$1" | awk -F' / ' '{print $2}'; }

row() { printf '| %-46s | %-22s | %-30s | %-18s |\n' "$1" "$2" "$3" "$4"; }
echo
row "figure" "target" "measured (min / median / max)" "ratio to anchor"
row "---" "---" "---" "---"
pg=$(figure reads.pgbench.tps)
row "anchor: pgbench -S, 32 clients (tps)" "-" "$pg" "1"
row "floor: GET /q/health/live, no auth, no DB (req/s)" "-" "$(figure reads.floor.rps)" "$(figure reads.floor.ratio)"
row "GET /teams/{key}, wrk 32 connections (req/s)" ">= 0.6 x pgbench -S" "$(figure reads.single.rps)" "$(figure reads.single.ratio)"
row "GET /leads?limit=50, wrk 32 connections (req/s)" ">= 0.3 x pgbench -S" "$(figure reads.list.rps)" "$(figure reads.list.ratio)"
row "GET /teams/{key} p99 (ms)" "-" "$(figure reads.single.p99_ms)" ""
row "GET /leads?limit=50 p99 (ms)" "-" "$(figure reads.list.p99_ms)" ""
row "GET /teams/{key}: service CPU per request (us)" "-" "$(figure reads.single.service_us)" ""
row "GET /leads?limit=50: service CPU per request (us)" "-" "$(figure reads.list.service_us)" ""
row "pgbench -S: machine CPU per transaction (us)" "-" "$(figure reads.pgbench.machine_us)" ""
row "non-2xx answers during the read load" "0" "$(figure reads.non2xx)" ""
row "RSS after the read load, -Xmx256m (MB)" "<= 220" "$(figure reads.rss_after_load_mb)" ""
row "ready, migrated database, CDS archive (ms)" "<= 2000" "$(figure start.cds.migrated.ms)" ""
row "ready, fresh database, CDS archive (ms)" "<= 3000" "$(figure start.cds.fresh.ms)" ""
row "ready, migrated database, plain java -jar (ms)" "-" "$(figure start.plain.migrated.ms)" ""
row "ready, fresh database, plain java -jar (ms)" "-" "$(figure start.plain.fresh.ms)" ""
row "RSS at ready, CDS archive (MB)" "-" "$(figure start.cds.migrated.rss_mb)" ""
row "detection p99, burst of 10,000, warm, 1 replica (s)" "<= 1" "$(figure detection.r1.burst_warm.p99_s)" ""
row "detection p99, burst of 10,000, cold, 1 replica (s)" "<= 1" "$(figure detection.r1.burst_cold.p99_s)" ""
row "detection p99, 10,000 over 20 s, 1 replica (s)" "-" "$(figure detection.r1.steady.p99_s)" ""
row "detection p99, burst, warm, 3 replicas (s)" "<= 1" "$(figure detection.r3.burst_warm.p99_s)" ""
row "detection p99, burst, cold, 3 replicas (s)" "<= 1" "$(figure detection.r3.burst_cold.p99_s)" ""
row "duplicate alerts (1 and 3 replicas)" "0" "$(figure detection.r1.duplicates) ; $(figure detection.r3.duplicates)" ""

# A missed target is reported with what the same run measured about where the time or the memory goes (medians).
echo
echo "Where a target is missed, what the run measured about why (medians):"
echo "- the machine's speed in this run: pgbench -S $(figure reads.pgbench.tps) tps (min / median / max). The ratios" \
  "above are measured against it; the absolute targets (start-up, detection) are not, and move with it."
m() { local x; x=$(median "$1"); echo "${x:--}"; }
below() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a != "-" && a + 0 < b + 0)}'; }
above() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a != "-" && a + 0 > b + 0)}'; }
calc() { awk "BEGIN {printf \"%.${2:-2}f\", $1}"; }
missed=0
for route in single list; do
  target=0.6; [ "$route" = list ] && target=0.3
  ratio=$(m "reads.$route.ratio")
  if below "$ratio" "$target"; then
    missed=1
    svc=$(m "reads.$route.service_us"); other=$(m "reads.$route.other_us"); pgus=$(m reads.pgbench.machine_us)
    floor=$(m reads.floor.service_us)
    echo "- reads.$route: ratio $ratio < $target. The machine is CPU-bound: a request costs $svc us of service CPU" \
      "(of which the HTTP stack alone, measured on /q/health/live, $floor us) plus $other us for PostgreSQL, wrk and" \
      "the kernel, against $pgus us for a whole pgbench -S transaction; $pgus / ($svc + $other) =" \
      "$(calc "$pgus / ($svc + $other)") is the ratio this CPU split allows."
  fi
done
rss=$(m reads.rss_after_load_mb)
if above "$rss" 220; then
  missed=1
  heap=$(m reads.heap_committed_mb); meta=$(m reads.metaspace_committed_mb)
  echo "- RSS after load: $rss MB > 220: heap committed $heap MB, metaspace committed $meta MB, the rest" \
    "$(calc "$rss - $heap - $meta" 0) MB is code cache, thread stacks, GC structures and Netty's native buffers."
fi
for db_target in "migrated 2000" "fresh 3000"; do
  set -- $db_target
  ms=$(m "start.cds.$1.ms")
  if above "$ms" "$2"; then
    missed=1
    q=$(m "start.cds.$1.quarkus_ms")
    echo "- ready on a $1 database: $ms ms > $2 ms. Quarkus reports 'started in' $q ms (its start-up, Flyway" \
      "included); the other $(calc "$ms - $q" 0) ms are the JVM's launch before main() and the first readiness probe."
    steps="target/bench/start-steps.cds.$1.txt"
    [ -f "$steps" ] && echo "  Its costliest start-up steps (last start): $(cat "$steps")."
  fi
done
for r in 1 3; do
  for phase in burst_warm burst_cold; do
    p99=$(m "detection.r$r.$phase.p99_s")
    if above "$p99" 1; then
      missed=1
      d=$(m "detection.r$r.$phase.detected_p99_s")
      echo "- detection, $r replica(s), $phase: p99 $p99 s > 1 s. detectedAt - dueAt p99 is $d s (when a round saw" \
        "the clock: the scheduler's tick and the rounds queued before it); the other $(calc "$p99 - $d") s are" \
        "writing and committing the alerts, their events and outbox rows."
    fi
  done
done
[ "$missed" = 1 ] || echo "- none: every target with a measurement was met."
