#!/bin/sh
# Lints ../openapi.yaml with the pinned Spectral (spectral:oas + OWASP) and Redocly (recommended); fails on any
# error. Installs the tools from package-lock.json first when they are missing or older than the lock file.
set -e
cd "$(dirname "$0")"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
npx --no-install spectral lint --fail-severity=error --display-only-failures --ruleset .spectral.yaml ../openapi.yaml
npx --no-install redocly lint --config redocly.yaml --format=stylish ../openapi.yaml
