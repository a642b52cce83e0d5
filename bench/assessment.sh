#!/usr/bin/env bash
# Issue 4's two speed goals, on PostgreSQL (the system of record) with wrk on loopback:
#  1. saving answers with 32 concurrent clients (goal: p99 < 50 ms), through the API with a personal token,
#     so the 32 clients are as independent as 32 people (no shared session row);
#  2. the programme overview over 300 organisations x 10 submitted assessments x 54 answers (goal: < 200 ms).
# Starts a throwaway PostgreSQL and the packaged jar, seeds the history with SQL, runs wrk, stops everything.
# Usage: bench/assessment.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-15}
PORT=${BENCH_PORT:-18082}
PG_PORT=${BENCH_PG_PORT:-25440}
PG_BIN=/usr/lib/postgresql/15/bin
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
[ -x "$PG_BIN/initdb" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15; }
. bench/lib.sh

PG_ROOT=$(mktemp -d /tmp/bolwerk-bench-pg.XXXXXX)
pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; else "$@"; fi; }
[ "$(id -u)" -ne 0 ] || { id postgres >/dev/null 2>&1 || useradd --system --home "$PG_ROOT" postgres; chown -R postgres "$PG_ROOT"; }
pg "$PG_BIN/initdb" -D "$PG_ROOT/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -w -l "$PG_ROOT/log" -o "-p $PG_PORT -k $PG_ROOT -c listen_addresses=127.0.0.1" start >/dev/null
cleanup() { stop_bolwerk; pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_ROOT"; }
trap cleanup EXIT
psql() { command psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql -c "CREATE DATABASE bolwerk_bench"

start_bolwerk "$PORT" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/bolwerk_bench" \
  --spring.datasource.username=postgres --spring.datasource.password=

# A smoke run (BENCH_SMOKE=1, bench/smoke.sh) seeds one year instead of ten: it only checks that the script runs.
YEARS=$([ "${BENCH_SMOKE:-0}" = 1 ] && echo 1 || echo 10)
echo "Seeding 300 organisations x $YEARS submitted self-evaluations (the last years) x 54 answers"
psql -d bolwerk_bench -v years="$YEARS" <<'SQL'
WITH framework AS (SELECT id FROM framework_version WHERE code = 'zelfevaluatie-ict' AND source = 'BUILT_IN'),
     made AS (
       INSERT INTO assessment (organisation_id, id, framework_version_id, assessment_year, status, started_by,
                               started_at, submitted_at, version, total_score, target_reached)
       SELECT o.id, gen_random_uuid(), framework.id, year, 'SUBMITTED', o.id, now(), now(), 1,
              round((random() * 5)::numeric, 4), random() > 0.7
       FROM organisation o, framework,
            generate_series(EXTRACT(YEAR FROM now())::int - :years + 1, EXTRACT(YEAR FROM now())::int) AS year
       -- the demo data already holds self-evaluations of some organisations for some of these years
       WHERE NOT EXISTS (SELECT 1 FROM assessment a WHERE a.organisation_id = o.id
                           AND a.framework_version_id = framework.id AND a.assessment_year = year)
       RETURNING organisation_id, id, framework_version_id)
INSERT INTO assessment_answer (organisation_id, assessment_id, control_ref, documentation, implementation,
                               not_applicable, answered_by, answered_at, revision)
SELECT made.organisation_id, made.id, node.ref, floor(random() * 6), floor(random() * 6), FALSE,
       made.organisation_id, now(), 1
FROM made JOIN framework_node node ON node.framework_version_id = made.framework_version_id AND node.kind = 'CONTROL';
INSERT INTO assessment_score (organisation_id, assessment_id, area_ref, score)
SELECT a.organisation_id, a.id, node.ref, round((random() * 5)::numeric, 4)
FROM assessment a JOIN framework_node node ON node.framework_version_id = a.framework_version_id AND node.depth = 1
WHERE NOT EXISTS (SELECT 1 FROM assessment_score s WHERE s.assessment_id = a.id AND s.area_ref = node.ref);
ANALYZE;
SQL
echo "rows: $(psql -d bolwerk_bench -c 'SELECT COUNT(*) FROM assessment') assessments," \
  "$(psql -d bolwerk_bench -c 'SELECT COUNT(*) FROM assessment_answer') answers"

year=$(date +%Y)
officer=$(sign_in "$PORT" programma@bolwerk.invalid)
overview="http://localhost:$PORT/programme/assessments?year=$year"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: BOLWERK_SESSION=$officer" "$overview")
[ "$status" = 200 ] || { echo "overview answered HTTP $status" >&2; exit 1; }
echo; echo "== Programme overview: wrk $DURATION s, 2 threads, 4 connections, GET $overview"
wrk -t2 -c4 -d"${DURATION}s" --latency -H "Cookie: BOLWERK_SESSION=$officer" "$overview"

# The organisation admin starts this year's quick scan and makes a personal API token with write scope.
admin=$(sign_in "$PORT" iso@appelkerke.invalid)
csrf=$(csrf_token "$PORT" "$admin")
organisation=$(psql -d bolwerk_bench -c "SELECT m.organisation_id FROM membership m JOIN user_account a ON a.id = m.user_account_id WHERE a.email = 'iso@appelkerke.invalid'")
framework=$(psql -d bolwerk_bench -c "SELECT id FROM framework_version WHERE code = 'quickscan-actiedomeinen' AND source = 'BUILT_IN'")
assessment=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: BOLWERK_SESSION=$admin" -H "X-CSRF-TOKEN: $csrf" \
  --data "organisationId=$organisation&frameworkVersionId=$framework&year=$year" "http://localhost:$PORT/assessments" \
  | sed 's#.*/assessments/##')
token=$(curl -s -H "Cookie: BOLWERK_SESSION=$admin" -H "X-CSRF-TOKEN: $csrf" \
  --data "name=bench&scope=WRITE&validityDays=1" "http://localhost:$PORT/account/tokens" | grep -o 'bwk_[A-Za-z0-9_-]*' | head -n 1)
[ -n "$assessment" ] && [ -n "$token" ] || { echo "could not start the assessment or make a token" >&2; exit 1; }
refs=$(psql -d bolwerk_bench -c "SELECT string_agg('\"' || ref || '\"', ',' ORDER BY position) FROM framework_node WHERE framework_version_id = '$framework' AND kind = 'CONTROL'")

# Two runs of the same requests: 32 people who each take about a second between answers (the goal), then
# 32 connections without any pause, which measures capacity rather than what people feel.
write_script() {
cat >"$1" <<LUA
-- Each request saves another control with other levels, as 32 people answering at once would.
local refs = { $refs }
local counter = 0
function setup(thread) thread:set("offset", math.random(1, 1000)) end
function request()
  counter = counter + 1
  local n = counter + offset
  local ref = refs[(n % #refs) + 1]
  local body = string.format('{"documentation":%d,"implementation":%d}', n % 6, (n * 7) % 6)
  return wrk.format("PUT", "/api/v1/assessments/$assessment/answers/" .. ref, {
    ["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json" }, body)
end
function response(status, headers, body)
  if status ~= 200 then io.stderr:write("HTTP " .. status .. "\n") end
end
LUA
if [ "$2" -gt 0 ]; then
  echo "function delay() return math.random($(( $2 / 2 )), $(( $2 * 3 / 2 ))) end" >>"$1"
fi
}
write_script "$BOLWERK_WORK/people.lua" 1000
write_script "$BOLWERK_WORK/saturation.lua" 0
echo; echo "== Answer saves by 32 people (about 1 s between answers): wrk $DURATION s, 2 threads, 32 connections, PUT /api/v1/assessments/{id}/answers/{ref}"
wrk -t2 -c32 -d"${DURATION}s" --latency -s "$BOLWERK_WORK/people.lua" "http://localhost:$PORT"
echo; echo "== Answer saves without pauses (capacity): wrk $DURATION s, 2 threads, 32 connections"
wrk -t2 -c32 -d"${DURATION}s" --latency -s "$BOLWERK_WORK/saturation.lua" "http://localhost:$PORT"
echo "saved answers: $(psql -d bolwerk_bench -c "SELECT COUNT(*) || ' rows, ' || SUM(revision) || ' revisions' FROM assessment_answer WHERE assessment_id = '$assessment'")"
echo "RSS after load: $(( $(ps -o rss= -p "$BOLWERK_PID" | tr -d ' ') / 1024 )) MB"
