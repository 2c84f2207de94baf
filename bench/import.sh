#!/usr/bin/env bash
# Import benchmark: writes N synthetic stories as JSON Lines (`almanac generate --jsonl`), imports
# them into an empty SQLite database with `almanac import jsonl` under /usr/bin/time -v, and prints
# the wall time, stories per second and peak resident memory. Rerunnable: it starts from an empty
# database every time and reuses the JSON Lines file when N and seed are unchanged.
#
#   bench/import.sh [N=1000000] [SEED=1]
#   IMPORT_ARGS="--batch-size 1000" bench/import.sh 100000
#
# Related stories are not ranked (--no-related): ranking is one in-memory pass over the whole site
# and is measured on its own by `almanac generate` (docs/performance.md).
set -euo pipefail
N="${1:-1000000}"
SEED="${2:-1}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out/import"
mkdir -p "$OUT"
cd "$ROOT"

[[ -x /usr/bin/time ]] || { echo "bench/import.sh: needs GNU time (apt-get install time)" >&2; exit 1; }

dotnet publish src/Almanac.Cli -c Release -o "$OUT/cli" --artifacts-path "$OUT/artifacts" -v quiet -nologo --disable-build-servers
CLI=(dotnet "$OUT/cli/almanac.dll")

FILE="$OUT/stories-$N-$SEED.jsonl"
if [[ ! -s "$FILE" ]]; then
  "${CLI[@]}" generate --stories "$N" --seed "$SEED" --jsonl "$FILE.tmp"
  mv "$FILE.tmp" "$FILE"
fi

DB="$OUT/import.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
"${CLI[@]}" db migrate --connection "Data Source=$DB" >/dev/null

# Output redirected: the CLI prints plain progress lines instead of drawing a bar.
/usr/bin/time -v "${CLI[@]}" import jsonl "$FILE" --no-related ${IMPORT_ARGS:-} --connection "Data Source=$DB" \
  >"$OUT/import.log" 2>"$OUT/time.log"

seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$OUT/time.log")
peak_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$OUT/time.log")
rows=$(sqlite3 "$DB" "SELECT count(*) FROM Stories" 2>/dev/null || echo "?")
{
  echo "stories in file:   $N (seed $SEED), $(du -h "$FILE" | cut -f1)"
  echo "stories imported:  $rows"
  echo "wall time:         ${seconds} s"
  echo "stories/second:    $(awk -v n="$N" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')"
  echo "peak RSS:          $((peak_kb / 1024)) MiB"
  echo "database size:     $(du -h "$DB" | cut -f1)"
  tail -n 3 "$OUT/import.log"
} | tee "$OUT/report.txt"
