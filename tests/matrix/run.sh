#!/bin/sh
# matrix, diff, expect and junit on small results files made here: what a
# cell says, what counts as a regression, how an expectation list holds a
# run, and that bad input is refused.
# usage: tests/matrix/run.sh ./bpfconform
set -u
bc=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# results DIR RELEASE ENUM-MAP-MEMBERS CASES: a minimal results file.
results() {
	mkdir -p "$tmp/$1"
	cat >"$tmp/$1/results.json" <<JSON
{"schema": "bpfconform-results/1", "kernel": {"release": "$2"},
 "oracle": {"isa": {"level": $3}, "enums": {"bpf_map_type": {"members": [$4]}}},
 "cases": [$5], "duration_ms": 12.5}
JSON
}
m() { printf '{"name": "BPF_MAP_TYPE_%s", "value": %s}' "$1" "$2"; }
c() { printf '{"name": "%s", "outcome": "%s", "reason": %s, "duration_ms": 1, "log": null, "covers": [{"kind": "map_type", "name": "BPF_MAP_TYPE_%s"}]}' "$1" "$2" "$3" "$4"; }

results old 5.10.0-32-cloud-amd64 3 "$(m ARRAY 2), $(m HASH 1), $(m RINGBUF 27)" \
	"$(c map.array.a pass null ARRAY), $(c map.hash.a pass null HASH), $(c map.ringbuf.a skip '"CONFIG_BPF_RINGBUF is not set (/config)"' RINGBUF), $(c map.bloom.a skip '"kernel has no BPF_MAP_TYPE_BLOOM_FILTER (not in its enum bpf_map_type)"' BLOOM_FILTER)"
results new 6.1.0-56-cloud-amd64 4 "$(m ARRAY 2), $(m HASH 1), $(m BLOOM_FILTER 30)" \
	"$(c map.array.a fail '"x.c:1: expected 0 (0) == val (1)"' ARRAY), $(c map.hash.a pass null HASH), $(c map.bloom.a pass null BLOOM_FILTER), $(c map.bloom.b pass null BLOOM_FILTER)"

# Columns come out oldest first whatever the order given.
"$bc" matrix "$tmp/new/results.json" "$tmp/old/results.json" --md "$tmp/m.md" \
	--html "$tmp/m.html" --json "$tmp/m.json" && ok || bad "matrix failed"
grep -q '^|  | old | new |$' "$tmp/m.md" && ok || bad "columns not sorted by version"
grep -q '^| ARRAY | ok 1 | FAIL 1/1 |$' "$tmp/m.md" && ok || bad "ARRAY row"
grep -q '^| RINGBUF | off: CONFIG_BPF_RINGBUF | — |$' "$tmp/m.md" && ok || bad "compiled-out / undeclared cells"
grep -q '^| BLOOM_FILTER | — | ok 2 |$' "$tmp/m.md" && ok || bad "BLOOM_FILTER row"
grep -q '^| v4 | — | · |$' "$tmp/m.md" && ok || bad "ISA row"
grep -q '^| map.array.a | pass | fail |$' "$tmp/m.md" && ok || bad "differences table"
grep -q '<td class="fail"' "$tmp/m.html" && grep -q '</html>' "$tmp/m.html" && ok || bad "html"
grep -Eq 'src=|href="[^#]' "$tmp/m.html" && bad "html refers to external assets" || ok
python3 -m json.tool "$tmp/m.json" >/dev/null && ok || bad "matrix json does not parse"

# --expect: a failure the kernel's list names is a known one, not a FAIL.
mkdir -p "$tmp/expect"
printf 'map.array.a  commit 0123456789ab ("bpf: example")\n' >"$tmp/expect/new.txt"
"$bc" matrix "$tmp/old/results.json" "$tmp/new/results.json" --expect "$tmp/expect" --md "$tmp/k.md" && ok || bad "matrix --expect failed"
grep -q '^| ARRAY | ok 1 | known 1/1 |$' "$tmp/k.md" && ok || bad "listed failure not shown as known"
printf 'map.array.a\n' >"$tmp/expect/new.txt"
"$bc" matrix "$tmp/new/results.json" --expect "$tmp/expect" >/dev/null 2>&1
[ $? = 2 ] && ok || bad "matrix --expect accepted a malformed list"

