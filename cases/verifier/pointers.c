// SPDX-License-Identifier: GPL-2.0
/*
 * Pointer arithmetic and dereference: only addition and subtraction of
 * scalars move a pointer, in 64-bit ALU; a context pointer must be
 * dereferenced at its original position; a scalar is not an address.
 * adjust_ptr_min_max_vals() and check_mem_access() in
 * kernel/bpf/verifier.c, EACCES.  Subtracting two pointers is allowed to
 * privileged programs (it yields a scalar), adding them is not.  Pointer
 * comparisons and pointer leaks are refused only for unprivileged
 * programs, and so is negating a pointer.  A context pointer moved by a
 * constant and then dereferenced is refused by older kernels ("dereference
 * of modified ctx ptr") but accepted by 6.18, so only the variable-offset
 * form is here.
 */
#include "catalogue.h"

#define LEN offsetof(struct __sk_buff, len)

#define PTR_ALU(NAME, OP, LOG)                                               \
	{ .name = "pointers." NAME,                                          \
	  .bad = PROG(                                                       \
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),                        \
		BPF_ALU64_IMM(OP, BPF_REG_2, 2),	/* on fp */                  \
		RET0,                                                        \
	  ),                                                                 \
	  .err = EACCES, .log = LOG,                                         \
	  .good = PROG(                                                      \
		BPF_MOV64_IMM(BPF_REG_2, 8),                                 \
		BPF_ALU64_IMM(OP, BPF_REG_2, 2),	/* on a scalar */            \
		RET0,                                                        \
	  ), .run = 1, .retval = 0 }

static const struct vrow rows[] = {
	PTR_ALU("stack_ptr_mul", BPF_MUL, "pointer arithmetic with *= operator"),
	PTR_ALU("stack_ptr_div", BPF_DIV, "pointer arithmetic with /= operator"),
	PTR_ALU("stack_ptr_and", BPF_AND, "bitwise operator &= on pointer"),
	PTR_ALU("stack_ptr_or", BPF_OR, "bitwise operator |= on pointer"),
	PTR_ALU("stack_ptr_xor", BPF_XOR, "bitwise operator ^= on pointer"),
	PTR_ALU("stack_ptr_lsh", BPF_LSH, "pointer arithmetic with <<= operator"),
	PTR_ALU("stack_ptr_rsh", BPF_RSH, "pointer arithmetic with >>= operator"),
	PTR_ALU("stack_ptr_arsh", BPF_ARSH, "pointer arithmetic with s>>= operator"),

	{ .name = "pointers.stack_ptr_alu32_add",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU32_IMM(BPF_ADD, BPF_REG_2, -8),		/* w2 += -8 */
		RET0,
	  ),
	  .err = EACCES, .log = "32-bit pointer arithmetic prohibited",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -8),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "pointers.ptr_plus_ptr",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_REG(BPF_ADD, BPF_REG_2, BPF_REG_1),	/* fp + ctx */
		RET0,
	  ),
	  .err = EACCES, .log = "pointer += pointer",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_REG(BPF_SUB, BPF_REG_2, BPF_REG_1),	/* fp - ctx: a scalar */
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "pointers.scalar_minus_ptr",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_ALU64_REG(BPF_SUB, BPF_REG_2, BPF_REG_1),	/* 0 - ctx */
		RET0,
	  ),
	  .err = EACCES, .log = "tried to subtract pointer from scalar",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_1),
		BPF_ALU64_IMM(BPF_SUB, BPF_REG_2, 0),		/* ctx - 0 */
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "pointers.ctx_plus_unknown_deref",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_ALU64_IMM(BPF_AND, BPF_REG_0, 4),
		BPF_ALU64_REG(BPF_ADD, BPF_REG_6, BPF_REG_0),	/* ctx + (0 or 4) */
		BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_6, 0),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES,
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_6, LEN),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 50, .needs = VNEEDS(HELPER(get_prandom_u32)) },

	{ .name = "pointers.scalar_deref_read",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 4096),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_2, 0),	/* *(u64 *)4096 */
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid mem access 'scalar'",
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 1),
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_2, -8),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 1 },

	{ .name = "pointers.scalar_deref_write",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 4096),
		BPF_ST_MEM(BPF_DW, BPF_REG_2, 0, 0),
		RET0,
	  ),
	  .err = EACCES, .log = "invalid mem access 'scalar'",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ST_MEM(BPF_DW, BPF_REG_2, -8, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "pointers.scalar_from_stack_deref",
	  .bad = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 4096),
		BPF_LDX_MEM(BPF_DW, BPF_REG_2, BPF_REG_10, -8),	/* a number, not a spill */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_2, 0),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid mem access 'scalar'",
	  .good = PROG(
		BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_10, -8),	/* spill fp */
		BPF_LDX_MEM(BPF_DW, BPF_REG_2, BPF_REG_10, -8),
		BPF_ST_MEM(BPF_DW, BPF_REG_2, -16, 3),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_2, -16),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 3 },

	{ .name = "pointers.atomic_add_to_ctx",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 1),
		/* ctx->cb[0] += 1 */
		BPF_ATOMIC_OP(BPF_W, BPF_ADD, BPF_REG_1, BPF_REG_2, 48),
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(
		BPF_ST_MEM(BPF_W, BPF_REG_10, -8, 0),
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_ATOMIC_OP(BPF_W, BPF_ADD, BPF_REG_10, BPF_REG_2, -8),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "pointers.atomic_xchg_on_ctx",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_ATOMIC_OP(BPF_DW, BPF_XCHG, BPF_REG_1, BPF_REG_2, 48),
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_ATOMIC_OP(BPF_DW, BPF_XCHG, BPF_REG_10, BPF_REG_2, -8),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "pointers.atomic_on_scalar",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_3, 4096),
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_3, BPF_REG_2, 0),
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_10),
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_3, BPF_REG_2, -8),
		RET0,
	  ), .run = 1, .retval = 0 },
};
VCAT_GENERATOR(rows)
