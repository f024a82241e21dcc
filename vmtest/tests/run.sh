#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# vmtest's own tests.
#
#   tests/run.sh          no VM: bad input, the cpio writer, the console
#                         parser (framing, splats, attribution) and the
#                         runner's verdicts with a stand-in for QEMU
#   tests/run.sh --vm [KERNEL]   also real boots (default kernel 6.12): a
#                         passing run, an injected panic, an injected hang
#                         and a guest without /init, each reported right
#
# Ends with "N passed, N failed"; exit status 0 only when nothing failed.
set -uo pipefail
T=$(cd "$(dirname "$0")" && pwd)
V=$(cd "$T/.." && pwd)
REPO=$(cd "$V/.." && pwd)
B=$V/build
vm= vmkernel=6.12
while [ $# -gt 0 ]; do
	case $1 in
	--vm) vm=1; shift; [ $# -eq 0 ] || { vmkernel=$1; shift; } ;;
	*) echo "usage: $0 [--vm [KERNEL]]" >&2; exit 2 ;;
	esac
done
make -s -C "$REPO" -f "$V/vmtest.mk" vmtest-tools || exit 1
W=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then echo "# keeping $W"; else trap 'rm -rf "$W"' EXIT; fi
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok $((pass + fail)) $1"; }
bad() { fail=$((fail + 1)); echo "not ok $((pass + fail)) $1"; shift; for l in "$@"; do echo "# $l"; done; }
check() {	# check NAME COMMAND...: passes when COMMAND succeeds
	local name=$1; shift
	if "$@" >"$W/out" 2>&1; then ok "$name"; else bad "$name" "$(tail -5 "$W/out")"; fi
}
echo "KTAP version 1"

# --- bad input: one clear line on stderr and a non-zero exit -------------
# expect_one_line NAME PATTERN COMMAND...
expect_one_line() {
	local name=$1 pat=$2 rc; shift 2
	"$@" >"$W/o" 2>"$W/e" </dev/null
	rc=$?
	if [ $rc -ne 0 ] && [ "$(wc -l <"$W/e")" -eq 1 ] && grep -q -- "$pat" "$W/e"; then
		ok "$name"
	else
		bad "$name" "exit $rc, stderr:" "$(cat "$W/e")"
	fi
}
printf 'not a kernel at all\n' >"$W/corrupt"
head -c 100000 /dev/urandom >"$W/random"
expect_one_line "bad-input.unknown-alias" "unknown kernel alias '9.99'" "$V/vmtest" 9.99
expect_one_line "bad-input.unknown-alias.fetch" "unknown kernel alias 'woody'" "$V/fetch-kernel" woody
expect_one_line "bad-input.missing-image" "no kernel image at $W/none" "$V/vmtest" --kernel "$W/none"
expect_one_line "bad-input.corrupt-image" "is not a kernel image" "$V/vmtest" --kernel "$W/corrupt"
expect_one_line "bad-input.random-image" "is not a kernel image" "$V/vmtest" --kernel "$W/random"
expect_one_line "bad-input.no-qemu" "qemu-system-x86_64-nowhere not found" \
	env VMTEST_QEMU=qemu-system-x86_64-nowhere VMTEST_NO_INSTALL=1 "$V/vmtest" 6.1
expect_one_line "bad-input.missing-suite" "no suite binary at $W/nosuite" \
	"$V/vmtest" --suite "$W/nosuite" --accel tcg 6.1
expect_one_line "bad-input.bad-option" "unknown option --frobnicate" "$V/vmtest" --frobnicate
expect_one_line "bad-input.bad-inject" "--inject wants" "$V/vmtest" --inject boom 6.1
expect_one_line "bad-input.option-without-value" "option --timeout needs a value" "$V/vmtest" --timeout