# diff: a pass that fails is a regression (exit 1); newly declared is not.
"$bc" diff "$tmp/old/results.json" "$tmp/new/results.json" >"$tmp/d" 2>&1
[ $? = 1 ] && ok || bad "diff with a regression did not exit 1"
grep -q '^REGRESSION: map.array.a: pass -> fail' "$tmp/d" && ok || bad "regression not named"
grep -q '^REGRESSION: no longer declared: BPF_MAP_TYPE_RINGBUF' "$tmp/d" && ok || bad "lost enum value not named"
grep -q '^newly declared: BPF_MAP_TYPE_BLOOM_FILTER' "$tmp/d" && ok || bad "new enum value not named"
grep -q '^newly supported: map.bloom.a: skip -> pass' "$tmp/d" && ok || bad "skip->pass not named"
grep -q '^new case: map.bloom.b' "$tmp/d" && ok || bad "new case not named"
"$bc" diff "$tmp/new/results.json" "$tmp/new/results.json" >/dev/null && ok || bad "diff of a file with itself is not clean"

# expect: a listed failure is fine; unlisted fails; stale and unknown entries fail.
printf '# known\nmap.array.*  commit 0123456789ab ("bpf: example")\n' >"$tmp/e1"
"$bc" expect "$tmp/e1" "$tmp/new/results.json" >/dev/null && ok || bad "expected failure not accepted"
printf 'map.hash.a  bug link\n' >"$tmp/e2"
"$bc" expect "$tmp/e2" "$tmp/new/results.json" >"$tmp/o" 2>&1
[ $? = 1 ] && grep -q 'UNEXPECTED fail: map.array.a' "$tmp/o" && grep -q 'passes now' "$tmp/o" && ok ||
	bad "unexpected failure / stale entry not reported"
# A directory: the kernel's own list in it (new.txt for the column "new").
mkdir -p "$tmp/edir"
cp "$tmp/e1" "$tmp/edir/new.txt"
"$bc" expect "$tmp/edir" "$tmp/new/results.json" >/dev/null && ok || bad "expect DIR did not pick DIR/new.txt"
"$bc" expect "$tmp/edir" "$tmp/old/results.json" >/dev/null && ok || bad "expect DIR: a passing kernel without a list"
printf 'map.nosuch.case  reason\n' >"$tmp/e3"
"$bc" expect "$tmp/e3" "$tmp/old/results.json" >/dev/null 2>&1
[ $? = 2 ] && ok || bad "unknown case name in the list is not an error"
printf 'map.array.a\n' >"$tmp/e4"
"$bc" expect "$tmp/e4" "$tmp/new/results.json" >/dev/null 2>"$tmp/err"
[ $? = 2 ] && grep -q 'has no reason' "$tmp/err" && ok || bad "entry without a reason accepted"

# junit: one suite per kernel; failures and skips carry their reasons.
"$bc" junit -o "$tmp/j.xml" "$tmp/old/results.json" "$tmp/new/results.json" && ok || bad "junit failed"
python3 -c "import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); s = d.getElementsByTagName('testsuite'); assert len(s) == 2; assert s[1].getAttribute('failures') == '1'; assert d.getElementsByTagName('skipped')[0].getAttribute('message').startswith('CONFIG_BPF_RINGBUF')" "$tmp/j.xml" && ok || bad "junit content"

# Bad input.
echo '{"schema": "bpfconform-results/1", "cases": [' >"$tmp/bad.json"
for args in "matrix $tmp/bad.json" "matrix" "diff $tmp/old/results.json" "matrix /nonexistent.json" \
	"matrix --bogus $tmp/old/results.json" "junit $tmp/old/results.json" "expect /nonexistent $tmp/old/results.json"; do
	$bc $args >/dev/null 2>"$tmp/err"
	st=$?
	[ "$st" = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && ok || bad "'$args': exit $st, want 2 and one line"
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
