#!/usr/bin/env bash
# Fault test (issue 8, point 7): one app node on a throw-away PostgreSQL, under wrk on loopback with
# the output cache off (every request reads the database). Two faults in one run:
#   restart  PostgreSQL is stopped (fast shutdown), kept down for a few seconds and started again;
#   freeze   every PostgreSQL process is paused (SIGSTOP) for as long, then resumed (SIGCONT): a server
#            that accepts connections but never answers, which only timeouts can cut short.
# The script reports the status codes answered meanwhile, the longest request, how long after each
# fault requests succeeded again, and whether the stories written before the restart are all there.
#
#   bench/faults.sh              publishes a Release build first
#   bench/faults.sh --no-build   publishes the Debug build that `dotnet build` left
#
# Settings: FAULT_DURATION (wrk's run, default 75 s), FAULT_OUTAGE (seconds PostgreSQL stays down,
# default 8), FAULT_FREEZE (seconds it stays frozen, default 30: three times the request deadline),
# FAULT_CONNECTIONS (default 16), FAULT_WRITES (stories written before the restart, default 500),
# FAULT_TIMEOUT (the node's Database:TimeoutSeconds, default 5), FAULT_CONNECT (its
# Database:ConnectTimeoutSeconds, default 2), FAULT_DEADLINE (its Requests:TimeoutSeconds, default 10).
# Needs dotnet, curl, wrk and PostgreSQL (Debian packages). Everything lives in a temp folder.
set -uo pipefail
cd "$(dirname "$0")/.."

duration=${FAULT_DURATION:-75} outage=${FAULT_OUTAGE:-8} freeze=${FAULT_FREEZE:-30} connections=${FAULT_CONNECTIONS:-16}
writes=${FAULT_WRITES:-500} timeout=${FAULT_TIMEOUT:-5} connect=${FAULT_CONNECT:-2} deadline=${FAULT_DEADLINE:-10}
configuration=Release build_args=()
if [ "${1:-}" = "--no-build" ]; then configuration=Debug build_args=(--no-build); fi
command -v wrk >/dev/null || { echo "faults: wrk is missing (apt-get install wrk)" >&2; exit 1; }

