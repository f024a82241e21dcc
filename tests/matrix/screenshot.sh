#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Render the matrix's HTML page in headless Chromium and check the
# screenshot: a PNG of the window's size that is not blank and shows the
# pass, fail and compiled-out colours (so the page's style sheet applied).
# Look at the PNG it names to judge whether the page reads well.
#
# usage: tests/matrix/screenshot.sh [-o FILE.png] ./bpfconform [RESULTS.json...]
#
# Without results files it makes synthetic ones for four kernels (5.10, 6.1,
# 6.12, 7.2) in which every cell state occurs; with them (for example
# results/*/results.json after ci/matrix.sh) it renders those.  Chromium
# (or Google Chrome, as on GitHub's runners) is used; Debian's chromium is
# installed when neither is there (root only).  The PNG and the page go
# to build/matrix-screenshot.{png,html} unless -o names the PNG.
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=build/matrix-screenshot.png
width=1400
height=2000
if [ "${1:-}" = -o ]; then
	[ $# -ge 2 ] || { echo "screenshot: -o needs a file" >&2; exit 2; }
	out=$2
	shift 2
fi
[ $# -ge 1 ] || { sed -n '8p' "$0" | sed 's/^# //' >&2; exit 2; }
bc=$1
shift
html=${out%.png}.html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

browser=
for b in chromium chromium-browser google-chrome google-chrome-stable; do
	command -v "$b" >/dev/null 2>&1 && browser=$b && break
done
if [ -z "$browser" ]; then
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		echo "screenshot: no chromium, and cannot install it (needs root and apt-get)" >&2
		exit 2
	fi
	echo "screenshot: installing chromium"
	if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
		echo "screenshot: apt-get install chromium failed" >&2
		exit 2
	fi
	browser=chromium
fi

# results DIR RELEASE ISA-LEVEL MAP-TYPE-MEMBERS PROG-TYPE-MEMBERS CASES
results() {
	mkdir -p "$tmp/$1"
	cat >"$tmp/$1/results.json" <<JSON
{"schema": "bpfconform-results/1", "kernel": {"release": "$2"},
 "oracle": {"isa": {"level": $3}, "enums": {
   "bpf_map_type": {"members": [$4]},
   "bpf_prog_type": {"members": [$5]}}},
 "cases": [$6], "duration_ms": 812.5}
JSON
}
# member KIND-PREFIX NAME VALUE, case NAME OUTCOME REASON KIND FULL-NAME
m() { printf '{"name": "BPF_MAP_TYPE_%s", "value": %s}' "$1" "$2"; }
p() { printf '{"name": "BPF_PROG_TYPE_%s", "value": %s}' "$1" "$2"; }
c() {
	printf '{"name": "%s", "outcome": "%s", "reason": %s, "duration_ms": 1, "log": null, "covers": [{"kind": "%s", "name": "%s"}]}' \
		"$1" "$2" "$3" "$4" "$5"
}
nodecl() { printf '"kernel has no %s (not in its enum %s)"' "$1" "$2"; }
maps_old="$(m HASH 1), $(m ARRAY 2), $(m PROG_ARRAY 3), $(m LRU_HASH 9), $(m SOCKMAP 15), $(m RINGBUF 27)"
maps_new="$maps_old, $(m BLOOM_FILTER 30), $(m USER_RINGBUF 31), $(m ARENA 33)"
progs_old="$(p SOCKET_FILTER 1), $(p XDP 6), $(p LIRC_MODE2 20), $(p TRACING 26), $(p LSM 29)"
progs_new="$progs_old, $(p SYSCALL 31), $(p NETFILTER 32)"
cases() { # KERNEL-SPECIFIC OUTCOMES: hash array lru ringbuf bloom arena xdp lsm netfilter
	printf '%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s' \
		"$(c map.hash.update.full_e2big pass null map_type BPF_MAP_TYPE_HASH)" \
		"$(c map.hash.delete.missing_enoent pass null map_type BPF_MAP_TYPE_HASH)" \
		"$(c map.array.update.noexist_flag_eexist "$1" "$2" map_type BPF_MAP_TYPE_ARRAY)" \
		"$(c map.lru_hash.evict.oldest pass null map_type BPF_MAP_TYPE_LRU_HASH)" \
		"$(c map.ringbuf.reserve.too_big_e2big "$3" "$4" map_type BPF_MAP_TYPE_RINGBUF)" \
		"$(c map.bloom_filter.peek.absent_enoent "$5" "$6" map_type BPF_MAP_TYPE_BLOOM_FILTER)" \
		"$(c map.arena.create.needs_mmapable "$7" "$8" map_type BPF_MAP_TYPE_ARENA)" \
		"$(c prog.xdp.test_run.pass pass null prog_type BPF_PROG_TYPE_XDP)" \
		"$(c prog.socket_filter.load.minimal pass null prog_type BPF_PROG_TYPE_SOCKET_FILTER)" \
		"$(c prog.lirc_mode2.load.minimal skip '"CONFIG_BPF_LIRC_MODE2 is not set (/proc/config.gz)"' prog_type BPF_PROG_TYPE_LIRC_MODE2)" \
		"$(c prog.lsm.load.attach_lsm_mac "$9" "${10}" prog_type BPF_PROG_TYPE_LSM)" \
		"$(c prog.netfilter.load.minimal "${11}" "${12}" prog_type BPF_PROG_TYPE_NETFILTER)"
}
ringbuf_off='"CONFIG_BPF_RINGBUF is not set (/boot/config-5.10.0-32-cloud-amd64)"'
bloom_no=$(nodecl BPF_MAP_TYPE_BLOOM_FILTER bpf_map_type)
arena_no=$(nodecl BPF_MAP_TYPE_ARENA bpf_map_type)
nf_no=$(nodecl BPF_PROG_TYPE_NETFILTER bpf_prog_type)
lsm_off='"CONFIG_BPF_LSM is not set (/proc/config.gz)"'
array_bad='"cases/maps/array_basic.c:41: expected -EEXIST (-17) == map_update(fd, &key, &val, BPF_NOEXIST) (0)"'

if [ $# = 0 ]; then
	results 5.10 5.10.0-32-cloud-amd64 3 "$maps_old" "$progs_old" \
		"$(cases pass null skip "$ringbuf_off" skip "$bloom_no" skip "$arena_no" skip "$lsm_off" skip "$nf_no")"
	results 6.1 6.1.0-56-cloud-amd64 3 "$maps_old, $(m BLOOM_FILTER 30), $(m USER_RINGBUF 31)" "$progs_old" \
		"$(cases pass null pass null pass null skip "$arena_no" pass null skip "$nf_no")"
	results 6.12 6.12.43+deb13-cloud-amd64 4 "$maps_new" "$progs_new" \
		"$(cases fail "$array_bad" pass null pass null pass null pass null pass null)"
	results 7.2 7.2.0-1-cloud-amd64 4 "$maps_new" "$progs_new" \
		"$(cases pass null pass null pass null pass null pass null error '"netfilter: no IPv4 hook (set-up)"')"
	set -- "$tmp"/5.10/results.json "$tmp"/6.1/results.json "$tmp"/6.12/results.json "$tmp"/7.2/results.json
fi

mkdir -p "$(dirname "$out")"
"$bc" matrix "$@" --html "$html" >/dev/null || { echo "screenshot: bpfconform matrix failed" >&2; exit 1; }
rm -f "$out"
# A private profile, no network, no first-run, sync or update work.
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$tmp/profile" --screenshot="$out" --window-size="$width,$height" \
	"file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")" >"$tmp/chromium.log" 2>&1
[ -s "$out" ] || { echo "screenshot: chromium wrote no $out:" >&2; tail -5 "$tmp/chromium.log" >&2; exit 1; }
# The page's cell colours (harness/matrix/write.c): fail, compiled out (pass
# cells are unshaded: colour is kept for what needs a look).
python3 "$here/pngcheck.py" "$out" "$width" "$height" f8d7da fff3cd || exit 1
echo "screenshot: $out (page: $html)"
