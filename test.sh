#!/usr/bin/env bash
# Runs every Almanac test on a fresh Debian machine that has only the .NET SDK:
# installs what the tests need when it is missing, checks formatting and migrations,
# runs `dotnet test` for the whole solution, and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
VNU_VERSION=26.9.27
ICALJS_VERSION=2.2.1

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Debian packages: Chromium for the browser tests, PostgreSQL and Redis for the second run of the
#    integration tests and the two-node test (with nginx and curl), Java for the Nu HTML Checker, npm to fetch it,
#    node for ical.js, xmllint for the sitemap schema, fontconfig and a font family for the cover images.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
command -v node >/dev/null || missing+=(nodejs)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
ldconfig -p | grep -q 'libfontconfig.so.1' || missing+=(libfontconfig1)
fc-list 2>/dev/null | grep -q 'DejaVu' || missing+=(fonts-dejavu-core fontconfig)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing ${missing[*]}"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || { echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# 2. The Nu HTML Checker from npm, kept in .tools/ (ignored by git).
if [ ! -f .tools/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  log "Installing vnu-jar $VNU_VERSION"
  mkdir -p .tools && npm install --silent --no-audit --no-fund --prefix .tools "vnu-jar@$VNU_VERSION" \
    || { echo "could not install vnu-jar"; echo "0 passed, 1 failed"; exit 1; }
fi
export VNU_JAR="$PWD/.tools/node_modules/vnu-jar/build/dist/vnu.jar"

# 3. ical.js from npm, the second iCalendar parser of the calendar tests (run by node), also in .tools/.
if [ "$(node -p "require('./.tools/node_modules/ical.js/package.json').version" 2>/dev/null)" != "$ICALJS_VERSION" ]; then
  log "Installing ical.js $ICALJS_VERSION"
  mkdir -p .tools && npm install --silent --no-audit --no-fund --prefix .tools "ical.js@$ICALJS_VERSION" \
    || { echo "could not install ical.js"; echo "0 passed, 1 failed"; exit 1; }
fi
export ICALJS_DIR="$PWD/.tools/node_modules/ical.js"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
failures=0

log "Restore and build"
dotnet tool restore >/dev/null && dotnet build Almanac.slnx -v quiet -nologo || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

log "Formatting (dotnet format --verify-no-changes)"
if ! dotnet format Almanac.slnx --verify-no-changes --no-restore -v quiet; then
  echo "dotnet format found changes to make: run 'dotnet format Almanac.slnx'"
  failures=$((failures + 1))
fi

log "Migrations in step with the model"
for context in SqliteAlmanacDbContext PostgresAlmanacDbContext; do
  if ! dotnet ef migrations has-pending-model-changes --project src/Almanac.Core --startup-project src/Almanac.Core \
       --context "$context" --no-build >/tmp/almanac-migrations.log 2>&1; then
    cat /tmp/almanac-migrations.log
    echo "the migration set of $context lags the model: add a migration (see docs/data.md)"
    failures=$((failures + 1))
  fi
done
rm -f src/Almanac.Core/design-time.db

log "PostgreSQL and Redis on loopback"
pg_dir=$(mktemp -d /tmp/almanac-pg.XXXXXX)
redis_dir=$(mktemp -d /tmp/almanac-redis.XXXXXX)
redis_port=56379
trap 'scripts/test-postgres.sh stop "$pg_dir"; rm -rf "$pg_dir"; redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1; rm -rf "$redis_dir"' EXIT
pg_connection=""
for port in 55432 55433 55434 55435 55436; do
  if pg_connection=$(scripts/test-postgres.sh start "$pg_dir" "$port" 2>"$pg_dir.err"); then break; fi
  scripts/test-postgres.sh stop "$pg_dir"; rm -rf "$pg_dir/data"; pg_connection=""
done
if [ -z "$pg_connection" ]; then cat "$pg_dir.err"; echo "could not start PostgreSQL"; failures=$((failures + 1)); fi
rm -f "$pg_dir.err"
redis_connection=""
for port in 56379 56380 56381 56382; do
  if redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$redis_dir" --daemonize yes \
       --logfile "$redis_dir/redis.log" >/dev/null 2>&1 && sleep 0.5 && redis-cli -p "$port" ping 2>/dev/null | grep -q PONG; then
    redis_port=$port redis_connection="127.0.0.1:$port"; break
  fi
done
if [ -z "$redis_connection" ]; then echo "could not start Redis"; failures=$((failures + 1)); fi

# Runs `dotnet test` with the given arguments and adds its totals to passed/failed.
passed=0
failed=0
failures_list=$(mktemp)
run_tests() {
  local out status n
  out=$(mktemp)
  dotnet test --no-build "$@" 2>&1 | tee "$out"
  status=${PIPESTATUS[0]}
  n=$(grep -E '^\s+succeeded: [0-9]+' "$out" | tail -1 | grep -oE '[0-9]+')
  passed=$((passed + ${n:-0}))
  n=$(grep -E '^\s+failed: [0-9]+' "$out" | tail -1 | grep -oE '[0-9]+')
  n=${n:-0}
  if [ "$status" -ne 0 ] && [ "$n" -eq 0 ]; then n=1; fi
  failed=$((failed + n))
  grep -E '^failed [A-Za-z]' "$out" >>"$failures_list" || true
  rm -f "$out"
}

# Runs a script that prints "ok NAME" / "failed NAME" per check and adds its checks to passed/failed.
run_checks() {
  local out status n
  out=$(mktemp)
  "$@" 2>&1 | tee "$out"
  status=${PIPESTATUS[0]}
  passed=$((passed + $(grep -cE "^ok [A-Za-z]" "$out")))
  n=$(grep -cE "^failed [A-Za-z]" "$out")
  grep -E "^failed [A-Za-z]" "$out" >>"$failures_list"
  if [ "$status" -ne 0 ] && [ "$n" -eq 0 ]; then n=1; echo "failed $1 (exit status $status)" >>"$failures_list"; fi
  failed=$((failed + n))
  rm -f "$out"
}

log "Tests on SQLite (every project)"
run_tests --solution Almanac.slnx

if [ -n "$pg_connection" ] && [ -n "$redis_connection" ]; then
  log "Integration, browser, CLI and search relevance tests again on PostgreSQL, with the output cache in Redis"
  ALMANAC_TEST_POSTGRES="$pg_connection" ALMANAC_TEST_REDIS="$redis_connection" run_tests --project tests/Almanac.Web.Tests
  ALMANAC_TEST_POSTGRES="$pg_connection" run_tests --project tests/Almanac.Cli.Tests
  ALMANAC_TEST_POSTGRES="$pg_connection" run_tests --project tests/Almanac.Core.Tests -- --filter-class "*SearchRelevanceTests"

  log "Two app nodes behind nginx on that PostgreSQL and Redis"
  ALMANAC_TEST_POSTGRES="$pg_connection" ALMANAC_TEST_REDIS="$redis_connection" run_checks scripts/multinode-test.sh --no-build
fi

failed=$((failed + failures))
if [ -s "$failures_list" ]; then
  echo
  echo "Failed tests:"
  cat "$failures_list"
fi
rm -f "$failures_list"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
