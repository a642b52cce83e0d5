#!/usr/bin/env bash
# Issue 13's load: 300 organisations report an incident at the same moment (one burst), on PostgreSQL. Not a timed
# test: it records the time from the burst's start to the last acknowledgement and shows that every report was
# stored once and the CRT queue holds each exactly once.
# Each demo organisation (up to N) gets an admin account of its own (SQL: the demo password and second factor,
# copied from a demo admin, as bench/audit-orders.sh does), who signs in both steps over HTTP like a person. Then
# all N send the report form (POST /incidents/new, with its CSRF token and a submission key of their own) at once,
# and each sends it a second time at the same moment, as a double click or a retried request would: 2N requests in
# flight. An acknowledgement is the page the form answers, with the incident's reference (INC-…) (ADR 0048; a
# redirect, as before that, would be followed); the script reads the reference from it.
# Expected: 2N answers with a reference, the two answers of one organisation the same reference, N incidents (one
# per organisation and submission key), N acknowledgement mails to the reporters (none twice), and N incidents in
# the CRT queue (open, not yet triaged) — per burst: BENCH_ROUNDS bursts (default 3; one in a smoke run), 5 s apart,
# each with fresh submission keys, because one burst's time varies by a second or more from run to run.
# Before the burst, 20 other admins (bench-warmup-N, in the first 20 organisations) send BENCH_WARMUP_REPORTS reports
# (default 1,200; none in a smoke run), 20 at a time, not measured: the burst is meant to meet a server that has been
# running, not one that loads and compiles the report's path while the 600 requests wait (docs/performance.md gives
# both). Their incidents are not counted below.
# Usage: bench/incident-burst.sh [organisations]   (default 300); BENCH_APP_ARGS adds application arguments
# (e.g. --server.tomcat.threads.max=40) to compare settings.
set -euo pipefail
cd "$(dirname "$0")/.."

REPORTS=${1:-300}
PORT=${BENCH_PORT:-18087}
PG_PORT=${BENCH_PG_PORT:-25447}
. bench/lib.sh
start_bench_postgresql "$PG_PORT"

start_bolwerk "$PORT" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/bolwerk_bench" \
  --spring.datasource.username=postgres --spring.datasource.password= ${BENCH_APP_ARGS:-}

echo "Seeding $REPORTS organisation admins (one per organisation)"
seed_organisation_admins "$REPORTS" bench-reporter "$PG_ROOT/reporters"
WARMUP=${BENCH_WARMUP_REPORTS:-$([ "${BENCH_SMOKE:-0}" = 1 ] && echo 0 || echo 1200)}
WARMERS=$((WARMUP < 20 ? WARMUP : 20))
[ "$WARMERS" = 0 ] || seed_organisation_admins "$WARMERS" bench-warmup "$PG_ROOT/warmers"

# signed_in ORGANISATION EMAIL: one line, organisation, session, CSRF token and a fresh submission key; a sign-in
# that fails (a 503 while the machine is busy) is tried again, as a person would, up to three times.
signed_in() {
  local session="" csrf="" attempt
  for attempt in 1 2 3; do
    session=$(sign_in "$PORT" "$2" || true)
    [ -z "$session" ] || csrf=$(csrf_token "$PORT" "$session" || true)
    [ -z "$csrf" ] || { echo "$1 $session $csrf $(cat /proc/sys/kernel/random/uuid)"; return; }
    sleep 1
  done
  echo "could not sign in $2" >&2
}
export -f sign_in csrf_token signed_in
export PORT
# Signing in is not what is measured; password hashing is CPU work, so a few at a time on two cores.
SIGN_INS=${BENCH_SIGN_INS:-8}
echo; echo "== $REPORTS reporters sign in (password and second factor), $SIGN_INS at a time"
started=$(date +%s.%N)
xargs -P "$SIGN_INS" -L 1 bash -c 'signed_in "$0" "$1"' <"$PG_ROOT/reporters" >"$PG_ROOT/sessions"
printf 'took %.2f s\n' "$(echo "$(date +%s.%N) - $started" | bc -l)"
[ "$(awk 'NF == 4' "$PG_ROOT/sessions" | wc -l)" = "$REPORTS" ] || { echo "not every reporter signed in" >&2; exit 1; }
: >"$PG_ROOT/warmup"
if [ "$WARMERS" != 0 ]; then
  xargs -P "$SIGN_INS" -L 1 bash -c 'signed_in "$0" "$1"' <"$PG_ROOT/warmers" >"$PG_ROOT/warmer-sessions"
  # A submission key of its own for every warm-up report.
  for _ in $(seq $(((WARMUP + WARMERS - 1) / WARMERS))); do
    while read -r organisation session csrf _; do
      echo "$organisation $session $csrf $(cat /proc/sys/kernel/random/uuid)"
    done <"$PG_ROOT/warmer-sessions"
  done >"$PG_ROOT/warmup-keys"
  head -n "$WARMUP" "$PG_ROOT/warmup-keys" >"$PG_ROOT/warmup"
  echo; echo "== Warm-up (not measured): $WARMUP reports by $WARMERS other admins, $WARMERS at a time, each twice"