# --- the cpio writer ------------------------------------------------------
. "$V/lib.sh"
QUIET=1 need_cmd cpio cpio
printf 'hello\n' >"$W/hello"
head -c 3001 /dev/urandom >"$W/blob"
cat >"$W/list" <<EOF
# a comment
dir /dev 0755
nod /dev/console 0600 c 5 1
dir /lib 0755
file /lib/hello $W/hello 0644
file /blob $W/blob 0755
slink /lib/link hello 0777
EOF
"$B/mkcpio" "$W/a.cpio" <"$W/list"
check "cpio.size-is-block-multiple" test $(( $(stat -c %s "$W/a.cpio") % 512 )) -eq 0
cpio -itv <"$W/a.cpio" >"$W/listing" 2>/dev/null
check "cpio.lists-all-entries" test "$(awk '{ print $NF == "hello" && $(NF-1) == "->" ? $(NF-2) : $NF }' "$W/listing" | tr '\n' ' ')" = "dev dev/console lib lib/hello blob lib/link "
check "cpio.console-is-char-5-1" grep -q '^crw------- .* 5, *1 .*dev/console$' "$W/listing"
check "cpio.symlink" grep -q '^lrwxrwxrwx .*lib/link -> hello$' "$W/listing"
mkdir "$W/x" && (cd "$W/x" && cpio -id --quiet lib/hello blob <"$W/a.cpio")
check "cpio.file-contents" cmp "$W/hello" "$W/x/lib/hello"
check "cpio.binary-contents" cmp "$W/blob" "$W/x/blob"
check "cpio.mode" test "$(stat -c %a "$W/x/blob")" = 755
check "cpio.same-input-same-bytes" sh -c "'$B/mkcpio' '$W/b.cpio' <'$W/list' && cmp '$W/a.cpio' '$W/b.cpio'"
expect_one_line "cpio.bad-line" "line 1: cannot parse it" sh -c "echo 'file /x' | '$B/mkcpio' '$W/c.cpio'"

# --- the console parser ---------------------------------------------------
# parse NAME < DSL: encode (see vmtest-console --encode) and parse
parse() {
	mkdir -p "$W/p/$1"
	"$B/vmtest-console" --encode >"$W/p/$1/console.log"
	"$B/vmtest-console" --names "$W/names" "$W/p/$1/console.log" "$W/p/$1" >"$W/p/$1/sum"
}
has() { grep -qF -- "$2" "$W/p/$1/sum"; }
hasline() { grep -qxF -- "$2" "$W/p/$1/sum"; }
printf 'a.one\nb.two\nc.three\nd.four\n' >"$W/names"
json='{"cases": [1, 2, 3]}'
json64=$(printf '%s\n' "$json" | base64 -w0)

