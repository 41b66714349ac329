#!/usr/bin/env bash
# bench-fts5.sh N — redtape's search side by side with SQLite FTS5 on the
# same N synthetic procedures, in one run.
#
# Writes N procedures (corpus/synth, seed 1) as JSONL, indexes them with
# "redtape index --no-flags" and loads them into an FTS5 table
# (scripts/fts5bench: unicode61 remove_diacritics 2, đ written d, the texts
# redtape indexes), each under /usr/bin/time -v. Then it runs redtape's
# BenchmarkSearch on the index (two-word, filtered, phrase) and the same
# queries on FTS5, in process for both, plus a facets class (the two-word
# queries, counts by ministry, sector and level only), and prints p50/p95
# of both engines, their ratio and both engines' hit counts per query. The
# load average goes with every figure: the machine may be shared.
#
#   scripts/bench-fts5.sh 100000
#   CORPUS=/tmp/c100k scripts/bench-fts5.sh          # an existing corpus
#   CORPUS=/tmp/c1m INDEX=/tmp/ix1m FTSDB=/tmp/fts1m.db scripts/bench-fts5.sh
#
# CORPUS, INDEX (a redtape index of CORPUS) and FTSDB (a database written
# by "fts5bench load" from CORPUS) skip the steps that would build them;
# they are only read. BENCHTIME (default 300x) is the searches per class.
# Work files live in a temporary directory, removed at the end unless
# KEEP=1. SQLite is linked into scripts/fts5bench only, a module of its
# own: it is never a dependency of redtape.
set -euo pipefail

n=${1:-100000}
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/redtape-fts5.XXXXXX")
if [[ "${KEEP:-0}" != 1 ]]; then
	trap 'rm -rf "$work"' EXIT
fi
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }

echo "== building redtape and fts5bench (cgo, SQLite with FTS5)"
go build -o "$work/redtape" ./cmd/redtape
(cd scripts/fts5bench && go build -tags sqlite_fts5 -o "$work/fts5bench" .)

corpus=${CORPUS:-}
if [[ -z "$corpus" ]]; then
	echo "== writing $n synthetic procedures"
	corpus="$work/corpus"
	go run ./corpus/synth/cmd/synth -n "$n" -seed 1 -o "$corpus"
fi
du -shL "$corpus" | sed 's/^/corpus: /'

# timed LABEL N CMD... runs CMD under /usr/bin/time -v and prints its wall
# time, rate, CPU per procedure and peak memory.
timed() {
	local label=$1 count=$2
	shift 2
	load
	/usr/bin/time -v "$@" >"$work/out" 2>"$work/time"
	cat "$work/out"
	awk -F': ' -v label="$label" -v n="$count" '
		/Elapsed \(wall clock\)/ { k = split($2, t, ":"); wall = (k == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
		/User time/ { cpu += $2 } /System time/ { cpu += $2 }
		/Maximum resident set size/ { rss = $2 }
		END { printf "%s: wall %.1f s (%.0f procedures/s), CPU %.1f s (%.0f µs a procedure), peak %.0f MiB\n", label, wall, n / wall, cpu, cpu * 1e6 / n, rss / 1024 }' "$work/time"
	load
}

count=$(cat "$corpus"/*.jsonl | wc -l)
echo "$count procedures"

index=${INDEX:-}
if [[ -z "$index" ]]; then
	echo "== redtape index"
	index="$work/index"
	timed "redtape index" "$count" "$work/redtape" index --no-flags --index "$index" "$corpus" | tee "$work/rt-index"
	du -sh "$index" | sed 's/^/index size: /'
fi

db=${FTSDB:-}
if [[ -z "$db" ]]; then
	echo "== FTS5 load"
	db="$work/fts.db"
	timed "FTS5 load" "$count" "$work/fts5bench" load -db "$db" "$corpus" | tee "$work/fts-load"
fi
if [[ -s "$work/rt-index" && -s "$work/fts-load" ]]; then
	rt=$(awk '/^redtape index: wall/ { print $4, $(NF-6), $(NF-1) }' "$work/rt-index" | tr -d '(')
	ft=$(awk '/^FTS5 load: wall/ { print $4, $(NF-6), $(NF-1) }' "$work/fts-load" | tr -d '(')
	echo "$rt $ft" | awk '{ printf "indexing, redtape ÷ FTS5: wall %.1f×, CPU per procedure %.1f×, peak memory %.1f×\n", $1/$4, $2/$5, $3/$6 }'
fi

echo "== redtape: BenchmarkSearch on the index"
load
REDTAPE_BENCH_INDEX="$index" go test ./corpus/index -run '^$' -bench 'BenchmarkSearch' -benchtime "${BENCHTIME:-300x}" |
	grep -E '^Benchmark' | tee "$work/rt-bench"
load

echo "== FTS5, the same queries; redtape's facets class; hit counts of both"
runs=${BENCHTIME:-300x}
"$work/fts5bench" bench -db "$db" -index "$index" -queries "$root/corpus/index/bench_test.go" \
	-redtape-bench "$work/rt-bench" -n "${runs%x}"
load