tmp=$(mktemp -d /tmp/almanac-faults.XXXXXX)
chmod 711 "$tmp" # PostgreSQL runs as its own user when this runs as root
node_pid="" probe_pid="" pg_started="" frozen=()
cleanup() {
  [ ${#frozen[@]} -gt 0 ] && kill -CONT "${frozen[@]}" 2>/dev/null
  [ -n "$probe_pid" ] && kill "$probe_pid" 2>/dev/null
  if [ -n "$node_pid" ]; then
    kill -TERM "$node_pid" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$node_pid" 2>/dev/null
  fi
  [ -n "$pg_started" ] && scripts/test-postgres.sh stop "$tmp/pg"
  # The node's log and the raw figures stay in bench/out/ (ignored by git) for a closer look.
  mkdir -p bench/out && for f in node.log wrk.out probe.log; do [ -f "$tmp/$f" ] && cp "$tmp/$f" "bench/out/faults-$f"; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
die() { echo "faults: $*" >&2; for log in "$tmp"/*.log; do [ -s "$log" ] && { echo "--- $log" >&2; tail -20 "$log" >&2; }; done; exit 1; }
now() { date +%s.%N; }
free_port() {
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

echo "== Publishing ($configuration)"
dotnet publish src/Almanac.Web -c "$configuration" "${build_args[@]}" -o "$tmp/web" -v quiet -nologo >"$tmp/publish.log" 2>&1 \
  && dotnet publish src/Almanac.Cli -c "$configuration" "${build_args[@]}" -o "$tmp/cli" -v quiet -nologo >>"$tmp/publish.log" 2>&1 \
  || die "dotnet publish failed"

echo "== PostgreSQL, the schema and the node"
pg_port=$(free_port) && scripts/test-postgres.sh start "$tmp/pg" "$pg_port" >/dev/null 2>"$tmp/postgres.log" || die "could not start PostgreSQL"
pg_started=1
sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d almanac -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -X -q -c "CREATE DATABASE almanac" >"$tmp/psql.log" 2>&1 || die "could not create the database"
port=$(free_port) || die "no free port"
site="http://127.0.0.1:$port"
export Database__Provider=Postgres ConnectionStrings__Almanac="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=almanac" \
  Database__TimeoutSeconds="$timeout" Database__ConnectTimeoutSeconds="$connect" Requests__TimeoutSeconds="$deadline" Caching__OutputCache=false Site__BaseUrl="$site" ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning Logging__Console__TimestampFormat="HH:mm:ss.fff " DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
(cd "$tmp" && dotnet cli/almanac.dll db migrate) >"$tmp/cli.log" 2>&1 || die "almanac db migrate failed"
(cd "$tmp/web" && ASPNETCORE_URLS="$site" exec dotnet Almanac.Web.dll) >"$tmp/node.log" 2>&1 &
node_pid=$!
for _ in $(seq 180); do [ "$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$site/readyz")" = 200 ] && break; sleep 0.5; done
[ "$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$site/readyz")" = 200 ] || die "the node did not get ready"

echo "== Writing $writes stories before the restart (almanac generate)"
(cd "$tmp" && dotnet cli/almanac.dll generate --stories "$writes" --seed 7) >>"$tmp/cli.log" 2>&1 || die "almanac generate failed"
stories_before=$(sql 'SELECT count(*) FROM "Stories"')

echo "== wrk for ${duration}s on $connections connections; PostgreSQL restarts after 8 s, freezes after 28 s for ${freeze}s"
wrk -t2 -c"$connections" -d"${duration}s" --timeout 60s -s bench/faults.lua "$site" >"$tmp/wrk.out" 2>&1 &
wrk_pid=$!
# A probe beside the load: one request every 0.2 s, with its time, status and duration.
(
  i=0
  while :; do
    i=$((i + 1))
    printf '%s %s\n' "$(now)" "$(curl -s -o "$tmp/probe-body.html" -w '%{http_code} %{time_total}' -m 60 "$site/day/march-$((i % 28 + 1))")"
    [ -f "$tmp/probe-body.html" ] && grep -q 'briefly unavailable' "$tmp/probe-body.html" && cp "$tmp/probe-body.html" "$tmp/503.html"
    sleep 0.2
  done
) >"$tmp/probe.log" 2>/dev/null &
probe_pid=$!
started_at=$(now)
sleep 8
down_at=$(now)
scripts/test-postgres.sh restart "$tmp/pg" "$outage" 2>"$tmp/restart.log" || die "PostgreSQL did not come back"
up_at=$(now)
sleep "$(awk -v s="$started_at" -v n="$(now)" 'BEGIN { d = s + 28 - n; print (d > 0 ? d : 0) }')"
# The cluster's processes: the postmaster (first line of postmaster.pid) and its children.
postmaster=$(head -1 "$tmp/pg/data/postmaster.pid")
frozen=("$postmaster" $(ps -o pid= --ppid "$postmaster"))
freeze_at=$(now)
kill -STOP "${frozen[@]}"
sleep "$freeze"
kill -CONT "${frozen[@]}"
frozen=()
thaw_at=$(now)
wait "$wrk_pid"
kill "$probe_pid" 2>/dev/null; wait "$probe_pid" 2>/dev/null; probe_pid=""

# --- figures ---------------------------------------------------------------------------------
stories_after=$(sql 'SELECT count(*) FROM "Stories"')
phase() { # NAME FROM UNTIL: the probe's answers during a fault and its first success after it
  local during longest recovery
  during=$(awk -v d="$2" -v u="$3" '$1 >= d && $1 < u { n[$2]++ } END { for (c in n) printf "%s×%d ", c, n[c] }' "$tmp/probe.log")
  longest=$(awk -v d="$2" -v u="$3" '$1 >= d - 1 && $1 < u + 1 && $3 > m { m = $3 } END { printf "%.2f", m }' "$tmp/probe.log")
  recovery=$(awk -v u="$3" '$1 >= u && $2 == 200 { printf "%.1f", $1 - u; found = 1; exit } END { if (!found) print "never" }' "$tmp/probe.log")
  echo "$1: $(awk -v d="$2" -v u="$3" 'BEGIN { printf "%.1f", u - d }') s; probe answers meanwhile: ${during:-none}; its longest request: ${longest} s; first success after: ${recovery} s"
  [ "$recovery" != never ]
}
statuses=$(grep '^status ' "$tmp/wrk.out" | awk '{ printf "%s×%s ", $2, $3 }')
rps=$(grep -E '^Requests/sec' "$tmp/wrk.out" | awk '{ print $2 }')
ok=0
cat <<EOF

== Faults: PostgreSQL restarted and frozen under load ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), $configuration build)
wrk: ${duration}s, 2 threads, $connections connections, day pages with the output cache off; $rps requests/s overall
status codes over the whole run: $statuses
$(grep '^socket-errors' "$tmp/wrk.out")
longest request under wrk: $(grep '^longest-ms' "$tmp/wrk.out" | awk '{ print $2 }') ms (Database:TimeoutSeconds=$timeout, Database:ConnectTimeoutSeconds=$connect, Requests:TimeoutSeconds=$deadline); 99th percentile $(grep '^p99-ms' "$tmp/wrk.out" | awk '{ print $2 }') ms
EOF
phase "restart (fast shutdown, ${outage} s down, start)" "$down_at" "$up_at" || ok=1
phase "freeze (SIGSTOP for ${freeze} s, SIGCONT)" "$freeze_at" "$thaw_at" || ok=1
cat <<EOF
503 page: $([ -f "$tmp/503.html" ] && echo "the site's error page (\"The almanac is briefly unavailable\")" || echo "not seen")
stories before/after the restart: $stories_before / $stories_after
EOF
other_5xx=$(grep -E '^status 5' "$tmp/wrk.out" | awk '$2 != 503 { s += $3 } END { print s + 0 }')
[ "$stories_after" = "$stories_before" ] || { echo "FAILED: rows were lost"; ok=1; }
[ "$other_5xx" -eq 0 ] || { echo "FAILED: $other_5xx answers were 5xx other than 503"; ok=1; }
[ "$ok" -eq 0 ] || echo "FAILED: see above"
exit $ok
