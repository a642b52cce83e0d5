#!/usr/bin/env bash
# Runs every bench script for a moment, so that none can rot unnoticed: bin/test calls this after the test
# suite. The figures are not judged, only that each script runs to its end and exits 0. Uses the packaged jar
# the suite has just built (BOLWERK_LAUNCH=jar; the production launch would first record its class-data-sharing
# archive) and BENCH_SMOKE=1, which skips the scripts' settling pauses and warm-ups. Every script runs even when
# one fails; the run fails if any did. A new bench script must get a line below, or this fails.
# Usage: bench/smoke.sh [script.sh...]   (default: every script in bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_SMOKE=1 BOLWERK_LAUNCH=jar

declare -A TINY=(
  [startup.sh]="1"
  [webratio.sh]="1 4"
  [assessment.sh]="1"
  [crash.sh]="2"
  [pageweight.sh]="area"
  [audit-orders.sh]="4"
  [render-probe.sh]="3 3"
  [findings.sh]="1 4"
  [incident-burst.sh]="20"
)

if [ $# -gt 0 ]; then scripts=("${@/#/bench/}"); else scripts=(bench/*.sh); fi
log=$(mktemp /tmp/bolwerk-smoke.XXXXXX)
trap 'rm -f "$log"' EXIT
failed=()
for script in "${scripts[@]}"; do
  name=$(basename "$script")
  case "$name" in lib.sh | smoke.sh) continue ;; esac
  if [ -z "${TINY[$name]:-}" ]; then
    echo "bench/smoke.sh has no tiny run for $name: add one" >&2
    failed+=("$name")
    continue
  fi
  started=$(date +%s)
  # shellcheck disable=SC2086 # the arguments are meant to split
  if "$script" ${TINY[$name]} >"$log" 2>&1; then
    echo "bench/$name ${TINY[$name]}: ran in $(($(date +%s) - started)) s"
  else
    echo "bench/$name ${TINY[$name]}: FAILED after $(($(date +%s) - started)) s; its last lines:" >&2
    tail -n 30 "$log" >&2
    failed+=("$name")
  fi
done
[ ${#failed[@]} -eq 0 ] || { echo "bench scripts that failed: ${failed[*]}" >&2; exit 1; }
