/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ISA cases are rows: a program body and what it must compute.
 *
 *	{ "isa.alu64.add_k.wraps", PROG(
 *		BPF_LD_IMM64(BPF_REG_0, -1),
 *		BPF_ALU64_IMM(BPF_ADD, BPF_REG_0, 2),	// r0 += 2
 *		BPF_EXIT_INSN(),
 *	  ), .r0 = 1 },
 *
 * In the kernel (isa.c) the body runs as a socket filter through
 * BPF_PROG_TEST_RUN on test_pkt_v4.  BPF_PROG_TEST_RUN's retval has 32
 * bits, so every EXIT of the main program becomes a jump to an epilogue
 * that stores R0 (all 64 bits) into an array map named "isa_out".  A
 * prologue sets R0 and R2-R9 to 0 first; R1 is the context.  The body may
 * use a 64-byte, zero-filled map value through
 * BPF_LD_MAP_VALUE(reg, ISA_MEM, off) (or by index, ISA_LD_MAP_IDX_VALUE),
 * and the stack.
 *
 * The same rows are the reference interpreter's unit tests
 * (tests/unit/interp_rows.c): every expected value must come out of it too.
 * The ISA level each row needs is computed from its opcodes, never written.
 */
#ifndef BPFCONFORM_CASES_ISA_H
#define BPFCONFORM_CASES_ISA_H

#include <string.h>

#include "harness/case.h"
#include "harness/objects.h"
#include "insn/insn.h"
#include "insn/interp.h"

#define ISA_MEM "isa_mem"
#define ISA_MEM_SIZE 64

/*
 * REG = VALUE without the verifier knowing it: through ISA_MEM, whose
 * contents the verifier does not track (uses R1 as the base, and the
 * 8 bytes at OFF).  The verifier turns a comparison of known constants
 * into an unconditional jump (or removes it), so a row about a jump
 * compares values it cannot know, and the JIT's compare really runs.
 */
#define ISA_OPAQUE(REG, VALUE, OFF)                                          \
	BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),                             \
	BPF_LD_IMM64(REG, VALUE),                                            \
	BPF_STX_MEM(BPF_DW, BPF_REG_1, REG, OFF),                            \
	BPF_LDX_MEM(BPF_DW, REG, BPF_REG_1, OFF)

/* Row flags. */
#define ISA_ABORTS 1	/* ends inside the body (LD_ABS out of the packet): retval 0 */

struct isa_row {
	const char *name;	/* isa.<group>.<opcode>.<behaviour> */
	struct asm_prog prog;
	__u64 r0;		/* expected R0 at EXIT, all 64 bits */
	int load_errno;		/* nonzero: the verifier refuses the body with this */
	unsigned flags;
};

/* A row that computes R0; one the verifier refuses; one that ends early. */
#define ISA_ROW(NAME, R0, ...)                                               \
	{ .name = (NAME), .prog = PROG(__VA_ARGS__), .r0 = (__u64)(R0) }
#define ISA_REJECT(NAME, ERR, ...)                                           \
	{ .name = (NAME), .prog = PROG(__VA_ARGS__), .load_errno = (ERR) }
#define ISA_ABORT(NAME, ...)                                                 \
	{ .name = (NAME), .prog = PROG(__VA_ARGS__), .flags = ISA_ABORTS }

struct isa_table {
	const struct isa_row *rows;
	size_t n;
};
#define ISA_TABLE(ROWS) { ROWS, sizeof(ROWS) / sizeof(ROWS[0]) }

/* All tables (tables.c), for the generator, the coverage section and the
 * unit tests. */
extern const struct isa_table isa_tables[];
extern const size_t isa_ntables;

/*
 * Names resolved into imm besides maps: a kernel variable for LD_IMM64
 * src 3, and a kfunc for CALL src 2, by their vmlinux BTF ids (looked up
 * when the case runs; the name is also the case's need).
 */