# A clean run with start markers.
parse clean <<EOF
i boot 1500 6.1.0-test
i module veth.ko ok
i module act_bpf.ko No such file or directory
i run 1600 /bpfconform run
o KTAP version 1
o 1..2
o # start 1 a.one
o ok 1 a.one
o # start 2 b.two
o ok 2 b.two # SKIP no such thing
o 1 passed, 0 failed, 1 skipped
i exit 0 4100
j $json64
i json $(( ${#json} + 1 ))
i end 13
EOF
check "parse.clean.counts" hasline clean "results 2"
check "parse.clean.skip" hasline clean "skipped 1"
check "parse.clean.times" sh -c "grep -qx 'boot_ms 1500' '$W/p/clean/sum' && grep -qx 'suite_ms 2500' '$W/p/clean/sum'"
check "parse.clean.end" hasline clean "end 1"
check "parse.clean.no-loss" sh -c "grep -qx 'frames_bad 0' '$W/p/clean/sum' && grep -qx 'frames_lost 0' '$W/p/clean/sum'"
check "parse.clean.json" sh -c "printf '%s\n' '$json' | cmp - '$W/p/clean/results.json'"
check "parse.clean.ktap" sh -c "test \$(wc -l <'$W/p/clean/ktap.txt') -eq 7 && head -1 '$W/p/clean/ktap.txt' | grep -qx 'KTAP version 1'"
check "parse.clean.module-failure" hasline clean "module act_bpf.ko No such file or directory"
check "parse.clean.no-splat" sh -c "! grep -q '^splat' '$W/p/clean/sum'"

# A WARN in case 2, seen raw and forwarded from /dev/kmsg: one splat, case 2.
parse warn <<EOF
i boot 1500 6.1.0-test
i run 1600 /bpfconform run
o KTAP version 1
o 1..3
o # start 1 a.one
o ok 1 a.one
o # start 2 b.two
R [    3.100000] ------------[ cut here ]------------
R [    3.100001] WARNING: CPU: 0 PID: 77 at kernel/bpf/core.c:123 bpf_thing+0x1/0x2
k [    3.100000] ------------[ cut here ]------------
k [    3.100001] WARNING: CPU: 0 PID: 77 at kernel/bpf/core.c:123 bpf_thing+0x1/0x2
k [    3.100002] Modules linked in: veth
o ok 2 b.two
o # start 3 c.three
o ok 3 c.three
i exit 0 4100
j $json64
i json $(( ${#json} + 1 ))
i end 17
EOF
check "parse.warn.attributed-to-running-case" hasline warn "$(printf 'splat\t2\tb.two\tWARN\t[    3.100001] WARNING: CPU: 0 PID: 77 at kernel/bpf/core.c:123 bpf_thing+0x1/0x2')"
check "parse.warn.counted-once" test "$(grep -c '^splat' "$W/p/warn/sum")" = 1
check "parse.warn.kernel-log" grep -q 'Modules linked in: veth' "$W/p/warn/kernel.log"

# Deferred work: a splat after "ok 2" and before "start 3" is case 2's.
parse deferred <<EOF
i boot 1 x
i run 2 /bpfconform run
o 1..3
o # start 2 b.two
o ok 2 b.two
k [    5.000000] BUG: KASAN: use-after-free in bpf_map_free_deferred+0x10/0x20
o # start 3 c.three
o ok 3 c.three
i exit 0 9
i end 9
EOF
check "parse.deferred.after-result-is-same-case" has deferred "$(printf 'splat\t2\tb.two\tKASAN\t')"

# Without start markers the running case is the last result + 1, named
# from the suite's list.
parse nomarks <<EOF
i boot 1 x
i run 2 /bpfconform run
o 1..4
o ok 1 a.one
o ok 2 b.two
k [    5.000000] UBSAN: array-index-out-of-bounds in kernel/bpf/verifier.c:1
o ok 3 c.three
i exit 0 9
i end 8
EOF
check "parse.nomarks.next-case" has nomarks "$(printf 'splat\t3\tc.three\tUBSAN\t')"

# A panic in case 3: raw only (the guest is dead), no end.
parse panic <<EOF
i boot 1 x
i run 2 /bpfconform run
o 1..4
o # start 3 c.three
R [    7.000000] sysrq: Trigger a crash
R [    7.000100] Kernel panic - not syncing: sysrq triggered crash
R [    7.000200] CPU: 0 PID: 1 Comm: init Not tainted 6.1.0 #1
EOF
check "parse.panic.flag" hasline panic "panic 1"
check "parse.panic.running-case" hasline panic "running 3 c.three"
check "parse.panic.splat" has panic "$(printf 'splat\t3\tc.three\tpanic\t')"
check "parse.panic.no-end" hasline panic "end 0"
check "parse.panic.json-missing" hasline panic "json missing"

# A hang: the log just stops in case 4.
parse hang <<EOF
i boot 1 x
i run 2 /bpfconform run
o 1..4
o # start 4 d.four
EOF
check "parse.hang.running-case" hasline hang "running 4 d.four"
check "parse.hang.no-panic" hasline hang "panic 0"

# Never reached /init.
parse noinit <<EOF
R [    1.000000] Run /init as init process
R [    1.100000] Kernel panic - not syncing: No working init found.  Try passing init= option to kernel.
EOF
check "parse.noinit.init-0" hasline noinit "init 0"
check "parse.noinit.panic-before-suite" has noinit "$(printf 'splat\t0\tbefore the suite\tpanic\t')"

# Each kind of splat.
kinds() {
	printf 'i boot 1 x\ni run 2 s\no 1..1\no # start 1 a.one\n'
	printf 'k [    1.%06d] %s\n' 1 "WARNING: CPU: 1 PID: 2 at mm/slab.c:1 f+0x0/0x1" \
		2 "kernel BUG at kernel/bpf/syscall.c:99!" \
		3 "Oops: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI" \
		4 "BUG: KASAN: slab-out-of-bounds in f+0x1/0x2" \
		5 "UBSAN: shift-out-of-bounds in kernel/bpf/core.c:1:2" \
		6 "WARNING: possible circular locking dependency detected" \
		7 "rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:" \
		8 "watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [x:1]" \
		9 "NMI watchdog: Watchdog detected hard LOCKUP on cpu 1" \
		10 "INFO: task bpfconform:7 blocked for more than 120 seconds." \
		11 "BUG: unable to handle page fault for address: ffff888000000000" \
		12 "general protection fault, probably for non-canonical address 0xdead: 0000 [#1]"
}
kinds | parse kinds
for kk in "1:WARN" "2:BUG" "3:Oops" "4:KASAN" "5:UBSAN" "6:lockdep" "7:RCU stall" \
	  "8:soft lockup" "9:hard lockup" "10:hung task" "11:BUG" "12:Oops"; do
	n=${kk%%:*} kind=${kk#*:}
	check "parse.kind.$n.${kind// /-}" grep -q "$(printf '^splat\t1\ta.one\t%s\t\\[    1.%06d\\]' "$kind" "$n")" "$W/p/kinds/sum"
done
printf 'i boot 1 x\no WARNING: CPU: this is suite output, not a splat\nk [ 1.0] lo: link becomes ready\n' | parse benign
check "parse.benign.no-splat" sh -c "! grep -q '^splat' '$W/p/benign/sum'"

# Framing against interleaved kernel output.
mkdir -p "$W/p/mixed"
"$B/vmtest-console" --encode >"$W/p/mixed/src" <<EOF
i boot 1 x
i run 2 /bpfconform run
o 1..3
o # start 1 a.one
o ok 1 a.one
o # start 2 b.two
o ok 2 b.two
o # start 3 c.three
o ok 3 c.three
i exit 0 9
i end 10
EOF
# A kernel line lands in the middle of frame 4 ("ok 1 a.one"), a kernel
# fragment without newline precedes frame 6, frame 7 is lost, and a line
# is split by the console's \r\n.
awk '{
	if (NR == 5) { print substr($0, 1, 20) "[    2.000000] WARNING: CPU: 0 PID: 1 at x.c:1 y+0x0/0x1\r"; print substr($0, 21) "\r"; next }
	if (NR == 7) { printf "[    2.100000] random kernel noise "; print $0 "\r"; next }
	if (NR == 8) next
	print $0 "\r"
}' "$W/p/mixed/src" >"$W/p/mixed/console.log"
"$B/vmtest-console" --names "$W/names" "$W/p/mixed/console.log" "$W/p/mixed" >"$W/p/mixed/sum"
check "frame.damaged-frame-counted" hasline mixed "frames_bad 1"
# (frames_lost counts the numbers never received intact: 4 and 7)
check "frame.lost-frame-counted" hasline mixed "frames_lost 2"
check "frame.splat-inside-damaged-frame" has mixed "$(printf 'splat\t1\ta.one\tWARN\t')"
check "frame.text-before-magic" grep -qx 'ok 2 b.two' "$W/p/mixed/ktap.txt"
check "frame.others-intact" sh -c "grep -qx 'ok 3 c.three' '$W/p/mixed/ktap.txt' && grep -qx 'end 1' '$W/p/mixed/sum'"
check "frame.bad-crc-dropped" sh -c "! grep -q 'ok 1 a.one' '$W/p/mixed/ktap.txt'"
# A long line arrives as '+' pieces and is joined.
long=$(head -c 3000 /dev/zero | tr '\0' 'x')
printf 'i boot 1 x\no+ # %s\no+ %s\no %s\n' "${long:0:1000}" "${long:1000:1000}" "${long:2000}" | parse long
check "frame.continuation-joined" test "$(sed -n 1p "$W/p/long/ktap.txt")" = "# $long"
# A corrupt JSON stream is reported, not written.
printf 'i boot 1 x\nj %s\ni json 999\ni end 3\n' "$json64" | parse badjson
check "frame.json-length-mismatch" hasline badjson "json corrupt"

# --- the runner's verdicts, with a stand-in for QEMU ----------------------
# fake-qemu copies $FAKE_LOG to the -serial file, then sleeps $FAKE_SLEEP.
cat >"$W/fake-qemu" <<'EOF'
#!/bin/bash
while [ $# -gt 0 ]; do
	case $1 in -serial) out=${2#file:}; shift ;; esac
	shift
done
cat "$FAKE_LOG" >"$out"
sleep "${FAKE_SLEEP:-0}"
EOF
chmod +x "$W/fake-qemu"
{ head -c 514 /dev/zero; printf HdrS; head -c 4000 /dev/zero; } >"$W/bzImage"
echo 'CONFIG_BPF=y' >"$W/config"
verdict() {	# verdict NAME LOG [SLEEP [TIMEOUT]] -> prints the summary's verdict
	FAKE_LOG=$2 FAKE_SLEEP=${3:-0} VMTEST_QEMU=$W/fake-qemu VMTEST_NO_INSTALL=1 \
		"$V/vmtest" -q --accel tcg --timeout "${4:-20}" --results "$W/r" --suite "$B/fake-suite" \
		--kernel "$W/bzImage" --config "$W/config" --name "$1" >"$W/r.$1.out" 2>&1
	echo "$? $(awk '$1 == "verdict" { print $2 }' "$W/r/$1/summary.txt")"
}
check "runner.pass" test "$(verdict pass "$W/p/clean/console.log")" = "0 PASS"
check "runner.splat-fails" test "$(verdict warn "$W/p/warn/console.log")" = "1 FAIL"
check "runner.splat-listed" grep -q 'splat in case 2 b.two: WARN' "$W/r.warn.out"
check "runner.panic" test "$(verdict panic "$W/p/panic/console.log")" = "1 PANIC"
check "runner.panic-names-case" grep -q 'kernel panic during case 3 c.three' "$W/r.panic.out"
check "runner.panic-console-tail" grep -q 'Kernel panic - not syncing: sysrq triggered crash' "$W/r.panic.out"
check "runner.hang" test "$(verdict hang "$W/p/hang/console.log" 60 3)" = "1 HANG"
check "runner.hang-names-case" grep -q 'no end after 3 s, during case 4 d.four' "$W/r.hang.out"
check "runner.noinit" test "$(verdict noinit "$W/p/noinit/console.log")" = "1 PANIC"
: >"$W/empty"
check "runner.never-reached-init" test "$(verdict silent "$W/empty")" = "1 NO-INIT"
check "runner.died" test "$(verdict died "$W/p/hang/console.log")" = "1 DIED"
check "runner.config-kept" cmp "$W/config" "$W/r/pass/config"
check "runner.results-files" sh -c "cd '$W/r/pass' && test -s ktap.txt && test -s results.json && test -s console.log"

# --- real boots -----------------------------------------------------------
if [ -n "$vm" ]; then
	vmrun() {	# vmrun NAME ARGS... -> "<exit> <verdict>"
		"$V/vmtest" -q --results "$W/vm-$1" --suite "$B/fake-suite" "${@:2}" "$vmkernel" \
			>"$W/vm.$1.out" 2>&1
		echo "$? $(awk '$1 == "verdict" { print $2 }' "$W/vm-$1/$vmkernel/summary.txt")"
	}
	check "vm.$vmkernel.pass" test "$(vmrun pass)" = "0 PASS"
	check "vm.$vmkernel.environment" grep -q '6 passed, 0 failed' "$W/vm.pass.out"
	check "vm.$vmkernel.inject-panic" test "$(vmrun panic --inject panic:2)" = "1 PANIC"
	# /init breaks the guest right after the Nth result, before the next
	# case starts: the splat belongs to case N, which has ended.
	check "vm.$vmkernel.inject-panic-case" grep -q 'kernel panic after case 2 vmtest.env.bpffs ended' "$W/vm.panic.out"
	check "vm.$vmkernel.inject-panic-splat" grep -q 'splat in case 2 vmtest.env.bpffs: panic: .*sysrq triggered crash' "$W/vm.panic.out"
	check "vm.$vmkernel.inject-hang" test "$(vmrun hang --inject hang:4 --timeout 15)" = "1 HANG"
	check "vm.$vmkernel.inject-hang-case" grep -q 'no end after 15 s, after case 4 vmtest.env.config ended' "$W/vm.hang.out"
	check "vm.$vmkernel.no-init" test "$(vmrun noinit --inject noinit --timeout 30)" = "1 PANIC"
	check "vm.$vmkernel.no-init-why" grep -q 'kernel panic before /init' "$W/vm.noinit.out"
fi

echo "1..$((pass + fail))"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
