#!/usr/bin/env bash
# Issue 11's load: 300 organisations' audit orders against one budget line at once, on PostgreSQL. Not a timed
# test: it records how many approvals per second the programme office gets through and shows that the ledger
# still adds up. The 300 orders (one per demo organisation, a basic audit of 9 075,00 incl. VAT, two thirds =
# 6 050,00) are seeded with SQL on a line whose credit covers only 200 of them; then the programme officer's
# session approves all 300 through the page's own POST with PARALLEL requests in flight. Every approval takes
# credit in one conditional UPDATE on the same line row (ADR 0023), so this is the worst case of contention.
# Expected: exactly 200 approved, 100 refused (funding.credit.insufficient, the order stays requested), the line
# at zero available, committed = the sum of the open commitments = 200 x 6 050,00, and no commitment without
# its approved order.
# Usage: bench/audit-orders.sh [parallel]   (default 32)
set -euo pipefail
cd "$(dirname "$0")/.."

PARALLEL=${1:-32}
PORT=${BENCH_PORT:-18086}
PG_PORT=${BENCH_PG_PORT:-55446}
PG_BIN=/usr/lib/postgresql/15/bin
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

# A smoke run (BENCH_SMOKE=1, bench/smoke.sh) seeds 30 orders on a line for 20: it only checks the script runs.
ORDERS=$([ "${BENCH_SMOKE:-0}" = 1 ] && echo 30 || echo 300)
COVERED=$((ORDERS * 2 / 3))
echo "Seeding $ORDERS requested basic audits, one per organisation, on one line whose credit covers $COVERED"
psql -d bolwerk_bench -v orders="$ORDERS" -v covered="$COVERED" <<'SQL'
INSERT INTO budget_line (id, name, budget_year, purpose, credit, committed, paid, owner, valid_from, valid_until,
    shares_include_vat, created_at)
VALUES ('00000000-0000-0000-0000-0000000b0001', 'Bench basisaudits', EXTRACT(YEAR FROM CURRENT_DATE),
    'OTHER', :covered * 6050.00, 0, 0, 'Bench', CURRENT_DATE - 1, CURRENT_DATE + 1, TRUE, now());
INSERT INTO audit_order (id, reference, organisation_id, organisation_name, kind, coaching_day, budget_line_id,
    quote_excluding_vat, quote_vat, shares_include_vat, programme_share, organisation_share, status, requested_by,
    requested_at)
SELECT gen_random_uuid(), 'BENCH-' || LPAD(n::text, 4, '0'), o.id, o.name, 'BASIC', FALSE,
    '00000000-0000-0000-0000-0000000b0001', 7500.00, 1575.00, TRUE, 6050.00, 3025.00, 'REQUESTED', o.id,
    now() - n * INTERVAL '1 second'
FROM (SELECT id, name, ROW_NUMBER() OVER (ORDER BY name) AS n FROM organisation) o
WHERE o.n <= :orders;
SQL

officer=$(sign_in "$PORT" programma@bolwerk.invalid)
csrf=$(csrf_token "$PORT" "$officer")
ids=$(psql -d bolwerk_bench -c "SELECT id FROM audit_order WHERE reference LIKE 'BENCH-%'")
approve() {
  curl -s -o /dev/null -w '%{http_code}\n' -H "Cookie: BOLWERK_SESSION=$officer" -H "X-CSRF-TOKEN: $csrf" \
    --data "confirmed=true" "http://localhost:$PORT/audits/$1/approve"
}
export -f approve
export officer csrf PORT

echo; echo "== $ORDERS approvals against one line, $PARALLEL in flight"
started=$(date +%s.%N)
codes=$(printf '%s\n' $ids | xargs -P "$PARALLEL" -I{} bash -c 'approve {}')
ended=$(date +%s.%N)
seconds=$(echo "$ended - $started" | bc -l)
echo "answers: $(printf '%s\n' "$codes" | sort | uniq -c | tr '\n' ' ')"
printf 'took %.2f s: %.1f approvals per second\n' "$seconds" "$(echo "$ORDERS / $seconds" | bc -l)"
# An answer other than the page's redirect is a fault worth reading: the application's own words for it.
if printf '%s\n' "$codes" | grep -qv '^302$'; then
  echo "answers other than 302, as the application logged them:"
  grep -E '(ERROR|WARN|Exception)' "$BOLWERK_WORK/app.log" | sed -E 's/^[0-9T:.+-]+ +//' | cut -c1-220 | sort | uniq -c | sort -rn | head -n 12 || true
fi

echo; echo "== The ledger"
psql -d bolwerk_bench -F ' ' <<'SQL'
SELECT 'orders by status:', string_agg(status || '=' || n, ' ' ORDER BY status)
FROM (SELECT status, COUNT(*) AS n FROM audit_order WHERE reference LIKE 'BENCH-%' GROUP BY status) s;
SELECT 'line credit/committed/paid/available:', credit, committed, paid, credit - committed - paid
FROM budget_line WHERE id = '00000000-0000-0000-0000-0000000b0001';
SELECT 'open commitments (count, sum):', COUNT(*), COALESCE(SUM(amount), 0)
FROM budget_commitment WHERE budget_line_id = '00000000-0000-0000-0000-0000000b0001' AND status = 'OPEN';
SELECT 'approved orders (count, reserved):', COUNT(*), COALESCE(SUM(reserved), 0)
FROM audit_order WHERE reference LIKE 'BENCH-%' AND status = 'APPROVED';
SQL
approved=$(psql -d bolwerk_bench -c "SELECT COUNT(*) FROM audit_order WHERE reference LIKE 'BENCH-%' AND status = 'APPROVED'")
adds_up=$(psql -d bolwerk_bench -c "SELECT (SELECT committed FROM budget_line WHERE id = '00000000-0000-0000-0000-0000000b0001')
  = (SELECT COALESCE(SUM(amount), 0) FROM budget_commitment WHERE budget_line_id = '00000000-0000-0000-0000-0000000b0001' AND status = 'OPEN')
  AND (SELECT COUNT(*) FROM budget_commitment WHERE budget_line_id = '00000000-0000-0000-0000-0000000b0001') = $approved")
[ "$approved" = "$COVERED" ] && [ "$adds_up" = t ] || { echo "the ledger does not add up: $approved approved, adds up: $adds_up" >&2; exit 1; }
echo "the ledger adds up: $approved approved = the credit's $COVERED, committed = the open commitments, one commitment per approval"
