#!/usr/bin/env bash
# Issue 11's load: 300 organisations' admins ordering a basic audit at once against one budget line, then the
# programme office approving them all at once, on PostgreSQL. Not a timed test: it records orders and approvals
# per second and shows that the ledger still adds up.
# Each demo organisation (up to 300) gets an admin account of its own (SQL: the demo password and second factor,
# copied from a demo admin), who signs in both steps over HTTP like a person and sends the order page's own
# form, with its CSRF token: the preview (POST /audits/preview) and the order (POST /audits), a basic audit of
# 7 500,00 + 1 575,00 VAT. PARALLEL admins are in flight at a time. Every order lands on the line valid today for
# basic audits that comes first by name, here the bench's own line, whose credit covers only two thirds of them.
# Then the programme officer's session approves every order through the page's POST, PARALLEL at a time. Every
# approval takes credit in one conditional UPDATE on the same line row (ADR 0023): the worst case of contention.
# Expected: every order placed, exactly two thirds approved, the rest refused (funding.credit.insufficient, the
# order stays requested), the line at zero available and never below, committed = the sum of the open
# commitments, committed + available = credit, and one commitment per approval.
# BENCH_JFR=FILE records a JFR profile of the approvals only (jcmd JFR.start/JFR.dump around that phase).
# Usage: bench/audit-orders.sh [parallel]   (default 32)
set -euo pipefail
cd "$(dirname "$0")/.."

PARALLEL=${1:-32}
PORT=${BENCH_PORT:-18086}
PG_PORT=${BENCH_PG_PORT:-25446}
. bench/lib.sh
start_bench_postgresql "$PG_PORT"

start_bolwerk "$PORT" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/bolwerk_bench" \
  --spring.datasource.username=postgres --spring.datasource.password=

# A smoke run (BENCH_SMOKE=1, bench/smoke.sh) has 30 organisations order against a line for 20: it only checks
# that the script runs.
ORDERS=$([ "${BENCH_SMOKE:-0}" = 1 ] && echo 30 || echo 300)
COVERED=$((ORDERS * 2 / 3))
LINE=00000000-0000-0000-0000-0000000b0001
echo "Seeding $ORDERS organisation admins (one per organisation) and a basic-audit line whose credit covers $COVERED"
psql -d bolwerk_bench -v orders="$ORDERS" -v covered="$COVERED" -v line="$LINE" <<'SQL'
-- "Basisaudits (bench)" sorts before the demo lines ("Basisaudits 2026"), so ordering takes credit from it.
INSERT INTO budget_line (id, name, budget_year, purpose, credit, committed, paid, owner, valid_from, valid_until,
    shares_include_vat, created_at)
VALUES (:'line', 'Basisaudits (bench)', EXTRACT(YEAR FROM CURRENT_DATE), 'BASIC_AUDITS', :covered * 6050.00, 0, 0,
    'Bench', CURRENT_DATE - 1, CURRENT_DATE + 1, TRUE, now());
SQL
seed_organisation_admins "$ORDERS" bench-admin "$PG_ROOT/admins"

# signed_in ORGANISATION EMAIL: one line, organisation, session and CSRF token; a sign-in that fails (a 503 while
# the machine is busy) is tried again, as a person would, up to three times.
signed_in() {
  local session="" csrf="" attempt
  for attempt in 1 2 3; do
    session=$(sign_in "$PORT" "$2" || true)
    [ -z "$session" ] || csrf=$(csrf_token "$PORT" "$session" || true)
    [ -z "$csrf" ] || { echo "$1 $session $csrf"; return; }
    sleep 1
  done
  echo "could not sign in $2" >&2
}
export -f sign_in csrf_token signed_in
export PORT PG_ROOT
# Signing in is not what is measured; password hashing is CPU work, so a few at a time on two cores.
SIGN_INS=${BENCH_SIGN_INS:-8}
echo; echo "== $ORDERS admins sign in (password and second factor), $SIGN_INS at a time"
started=$(date +%s.%N)
xargs -P "$SIGN_INS" -L 1 bash -c 'signed_in "$0" "$1"' <"$PG_ROOT/admins" >"$PG_ROOT/sessions"
printf 'took %.2f s\n' "$(echo "$(date +%s.%N) - $started" | bc -l)"
[ "$(awk 'NF == 3' "$PG_ROOT/sessions" | wc -l)" = "$ORDERS" ] || { echo "not every admin signed in" >&2; exit 1; }

# order ORGANISATION SESSION CSRF: the preview and the order, as the form sends them; prints the order's answer.
order() {
  local form=(-H "Cookie: BOLWERK_SESSION=$2" --data-urlencode "_csrf=$3" --data-urlencode "organisationId=$1"
    --data-urlencode "kind=BASIC" --data-urlencode "quoteExcludingVat=7.500,00" --data-urlencode "quoteVat=1.575,00")
  curl -s -o /dev/null "${form[@]}" "http://localhost:$PORT/audits/preview"
  curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' "${form[@]}" "http://localhost:$PORT/audits" | answer
}
# answer: an HTTP status as the person would see it; a redirect to the sign-in page is no success.
answer() { sed -E 's#^302 .*/login.*#302-to-sign-in#; s#^302 .*#302#; s# .*##'; }
export -f answer
export -f order

