#!/usr/bin/env bash
# Measures start-up time and resident memory of Bolwerk on the embedded default: demo profile, a fresh H2
# file database (so Flyway migrates and the demo data loads), packaged jar. Prints one line per figure.
# Usage: [BOLWERK_LAUNCH=production] [BENCH_EXISTING=1] bench/startup.sh [runs]   (builds what it launches when
# missing). BENCH_EXISTING=1 measures restarts on an existing database instead: one unmeasured start creates it.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-3}
PORT=${BENCH_PORT:-18080}
. bench/lib.sh
bolwerk_command
echo "launch: ${BOLWERK_LAUNCH:-jar} (${BOLWERK_CMD[*]})"

KEPT=""
if [ "${BENCH_EXISTING:-0}" = 1 ]; then
  KEPT=$(mktemp -d /tmp/bolwerk-bench.XXXXXX)
  (cd "$KEPT" && exec "${BOLWERK_CMD[@]}" --server.port="$PORT" >first.log 2>&1) &
  first=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/actuator/health/readiness"; do sleep 0.2; done
  kill "$first"; wait "$first" 2>/dev/null || true
  echo "database created in $KEPT; measuring restarts on it"
fi

for run in $(seq 1 "$RUNS"); do
  WORK=${KEPT:-$(mktemp -d /tmp/bolwerk-bench.XXXXXX)}
  start=$(date +%s%N)
  (cd "$WORK" && exec "${BOLWERK_CMD[@]}" --server.port="$PORT" >app.log 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { echo "Bolwerk died; see $WORK/app.log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(date +%s%N)
  curl -sf -o /dev/null "http://localhost:$PORT/login"
  login=$(date +%s%N)
  # let start-up work (demo data, JIT) settle before reading memory; a smoke run (bench/smoke.sh) does not wait
  [ "${BENCH_SMOKE:-0}" = 1 ] || sleep 5
  rss_kb=$(ps -o rss= -p "$pid" | tr -d ' ')
  reported=$(grep -o 'Started BolwerkApplication in [0-9.]* seconds' "$WORK/app.log" | grep -o '[0-9.]*' | head -n 1)
  printf 'run %d: ready after %d ms, login page after %d ms (Spring reports %s s), RSS %d MB\n' \
    "$run" $(((ready - start) / 1000000)) $(((login - start) / 1000000)) "$reported" $((rss_kb / 1024))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  [ -n "$KEPT" ] || rm -rf "$WORK"
done
[ -z "$KEPT" ] || rm -rf "$KEPT"
