#!/usr/bin/env bash
# Search latency at N generated stories: builds (or reuses) a SQLite database holding the stories
# `almanac generate --stories N --seed SEED` would write (bulk-loaded with their search documents by
# SearchLatency's `build` mode, minutes instead of hours at a million), then times each kind of search
# query against it, next to a trivial indexed lookup measured in the same run. See bench/README.md.
#
# Usage: bench/search.sh [N] [SEED] [ITERATIONS]     (defaults: 100000 1 200; run from anywhere)
set -euo pipefail

N="${1:-100000}"
SEED="${2:-1}"
ITERATIONS="${3:-200}"
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
OUT="$BENCH_DIR/out"
DATA="$OUT/data"
DB="$DATA/search-$N-$SEED.db"
MARKER="$DB.params"
REPORT="$OUT/search-$N.md"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mkdir -p "$DATA"
cd "$REPO"
echo "== Release builds into $OUT" >&2
dotnet publish bench/SearchLatency -c Release -o "$OUT/search-latency" --artifacts-path "$OUT/artifacts" -v quiet -nologo

# Reused only when made by the same N, seed, schema and generator (building 100,000 stories takes minutes).
fingerprint="$(cat src/Almanac.Core/Data/Migrations/Sqlite/*.cs src/Almanac.Core/Sample/StoryGenerator.cs src/Almanac.Core/Search/SearchDocument.cs bench/SearchLatency/BulkLoad.cs | sha256sum | cut -c1-16)"
WANT="stories=$N seed=$SEED code=$fingerprint"
if [[ -f "$DB" && -f "$MARKER" && "$(cat "$MARKER")" == "$WANT" ]]; then
  echo "== reusing $DB ($WANT)" >&2
else
  echo "== building $DB ($WANT)" >&2
  rm -f "$DB" "$DB-wal" "$DB-shm" "$MARKER"
  start=$(date +%s)
  dotnet "$OUT/search-latency/SearchLatency.dll" build "$DB" "$N" "$SEED"
  echo "built in $(( $(date +%s) - start )) s" >&2
  echo "$WANT" >"$MARKER"
fi

echo "== timing queries" >&2
{
  echo "# Search latency, $N stories"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Database: SQLite (FTS5), the stories of \`almanac generate --stories $N --seed $SEED\`, $(du -h "$DB" | cut -f1)"
  echo
  dotnet "$OUT/search-latency/SearchLatency.dll" "$DB" "$ITERATIONS"
} | tee "$REPORT"