echo; echo "== $ORDERS admins order a basic audit (preview, then order), $PARALLEL in flight"
started=$(date +%s.%N)
codes=$(xargs -P "$PARALLEL" -L 1 bash -c 'order "$0" "$1" "$2"' <"$PG_ROOT/sessions")
seconds=$(echo "$(date +%s.%N) - $started" | bc -l)
echo "answers: $(printf '%s\n' "$codes" | sort | uniq -c | tr '\n' ' ')"
printf 'took %.2f s: %.1f orders per second\n' "$seconds" "$(echo "$ORDERS / $seconds" | bc -l)"
placed=$(psql -d bolwerk_bench -c "SELECT COUNT(*) FROM audit_order WHERE budget_line_id = '$LINE' AND status = 'REQUESTED'")
echo "orders placed: $placed of $ORDERS"
# An order refused with 503 waited longer for a database connection than the outage answer allows (ADR 0005,
# DatabaseOutageFilter): its admin would send it again. The run goes on as long as the credit is still contested.
if [ "$placed" != "$ORDERS" ]; then
  echo "answers other than 302, as the application logged them:"
  grep -E '(ERROR|WARN|Exception)' "$BOLWERK_WORK/app.log" | sed -E 's/^[0-9T:.+-]+ +//' | cut -c1-220 | sort | uniq -c | sort -rn | head -n 6 || true
fi
[ "$placed" -gt "$COVERED" ] || { echo "too few orders placed to contest the credit" >&2; exit 1; }

officer=$(sign_in "$PORT" programma@bolwerk.invalid)
csrf=$(csrf_token "$PORT" "$officer")
ids=$(psql -d bolwerk_bench -c "SELECT id FROM audit_order WHERE budget_line_id = '$LINE' ORDER BY requested_at")
approve() {
  curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' -H "Cookie: BOLWERK_SESSION=$officer" -H "X-CSRF-TOKEN: $csrf" \
    --data "confirmed=true" "http://localhost:$PORT/audits/$1/approve" | answer
}
export -f approve
export officer csrf

[ -z "${BENCH_JFR:-}" ] || jcmd "$BOLWERK_PID" JFR.start name=approvals settings=profile >/dev/null
echo; echo "== $ORDERS approvals against one line, $PARALLEL in flight"
started=$(date +%s.%N)
codes=$(printf '%s\n' $ids | xargs -P "$PARALLEL" -I{} bash -c 'approve {}')
seconds=$(echo "$(date +%s.%N) - $started" | bc -l)
ORDERS=$placed
[ -z "${BENCH_JFR:-}" ] || jcmd "$BOLWERK_PID" JFR.dump name=approvals filename="$(realpath -m "$BENCH_JFR")" >/dev/null
echo "answers: $(printf '%s\n' "$codes" | sort | uniq -c | tr '\n' ' ')"
printf 'took %.2f s: %.1f approvals per second\n' "$seconds" "$(echo "$ORDERS / $seconds" | bc -l)"
# An answer other than the page's redirect is a fault worth reading: the application's own words for it.
if printf '%s\n' "$codes" | grep -qv '^302$'; then
  echo "answers other than 302, as the application logged them:"
  grep -E '(ERROR|WARN|Exception)' "$BOLWERK_WORK/app.log" | sed -E 's/^[0-9T:.+-]+ +//' | cut -c1-220 | sort | uniq -c | sort -rn | head -n 12 || true
fi

echo; echo "== The ledger"
psql -d bolwerk_bench -F ' ' -v line="$LINE" <<'SQL'
SELECT 'orders by status:', string_agg(status || '=' || n, ' ' ORDER BY status)
FROM (SELECT status, COUNT(*) AS n FROM audit_order WHERE budget_line_id = :'line' GROUP BY status) s;
SELECT 'line credit/committed/paid/available:', credit, committed, paid, credit - committed - paid
FROM budget_line WHERE id = :'line';
SELECT 'open commitments (count, sum):', COUNT(*), COALESCE(SUM(amount), 0)
FROM budget_commitment WHERE budget_line_id = :'line' AND status = 'OPEN';
SELECT 'approved orders (count, reserved):', COUNT(*), COALESCE(SUM(reserved), 0)
FROM audit_order WHERE budget_line_id = :'line' AND status = 'APPROVED';
SQL
approved=$(psql -d bolwerk_bench -c "SELECT COUNT(*) FROM audit_order WHERE budget_line_id = '$LINE' AND status = 'APPROVED'")
adds_up=$(psql -d bolwerk_bench -c "SELECT l.committed = (SELECT COALESCE(SUM(amount), 0) FROM budget_commitment
    WHERE budget_line_id = l.id AND status = 'OPEN')
  AND l.committed + (l.credit - l.committed - l.paid) + l.paid = l.credit AND l.credit - l.committed - l.paid >= 0
  AND (SELECT COUNT(*) FROM budget_commitment WHERE budget_line_id = l.id) = $approved
  FROM budget_line l WHERE l.id = '$LINE'")
[ "$approved" -le "$COVERED" ] && [ "$adds_up" = t ] || { echo "the ledger does not add up: $approved approved, adds up: $adds_up" >&2; exit 1; }
echo "the ledger adds up: $approved approved (the credit covers $COVERED), committed = the open commitments, committed + available = credit (nothing paid), none negative, one commitment per approval"
# Fewer approvals than the credit covers means approvals that did not go through (the answers above say why).
[ "$approved" = "$COVERED" ] || echo "NOTE: $((COVERED - approved)) approvals the credit covered did not go through"
