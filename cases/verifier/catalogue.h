/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The verifier catalogue: programs the verifier must refuse, as data, in
 * the spirit of the kernel's test_verifier tables (with labels and named
 * maps instead of offsets and fixups).  Each row is one rule:
 *
 *	{ .name = "stack.write_below_512",
 *	  .bad = PROG(...), .err = EACCES, .log = "invalid write to stack",
 *	  .good = PROG(...), .run = 1, .retval = 0 },
 *
 * and becomes two cases: verifier.<name>.rejected_<errno>, which loads
 * 'bad' and wants exactly that errno, and verifier.<name>.twin_accepted,
 * which loads 'good' (the same program with the one fault removed) and,
 * with .run, runs it through BPF_PROG_TEST_RUN and checks the return
 * value.  So each rule fails both ways: a kernel that refuses everything
 * fails the twin, one that accepts everything fails the rejection.
 *
 * The errno is the contract.  The log substring is advisory: verifier
 * messages change between kernels.  A rejection with the right errno and
 * a log without the substring still passes, and says so in a diagnostic
 * line ("advisory: ..."), so that a reader of the report sees it.
 * VCAT_LOG=1 in the environment adds each rejection's whole log.
 */
#ifndef BPFCONFORM_CASES_VERIFIER_CATALOGUE_H
#define BPFCONFORM_CASES_VERIFIER_CATALOGUE_H

#include <stddef.h>

#include "harness/case.h"
#include "harness/objects.h"

/* Maps a row may name; each is created, and named, before the load. */
enum vmap {
	VM_ARR = 1 << 0,	/* "arr": ARRAY, key 4, value 8, 1 entry */
	VM_HASH = 1 << 1,	/* "hash": HASH, key 4, value 8, 4 entries */
	VM_RO = 1 << 2,		/* "ro": ARRAY with BPF_F_RDONLY_PROG */
	VM_FROZEN = 1 << 3,	/* "frozen": ARRAY, BPF_F_RDONLY_PROG, frozen */
	VM_PROGS = 1 << 4,	/* "progs": PROG_ARRAY, 4 entries */
	VM_LOCK = 1 << 5,	/* "lock": ARRAY whose value holds a bpf_spin_lock (BTF) */
	VM_NOLOCK = 1 << 6,	/* "nolock": ARRAY with BTF, no bpf_spin_lock */
};

struct vrow {
	const char *name;		/* <category>.<rule> */
	struct asm_prog bad;
	int err;			/* the errno the load must fail with */
	const char *log;		/* advisory substring of the verifier log */
	struct asm_prog good;		/* the accepted twin; .n == 0: none */
	int run;			/* run the twin with test_run */
	__u32 retval;			/* and expect this return value */
	unsigned maps;			/* enum vmap bits */
	enum bpf_prog_type type;	/* 0: SOCKET_FILTER */
	enum bpf_attach_type attach;
	__u32 prog_flags;		/* for 'bad' */
	__u32 good_flags;		/* for 'good' */
	const char *license;		/* for 'bad'; NULL: GPL */
	const struct need *needs;	/* beyond type, maps and commands */
};

#define VNEEDS(...) (const struct need[]){ __VA_ARGS__, { NEED_END, 0, 0 } }

/* Register the two cases of each row. */
void vcat_add(const struct vrow *rows, size_t n);
#define VCAT_GENERATOR(ROWS)                                                 \
	static void vcat_gen_##ROWS(void)                                    \
	{                                                                    \
		vcat_add(ROWS, sizeof(ROWS) / sizeof(ROWS[0]));               \
	}                                                                    \
	CASE_GENERATOR(vcat_gen_##ROWS)

/* Common openings.  key = 0 on the stack, r2 = &key, r1 = map MAP, then
 * r0 = bpf_map_lookup_elem(r1, r2): map value or NULL. */
#define LOOKUP(MAP)                                                          \
	BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),                                \
	BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),                                \
	BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),                               \
	BPF_LD_MAP_FD(BPF_REG_1, MAP),                                       \
	BPF_CALL_HELPER(map_lookup_elem)

/* r0 = 0; exit */
#define RET0                                                                 \
	BPF_MOV64_IMM(BPF_REG_0, 0),                                         \
	BPF_EXIT_INSN()

#endif
