#!/usr/bin/env bash
# Where a page's cost goes, inside one JVM (src/test/java/be/bolwerk/RenderProbe.java): for each busy page, the
# page itself, the same HTML served as a template without expressions (what Thymeleaf costs for walking that
# much markup), and no rendering at all (filters, session, controller, database). Prints CPU time and allocated
# bytes per request; the allocated bytes hardly move with the machine's load, the CPU time does.
# Usage: [PROBE_PAGES='ROLE|path;;…'] [PROBE_FINDING_COPIES=n] bench/render-probe.sh [requests-per-turn] [rounds]
# Runs through Maven's test phase on the embedded database (demo data); the suite itself skips the probe.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-200}
ROUNDS=${2:-9}
PAGES="PLATFORM_ADMIN|/admin/audit"
PAGES+=";;PLATFORM_ADMIN|/admin/users"
PAGES+=";;PROGRAMME_OFFICER|/organisations?q=gem&type=MUNICIPALITY&sort=inhabitants&dir=desc&page=2"
PAGES+=";;PROGRAMME_OFFICER|/programme/assessments"
PAGES+=";;PROGRAMME_OFFICER|/frameworks"
PAGES+=";;PROGRAMME_OFFICER|/audits"
PAGES+=";;PROGRAMME_OFFICER|/budget"
# PROBE_PAGES replaces the list (a persona may be ROLE@organisation name: a member of that demo organisation);
# PROBE_FINDING_COPIES copies the demo findings that many times first, so the register shows full pages.
# PROBE_VIEWS='a/view,b/view' renders variants of the page's template with the same handler and model, as more
# turns; PROBE_HTML=dir writes the HTML of the page and of each variant there, to compare them.
PAGES=${PROBE_PAGES:-$PAGES}

log=$(mktemp /tmp/bolwerk-render-probe.XXXXXX)
out=$(mktemp /tmp/bolwerk-render-probe-out.XXXXXX)
trap 'rm -f "$log" "$out"' EXIT
if ! ./mvnw -B -ntp test -Dtest=RenderProbe -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
    -Dspotless.check.skip=true "-Dprobe=$PAGES" -Dprobe.n="$N" -Dprobe.findingCopies="${PROBE_FINDING_COPIES:-0}" -Dprobe.rounds="$ROUNDS" -Dprobe.out="$out" \
    -Dprobe.views="${PROBE_VIEWS:-}" -Dprobe.html="${PROBE_HTML:-}" >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  exit 1
fi
cat "$out"
