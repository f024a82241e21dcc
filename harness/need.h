/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Needs: what a case requires of the kernel and of its environment, as data.
 *
 * The same declaration serves three readers: the oracle (which decides SKIP
 * with proof before the case runs), the coverage report (which counts, per
 * enum value the kernel declares, the cases that exercise it), and the
 * environment set-up (bpffs, cgroup, network namespace for the child).
 *
 *	CASE("prog.xdp.test_run.pass", NEEDS(PROG_TYPE(XDP), CMD(PROG_TEST_RUN)))
 *
 * Kernel enum needs carry the member's name as the kernel spells it, so the
 * oracle can look it up in the kernel's own BTF, and our value, so that a
 * disagreement between our uapi copy and the kernel is caught.
 */
#ifndef BPFCONFORM_NEED_H
#define BPFCONFORM_NEED_H

enum need_kind {
	NEED_END = 0,
	/* Members of the kernel's enums (looked up in its BTF). */
	NEED_CMD,	/* enum bpf_cmd */
	NEED_PROG,	/* enum bpf_prog_type */
	NEED_MAP,	/* enum bpf_map_type */
	NEED_ATTACH,	/* enum bpf_attach_type */
	NEED_LINK,	/* enum bpf_link_type */
	NEED_HELPER,	/* enum bpf_func_id */
	/* Other kernel facts. */
	NEED_CONFIG,	/* CONFIG_FOO=y or =m in the kernel's config */
	NEED_BTF_FUNC,	/* a kernel function by name in vmlinux BTF (attach targets, kfuncs) */
	NEED_BTF_TYPE,	/* a named struct/union/enum/typedef in vmlinux BTF */
	NEED_ISA,	/* the verifier accepts this ISA version (probed) */
	NEED_ISA_GROUP,	/* the verifier knows these instruction groups (enum isa_group, probed) */
	NEED_FILE,	/* a path that must exist (e.g. a tracepoint's id file) */
	/* Environment the harness sets up in the child before the case runs. */
	NEED_ENV,
	NEED__COUNT,
};

enum need_env {
	ENV_BPFFS = 1,	/* a private bpffs mounted at /sys/fs/bpf */
	ENV_NETNS = 2,	/* a private network namespace with lo up */
	ENV_CGROUP = 4,	/* a private cgroup2 directory: case_cgroup_path() */
	ENV_ROOT = 8,	/* needs full privilege (CAP_SYS_ADMIN); set by default */
	ENV_UNPRIV = 16,/* also meaningful without privilege: run when not root */
};

struct need {
	enum need_kind kind;
	const char *name;	/* kernel spelling: "BPF_MAP_TYPE_ARRAY", "CONFIG_X" */
	long long value;	/* our uapi value, ISA version, env bits */
};

#define NEEDS(...) .needs = (const struct need[]){ __VA_ARGS__, { NEED_END, 0, 0 } }

#define CMD(X)        { NEED_CMD, "BPF_" #X, BPF_##X }
#define PROG_TYPE(X)  { NEED_PROG, "BPF_PROG_TYPE_" #X, BPF_PROG_TYPE_##X }
#define MAP(X)        { NEED_MAP, "BPF_MAP_TYPE_" #X, BPF_MAP_TYPE_##X }
#define ATTACH(X)     { NEED_ATTACH, "BPF_" #X, BPF_##X }
#define LINK(X)       { NEED_LINK, "BPF_LINK_TYPE_" #X, BPF_LINK_TYPE_##X }
#define HELPER(X)     { NEED_HELPER, "BPF_FUNC_" #X, BPF_FUNC_##X }
#define CONFIG(X)     { NEED_CONFIG, "CONFIG_" #X, 0 }
#define BTF_FUNC(S)   { NEED_BTF_FUNC, S, 0 }
#define BTF_TYPE(S)   { NEED_BTF_TYPE, S, 0 }
#define ISA(V)        { NEED_ISA, "v" #V, V }
/* A program's exact needs: ISA_GROUP(JMP32) or, computed, the mask of
 * insn_isa_groups() (see insn/insn.h). */
#define ISA_GROUP(G)  { NEED_ISA_GROUP, #G, ISA_##G }
#define PATH_EXISTS(S) { NEED_FILE, S, 0 }
#define BPFFS         { NEED_ENV, "bpffs", ENV_BPFFS }
#define NETNS         { NEED_ENV, "netns", ENV_NETNS }
#define CGROUP        { NEED_ENV, "cgroup", ENV_CGROUP }
#define UNPRIV        { NEED_ENV, "unpriv", ENV_UNPRIV }

const char *need_kind_name(enum need_kind kind);

#endif
