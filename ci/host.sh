#!/bin/sh
# ci/host.sh [DIR]: the suite on the running kernel, held to its list of
# known failures.  Writes DIR/ktap.txt, DIR/results.json, DIR/junit.xml;
# DIR ends in /host (default results/host).  `expect` picks the list from ci/expect/:
# host-<release>.txt when there is one for this very kernel, else host.txt.
set -u
cd "$(dirname "$0")/.."
dir=${1:-results/host}
# The directory's name is the run's label in results, matrix and expect:
# "host" is what selects this machine's own list.
[ "$(basename "$dir")" = host ] || { echo "ci/host.sh: DIR must end in /host, not '$dir'" >&2; exit 2; }
mkdir -p "$dir"
./bpfconform run --json "$dir/results.json" --junit "$dir/junit.xml" | tee "$dir/ktap.txt"

# tee hides the suite's status in plain sh; the results file tells instead.
[ -s "$dir/results.json" ] || { echo "ci/host.sh: the suite wrote no results" >&2; exit 2; }
./bpfconform expect ci/expect "$dir/results.json"
