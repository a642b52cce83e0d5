#!/usr/bin/env bash
# Load on the busiest page of this stage: the organisation list with a search, as a signed-in programme
# officer, with wrk on loopback. Starts Bolwerk from the packaged jar on a fresh demo database, signs in with
# curl, runs wrk for a bounded time and stops everything. Usage: bench/load.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-20}
CONNECTIONS=${2:-16}
PORT=${BENCH_PORT:-18081}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
JAR=$(ls target/bolwerk-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
[ -n "$JAR" ] || { ./mvnw -q -B -ntp -DskipTests package; JAR=$(ls target/bolwerk-*.jar | grep -v plain | head -n 1); }
JAR=$(realpath "$JAR")

WORK=$(mktemp -d /tmp/bolwerk-load.XXXXXX)
(cd "$WORK" && exec java -jar "$JAR" --server.port="$PORT" >app.log 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$WORK"' EXIT
until curl -sf -o /dev/null "http://localhost:$PORT/actuator/health/readiness"; do sleep 0.1; done
sleep 2

jar="$WORK/cookies"
token=$(curl -sf -c "$jar" -b "$jar" "http://localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -sf -c "$jar" -b "$jar" -o /dev/null \
  --data-urlencode "email=programma@bolwerk.invalid" --data-urlencode "password=bolwerk-demo-2026" \
  --data-urlencode "_csrf=$token" "http://localhost:$PORT/login"
# Second step: in demo mode the second-factor page shows the demo account's current code.
mfa=$(curl -sf -c "$jar" -b "$jar" "http://localhost:$PORT/mfa")
code=$(printf '%s' "$mfa" | grep -o '<code>[0-9]\{6\}</code>' | head -n 1 | tr -dc '0-9')
token=$(printf '%s' "$mfa" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
curl -sf -c "$jar" -b "$jar" -o /dev/null --data-urlencode "code=$code" --data-urlencode "_csrf=$token" \
  "http://localhost:$PORT/mfa/code"
session=$(awk '$6 == "BOLWERK_SESSION" { print $7 }' "$jar")
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }

url="http://localhost:$PORT/organisations?q=gem&type=MUNICIPALITY&sort=inhabitants&dir=desc&page=2"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: BOLWERK_SESSION=$session" "$url")
[ "$status" = 200 ] || { echo "not signed in (HTTP $status)" >&2; exit 1; }
echo "wrk: $DURATION s, 2 threads, $CONNECTIONS connections, GET $url"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: BOLWERK_SESSION=$session" "$url"
echo "RSS after load: $(( $(ps -o rss= -p "$pid" | tr -d ' ') / 1024 )) MB"
