#!/usr/bin/env bash
# Almanac benchmark: publishes the site and the CLI in Release, fills a SQLite database with N
# synthetic stories, then measures the home, a day, a story page and a static file of the same
# size with wrk, once with the output cache on and once off. See bench/README.md.
#
# Usage: bench/run.sh [N] [SEED]          (defaults: N=100000, SEED=1; run from anywhere)
# Environment: BENCH_DURATION (wrk run per URL, default 20s), BENCH_WARMUP (default 2s),
#              BENCH_TIMEOUT (wrk's per-request timeout, default 10s), BENCH_THREADS (default 2),
#              BENCH_CONNECTIONS (default 32), BENCH_PORT (first port tried, default 5099).
# All traffic goes to 127.0.0.1 only.
set -Eeuo pipefail

N="${1:-100000}"
SEED="${2:-1}"
DURATION="${BENCH_DURATION:-20s}"
WARMUP="${BENCH_WARMUP:-2s}"
TIMEOUT="${BENCH_TIMEOUT:-10s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
FIRST_PORT="${BENCH_PORT:-5099}"
DAY_PATH="/day/august-4"
STATIC_NAME="bench-static.html"

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
OUT="$BENCH_DIR/out"
DATA="$OUT/data"
DB="$DATA/bench.db"
MARKER="$DATA/bench.db.params"
LOGS="$OUT/logs"
REPORT="$OUT/report.md"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive whole number, got '$N' (usage: bench/run.sh [N] [SEED])"
[[ "$SEED" =~ ^-?[0-9]+$ ]] || die "SEED must be a whole number, got '$SEED' (usage: bench/run.sh [N] [SEED])"

# ---------------------------------------------------------------------------------------------
# Server lifecycle: at most one server runs at a time; the EXIT trap always stops it.
SERVER_PID=""
SERVER_LOG=""
PORT=""

stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "bench: server $SERVER_PID did not stop in 10 s; killing it" >&2
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local p
  for p in $(seq "$FIRST_PORT" $((FIRST_PORT + 100))); do
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  die "no free port in $FIRST_PORT-$((FIRST_PORT + 100)) on 127.0.0.1"
}

# start_server NAME CACHE(true|false)
start_server() {
  local name="$1" cache="$2" log="$LOGS/server-$1.log"
  SERVER_LOG="$log"
  PORT="$(free_port)"
  (
    cd "$OUT/web"
    exec env \
      ASPNETCORE_ENVIRONMENT=Production \
      ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
      ConnectionStrings__Almanac="Data Source=$DB" \
      Database__Provider=Sqlite \
      Site__SampleContent=false \
      Site__BaseUrl="http://127.0.0.1:$PORT" \
      Caching__OutputCache="$cache" \
      Logging__LogLevel__Default=Warning \
      dotnet Almanac.Web.dll
  ) >"$log" 2>&1 &
  SERVER_PID=$!
  local i
  for i in $(seq 1 300); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "bench: the site ($name) exited before answering; its log ($log):" >&2
      cat "$log" >&2
      SERVER_PID=""
      exit 1
    fi
    if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; then
      echo "site ($name, Caching__OutputCache=$cache) is up on 127.0.0.1:$PORT, pid $SERVER_PID, after ~$((i / 5)) s" >&2
      return 0
    fi
    sleep 0.2
  done
  echo "bench: the site ($name) did not answer on 127.0.0.1:$PORT within 60 s; its log ($log):" >&2
  cat "$log" >&2
  exit 1
}

url() { echo "http://127.0.0.1:$PORT$1"; }

# fetch PATH FILE: saves the body; fails loudly unless the status is 200.
fetch() {
  local path="$1" file="$2" code
  code="$(curl -s -o "$file" -w '%{http_code}' --max-time 30 "$(url "$path")")" || code="curl-failed"
  if [[ "$code" != "200" ]]; then
    echo "bench: GET $path answered $code (expected 200); page title: $(grep -o -m1 '<title>[^<]*' "$file" 2>/dev/null | sed 's/<title>//')" >&2
    echo "bench: the response is in $file; the server's log ($SERVER_LOG) follows:" >&2
    tail -n 80 "$SERVER_LOG" >&2 2>/dev/null || true
    exit 1
  fi
}

