#!/usr/bin/env bash
# Page weight (issue 10): bytes transferred for the answer page and the results page of a self-evaluation, on a
# first view and a repeat view, as bench/pageweight.py counts them. Starts the packaged jar on a fresh demo
# database, signs in as the Appelkerke admin, starts this year's self-evaluation and measures its first area and
# its results. Usage: bench/pageweight.sh [area] [results]   (default: both pages)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18085}
. bench/lib.sh
start_bolwerk "$PORT"
trap stop_bolwerk EXIT
BASE="http://localhost:$PORT"
SESSION=$(sign_in "$PORT" iso@appelkerke.invalid)
TOKEN=$(csrf_token "$PORT" "$SESSION")
LIST=$(curl -sf -H "Cookie: BOLWERK_SESSION=$SESSION" "$BASE/assessments")
ORGANISATION=$(printf '%s' "$LIST" | grep -A3 'name="organisationId"' | grep -o 'option value="[^"]*"' | head -n 1 | sed 's/.*="//;s/"$//')
FRAMEWORK=$(printf '%s' "$LIST" | grep -A3 'name="frameworkVersionId"' | grep -o 'option value="[^"]*"' | head -n 1 | sed 's/.*="//;s/"$//')
STARTED=$(curl -sf -o /dev/null -w '%{redirect_url}' -H "Cookie: BOLWERK_SESSION=$SESSION" \
  --data-urlencode "organisationId=$ORGANISATION" --data-urlencode "frameworkVersionId=$FRAMEWORK" \
  --data-urlencode "year=$(date +%Y)" --data-urlencode "_csrf=$TOKEN" "$BASE/assessments")
ASSESSMENT=${STARTED##*/}
AREA=$(curl -sf -H "Cookie: BOLWERK_SESSION=$SESSION" "$BASE/assessments/$ASSESSMENT" \
  | grep -o "/assessments/$ASSESSMENT/areas/[^\"]*" | head -n 1)
PAGES=()
for page in "${@:-area results}"; do
  for which in $page; do
    case "$which" in
      area) PAGES+=("$AREA") ;;
      results) PAGES+=("/assessments/$ASSESSMENT/results") ;;
      *) echo "unknown page $which (area or results)" >&2; exit 2 ;;
    esac
  done
done
python3 bench/pageweight.py "$BASE" "$SESSION" "${PAGES[@]}"
