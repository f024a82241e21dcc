#!/bin/bash
# bench/vm.sh OUT RUNS [KERNEL...]: per-kernel time under QEMU for bench/run.
# Each run boots every kernel twice, all kernels at once as the matrix does:
# once with the suite, once with the "floor" guest (vmtest's stand-in suite,
# which checks the guest's environment and runs no case), so the suite's
# cost over a bare boot is measured in the same conditions.  Writes
# OUT/vm-<kernel>-<i>.json and OUT/matrix.json.
set -uo pipefail
out=$1 runs=$2
shift 2
kernels=("$@")
[ ${#kernels[@]} -gt 0 ] || kernels=(5.10 6.1 6.12 7.2)
cd "$(dirname "$0")/.."
make -s bpfconform vmtest-tools || exit 2
memory=${VMTEST_MEMORY:-256}
walls=()

calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }
field() { awk -v k="$2" '$1 == k { print $2 }' "$1"; }

for i in $(seq 1 "$runs"); do
	echo "bench: VM run $i of $runs" >&2
	start=$(date +%s.%N)
	vmtest/vmtest -q --memory "$memory" --results "$out/vmres-$i" "${kernels[@]}" >/dev/null 2>&1
	end=$(date +%s.%N)
	walls+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')")
	vmtest/vmtest -q --memory "$memory" --suite vmtest/build/fake-suite \
		--results "$out/vmfloor-$i" "${kernels[@]}" >/dev/null 2>&1
	for k in "${kernels[@]}"; do
		s=$out/vmres-$i/$k/summary.txt f=$out/vmfloor-$i/$k/summary.txt
		[ -f "$s" ] && [ -f "$f" ] || { echo "bench: no summary for $k" >&2; continue; }
		boot=$(field "$s" boot_ms) suite=$(field "$s" suite_ms) qemu=$(field "$s" qemu_s)
		cat >"$out/vm-$k-$i.json" <<JSON
{"kernel": "$k", "accel": "$(field "$s" accel)", "verdict": "$(field "$s" verdict)",
 "boot_s": $(calc "$boot / 1000"), "suite_s": $(calc "$suite / 1000"),
 "poweroff_s": $(calc "$qemu - ($boot + $suite) / 1000"),
 "total_s": $qemu, "floor_s": $(field "$f" qemu_s)}
JSON
	done
done
vmtest/mkinitramfs -o "$out/initrd" --init vmtest/build/init --suite ./bpfconform >/dev/null 2>&1
kib=$(( $(stat -c %s "$out/initrd" 2>/dev/null || echo 0) / 1024 ))
printf '{"wall_s": [%s], "initramfs_kib": %s, "mem": "%s"}\n' \
	"$(IFS=,; echo "${walls[*]}")" "$kib" "${memory}M" >"$out/matrix.json"
