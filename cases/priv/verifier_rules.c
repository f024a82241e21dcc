// SPDX-License-Identifier: GPL-2.0
/*
 * Verifier rules that bind only unprivileged programs (env->allow_ptr_leaks
 * and bypass_spec_v1 false, kernel/bpf/verifier.c): a pointer may not be
 * stored into a map, returned, compared with a pointer of another kind,
 * negated or subtracted from another pointer, since any of these would
 * hand a kernel address to user space; and it may not read stack it never
 * wrote.  Each program is loaded with full
 * privilege (accepted) and after dropping the bpf capabilities in the
 * case's child: EACCES when kernel.unprivileged_bpf_disabled is 0, and
 * EPERM before the verifier runs when it is 1 or 2 (bpf_prog_load()).
 * The sysctl is read, never written, and its value is in the case's log.
 */
#include <stdlib.h>

#include "harness/case.h"
#include "harness/objects.h"
#include "harness/priv.h"

struct urow {
	const char *name;
	struct asm_prog prog;
	int map;		/* create "arr" (ARRAY, value 8) before the drop */
	const struct need *needs;
};

#define N(...) (const struct need[]){ __VA_ARGS__, { NEED_END, 0, 0 } }
#define SF_NEEDS N(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER))
#define SF_MAP_NEEDS N(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER), MAP(ARRAY), \
		       HELPER(map_lookup_elem))

static const struct urow rows[] = {
	{ "ptr_leak_into_map", PROG(
		BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
		BPF_LD_MAP_FD(BPF_REG_1, "arr"),
		BPF_CALL_HELPER(map_lookup_elem),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
		BPF_STX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, 0),	/* value = fp */
		LABEL("out"),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	  ), 1, SF_MAP_NEEDS },

	{ "ptr_leak_as_return_value", PROG(
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_10),		/* return fp */
		BPF_EXIT_INSN(),
	  ), 0, SF_NEEDS },

	{ "ptr_compare_different_kinds", PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_REG(BPF_JEQ, BPF_REG_1, BPF_REG_10, "out"),	/* ctx == fp? */
		BPF_MOV64_IMM(BPF_REG_0, 1),
		LABEL("out"),
		BPF_EXIT_INSN(),
	  ), 0, SF_NEEDS },

	{ "ptr_neg", PROG(
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_1),
		BPF_NEG64(BPF_REG_2),				/* -ctx */
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	  ), 0, SF_NEEDS },

	{ "ptr_minus_ptr", PROG(
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_REG(BPF_SUB, BPF_REG_2, BPF_REG_1),	/* fp - ctx */
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	  ), 0, SF_NEEDS },

	/* Reading stack never written: refused for everyone until "bpf: Allow
	 * reads from uninit stack" (2023; Debian's 6.1 accepts it, 5.10 does
	 * not), for unprivileged programs only since.  No BTF trace: older
	 * kernels list the privileged case in ci/expect. */
	{ "uninit_stack_read", PROG(
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, -8),	/* never written */
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	  ), 0, SF_NEEDS },

	{ "ptr_spill_partially_overwritten", PROG(
		BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_1, -8),	/* spill ctx */
		BPF_ST_MEM(BPF_W, BPF_REG_10, -8, 0),		/* corrupt half of it */
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	  ), 0, SF_NEEDS },
};

static int load(const struct urow *r)
{
	if (r->map)
		case_map("arr", (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0)));
	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER, .insns = r->prog,
	});
}

static void privileged(const void *arg)
{
	ASSERT_FD(load(arg));
}

static void unprivileged(const void *arg)
{
	const struct urow *r = arg;
	int disabled = priv_unprivileged_bpf_disabled(), err;

	SETUP(disabled >= 0);
	if (r->map)
		case_map("arr", (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0)));
	SETUP_RET(priv_drop_bpf_caps());
	err = disabled ? EPERM : EACCES;
	case_log("kernel.unprivileged_bpf_disabled=%d: expecting %s", disabled, errno_name(err));
	ASSERT_ERRNO(err, prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER, .insns = r->prog,
	}));
}

static void add(const struct urow *r, const char *mode, void (*fn)(const void *))
{
	struct bc_case *c = calloc(1, sizeof(*c));

	if (!c)
		abort();
	*c = (struct bc_case){
		.name = case_strdup("priv.verifier.%s.%s", r->name, mode), .fn = fn, .arg = r,
		.needs = r->needs, .file = __FILE__, .line = __LINE__,
	};
	case_add(c);
}

static void generate(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		add(&rows[i], "privileged", privileged);
		add(&rows[i], "unprivileged", unprivileged);
	}
}
CASE_GENERATOR(generate)
