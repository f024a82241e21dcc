/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A seeded generator of random, verifier-safe BPF programs for
 * differential runs (kernel against insn/interp.c).
 *
 * A program is a list of ops, each one to a few instructions that belong
 * together (a map-value access with the LD_IMM64 of its base pointer, a
 * conditional jump with the JA it guards).  Jumps go forward only, to op
 * boundaries, so dropping ops keeps the program well formed: that is what
 * the minimizer does.  Layout:
 *
 *   prologue   the context saved at fp-80, r0-r9 from immediates (up to
 *              three then loaded from the map value, unknown to the
 *              verifier), the stack fp-64..fp-1 initialised
 *   body       random ops: ALU/ALU32 K and X, NEG, END (and with v4
 *              SDIV/SMOD, MOVSX, BSWAP, MEMSX, JA32), LD_IMM64, loads and
 *              stores on the stack and on the map value, atomics, JMP and
 *              JMP32 with every condition, JA; in some programs LD_ABS and
 *              LD_IND (R6 = the context for them, R1-R5 set again after),
 *              in others bpf-to-bpf calls (R1-R5 set again after)
 *   epilogue   r0-r9 and the stack slots stored into the map value; exit
 *   subprograms  called ones only: ALU on R0-R5 and their own stack
 *
 * A packet load outside the packet ends the program with 0, before the
 * epilogue, in the kernel and in the interpreter alike.
 *
 * The map value (GEN_VALUE_SIZE bytes) holds the memory the body uses
 * (GEN_MEM_SIZE bytes, initialised by gen_mem_init()), then the spilled
 * registers, then the copy of the stack.  All registers hold scalars
 * outside a map-value op, so everything spilled is comparable.
 */
#ifndef BPFCONFORM_GEN_H
#define BPFCONFORM_GEN_H

#include <stddef.h>

#include "../uapi/bpf.h"

#define GEN_MEM_SIZE 64
#define GEN_REGS_OFF GEN_MEM_SIZE			/* r0..r9, 8 bytes each */
#define GEN_STACK_OFF (GEN_REGS_OFF + 10 * 8)		/* fp-64 .. fp-1 */
#define GEN_STACK_SIZE 64
#define GEN_VALUE_SIZE (GEN_STACK_OFF + GEN_STACK_SIZE)

#define GEN_MAX_OPS 64
#define GEN_OP_INSNS 12
#define GEN_MAX_SUBS 2
#define GEN_SUB_OPS 8
#define GEN_MAX_INSNS (40 + GEN_MAX_OPS * GEN_OP_INSNS + 40 + \
		       GEN_MAX_SUBS * (GEN_SUB_OPS * GEN_OP_INSNS + 2))

struct gen_opts {
	int v4;			/* also emit the v4 instructions */
	unsigned min_ops, max_ops;	/* body length; 0: 4 and 40 */
	int no_packet, no_calls;	/* leave out LD_ABS/LD_IND, or calls */
	int no_fetch;		/* leave out atomics that load (FETCH, XCHG,
				 * CMPXCHG): to tell other mismatches from
				 * those known in the verifier's handling of them */
	int add_only;		/* atomics: ADD only, the one older than 5.12 */
};

struct gen_op {
	struct bpf_insn insn[GEN_OP_INSNS];
	unsigned char n;	/* instructions in this op */
	signed char jump_at;	/* index in insn[] of a forward jump, or -1 */
	unsigned short target;	/* op it jumps to (n_ops: the epilogue) */
	signed char call_at;	/* index in insn[] of a bpf-to-bpf call, or -1 */
	unsigned char callee;	/* the subprogram it calls */
};

struct gen_sub {
	struct gen_op ops[GEN_SUB_OPS];
	unsigned nops;
};

struct gen_prog {
	unsigned char mem[GEN_MEM_SIZE];	/* initial contents of the map memory */
	struct gen_op pro[24];			/* prologue */
	unsigned npro;
	struct gen_op ops[GEN_MAX_OPS];		/* body */
	unsigned nops;
	struct gen_sub subs[GEN_MAX_SUBS];	/* bpf-to-bpf callees */
	unsigned nsubs;
};

/* Deterministic: program 'index' of 'seed'. */
void gen_program(unsigned long long seed, unsigned long long index,
		 const struct gen_opts *opts, struct gen_prog *p);

/* Lay the program out into 'out' (room for GEN_MAX_INSNS), with 'map_fd'
 * in every LD_IMM64 of the map value.  Returns the instruction count. */
size_t gen_emit(const struct gen_prog *p, int map_fd, struct bpf_insn *out);

/* The initial map value: mem, then zeros. */
void gen_value_init(const struct gen_prog *p, unsigned char value[GEN_VALUE_SIZE]);

/* Drop body op 'i', retargeting jumps to it to the op that follows. */
void gen_drop_op(struct gen_prog *p, unsigned i);

#endif
