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
. bench/lib.sh
start_bolwerk "$PORT"
trap stop_bolwerk EXIT
session=$(sign_in "$PORT" programma@bolwerk.invalid)
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }

url="http://localhost:$PORT/organisations?q=gem&type=MUNICIPALITY&sort=inhabitants&dir=desc&page=2"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: BOLWERK_SESSION=$session" "$url")
[ "$status" = 200 ] || { echo "not signed in (HTTP $status)" >&2; exit 1; }
echo "wrk: $DURATION s, 2 threads, $CONNECTIONS connections, GET $url"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: BOLWERK_SESSION=$session" "$url"
echo "RSS after load: $(( $(ps -o rss= -p "$BOLWERK_PID" | tr -d ' ') / 1024 )) MB"
