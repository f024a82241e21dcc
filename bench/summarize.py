#!/usr/bin/env python3
"""Summarise bench/out/*.json into bench/results.md and bench/results.json.

Each figure is the median of the runs with min-max beside it.  Host files are
results files of `bpfconform run` (host-j<N>-<i>.json); VM files, written by
vmtest/bench-vm, are vm-<kernel>-<i>.json with per-phase times.
"""
import glob
import json
import os
import statistics
import sys

out_dir, md_path, json_path = sys.argv[1:4]


def spread(values):
    values = sorted(values)
    return {"median": statistics.median(values), "min": values[0], "max": values[-1]}


def fmt(s, unit="", prec=1):
    return f"{s['median']:.{prec}f}{unit} ({s['min']:.{prec}f}–{s['max']:.{prec}f})"


report = {"host": {}, "vm": {}}
lines = ["# bpfconform benchmarks", ""]

for j in (1, 2):
    files = sorted(glob.glob(os.path.join(out_dir, f"host-j{j}-*.json")))
    if not files:
        continue
    runs = [json.load(open(f)) for f in files]
    ncases = len(runs[0]["cases"])
    wall = spread([r["duration_ms"] / 1e3 for r in runs])
    cpu = spread([(r["rusage"]["user_ms"] + r["rusage"]["sys_ms"]) / 1e3 for r in runs])
    rate = spread([ncases / (r["duration_ms"] / 1e3) for r in runs])
    rss = spread([max(r["rusage"]["max_rss_kb"], r["rusage"]["children_max_rss_kb"]) / 1024
                  for r in runs])
    total = sum(c["duration_ms"] for r in runs for c in r["cases"])
    inside = sum(c.get("inside_ms", 0) for r in runs for c in r["cases"])
    per_case = {}
    for r in runs:
        for c in r["cases"]:
            per_case.setdefault(c["name"], []).append(c["duration_ms"])
    slowest = sorted(((statistics.median(v), k) for k, v in per_case.items()), reverse=True)[:10]
    report["host"][f"j{j}"] = {
        "runs": len(runs), "cases": ncases, "wall_s": wall, "cpu_s": cpu,
        "cases_per_s": rate, "peak_rss_mib": rss,
        "share_outside_cases": (total - inside) / total if total else 0,
        "slowest": [{"name": n, "median_ms": m} for m, n in slowest],
    }

if report["host"]:
    lines += ["## Host (`bpfconform run`, kernel " + json.load(open(files[0]))["kernel"]["release"] + ")", "",
              "| jobs | cases | wall | CPU | cases/s | peak RSS | time outside cases (fork, wait, set-up) |",
              "|---|---|---|---|---|---|---|"]
    for key, h in report["host"].items():
        lines.append(f"| {key[1:]} | {h['cases']} | {fmt(h['wall_s'], ' s', 2)} | {fmt(h['cpu_s'], ' s', 2)} "
                     f"| {fmt(h['cases_per_s'], '', 0)} | {fmt(h['peak_rss_mib'], ' MiB')} "
                     f"| {100 * h['share_outside_cases']:.0f} % |")
    if "j1" in report["host"] and "j2" in report["host"]:
        sp = report["host"]["j1"]["wall_s"]["median"] / report["host"]["j2"]["wall_s"]["median"]
        report["host"]["speedup_j2"] = sp
        lines += ["", f"Speed-up with -j 2: {sp:.2f}×"]
    lines += ["", "Slowest cases (-j 1, median of runs):", "", "| case | ms |", "|---|---|"]
    for s in report["host"].get("j1", report["host"].get("j2"))["slowest"]:
        lines.append(f"| {s['name']} | {s['median_ms']:.1f} |")

vm_files = sorted(glob.glob(os.path.join(out_dir, "vm-*.json")))
if vm_files:
    per_kernel = {}
    for f in vm_files:
        d = json.load(open(f))
        per_kernel.setdefault(d["kernel"], []).append(d)
    lines += ["", "## Kernels under QEMU", "",
              "| kernel | accel | to /init | suite | power-off | total | floor total | overhead over floor |",
              "|---|---|---|---|---|---|---|---|"]
    for k, rs in sorted(per_kernel.items()):
        row = {p: spread([r[p] for r in rs]) for p in ("boot_s", "suite_s", "poweroff_s", "total_s", "floor_s")}
        row["accel"] = rs[0].get("accel", "?")
        report["vm"][k] = row
        over = row["total_s"]["median"] - row["floor_s"]["median"]
        lines.append(f"| {k} | {row['accel']} | {fmt(row['boot_s'], ' s', 2)} | {fmt(row['suite_s'], ' s', 2)} "
                     f"| {fmt(row['poweroff_s'], ' s', 2)} | {fmt(row['total_s'], ' s', 2)} "
                     f"| {fmt(row['floor_s'], ' s', 2)} | +{over:.2f} s |")
    matrix = os.path.join(out_dir, "matrix.json")
    if os.path.exists(matrix):
        m = json.load(open(matrix))
        report["vm"]["matrix"] = m
        lines += ["", f"All kernels in parallel: {fmt(spread(m['wall_s']), ' s', 1)} wall; "
                  f"initramfs {m['initramfs_kib']:.0f} KiB; guest memory -m {m.get('mem', '?')}"]

open(md_path, "w").write("\n".join(lines) + "\n")
json.dump(report, open(json_path, "w"), indent=1)
