#!/usr/bin/env bash
# Offline validation of the Kubernetes manifests under k8s/ (schemas + our own rules).
# Usage (from anywhere):  bash .ci/k8s-validate/run.sh
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

# Exact versions from the committed package-lock.json.
npm ci --no-audit --no-fund --loglevel=error --prefix .ci/k8s-validate >/dev/null

node .ci/k8s-validate/validate.mjs k8s

# When kubectl is available (it bundles kustomize), also build every kustomization and validate the
# rendered objects: this catches kustomize errors and checks the result after labels, namespace
# and image transformations. Without kubectl this step is skipped with a note.
if command -v kubectl >/dev/null 2>&1; then
  while IFS= read -r kfile; do
    dir="$(dirname "$kfile")"
    rendered="$(mktemp)"
    if ! kubectl kustomize "$dir" >"$rendered" 2>"$rendered.err"; then
      echo "ERROR $dir: kustomize build failed:" >&2
      cat "$rendered.err" >&2
      rm -f "$rendered" "$rendered.err"
      exit 1
    fi
    rm -f "$rendered.err"
    status=0
    node .ci/k8s-validate/validate.mjs --rendered "$dir (kustomize build)" "$rendered" || status=$?
    rm -f "$rendered"
    [ "$status" -eq 0 ] || exit "$status"
  done < <(find k8s -name kustomization.yaml -not -path '*/node_modules/*' | sort)
else
  echo "note: kubectl not found, skipped the kustomize build check"
fi
