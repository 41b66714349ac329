#!/usr/bin/env bash
# fuzz.sh [SECONDS] — run every fuzz target of the repository for SECONDS
# each (default 30) and print executions per second per target.
#
# Targets are found with grep ("^func Fuzz" in *_test.go files) and run one
# at a time with go test -fuzz '^NAME$' -fuzztime SECONDS
# -fuzzminimizetime 100x. Executions per second are the target's total
# executions over its elapsed time, read from go test's last
# "fuzz: elapsed: …, execs: N (…/sec)" line, baseline included, so the
# figure is rough on a loaded machine. A failing target prints its failure
# (test message or panic); go test keeps the failing input under the package's
# testdata/fuzz/NAME/ (copy it to testdata/fuzz/NAME/ at the root as a
# plain seed file once fixed). The script exits 1 when any target failed.
#
#   scripts/fuzz.sh 10
#   ONLY=Draft scripts/fuzz.sh 60     # only targets whose name matches
#   PARALLEL=1 scripts/fuzz.sh        # fuzzing workers (default: GOMAXPROCS)
set -uo pipefail

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

# seconds turns go's elapsed ("45s", "1m2s", "1h0m3s") into seconds.
seconds() {
	awk -v d="$1" 'BEGIN {
		s = 0; n = ""
		for (i = 1; i <= length(d); i++) {
			c = substr(d, i, 1)
			if (c ~ /[0-9.]/) { n = n c; continue }
			if (c == "h") s += n * 3600
			if (c == "m") s += n * 60
			if (c == "s") s += n
			n = ""
		}
		print s
	}'
}

failed=()
printf '%-32s %-28s %12s %10s %s\n' TARGET PACKAGE EXECS EXECS/S RESULT
while IFS=: read -r file _ decl; do
	name=${decl#func }
	name=${name%%(*}
	if [[ -n "${ONLY:-}" && ! "$name" =~ $ONLY ]]; then
		continue
	fi
	pkg=$(dirname "$file")
	go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "${secs}s" -fuzzminimizetime 100x "${parallel[@]}" >"$log" 2>&1
	rc=$?
	last=$(grep -E '^fuzz: elapsed: .*execs: [0-9]+' "$log" | tail -n 1)
	execs=$(sed -nE 's/.*execs: ([0-9]+).*/\1/p' <<<"$last")
	elapsed=$(sed -nE 's/^fuzz: elapsed: ([0-9hms.]+),.*/\1/p' <<<"$last")
	execs=${execs:-0}
	el=$(seconds "${elapsed:-0s}")
	rate=$(awk -v e="$execs" -v s="$el" -v d="$secs" 'BEGIN { if (s <= 0) s = d; printf "%.0f", e / s }')
	result=ok
	if ((rc != 0)); then
		result=FAIL
		failed+=("$name ($pkg)")
	fi
	printf '%-32s %-28s %12s %10s %s\n' "$name" "$pkg" "$execs" "$rate" "$result"
	if ((rc != 0)); then
		# The failure, the panic or test message, where the input went.
		grep -E -e '--- FAIL|panic: |_test\.go:[0-9]+:|failure while testing|Failing input|go test -run|^(FAIL|ok) ' "$log" |
			head -n 20 | sed 's/^/    /'
	fi
done < <(grep -rn --include='*_test.go' '^func Fuzz' . | sort)

if ((${#failed[@]} > 0)); then
	echo "failed: ${failed[*]}" >&2
	exit 1
fi
