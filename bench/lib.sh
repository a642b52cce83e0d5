# Shared by the bench scripts: start the packaged jar, sign in both steps with curl. Source, don't run.

# bolwerk_command: the java command line of the chosen launch, in BOLWERK_CMD (an array). BOLWERK_LAUNCH=jar
# (default) runs the packaged jar as `java -jar` with no settings; BOLWERK_LAUNCH=production runs the extracted
# application with the JVM settings and class-data-sharing archive of bin/production (built when missing).
# BENCH_JVM_ARGS adds JVM options to either (e.g. a JFR recording), split on spaces.
bolwerk_command() {
  if [ "${BOLWERK_LAUNCH:-jar}" = production ]; then
    # Built again when any source is newer than the build: a benchmark of stale code measures nothing.
    if [ ! -f target/production/bolwerk.jsa ] \
      || [ -n "$(find pom.xml src/main -newer target/production/bolwerk.jsa -print -quit)" ]; then
      bin/production build >&2
    fi
    mapfile -t options < <(bin/production options)
    BOLWERK_CMD=(java "${options[@]}" ${BENCH_JVM_ARGS:-} -XX:SharedArchiveFile="$(realpath target/production/bolwerk.jsa)" -Xshare:auto
      -jar "$(realpath target/production/bolwerk.jar)")
  else
    local jar
    jar=$(ls target/bolwerk-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
    if [ -z "$jar" ] || [ -n "$(find pom.xml src/main -newer "$jar" -print -quit)" ]; then
      ./mvnw -q -B -ntp -DskipTests package
      jar=$(ls target/bolwerk-*.jar | grep -v plain | head -n 1)
    fi
    BOLWERK_CMD=(java ${BENCH_JVM_ARGS:-} -jar "$(realpath "$jar")")
  fi
}

# start_bolwerk PORT [extra application args...]: starts Bolwerk in a fresh working directory (fresh demo
# database unless a datasource is given) and waits until it is ready. Sets BOLWERK_PID and BOLWERK_WORK.
start_bolwerk() {
  local port=$1
  shift
  bolwerk_command
  BOLWERK_WORK=$(mktemp -d /tmp/bolwerk-bench.XXXXXX)
  (cd "$BOLWERK_WORK" && exec "${BOLWERK_CMD[@]}" --server.port="$port" "$@" >app.log 2>&1) &
  BOLWERK_PID=$!
  until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do
    kill -0 "$BOLWERK_PID" 2>/dev/null || { cat "$BOLWERK_WORK/app.log" >&2; return 1; }
    sleep 0.2
  done
  # Let start-up work settle before measuring; a smoke run (BENCH_SMOKE=1, bench/smoke.sh) measures nothing.
  [ "${BENCH_SMOKE:-0}" = 1 ] || sleep 2
}

stop_bolwerk() {
  kill "$BOLWERK_PID" 2>/dev/null || true
  wait "$BOLWERK_PID" 2>/dev/null || true
  rm -rf "$BOLWERK_WORK"
}

# start_baseline PORT WORK: the bare Spring Boot + Security + Thymeleaf page of bench/baseline (a 25-row table from
# memory), with the JVM settings of the production launch, signed in. Built once per change of its sources, outside
# the repository's target/ (a clean keeps it). Sets BASE_PID and BASE_COOKIE; its log goes to WORK/base.log.
start_baseline() {
  local port=$1 work=$2 cache sum base_jar jar token session status
  cache=${XDG_CACHE_HOME:-$HOME/.cache}/bolwerk-baseline
  sum=$(cat bench/baseline/pom.xml $(find bench/baseline/src -type f | sort) | sha256sum | cut -c1-12)
  base_jar=$cache/$sum/target/baseline-1.jar
  if [ ! -f "$base_jar" ]; then
    rm -rf "${cache:?}/$sum"
    mkdir -p "$cache/$sum"
    cp -r bench/baseline/pom.xml bench/baseline/src "$cache/$sum/"
    (cd "$cache/$sum" && "$OLDPWD/mvnw" -q -B -ntp -DskipTests package) || { echo "baseline build failed" >&2; return 1; }
  fi
  mapfile -t jvm < <(bin/production options)
  (cd "$work" && exec java "${jvm[@]}" -jar "$base_jar" --server.port="$port" >base.log 2>&1) &
  BASE_PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/login"; do
    kill -0 "$BASE_PID" 2>/dev/null || { cat "$work/base.log" >&2; return 1; }
    sleep 0.2
  done
  jar=$work/base.cookies
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" | grep -o 'name="_csrf" type="hidden" value="[^"]*"\|name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode username=u --data-urlencode password=p \
    --data-urlencode "_csrf=$token" "http://127.0.0.1:$port/login"
  session=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")
  BASE_COOKIE="JSESSIONID=$session"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $BASE_COOKIE" "http://127.0.0.1:$port/organisations")
  [ "$status" = 200 ] || { echo "baseline: not signed in (HTTP $status)" >&2; return 1; }
}

stop_baseline() {
  [ -z "${BASE_PID:-}" ] || { kill "$BASE_PID" 2>/dev/null || true; wait "$BASE_PID" 2>/dev/null || true; }
  BASE_PID=
}

# sign_in PORT EMAIL: both steps as a person does them (in demo mode the second-factor page shows the demo
# account's current code); prints the session cookie value.
sign_in() {
  local port=$1 email=$2 jar token mfa code
  jar=$(mktemp)
  token=$(curl -sf -c "$jar" -b "$jar" "http://localhost:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -sf -c "$jar" -b "$jar" -o /dev/null \
    --data-urlencode "email=$email" --data-urlencode "password=bolwerk-demo-2026" \
    --data-urlencode "_csrf=$token" "http://localhost:$port/login"
  mfa=$(curl -sf -c "$jar" -b "$jar" "http://localhost:$port/mfa")
  code=$(printf '%s' "$mfa" | grep -o '<code>[0-9]\{6\}</code>' | head -n 1 | tr -dc '0-9')
  token=$(printf '%s' "$mfa" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
  curl -sf -c "$jar" -b "$jar" -o /dev/null --data-urlencode "code=$code" --data-urlencode "_csrf=$token" \
    "http://localhost:$port/mfa/code"
  awk '$6 == "BOLWERK_SESSION" { print $7 }' "$jar"
  rm -f "$jar"
}

# csrf_token PORT SESSION: the CSRF token of a signed-in session, as the pages carry it in a meta tag.
csrf_token() {
  curl -sf -H "Cookie: BOLWERK_SESSION=$2" "http://localhost:$1/" | grep -o 'name="_csrf" content="[^"]*"' | sed 's/.*content="//;s/"$//'
}

# start_bench_postgresql PORT: a throwaway PostgreSQL 15 cluster on 127.0.0.1:PORT (below 32768, outside Linux's
# ephemeral range, where an outgoing connection's local end could already hold it; installed from apt when
# missing) with an empty database bolwerk_bench; defines psql() for it, sets PG_ROOT, and on exit stops Bolwerk and
# the cluster and removes both. For the scripts that measure on PostgreSQL, the system of record.
start_bench_postgresql() {
  PG_PORT=$1
  PG_BIN=/usr/lib/postgresql/15/bin
  [ -x "$PG_BIN/initdb" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15; }
  PG_ROOT=$(mktemp -d /tmp/bolwerk-bench-pg.XXXXXX)
  [ "$(id -u)" -ne 0 ] || { id postgres >/dev/null 2>&1 || useradd --system --home "$PG_ROOT" postgres; chown -R postgres "$PG_ROOT"; }
  bench_pg "$PG_BIN/initdb" -D "$PG_ROOT/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
  bench_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -w -l "$PG_ROOT/log" -o "-p $PG_PORT -k $PG_ROOT -c listen_addresses=127.0.0.1" start >/dev/null
  trap bench_cleanup EXIT
  psql -c "CREATE DATABASE bolwerk_bench"
}
# initdb and pg_ctl refuse to run as root: as the postgres user then.
bench_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; else "$@"; fi; }
bench_cleanup() { stop_bolwerk; bench_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_ROOT"; }
psql() { command psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# seed_organisation_admins COUNT PREFIX FILE: an admin account of its own for each of the first COUNT organisations
# by name (SQL: the demo password and second factor, copied from a demo admin), e-mail PREFIX-N@bench.invalid;
# writes "organisation e-mail" lines to FILE for the sign-ins.
seed_organisation_admins() {
  psql -d bolwerk_bench -v count="$1" -v prefix="$2" <<'SQL'
CREATE TEMP TABLE bench_org AS
SELECT id, n FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY name) AS n FROM organisation) o WHERE o.n <= :count;
INSERT INTO user_account (id, email, display_name, password_hash, enabled, created_at, version)
SELECT md5(:'prefix' || '-' || b.n)::uuid, :'prefix' || '-' || b.n || '@bench.invalid', 'Bench ' || :'prefix' || ' ' || b.n,
    a.password_hash, TRUE, now(), 0
FROM bench_org b, user_account a WHERE a.email = 'iso@appelkerke.invalid';
INSERT INTO totp_enrolment (user_account_id, secret, confirmed_at, last_used_step)
SELECT md5(:'prefix' || '-' || b.n)::uuid, t.secret, now(), 0
FROM bench_org b, totp_enrolment t JOIN user_account a ON a.id = t.user_account_id
WHERE a.email = 'iso@appelkerke.invalid';
INSERT INTO membership (organisation_id, user_account_id, role, created_at)
SELECT b.id, md5(:'prefix' || '-' || b.n)::uuid, 'ORGANISATION_ADMIN', now() FROM bench_org b;
SQL
  psql -d bolwerk_bench -F ' ' -c "SELECT b.id, '$2-' || b.n || '@bench.invalid' FROM (SELECT id,
    ROW_NUMBER() OVER (ORDER BY name) AS n FROM organisation) b WHERE b.n <= $1" >"$3"
}
