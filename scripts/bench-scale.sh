#!/usr/bin/env bash
# bench-scale.sh N — time every command that reads a whole corpus on N
# synthetic procedures, and print wall time, CPU time (user+sys) and peak
# resident memory of each.
#
# Writes N procedures (corpus/synth, seed 1) as the current set and
# 0.9·N (seed 2) as a baseline, builds the redtape binary, then runs
# under /usr/bin/time: flag --format json, flag, stats,
# show --format jsonl, estimate --baseline B --current C (text and
# JSON), report, index and one search. Outputs go to /dev/null (the report to a file in
# the work directory); a command's exit code is printed beside its
# figures (3 means some input could not be read, which synthetic input
# never has). The load average goes with every figure, since the machine
# may be shared. Everything lives in a temporary directory, removed at
# the end unless KEEP=1; CORPUS=DIR and BASELINE=DIR reuse corpora
# written before instead of generating them.
#
#   scripts/bench-scale.sh 100000
#   CORPUS=/tmp/scale/c100k BASELINE=/tmp/scale/c90k scripts/bench-scale.sh 100000
set -euo pipefail

n=${1:-100000}
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/redtape-scale.XXXXXX")
if [[ "${KEEP:-0}" != 1 ]]; then
	trap 'rm -rf "$work"' EXIT
fi
if [[ ! -x /usr/bin/time ]]; then
	echo "bench-scale: /usr/bin/time is needed (apt-get install time)" >&2
	exit 2
fi

echo "== building redtape"
go build -o "$work/redtape" ./cmd/redtape

current=${CORPUS:-$work/current}
baseline=${BASELINE:-$work/baseline}
if [[ -z "${CORPUS:-}" ]]; then
	echo "== writing $n synthetic procedures (current, seed 1)"
	go run ./corpus/synth/cmd/synth -n "$n" -seed 1 -o "$current"
fi
if [[ -z "${BASELINE:-}" ]]; then
	m=$((n * 9 / 10))
	echo "== writing $m synthetic procedures (baseline, seed 2)"
	go run ./corpus/synth/cmd/synth -n "$m" -seed 2 -o "$baseline"
fi
du -sh "$current" | sed 's/^/current corpus: /'
du -sh "$baseline" | sed 's/^/baseline corpus: /'

# measure NAME ARGS...: runs the binary with ARGS, stdout to /dev/null,
# and prints one line of figures.
measure() {
	local name=$1
	shift
	local load
	load=$(cut -d' ' -f1-3 /proc/loadavg)
	local code=0
	/usr/bin/time -o "$work/time" -f "%e %U %S %M" "$work/redtape" "$@" >/dev/null 2>"$work/stderr" || code=$?
	# A failed command's figures follow a line saying so: take the last.
	tail -1 "$work/time" | awk -v name="$name" -v code="$code" -v load="$load" \
		'{ printf "%-22s wall %7.2f s  cpu %7.2f s  peak %6d MiB  exit %d  (load %s)\n", name, $1, $2 + $3, $4 / 1024, code, load }'
}

echo "== $n procedures"
measure "flag --format json" flag --format json "$current"
measure "flag" flag "$current"
measure "stats" stats "$current"
measure "show --format jsonl" show --format jsonl "$current"
measure "estimate" estimate --baseline "$baseline" --current "$current"
measure "estimate --format json" estimate --format json --baseline "$baseline" --current "$current"
measure "report" report --baseline "$baseline" -o "$work/report.md" "$current"
measure "index" index --rebuild --index "$work/index" "$current"
measure "search" search --index "$work/index" "giấy khai sinh"
