#!/usr/bin/env bash
# bench-search.sh N — index N synthetic procedures with the redtape binary
# and measure search latency on that index.
#
# Writes N procedures (corpus/synth, seed 1) as JSONL files, runs
# "redtape index" under /usr/bin/time -v (rate, CPU time and peak memory,
# with the number of shards: SHARDS, else one per core), then runs
# BenchmarkSearch of corpus/index against the built index (p50/p95 per
# query class, facets and snippets included; facet-load-ms is reading the
# facet sets once per open index). Load averages are printed before and
# after each step; last, the search command itself is timed end to end
# for a few broad queries. Everything lives in a
# temporary directory, removed at the end unless KEEP=1.
#
#   scripts/bench-search.sh 100000
#   FLAGS=1 scripts/bench-search.sh 20000   # also match papers against the catalog
#   SHARDS=1 scripts/bench-search.sh 100000  # index one batch at a time
set -euo pipefail

n=${1:-100000}
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/redtape-bench.XXXXXX")
if [[ "${KEEP:-0}" != 1 ]]; then
	trap 'rm -rf "$work"' EXIT
fi

echo "== building redtape"
go build -o "$work/redtape" ./cmd/redtape

echo "== writing $n synthetic procedures"
go run ./corpus/synth/cmd/synth -n "$n" -seed 1 -o "$work/corpus"
du -sh "$work/corpus" | sed 's/^/corpus size: /'

flags=(--no-flags)
if [[ "${FLAGS:-0}" == 1 ]]; then
	flags=()
fi
# The machine may be shared: the load average goes with every figure.
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
shards=${SHARDS:-$(nproc)}
echo "== indexing with $shards shards"
load
/usr/bin/time -v "$work/redtape" index "${flags[@]}" --shards "$shards" --index "$work/index" "$work/corpus" \
	>"$work/index.out" 2>"$work/time.txt"
cat "$work/index.out"
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
echo "index wall time: $wall (${secs}s)"
awk -v n="$n" -v s="$secs" 'BEGIN { printf "index rate: %.0f procedures/s\n", n/s }'
awk -v k="$rss" 'BEGIN { printf "peak memory: %.0f MiB\n", k/1024 }'
grep -E "User time|System time|Percent of CPU" "$work/time.txt"
# CPU time is the steadier figure on a shared machine.
awk -F': ' -v n="$n" '/User time|System time/ { cpu += $2 }
	END { printf "index CPU (user+sys): %.1f s, %.0f µs per procedure\n", cpu, cpu * 1e6 / n }' "$work/time.txt"
du -sh "$work/index" | sed 's/^/index size: /'
load

echo "== searching"
load
REDTAPE_BENCH_INDEX="$work/index" go test ./corpus/index -run '^$' -bench 'BenchmarkSearch' -benchtime "${BENCHTIME:-300x}" |
	grep -E '^Benchmark'
load

# What a reviewer waits for: the whole command (start, open, facets, query,
# output) for a few broad queries, 15 runs each.
echo "== the search command"
load
for q in "giấy phép" "giay chung" "chứng chỉ -level:xã" '"giấy chứng nhận đăng ký doanh nghiệp"'; do
	for i in $(seq 15); do
		t0=$(date +%s%N)
		"$work/redtape" search --index "$work/index" "$q" >/dev/null
		echo $(( ($(date +%s%N) - t0) / 1000000 ))
	done | sort -n | awk -v q="$q" '{ a[NR] = $1 } END { printf "%s: median %d ms, slowest %d ms\n", q, a[int((NR + 1) / 2)], a[NR] }'
done
load