# wait_idle: a page slower than the load leaves a queue of requests that the server goes on
# working through after wrk has stopped. Wait (at most 60 s) until the server process uses less
# than 10 % of one CPU over half a second, so that no run pays for the one before.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
wait_idle() {
  local hz before after i
  hz="$(getconf CLK_TCK 2>/dev/null || echo 100)"
  for i in $(seq 1 120); do
    before="$(cpu_ticks "$SERVER_PID")"
    sleep 0.5
    after="$(cpu_ticks "$SERVER_PID")"
    if (( (after - before) * 20 <= hz )); then
      if (( i > 1 )); then echo "    (waited ~$(( i / 2 )) s for the server to go idle)" >&2; fi
      return 0
    fi
  done
  echo "    (the server was still busy after 60 s; measuring anyway)" >&2
}

# cpu_busy: share of all CPUs in use over one second (the server is idle then, so it is others).
cpu_busy() {
  local a b
  a="$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat)"
  sleep 1
  b="$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat)"
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); busy = y[1] - x[1]; idle = y[2] - x[2];
    if (busy + idle > 0) printf "%.0f", 100 * busy / (busy + idle); else print "?" }'
}

rss_mb() { awk -v k="$2" '$1 == k":" { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null; }

# wrk prints times as e.g. 812.00us, 1.52ms, 2.01s, 1.00m.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (match(v, /^[0-9.]+/)) { n = substr(v, 1, RLENGTH); u = substr(v, RLENGTH + 1) } else { print "?"; exit }
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
    if (f < 0) print "?"; else printf "%.2f", n * f
  }'
}

# ---------------------------------------------------------------------------------------------
say "Tools"
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is missing; installing it with apt-get" >&2
  SUDO=""
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "wrk is missing and this user cannot run apt-get: install wrk and re-run"
    SUDO="sudo"
  fi
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y wrk
fi
command -v wrk >/dev/null 2>&1 || die "wrk is still missing"
command -v curl >/dev/null 2>&1 || die "curl is required"
command -v dotnet >/dev/null 2>&1 || die "dotnet is required (the .NET 10 SDK, see global.json)"
dotnet --version >/dev/null || die "dotnet does not work here (see global.json for the SDK it needs)"
echo "dotnet SDK $(dotnet --version), $(wrk --version 2>&1 | head -n 1 | awk '{print $1, $2}')" >&2

mkdir -p "$OUT" "$DATA" "$LOGS"

# ---------------------------------------------------------------------------------------------
# bin/ and obj/ go to bench/out/artifacts too, so the benchmark never touches the src/*/bin and
# src/*/obj folders that a developer's own builds use.
say "Publishing Release builds into $OUT"
cd "$REPO"
dotnet publish src/Almanac.Web -c Release -o "$OUT/web" --artifacts-path "$OUT/artifacts" -v quiet -nologo --disable-build-servers
dotnet publish src/Almanac.Cli -c Release -o "$OUT/cli" --artifacts-path "$OUT/artifacts" -v quiet -nologo --disable-build-servers
[[ -f "$OUT/web/Almanac.Web.dll" ]] || die "publish left no $OUT/web/Almanac.Web.dll"
[[ -f "$OUT/cli/almanac.dll" ]] || die "publish left no $OUT/cli/almanac.dll"

# ---------------------------------------------------------------------------------------------
say "Database"
# The marker names N, the seed and a fingerprint of the schema (migrations) and of the generator,
# so a database made by older code is not reused after either changes.
fingerprint="$(cat "$REPO"/src/Almanac.Core/Data/Migrations/*/*.cs "$REPO"/src/Almanac.Core/Sample/StoryGenerator.cs 2>/dev/null | sha256sum | cut -c1-16)"
WANT="stories=$N seed=$SEED code=$fingerprint"
if [[ -f "$DB" && -f "$MARKER" && "$(cat "$MARKER")" == "$WANT" ]]; then
  echo "reusing $DB ($WANT)" >&2