fi

ROUNDS=${BENCH_ROUNDS:-$([ "${BENCH_SMOKE:-0}" = 1 ] && echo 1 || echo 3)}
bursts=()
for round in $(seq "$ROUNDS"); do
  # A fresh submission key per organisation and burst, on two lines: the double click.
  while read -r organisation session csrf _; do
    key=$(cat /proc/sys/kernel/random/uuid)
    echo "$organisation $session $csrf $key"; echo "$organisation $session $csrf $key"
  done <"$PG_ROOT/sessions" >"$PG_ROOT/burst-$round"
  bursts+=("$PG_ROOT/burst-$round")
done
echo; echo "== $ROUNDS bursts, 5 s apart: $REPORTS organisations report at once, each twice (double click): $((REPORTS * 2)) requests in flight"
# bench/Burst.java sends them from one JVM (asynchronous HTTP, a connection per request), after the warm-up, and
# reads each acknowledgement: a shell and a curl per request spent more of the two cores than
# the application did, and a fresh generator JVM per burst spent its own start-up beside the server's work.
# The generator's JVM as light as the server's (serial GC, C1 only): with the JVM's defaults on this machine (G1,
# C2) it spent 0.10–0.49 CPU s per burst of the server's two cores, now 0.08–0.10 (docs/performance.md).
all=$(BURST_SERVER_PID="$BOLWERK_PID" java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 bench/Burst.java "$PORT" "$PG_ROOT/warmup" "${bursts[@]}")
failed=0
for round in $(seq "$ROUNDS"); do
  echo; echo "-- burst $round"
  seconds=$(printf '%s\n' "$all" | awk -v r="$round" '$1 == "seconds" && $2 == r { print $3 }')
  answers=$(printf '%s\n' "$all" | awk -v r="$round" '$1 == r { print $2, $3 }')
  printf 'time to the last acknowledgement: %.2f s\n' "$seconds"
  printf '%s\n' "$all" | awk -v r="$round" '$1 == "cpu" && $2 == r {
    printf "CPU seconds spent meanwhile: machine %s, Bolwerk %s, generator %s, the rest (PostgreSQL, system) %.2f\n",
      $4, $6, $8, $4 - $6 - $8 }'
  acknowledged=$(printf '%s\n' "$answers" | grep -c ' INC-' || true)
  echo "answers with a reference: $acknowledged of $((REPORTS * 2))"
  if [ "$acknowledged" != "$((REPORTS * 2))" ]; then
    printf '%s\n' "$answers" | grep -v ' INC-' | awk '{ print $2 }' | sort | uniq -c
    grep -E '(ERROR|WARN|Exception)' "$BOLWERK_WORK/app.log" | sed -E 's/^[0-9T:.+-]+ +//' | cut -c1-220 | sort | uniq -c | sort -rn | head -n 8 || true
  fi
  pairs=$(printf '%s\n' "$answers" | grep ' INC-' | sort -u | awk '{ print $1 }' | sort | uniq -d | wc -l)
  echo "organisations whose two answers named two different incidents: $pairs"
  [ "$acknowledged" = "$((REPORTS * 2))" ] && [ "$pairs" = 0 ] || failed=1
done

echo; echo "== What was stored"
# Only the bench reporters' incidents: the demo data brings incidents of its own (incident.demo).
BURST="reported_by IN (SELECT id FROM user_account WHERE email LIKE 'bench-reporter-%')"
psql -d bolwerk_bench -F ' ' <<SQL
SELECT 'incidents, submission keys, organisations:', COUNT(*), COUNT(DISTINCT submission_key), COUNT(DISTINCT organisation_id)
FROM incident WHERE $BURST;
SELECT 'in the CRT queue (open, not triaged):', COUNT(*) FROM incident WHERE status = 'REPORTED' AND $BURST;
SELECT 'acknowledgements mailed (to reporters, distinct):', COUNT(*), COUNT(DISTINCT recipient)
FROM mail_outbox m JOIN incident i ON m.subject LIKE '%' || i.reference || '%'
WHERE m.recipient LIKE 'bench-reporter-%' AND i.$BURST;
SQL
stored=$(psql -d bolwerk_bench -c "SELECT COUNT(*) FROM incident WHERE $BURST")
distinct=$(psql -d bolwerk_bench -c "SELECT COUNT(DISTINCT organisation_id) FROM incident WHERE $BURST")
queued=$(psql -d bolwerk_bench -c "SELECT COUNT(*) FROM incident WHERE status = 'REPORTED' AND $BURST")
[ "$failed" = 0 ] && [ "$stored" = "$((REPORTS * ROUNDS))" ] \
  && [ "$distinct" = "$REPORTS" ] && [ "$queued" = "$((REPORTS * ROUNDS))" ] \
  || { echo "the bursts did not leave one acknowledged incident per organisation and round" >&2; exit 1; }
echo "every report stored once and acknowledged (twice, with the same reference), the queue holds each once"
