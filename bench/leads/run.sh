#!/usr/bin/env bash
# Bulk lead intake throughput over HTTP against a running Accord. Starts nothing itself.
#
#   ACCORD_URL=http://localhost:8282 ACCORD_KEY=<key with integrator, marketing or admin> bench/leads/run.sh [leads] [batch] [concurrency] [mqlPercent]
#
# Defaults: 100000 leads, batches of 1000, 4 requests in flight, 0 % handed off at intake. UPDATE=1 also pushes the
# same leads again (the update path). Needs only a JDK 17+ (java.net.http).
set -euo pipefail
: "${ACCORD_KEY:?set ACCORD_KEY to an API key (integrator, marketing or admin)}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -d "$out" "$(dirname "$0")/BulkIntakeBenchmark.java"
java -cp "$out" BulkIntakeBenchmark "$@"
