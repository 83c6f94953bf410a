#!/bin/sh
# Builds query_bench (release preset) and runs it: a KB of 200,000 generated
# posts, then 1,000 mixed questions (query + search); prints the KB size and
# p50/p95 per kind, and exits 1 when a p95 is over 20 ms.
#   tests/bench/query_bench.sh [query_bench options, e.g. --posts 50000 --keep]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
[ -d build ] || cmake --preset release >/dev/null
cmake --build build -j2 --target query_bench >/dev/null
exec build/bin/query_bench "$@"
