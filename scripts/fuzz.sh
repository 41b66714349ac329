#!/usr/bin/env bash
# fuzz.sh [SECONDS] — run every fuzz target of the repository for SECONDS
# each (default 30) and print executions per second per target.
#
# Targets are found with grep ("^func Fuzz" in *_test.go files) and run one
# at a time with go test -fuzz '^NAME$' -fuzztime SECONDS
# -fuzzminimizetime 100x. go test first runs every input of the target's
# corpus once (the seeds, testdata/fuzz/NAME and the inputs found by earlier
# runs, kept in go env GOCACHE) to gather baseline coverage, then fuzzes.
# The columns are:
#   CORPUS    inputs in that baseline;
#   BASELINE  seconds the baseline took (a large or slow corpus can take
#             the whole run: clear it with go clean -fuzzcache);
#   EXECS     executions in all, as go test counts them (baseline included);
#   EXECS/S   executions per second while fuzzing, from when go test says
#             "now fuzzing" to its last progress line, timed here as each
#             line arrives ("-" when the baseline took the whole run).
# The figures are wall-clock: on a loaded machine they are lower. A failing
# target prints its failure (test message or panic); go test keeps the
# failing input under the package's testdata/fuzz/NAME/. The script exits 1
# when any target failed.
#
#   scripts/fuzz.sh 10
#   ONLY=Draft scripts/fuzz.sh 60     # only targets whose name matches
#   PKG=decisions scripts/fuzz.sh 5   # only packages whose path matches
#   PARALLEL=1 scripts/fuzz.sh        # fuzzing workers (default: GOMAXPROCS)
set -uo pipefail
export LC_ALL=C # a decimal point in EPOCHREALTIME

secs=${1:-30}
if ! [[ "$secs" =~ ^[0-9]+$ ]] || ((secs < 1)); then
	echo "usage: scripts/fuzz.sh [SECONDS]" >&2
	exit 2
fi
cd "$(dirname "$0")/.."
log=$(mktemp "${TMPDIR:-/tmp}/redtape-fuzz.XXXXXX")
trap 'rm -f "$log"' EXIT

parallel=()
if [[ -n "${PARALLEL:-}" ]]; then
	parallel=(-parallel "$PARALLEL")
fi

failed=()
printf '%-32s %-24s %7s %9s %10s %8s %s\n' TARGET PACKAGE CORPUS BASELINE EXECS EXECS/S RESULT
while IFS=: read -r file _ decl; do
	name=${decl#func }
	name=${name%%(*}
	if [[ -n "${ONLY:-}" && ! "$name" =~ $ONLY ]]; then
		continue
	fi
	pkg=$(dirname "$file")
	if [[ -n "${PKG:-}" && ! "$pkg" =~ $PKG ]]; then
		continue
	fi
	# Each line of go test's output is stamped with the time it arrived.
	go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "${secs}s" -fuzzminimizetime 100x "${parallel[@]}" 2>&1 |
		while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done >"$log"
	rc=${PIPESTATUS[0]}
	read -r corpus baseline execs rate < <(awk '
		/gathering baseline coverage: 0\// && start == "" { start = $1 }
		/now fuzzing with/ {
			t0 = $1
			if (match($0, /coverage: [0-9]+\//)) corpus = substr($0, RSTART + 10, RLENGTH - 11)
		}
		/ execs: [0-9]+/ && t0 != "" {
			t1 = $1
			if (match($0, /execs: [0-9]+/)) execs = substr($0, RSTART + 7, RLENGTH - 7)
		}
		END {
			if (corpus == "") corpus = "-"
			base = (t0 != "" && start != "") ? sprintf("%.1fs", t0 - start) : "-"
			rate = (t1 != "" && t1 > t0) ? sprintf("%.0f", (execs - corpus) / (t1 - t0)) : "-"
			if (execs == "") execs = 0
			print corpus, base, execs, rate
		}' "$log")
	result=ok
	if ((rc != 0)); then
		result=FAIL
		failed+=("$name ($pkg)")
	fi
	printf '%-32s %-24s %7s %9s %10s %8s %s\n' "$name" "$pkg" "$corpus" "$baseline" "$execs" "$rate" "$result"
	if ((rc != 0)); then
		# The failure, the panic or test message, where the input went.
		cut -d' ' -f2- "$log" | grep -E -e '--- FAIL|panic: |_test\.go:[0-9]+:|failure while testing|Failing input|go test -run|^(FAIL|ok) ' |
			head -n 20 | sed 's/^/    /'
	fi
done < <(grep -rn --include='*_test.go' '^func Fuzz' . | sort)

if ((${#failed[@]} > 0)); then
	echo "failed: ${failed[*]}" >&2
	exit 1
fi
