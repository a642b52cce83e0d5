#!/usr/bin/env bash
# Web-tier ratio: Bolwerk's busiest signed-in pages against a bare Spring Boot + Security + Thymeleaf page that
# renders the same kind of 25-row table from memory (bench/baseline), each under the same wrk load, one after
# the other in one run on one machine. Prints per page: requests per second, p50/p90/p99 and the ratio
# (page ÷ baseline), then Bolwerk's resident memory. The ratio is what counts: absolute figures move from run to
# run on a shared machine.
#
# Usage: bench/webratio.sh [seconds] [connections] [page-name...]
#   BOLWERK_LAUNCH=production (default here) or jar, see bench/lib.sh; the baseline runs with the same JVM
#   settings as the production launch, so both sides get the same collector, heap and JIT.
#   BENCH_JFR=/path/file.jfr records a JFR profile of Bolwerk during the measured runs.
#   Each page is signed in as the demo persona that uses it (both steps, own session per page).
# Taken from the lead's shared bench (webratio.sh + baseline/, which also needed totp.py; here the demo
# second-factor page gives the code, as in the other bench scripts) and extended to several pages.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-15}
CONNECTIONS=${2:-16}
shift 2 2>/dev/null || shift $#
# A smoke run (BENCH_SMOKE=1, bench/smoke.sh) only checks that every page answers under wrk: no warm-up.
WARMUP=$([ "${BENCH_SMOKE:-0}" = 1 ] && echo 0 || echo $(( DURATION < 5 ? 1 : 5 )))
PORT=${BENCH_PORT:-18084}
BASE_PORT=${BENCH_BASELINE_PORT:-18085}
export BOLWERK_LAUNCH=${BOLWERK_LAUNCH:-production}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
. bench/lib.sh

# name | persona | path
PAGES=(
  "organisations|programma@bolwerk.invalid|/organisations?q=gem&type=MUNICIPALITY&sort=inhabitants&dir=desc&page=2"
  "programme-overview|programma@bolwerk.invalid|/programme/assessments"
  "assessments|iso@appelkerke.invalid|/assessments"
  "frameworks|programma@bolwerk.invalid|/frameworks"
  "audit-trail|beheer@bolwerk.invalid|/admin/audit"
  "users|beheer@bolwerk.invalid|/admin/users"
  "members|iso@appelkerke.invalid|/members"
  "audit-orders|programma@bolwerk.invalid|/audits"
  "budget|programma@bolwerk.invalid|/budget"
  "engagements|begeleider@hogeschool.invalid|/engagements"
)
if [ $# -gt 0 ]; then
  wanted=" $* "
  selected=()
  for page in "${PAGES[@]}"; do [[ "$wanted" == *" ${page%%|*} "* ]] && selected+=("$page"); done
  PAGES=("${selected[@]}")
fi

WORK=$(mktemp -d /tmp/bolwerk-webratio.XXXXXX)
BASE_PID=
cleanup() {
  stop_baseline
  [ -z "${BOLWERK_PID:-}" ] || stop_bolwerk
  rm -rf "$WORK"
}
trap cleanup EXIT

# CPU time (user + system, in clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure NAME PID COOKIE URL: warm-up, then the measured run; prints one result line. Besides requests per
# second it records the server's CPU milliseconds per request, which other load on a shared machine disturbs
# far less than throughput (it slows the server down, but hardly changes the work a request takes).
measure() {
  local name=$1 pid=$2 cookie=$3 url=$4 out="$WORK/$1.wrk" before after requests
  [ "$WARMUP" = 0 ] || wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "Cookie: $cookie" "$url" >/dev/null
  before=$(cpu_ticks "$pid")
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $cookie" "$url" >"$out"
  after=$(cpu_ticks "$pid")
  if grep -q 'Non-2xx' "$out"; then echo "$name: answers other than 2xx under load" >&2; cat "$out" >&2; exit 1; fi
  requests=$(awk '/requests in/ { print $1 }' "$out")
  printf '%s %s %s %s %s %s\n' "$name" "$(awk '/Requests\/sec/ {print $2}' "$out")" \
    "$(awk '$1 == "50%" {print $2}' "$out")" "$(awk '$1 == "90%" {print $2}' "$out")" "$(awk '$1 == "99%" {print $2}' "$out")" \
    "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')"
}

start_baseline "$BASE_PORT" "$WORK"
# The baseline starts cold (Bolwerk's JIT is warmed by the sign-ins and the pages before), hence a longer warm-up.
WARMUP=$((WARMUP * 2)) measure baseline "$BASE_PID" "$BASE_COOKIE" "http://127.0.0.1:$BASE_PORT/organisations?q=Gem&page=2" >"$WORK/results"
stop_baseline

extra=()
[ -z "${BENCH_JFR:-}" ] || extra+=(-XX:StartFlightRecording=filename="$(realpath -m "$BENCH_JFR")",settings=profile,delay=10s -XX:FlightRecorderOptions:stackdepth=256)
BENCH_JVM_ARGS="${extra[*]:-}" start_bolwerk "$PORT" --server.address=127.0.0.1
declare -A sessions
for page in "${PAGES[@]}"; do
  IFS='|' read -r name persona path <<<"$page"
  [ -n "${sessions[$persona]:-}" ] || sessions[$persona]=$(sign_in "$PORT" "$persona")
  url="http://127.0.0.1:$PORT$path"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: BOLWERK_SESSION=${sessions[$persona]}" "$url")
  [ "$status" = 200 ] || { echo "$name: $persona not signed in or refused (HTTP $status)" >&2; exit 1; }
  measure "$name" "$BOLWERK_PID" "BOLWERK_SESSION=${sessions[$persona]}" "$url" >>"$WORK/results"
done
rss=$(( $(ps -o rss= -p "$BOLWERK_PID" | tr -d ' ') / 1024 ))

echo "launch ${BOLWERK_LAUNCH}, $(nproc) CPU, ${DURATION} s per page after ${WARMUP} s warm-up, $CONNECTIONS connections"
# ratio: requests per second ÷ the baseline's (the issue's measure); cpu ratio: the baseline's CPU time per
# request ÷ the page's (the same comparison, steadier on a busy machine).
# (A smoke run may see no request finish within its second: no ratio then, rather than a division by zero.)
awk 'function q(a, b) { return b > 0 ? a / b : 0 }
     NR == 1 { base = $2; basecpu = $6 }
     { printf "%-19s %6.0f req/s  p50 %-9s p90 %-9s p99 %-9s ratio %.2f  cpu %5.2f ms/req  cpu ratio %.2f%s\n",
         $1, $2, $3, $4, $5, q($2, base), $6, q(basecpu, $6),
         (NR > 1 && base > 0 && q($2, base) < 0.35) ? "  below the 0.35 floor of ADR 0028: profile it" : "" }' "$WORK/results"
echo "Bolwerk RSS after the runs: $rss MB"