else
  echo "creating $DB with $WANT (100,000 stories take minutes)" >&2
  rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal" "$MARKER"
  # Run from bench/out so that no appsettings.json in the caller's folder is picked up.
  (cd "$OUT" && Database__Provider=Sqlite dotnet "$OUT/cli/almanac.dll" generate \
      --stories "$N" --seed "$SEED" --connection "Data Source=$DB")
  [[ -s "$DB" ]] || die "generate left no database at $DB"
  echo "$WANT" >"$MARKER"
fi

# ---------------------------------------------------------------------------------------------
# Pick the story from the day page, and write the static twin before the measured servers start.
say "Choosing the story page"
PAGES="$OUT/pages"
mkdir -p "$PAGES"
start_server probe true
fetch "$DAY_PATH" "$PAGES/day.html"
STORY_PATH="$(grep -o 'href="/on-this-day/[^"?#]*"' "$PAGES/day.html" | head -n 1 | sed -e 's/^href="//' -e 's/"$//')" || true
[[ -n "$STORY_PATH" ]] || die "no link to /on-this-day/… on $DAY_PATH (saved at $PAGES/day.html)"
fetch "$STORY_PATH" "$PAGES/story.html"
stop_server
cp "$PAGES/story.html" "$OUT/web/wwwroot/$STATIC_NAME"
echo "story page: $STORY_PATH ($(wc -c <"$PAGES/story.html") bytes), copied to wwwroot/$STATIC_NAME" >&2

NAMES=(home day story static)
declare -A PATHS=([home]="/" [day]="$DAY_PATH" [story]="$STORY_PATH" [static]="/$STATIC_NAME")
declare -A BYTES RPS P50 P99 ERRS RSS HWM BUSY

# ---------------------------------------------------------------------------------------------
for mode in cached uncached; do
  cache=true
  if [[ "$mode" == uncached ]]; then cache=false; fi
  say "Mode: $mode (Caching__OutputCache=$cache)"
  start_server "$mode" "$cache"
  wait_idle
  BUSY[$mode]="$(cpu_busy)"
  echo "other CPU use before the runs: ${BUSY[$mode]} % of the machine" >&2

  for name in "${NAMES[@]}"; do
    path="${PATHS[$name]}"
    fetch "$path" "$PAGES/$mode-$name.html"
    BYTES[$mode,$name]="$(wc -c <"$PAGES/$mode-$name.html" | tr -d ' ')"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout "$TIMEOUT" "$(url "$path")" >/dev/null
  done

  for name in "${NAMES[@]}"; do
    path="${PATHS[$name]}"
    wait_idle
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT --latency $path" >&2
    raw="$LOGS/wrk-$mode-$name.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency "$(url "$path")" >"$raw"
    RPS[$mode,$name]="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$raw")"
    [[ -n "${RPS[$mode,$name]}" ]] || { cat "$raw" >&2; die "could not read wrk's output for $path ($raw)"; }
    P50[$mode,$name]="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$raw")")"
    P99[$mode,$name]="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$raw")")"
    total="$(awk '/ requests in / { print $1 }' "$raw")"
    non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$raw")"
    read -r sock timeouts < <(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8, $10; f = 1 } END { if (!f) print 0, 0 }' "$raw")
    ERRS[$mode,$name]="$(( ${non2xx:-0} + sock + timeouts ))"
    # wrk leaves responses slower than --timeout out of its latency histogram (and counts them as
    # timeouts), so a percentile that falls among them is only known to exceed the timeout.
    if (( timeouts > 0 )); then
      tmo_ms="$(to_ms "$TIMEOUT" | sed 's/\.00$//')"
      if (( timeouts * 100 > ${total:-1} )); then P99[$mode,$name]="> $tmo_ms"; fi
      if (( timeouts * 2 > ${total:-1} )); then P50[$mode,$name]="> $tmo_ms"; fi
    fi
    printf '    %-7s %8s req/s  p50 %7s ms  p99 %7s ms  errors %s\n' "$name" "${RPS[$mode,$name]}" \
      "${P50[$mode,$name]}" "${P99[$mode,$name]}" "${ERRS[$mode,$name]}" >&2
  done

  RSS[$mode]="$(rss_mb "$SERVER_PID" VmRSS)"
  HWM[$mode]="$(rss_mb "$SERVER_PID" VmHWM)"
  stop_server
