#!/bin/bash
# ci/matrix.sh [--kernels "5.10 6.1 6.12 7.2"] [--results DIR] [--no-host]
#
# The kernel matrix, as .ci/run and the GitHub workflow both run it: the
# suite on this machine's kernel (DIR/host), on each kernel under QEMU
# (DIR/<kernel>, by vmtest), each held to its list in ci/expect/, then the
# matrix (DIR/matrix.md, .html, .json) and JUnit over all of them.
# Exit 0 only when every kernel ran to the end and nothing failed that its
# list does not expect (and no expected failure passes now).
set -uo pipefail
cd "$(dirname "$0")/.."
kernels="5.10 6.1 6.12 7.2" results=results host=1
while [ $# -gt 0 ]; do
	case $1 in
	--kernels) [ $# -ge 2 ] || { echo "ci/matrix.sh: --kernels needs a value" >&2; exit 2; }
		kernels=$2; shift 2 ;;
	--results) [ $# -ge 2 ] || { echo "ci/matrix.sh: --results needs a value" >&2; exit 2; }
		results=$2; shift 2 ;;
	--no-host) host=; shift ;;
	-h|--help) sed -n '2,9s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) echo "ci/matrix.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
	esac
done
make -s bpfconform vmtest-tools || exit 2
mkdir -p "$results"
failed=0

if [ -n "$host" ]; then
	echo "ci: the suite on this kernel ($(uname -r))"
	ci/host.sh "$results/host" >"$results/host.log" 2>&1 || failed=1
	tail -n 3 "$results/host.log"
fi

if [ -n "$kernels" ]; then
	echo "ci: the suite under QEMU on $kernels"
	# vmtest holds each kernel to ci/expect/<kernel>.txt (--expect) and
	# fails a kernel that panicked, hung or splatted, expected or not.
	# shellcheck disable=SC2086
	vmtest/vmtest -q --results "$results" --expect ci/expect $kernels || failed=1
fi

files=()
for f in "$results"/*/results.json; do
	[ -s "$f" ] && files+=("$f")
done
if [ ${#files[@]} -eq 0 ]; then
	echo "ci: no results to build a matrix from" >&2
	exit 2
fi
./bpfconform matrix "${files[@]}" --expect ci/expect --md "$results/matrix.md" \
	--html "$results/matrix.html" --json "$results/matrix.json" || failed=1
./bpfconform junit -o "$results/junit.xml" "${files[@]}" || failed=1
echo "ci: matrix in $results/matrix.md and $results/matrix.html"

# One closing line over every kernel, counting as failed only what its
# list does not expect (and expected failures that pass now).
passed=0 skipped=0 unexpected=0
for f in "${files[@]}"; do
	k=$(basename "$(dirname "$f")")
	line=$(./bpfconform expect ci/expect "$f" | tail -n 1)
	echo "ci: $k: ${line#*: }"
	set -- $(python3 -c 'import json, sys; t = json.load(open(sys.argv[1]))["totals"]; print(t["pass"], t["skip"])' "$f")
	passed=$((passed + $1)) skipped=$((skipped + $2))
	u=$(echo "$line" | sed -n 's/.* \([0-9]*\) unexpected, \([0-9]*\) stale.*/\1 \2/p')
	for n in $u; do unexpected=$((unexpected + n)); done
done
echo "ci: $passed passed, $unexpected failed, $skipped skipped"
if [ "$failed" = 0 ]; then
	echo "ci: every kernel matched its expectations"
else
	echo "ci: FAILED: see the lines above and $results/*/expect.txt"
fi
exit $failed
