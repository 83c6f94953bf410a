#!/usr/bin/env bash
# Ingest benchmarks: prints a Markdown table (docs/performance.md has one).
#
#   tests/bench/run_benchmarks.sh [MB] [DUMP]
#
# Generates MB megabytes of forum threads (tests/bench/gen_threads.py,
# default 50) unless DUMP (any input forumkb reads, e.g. a real dump) is
# given, then measures: extraction only (forumkb extract > /dev/null) at
# -j 1 and -j 2; end-to-end ingest (FTS on) at -j 1 and -j 2; the KB writer
# alone (forumkb kb import of the facts extract printed, no plugin runs) at
# -j 1 and -j 2, on all the facts and on the same facts keeping only the
# first platform credibility signal of each post; KB size per input MB; and
# a baseline that loads the same posts into SQLite with no extraction
# (sqlite3 .import of author/text, one transaction, plus FTS5 over the text)
# so the KB writer's cost shows as a ratio. Every row has wall-clock, user-
# and system-CPU seconds and peak RSS (/usr/bin/time); MB/s are MB of the input
# (for kb import too, not MB of fact JSON), per wall-clock second. Figures
# are only as steady as the machine is idle: the load average is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
MB=${1:-50}
BIN=${FORUMKB:-build/bin/forumkb}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/forumkb-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
if [[ $# -ge 2 ]]; then
  DUMP=$2
else
  DUMP=$WORK/gen.jsonl
  python3 tests/bench/gen_threads.py --mb "$MB" --seed 1 -o "$DUMP"
fi
SIZE=$(stat -c %s "$DUMP")
INMB=$(awk -v s="$SIZE" 'BEGIN{printf "%.1f", s/1e6}')

# measure CMD...: wall, user and system seconds and peak RSS (MB) into $secs $user $sys $rss
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; return 1; }
  read -r secs user sys kb <"$WORK/time"
  rss=$(awk -v k="$kb" 'BEGIN{printf "%.0f", k/1024}')
}
rate() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", a/b}'; }
ms_per_mb() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.0f", 1000*a/b}'; }
row() {  # NAME J
  echo "| $1 | $2 | $secs | $user | $sys | $(rate "$INMB" "$secs") | $(rate "$POSTS" "$secs") | $(ms_per_mb "$user" "$INMB") | $rss |"
}

POSTS=$("$BIN" parse "$DUMP" | python3 -c 'import sys,json; print(sum(len(json.loads(l)["posts"]) for l in sys.stdin))')

echo "input: $DUMP, $INMB MB, $POSTS posts; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%F)"
echo
echo "| measurement | -j | wall (s) | user (s) | sys (s) | MB/s | posts/s | user ms per MB | peak RSS (MB) |"
echo "|---|---|---|---|---|---|---|---|---|"
for j in 1 2; do
  measure "$BIN" extract -j "$j" "$DUMP"
  eval "ex$j=$secs"
  row "extract > /dev/null" "$j"
done
for j in 1 2; do
  rm -f "$WORK"/kb$j.sqlite*
  measure "$BIN" ingest -j "$j" -q "$DUMP" --db "$WORK/kb$j.sqlite"
  eval "in$j=$secs"
  row "ingest (FTS on)" "$j"
done
KBMB=$(awk -v s="$(stat -c %s "$WORK/kb2.sqlite")" 'BEGIN{printf "%.1f", s/1e6}')

# The KB writer alone: the facts extract prints, loaded by kb import.
"$BIN" extract -j 2 "$DUMP" >"$WORK/facts.jsonl"
FACTS=$(grep -c -v '"kind":"\(thread\|post\)"' "$WORK/facts.jsonl" || true)
python3 - "$WORK/facts.jsonl" >"$WORK/facts-lean.jsonl" <<'PY'
import sys
seen = set()  # (thread, post) with a platform signal kept
for line in open(sys.argv[1], encoding="utf-8"):
    if '"signal":"platform"' in line and line.startswith('{"kind":"credibility"'):
        import json
        r = json.loads(line)
        key = (r["thread"], r["post"])
        if key in seen:
            continue
        seen.add(key)
    sys.stdout.write(line)
PY
LEAN=$(grep -c -v '"kind":"\(thread\|post\)"' "$WORK/facts-lean.jsonl" || true)
for j in 1 2; do
  rm -f "$WORK"/imp$j.sqlite*
  measure "$BIN" kb import -j "$j" -q "$WORK/facts.jsonl" --db "$WORK/imp$j.sqlite"
  eval "im$j=$secs"
  row "KB writer alone: kb import, $FACTS facts" "$j"
done
rm -f "$WORK"/lean.sqlite*
measure "$BIN" kb import -j 2 -q "$WORK/facts-lean.jsonl" --db "$WORK/lean.sqlite"
row "KB writer alone: kb import, $LEAN facts (1 platform signal per post)" 2

# Baseline: the same posts, no extraction: a CSV of (thread, author, text) imported by sqlite3.
"$BIN" parse "$DUMP" | python3 -c '
import sys, json, csv
w = csv.writer(sys.stdout)
for l in sys.stdin:
    t = json.loads(l)
    for p in t["posts"]:
        w.writerow([t["thread_id"], p.get("post_id"), p.get("author"), p.get("text")])' >"$WORK/posts.csv"
cat >"$WORK/load.sql" <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE posts(thread TEXT, post TEXT, author TEXT, text TEXT);
CREATE VIRTUAL TABLE posts_fts USING fts5(text, content='posts', content_rowid='rowid');
.mode csv
.import $WORK/posts.csv posts
INSERT INTO posts_fts(rowid, text) SELECT rowid, text FROM posts;
SQL
rm -f "$WORK/base.sqlite"
measure sqlite3 "$WORK/base.sqlite" ".read $WORK/load.sql"
row "baseline: sqlite3 .import + FTS5, no extraction" 1
echo
echo "- speed-up -j1 -> -j2: extract $(rate "$ex1" "$ex2")x, ingest $(rate "$in1" "$in2")x, kb import $(rate "$im1" "$im2")x"
echo "- KB size: $KBMB MB for $INMB MB of input ($(rate "$KBMB" "$INMB") MB per input MB)"
echo "- ingest -j2 / baseline load: $(rate "$in2" "$secs")x the time"
echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
