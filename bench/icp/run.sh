#!/usr/bin/env bash
# Micro benchmark of the ICP evaluator (in-process evaluations per second).
# Compiles the project's main classes offline (skip with SKIP_COMPILE=1 if target/classes is fresh), compiles the
# benchmark against target/classes into a temporary directory and runs it. Extra arguments go to the JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${SKIP_COMPILE:-0}" != "1" ]; then
  if [ -x ./mvnw ]; then ./mvnw -o -q compile; else mvn -o -q compile; fi
fi
if [ ! -d target/classes/io/accord/icp ]; then
  echo "target/classes/io/accord/icp is missing: run 'mvn -o -q compile' first" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
javac -d "$tmp" -cp target/classes bench/icp/EvaluateBenchmark.java
java "$@" -cp "$tmp:target/classes" io.accord.icp.EvaluateBenchmark
