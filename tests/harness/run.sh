#!/bin/sh
# The harness's own tests: run the deliberately broken cases and check the
# verdict the harness gives each, then check the CLI's answers to bad input.
# usage: tests/harness/run.sh build/selftest ./bpfconform
set -u
selftest=$1
suite=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

"$selftest" run --no-leak-check --json "$tmp/r.json" >"$tmp/ktap" 2>"$tmp/err"
status=$?
[ "$status" = 1 ] && ok || bad "selftest run exited $status, want 1 (failures present)"

# verdict NAME OUTCOME [REASON-SUBSTRING]: the KTAP line and the JSON entry.
verdict() {
	name=$1 want=$2 reason=${3:-}
	case $want in
	pass) pat="^ok [0-9]* $name\$" ;;
	skip) pat="^ok [0-9]* $name # SKIP " ;;
	fail) pat="^not ok [0-9]* $name\$" ;;
	error) pat="^not ok [0-9]* $name # ERROR " ;;
	esac
	if grep -q "$pat" "$tmp/ktap"; then ok; else bad "$name: KTAP line is not '$want'"; fi
	entry=$(python3 - "$tmp/r.json" "$name" <<'PY'
import json, sys
for c in json.load(open(sys.argv[1]))["cases"]:
    if c["name"] == sys.argv[2]:
        print(c["outcome"], c["reason"] or "")
PY
)
	case $entry in
	"$want "*) ok ;;
	*) bad "$name: JSON says '$entry', want outcome $want" ;;
	esac
	if [ -n "$reason" ]; then
		case $entry in
		*"$reason"*) ok ;;
		*) bad "$name: reason '$entry' lacks '$reason'" ;;
		esac
	fi
}

verdict selftest.pass.one_assert pass
verdict selftest.crash.segfault fail "killed by signal 11"
verdict selftest.crash.abort fail "killed by signal 6"
verdict selftest.hang.timeout fail "timeout after 1s"
verdict selftest.hang.grandchild_reaped pass
verdict selftest.asserts.nothing error "asserted nothing"
verdict selftest.setup.broken error "setup: access"
verdict selftest.expect.goes_on fail "expected 1 (1) == 2 (2)"
verdict selftest.assert.errno_by_name fail "fail with EINVAL, it failed with ENOENT"
verdict selftest.skip.kernel_lacks_map_type skip "kernel has no BPF_MAP_TYPE_BPFCONFORM_NONE"
verdict selftest.skip.config_not_set skip "CONFIG_BPFCONFORM_NO_SUCH_OPTION is not set"
verdict selftest.error.uapi_value_mismatch error "uapi copy says BPF_MAP_TYPE_ARRAY = 9999"
verdict selftest.prog.unknown_label error "no label"
verdict selftest.prog.rejected_prints_log fail "expected prog_load"

# EXPECT goes on after a failure; both failures are printed.
grep -q "^# reached the end" "$tmp/ktap" && ok || bad "EXPECT_EQ did not go on"
grep -q "expected 3 (3) == 4 (4)" "$tmp/ktap" && ok || bad "second EXPECT failure not printed"
# A rejected program prints its disassembly and the verifier's log.
grep -q "^# program (2 insns):" "$tmp/ktap" && ok || bad "no program dump for a rejected load"
grep -q "^# verifier log:" "$tmp/ktap" && ok || bad "no verifier log for a rejected load"
# The closing line, alone on a line.
grep -Eq '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped, [0-9]+ errors$' "$tmp/ktap" && ok ||
	bad "no closing line"
head -1 "$tmp/ktap" | grep -q '^KTAP version 1$' && ok || bad "no KTAP header"

# -j 2: the same verdicts in the same order, whatever finishes first.
"$selftest" run --no-leak-check -j 2 >"$tmp/ktap2" 2>/dev/null
grep -E '^(not )?ok ' "$tmp/ktap" >"$tmp/v1"
grep -E '^(not )?ok ' "$tmp/ktap2" >"$tmp/v2"
cmp -s "$tmp/v1" "$tmp/v2" && ok || { bad "-j 2 changed verdicts or order"; diff "$tmp/v1" "$tmp/v2"; }

# Bad input: one line on stderr, exit 2.
expect_usage() {
	"$@" >"$tmp/out" 2>"$tmp/err"
	st=$?
	lines=$(wc -l <"$tmp/err")
	if [ "$st" = 2 ] && [ "$lines" = 1 ] && [ ! -s "$tmp/out" ]; then ok; else
		bad "'$*': exit $st, $lines stderr lines (want 2, 1)"; cat "$tmp/err"; fi
}
expect_usage "$suite" --bogus
expect_usage "$suite" frobnicate
expect_usage "$suite" run -t 'no.such.case*'
expect_usage "$suite" run --json /nonexistent/dir/r.json
expect_usage "$suite" run --timeout 0
expect_usage "$suite" run --timeout
expect_usage "$suite" list --json x
expect_usage "$suite" run --config /nonexistent/config
expect_usage "$suite" run extra-argument
expect_usage "$suite" run -j 0

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