#define ISA_BTF_VAR_PREFIX "btf_var:"
#define ISA_KFUNC_PREFIX "kfunc:"
#define ISA_LD_BTF_VAR(DST, NAME)                                            \
	{ .insn = { .code = BPF_LD | BPF_DW | BPF_IMM, .dst_reg = (DST),     \
		    .src_reg = BPF_PSEUDO_BTF_ID }, .map = ISA_BTF_VAR_PREFIX NAME }, \
	BPF_RAW_INSN(0, 0, 0, 0, 0)
#define ISA_CALL_KFUNC(NAME)                                                 \
	{ .insn = { .code = BPF_JMP | BPF_CALL,                              \
		    .src_reg = BPF_PSEUDO_KFUNC_CALL }, .map = ISA_KFUNC_PREFIX NAME }
/* ISA_MEM by its index in the program's fd_array (LD_IMM64 src 5, 6). */
#define ISA_MEM_IDX 0
#define ISA_LD_MAP_IDX(DST)                                                  \
	BPF_LD_IMM64_RAW(DST, BPF_PSEUDO_MAP_IDX, ISA_MEM_IDX)
#define ISA_LD_MAP_IDX_VALUE(DST, OFF)                                       \
	BPF_LD_IMM64_RAW(DST, BPF_PSEUDO_MAP_IDX_VALUE,                      \
			 ((__u64)(OFF) << 32) | ISA_MEM_IDX)

/* Fake fds and ids the rows' names resolve to outside the kernel. */
#define ISA_FAKE_MEM_FD 1000
#define ISA_FAKE_BTF_ID 2000

static inline int isa_fake_lookup(const char *name, void *ctx)
{
	(void)ctx;
	if (!strncmp(name, ISA_BTF_VAR_PREFIX, strlen(ISA_BTF_VAR_PREFIX)) ||
	    !strncmp(name, ISA_KFUNC_PREFIX, strlen(ISA_KFUNC_PREFIX)))
		return ISA_FAKE_BTF_ID;
	return strcmp(name, ISA_MEM) ? -1 : ISA_FAKE_MEM_FD;
}

/*
 * Resolve a row's body with fake map fds (for the ISA level, coverage and
 * the interpreter).  Returns the count or -1 with the reason in 'err'.
 */
static inline int isa_resolve_fake(const struct isa_row *row, struct bpf_insn *out,
				   size_t cap, char *err, size_t errlen)
{
	return asm_resolve(row->prog, out, cap, isa_fake_lookup, NULL, err, errlen);
}

/*
 * Run a resolved row body (fake fds) in the reference interpreter, with the
 * same memory the kernel run gives it: a zeroed ISA_MEM value, and the
 * packet as a socket filter sees it (from the network header on).
 */
static inline enum interp_status isa_interp(const struct bpf_insn *insns, size_t cnt,
					    unsigned char mem[ISA_MEM_SIZE],
					    struct interp_result *res)
{
	static const int fd_array[] = { [ISA_MEM_IDX] = ISA_FAKE_MEM_FD };
	struct interp_env env = {
		.maps = { { ISA_FAKE_MEM_FD, mem, ISA_MEM_SIZE } },
		.nmaps = 1,
		.fd_array = fd_array,
		.fd_array_cnt = 1,
		.pkt = test_pkt_v4 + 14,
		.pkt_len = sizeof(test_pkt_v4) - 14,
	};

	memset(mem, 0, ISA_MEM_SIZE);
	return interp_run(insns, cnt, &env, res);
}

/* ---- in the kernel (isa.c) ------------------------------------------- */

struct isa_run {
	__u64 r0;		/* spilled by the epilogue */
	int reached_epilogue;	/* 0: the program ended inside the body */
	__u32 retval;
};

/* Load the row's body wrapped in prologue and epilogue as a socket
 * filter: the fd or -errno (prog_load's). */
int isa_load(const struct isa_row *row);
/* Run a loaded row program once; 0 or -errno. */
int isa_run(int prog_fd, struct isa_run *out);

/* Add one case per row (its needs computed from its program). */
void isa_add_table(const struct isa_table *t);

#endif
