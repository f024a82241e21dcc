#!/bin/sh
# ci/host.sh [DIR]: the suite on the running kernel, held to its list of
# known failures.  Writes DIR/ktap.txt, DIR/results.json, DIR/junit.xml
# (DIR defaults to results/host).  The list is ci/expect/host-<release>.txt
# when there is one for this very kernel, else ci/expect/host.txt.
set -u
cd "$(dirname "$0")/.."
dir=${1:-results/host}
mkdir -p "$dir"
./bpfconform run --json "$dir/results.json" --junit "$dir/junit.xml" | tee "$dir/ktap.txt"

# tee hides the suite's status in plain sh; the results file tells instead.
[ -s "$dir/results.json" ] || { echo "ci/host.sh: the suite wrote no results" >&2; exit 2; }
list=ci/expect/host-$(uname -r).txt
[ -f "$list" ] || list=ci/expect/host.txt
./bpfconform expect "$list" "$dir/results.json"
