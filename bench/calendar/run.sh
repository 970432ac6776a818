#!/usr/bin/env bash
# Compiles and runs the due() micro-benchmark against target/classes.
# Build the classes first: ./mvnw -q compile
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f target/classes/io/accord/calendar/BusinessCalendar.class ]; then
  echo "target/classes has no io.accord.calendar classes; run './mvnw -q compile' first" >&2
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -d "$out" -cp target/classes bench/calendar/DueBenchmark.java
java -cp "$out:target/classes" DueBenchmark "$@"
