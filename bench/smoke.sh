#!/usr/bin/env bash
# Runs every bench script for a moment, so that none can rot unnoticed: bin/test calls this after the test
# suite. The figures are not judged, only that each script runs to its end and exits 0. Uses the packaged jar
# the suite has just built (BOLWERK_LAUNCH=jar; the production launch would first record its class-data-sharing
# archive) and BENCH_SMOKE=1, which skips the scripts' settling pauses and warm-ups.
# A new bench script must get a line below, or this fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_SMOKE=1 BOLWERK_LAUNCH=jar

declare -A TINY=(
  [startup.sh]="1"
  [webratio.sh]="1 4"
  [assessment.sh]="1"
  [crash.sh]="2"
)

log=$(mktemp /tmp/bolwerk-smoke.XXXXXX)
trap 'rm -f "$log"' EXIT
for script in bench/*.sh; do
  name=$(basename "$script")
  case "$name" in lib.sh | smoke.sh) continue ;; esac
  [ -n "${TINY[$name]:-}" ] || { echo "bench/smoke.sh has no tiny run for $name: add one" >&2; exit 1; }
  started=$(date +%s)
  # shellcheck disable=SC2086 # the arguments are meant to split
  if ! "$script" ${TINY[$name]} >"$log" 2>&1; then
    echo "bench/$name ${TINY[$name]} failed:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  echo "bench/$name ${TINY[$name]}: ran in $(($(date +%s) - started)) s"
done
