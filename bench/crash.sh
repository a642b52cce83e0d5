#!/usr/bin/env bash
# Crash drill for the embedded database: does every acknowledged write survive a killed process?
# Starts the packaged jar on a fresh data folder, signs in as the demo programme officer, registers
# organisations from 4 parallel curl loops for a bounded time (recording every id whose registration was
# acknowledged with a 302 to the new organisation), kills the JVM with SIGKILL, starts it again on the same
# folder and counts the acknowledged organisations that are gone (404). Prints "lost N of M" and exits 1 when
# N > 0. Loopback only. Usage: bench/crash.sh [seconds] [extra java args, e.g. --spring.datasource.url=...]
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-12}
shift || true
PORT=${BENCH_PORT:-18083}
BASE="http://127.0.0.1:$PORT"
. bench/lib.sh

jar=$(ls target/bolwerk-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
[ -n "$jar" ] || { ./mvnw -q -B -ntp -DskipTests package; jar=$(ls target/bolwerk-*.jar | grep -v plain | head -n 1); }
jar=$(realpath "$jar")
WORK=$(mktemp -d /tmp/bolwerk-crash.XXXXXX)
PID=

start() {
  (cd "$WORK" && exec java -jar "$jar" --server.port="$PORT" --server.address=127.0.0.1 "$@" >>app.log 2>&1) &
  PID=$!
  local waited=0
  until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
    kill -0 "$PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; return 1; }
    waited=$((waited + 1))
    [ "$waited" -lt 900 ] || { echo "not ready after 3 minutes" >&2; return 1; }
    sleep 0.2
  done
}

cleanup() {
  [ -z "$PID" ] || kill "$PID" 2>/dev/null || true
  [ -z "$PID" ] || wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

start "$@"
session=$(sign_in "$PORT" programma@bolwerk.invalid)
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }
token=$(csrf_token "$PORT" "$session")

# One loop: register organisations until the deadline; every acknowledged id goes to its own file.
register() {
  local loop=$1 deadline=$2 i=0 answer
  while [ "$(date +%s)" -lt "$deadline" ] && [ ! -e "$WORK/stop" ]; do
    i=$((i + 1))
    answer=$(curl -s -o /dev/null --max-time 10 -w '%{http_code} %{redirect_url}' \
      -H "Cookie: BOLWERK_SESSION=$session" \
      --data-urlencode "name=Crashtest $loop-$i-$RANDOM" --data-urlencode "type=MUNICIPALITY" \
      --data-urlencode "contactEmail=crash@test.invalid" --data-urlencode "_csrf=$token" \
      "$BASE/organisations" || true)
    case "$answer" in
      "302 "*/organisations/*) echo "${answer##*/organisations/}" >>"$WORK/acknowledged-$loop" ;;
    esac
  done
}

deadline=$(( $(date +%s) + DURATION ))
for loop in 1 2 3 4; do register "$loop" $((deadline + 60)) & done
sleep "$DURATION"
# A drill without an acknowledged write proves nothing: on a busy machine the first registrations can take
# longer than a short run (bench/smoke.sh), so wait up to a minute for one.
for _ in $(seq 1 300); do
  cat "$WORK"/acknowledged-* >/dev/null 2>&1 && break
  sleep 0.2
done
# Kill while the loops are still sending: whatever was acknowledged before this point must survive.
kill -9 "$PID"
wait "$PID" 2>/dev/null || true
touch "$WORK/stop"
wait
cat "$WORK"/acknowledged-* 2>/dev/null | sort -u >"$WORK/acknowledged"
total=$(wc -l <"$WORK/acknowledged")
[ "$total" -gt 0 ] || { echo "no registration was acknowledged" >&2; exit 1; }

start "$@"
# The authenticator code of the first sign-in is refused a second time (replay protection survives the restart),
# and a short run restarts within the same 30-second step: sign in again until the session really opens pages.
session=
for _ in $(seq 1 8); do
  session=$(sign_in "$PORT" programma@bolwerk.invalid)
  [ -n "$session" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: BOLWERK_SESSION=$session" "$BASE/")" = 200 ] && break
  session=
  sleep 5
done
[ -n "$session" ] || { echo "sign-in after restart failed" >&2; exit 1; }
lost=0
while read -r id; do
  status=$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' -H "Cookie: BOLWERK_SESSION=$session" "$BASE/organisations/$id")
  case "$status" in
    200) ;;
    404) lost=$((lost + 1)) ;;
    *) echo "could not check organisation $id: HTTP $status" >&2; exit 1 ;;
  esac
done <"$WORK/acknowledged"
echo "lost $lost of $total acknowledged organisations (${DURATION} s of registrations from 4 loops, then SIGKILL)"
[ "$lost" -eq 0 ]
