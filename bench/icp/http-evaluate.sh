#!/usr/bin/env bash
# HTTP throughput of POST /api/v1/icps/{key}/evaluate against a running Accord on THIS machine.
#
#   ACCORD_URL   base URL (default http://localhost:8080); only localhost, 127.x or [::1] is accepted
#   ACCORD_KEY   an admin API key (required), e.g. the ACCORD_BOOTSTRAP_ADMIN_KEY the server was started with
#   DURATION     measured seconds (default 10)      WARMUP      warm-up seconds (default 3)
#   CONCURRENCY  requests in flight (default 16)
#
# It creates three API keys (marketing, sales, integrator) and a 20-criterion ICP, activates it with the two side
# keys, measures evaluate requests per second sent with the integrator key, then retires the ICP and revokes the
# keys. Start the server with ACCORD_RATE_LIMIT_ENABLED=false, or the per-principal rate limit (50/s by default) is
# what gets measured; the client reports 429s if that happens. Needs only a JDK (javac, java).
#
# Example, with the packaged app:
#   ./mvnw -q package -DskipTests
#   ACCORD_DB_EMBEDDED_DATA_DIR=/tmp/icp-bench-data ACCORD_BOOTSTRAP_ADMIN_KEY=bench-admin-key-0123456789abcdefXYZ \
#     ACCORD_RATE_LIMIT_ENABLED=false QUARKUS_HTTP_PORT=8181 java -jar target/quarkus-app/quarkus-run.jar &
#   ACCORD_URL=http://localhost:8181 ACCORD_KEY=bench-admin-key-0123456789abcdefXYZ bench/icp/http-evaluate.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

url="${ACCORD_URL:-http://localhost:8080}"
key="${ACCORD_KEY:?set ACCORD_KEY to an admin API key}"
duration="${DURATION:-10}"
warmup="${WARMUP:-3}"
concurrency="${CONCURRENCY:-16}"

host="$(printf '%s' "$url" | sed -E 's#^[a-zA-Z]+://(\[[^]]*\]|[^/:]*).*$#\1#')"
case "$host" in
  localhost | 127.* | "[::1]") ;;
  *) echo "refusing to benchmark $url: only a service on this machine (localhost, 127.x, [::1])" >&2; exit 2 ;;
esac
for n in "$duration" "$warmup" "$concurrency"; do
  case "$n" in '' | *[!0-9]*) echo "DURATION, WARMUP and CONCURRENCY must be whole numbers" >&2; exit 2 ;; esac
done
if [ "$duration" -lt 1 ] || [ "$duration" -gt 300 ] || [ "$concurrency" -lt 1 ] || [ "$concurrency" -gt 256 ]; then
  echo "DURATION must be 1..300 s and CONCURRENCY 1..256" >&2; exit 2
fi

if ! curl -fsS -o /dev/null --max-time 5 "$url/q/health/ready"; then
  echo "no ready Accord at $url (GET /q/health/ready failed)" >&2; exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
javac -d "$tmp" bench/icp/HttpEvaluateBenchmark.java
java -cp "$tmp" HttpEvaluateBenchmark "$url" "$key" "$duration" "$concurrency" "$warmup"