done

# ---------------------------------------------------------------------------------------------
commit="unknown"
if [[ -f "$REPO/.git/HEAD" ]]; then
  head_ref="$(cat "$REPO/.git/HEAD")"
  if [[ "$head_ref" == ref:* ]]; then
    ref="${head_ref#ref: }"
    if [[ -f "$REPO/.git/$ref" ]]; then
      commit="$(cut -c1-12 "$REPO/.git/$ref")"
    elif [[ -f "$REPO/.git/packed-refs" ]]; then
      commit="$(awk -v r="$ref" '$2 == r { print substr($1, 1, 12) }' "$REPO/.git/packed-refs")"
    fi
  else
    commit="${head_ref:0:12}"
  fi
fi
cpu="$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
mem="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
gc="workstation"
grep -q '"System.GC.Server": *true' "$OUT/web/Almanac.Web.runtimeconfig.json" 2>/dev/null && gc="server"
runtime="$(dotnet --list-runtimes | awk '$1 == "Microsoft.AspNetCore.App" { v = $2 } END { print v }')"

{
  echo "# Almanac benchmark"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: ${cpu:-unknown CPU}, $(nproc) CPUs (nproc), $mem memory; wrk runs on the same machine"
  echo "- Other CPU use (whole machine, 1 s sample while the started server was idle, before each mode's runs): cached ${BUSY[cached]:-?} %, uncached ${BUSY[uncached]:-?} %; above a few % other processes competed with the benchmark"
  echo "- Software: .NET SDK $(dotnet --version), ASP.NET Core runtime ${runtime:-?}, $gc GC, commit ${commit:-unknown}"
  echo "- Data: SQLite, $N synthetic stories, seed $SEED (\`bench/run.sh $N $SEED\`)"
  echo "- Load: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT --latency\` per URL after a $WARMUP warm-up, one URL at a time, each once the server is idle"
  echo "- Story page: \`$STORY_PATH\` (first story linked from \`$DAY_PATH\`); static = \`/$STATIC_NAME\`, a copy of that page served from wwwroot"
  echo
  echo "| mode | page | path | bytes | requests/s | p50 ms | p99 ms | vs static | errors |"
  echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for mode in cached uncached; do
    for name in "${NAMES[@]}"; do
      ratio="$(awk -v a="${RPS[$mode,$name]}" -v b="${RPS[$mode,static]}" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else print "?" }')"
      echo "| $mode | $name | \`${PATHS[$name]}\` | ${BYTES[$mode,$name]} | ${RPS[$mode,$name]} | ${P50[$mode,$name]} | ${P99[$mode,$name]} | $ratio | ${ERRS[$mode,$name]} |"
    done
  done
  echo
  echo "| mode | server RSS after its runs (MB) | peak RSS (MB) |"
  echo "| --- | ---: | ---: |"
  for mode in cached uncached; do
    echo "| $mode | ${RSS[$mode]:-?} | ${HWM[$mode]:-?} |"
  done
  echo
  echo "vs static = the page's requests/s as a share of the static file's in the same mode. errors = non-2xx/3xx responses plus socket errors and timeouts (> $TIMEOUT) counted by wrk; \"> X\" = more than that share of requests timed out, so the percentile is only known to exceed the timeout. Raw wrk output and server logs: \`bench/out/logs/\`."
} >"$REPORT"

say "Report ($REPORT)"
cat "$REPORT"
