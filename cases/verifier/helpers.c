// SPDX-License-Identifier: GPL-2.0
/*
 * Helper calls: the function must exist (EINVAL "invalid func"), be
 * offered to the program type (EINVAL "program of this type cannot use
 * helper"), be GPL-compatible when the helper is gpl_only (EINVAL), take a
 * map of a type it accepts (check_map_func_compatibility(), EINVAL), and
 * get arguments of the types and sizes its prototype says
 * (check_func_arg(), EACCES).  Kernel functions named by a BTF id that is
 * not a function are EINVAL too.
 */
#include "catalogue.h"

/* skb_load_bytes(ctx, 0, fp - 8, 4): the well-formed call the rows break. */
#define LOAD_BYTES_OK                                                        \
	BPF_MOV64_IMM(BPF_REG_2, 0),                                         \
	BPF_MOV64_REG(BPF_REG_3, BPF_REG_10),                                \
	BPF_ALU64_IMM(BPF_ADD, BPF_REG_3, -8),                               \
	BPF_MOV64_IMM(BPF_REG_4, 4),                                         \
	BPF_CALL_HELPER(skb_load_bytes)

#define H_LB VNEEDS(HELPER(skb_load_bytes))

static const struct vrow rows[] = {
	{ .name = "helpers.unknown_func_id",
	  .bad = PROG(
		BPF_EMIT_CALL(100000),
		RET0,
	  ),
	  .err = EINVAL, .log = "invalid func",
	  .good = PROG(
		BPF_CALL_HELPER(get_prandom_u32),
		RET0,
	  ), .run = 1, .retval = 0, .needs = VNEEDS(HELPER(get_prandom_u32)) },

	{ .name = "helpers.negative_func_id",
	  .bad = PROG(
		BPF_EMIT_CALL(-1),
		RET0,
	  ),
	  .err = EINVAL,
	  .good = PROG(
		BPF_CALL_HELPER(get_prandom_u32),
		RET0,
	  ), .run = 1, .retval = 0, .needs = VNEEDS(HELPER(get_prandom_u32)) },

	{ .name = "helpers.func_id_zero_unspec",
	  .bad = PROG(
		BPF_EMIT_CALL(0),				/* BPF_FUNC_unspec */
		RET0,
	  ),
	  .err = EINVAL,
	  .good = PROG(
		BPF_CALL_HELPER(get_prandom_u32),
		RET0,
	  ), .run = 1, .retval = 0, .needs = VNEEDS(HELPER(get_prandom_u32)) },

	{ .name = "helpers.xdp_helper_in_socket_filter",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_CALL_HELPER(xdp_adjust_head),		/* XDP only */
		RET0,
	  ),
	  .err = EINVAL, .log = "cannot use helper",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_CALL_HELPER(get_prandom_u32),
		RET0,
	  ), .run = 1, .retval = 0,
	  .needs = VNEEDS(HELPER(xdp_adjust_head), HELPER(get_prandom_u32)) },

	{ .name = "helpers.tc_helper_in_socket_filter",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_MOV64_IMM(BPF_REG_3, 0),
		BPF_CALL_HELPER(skb_change_head),		/* tc and lwt only */
		RET0,
	  ),
	  .err = EINVAL, .log = "cannot use helper",
	  .good = PROG(
		LOAD_BYTES_OK,
		RET0,
	  ), .run = 1, .retval = 0,
	  .needs = VNEEDS(HELPER(skb_change_head), HELPER(skb_load_bytes)) },

	/* bpf_probe_read_kernel() is gpl_only: a program whose license is not
	 * GPL-compatible may not call it. */
	{ .name = "helpers.gpl_only_from_non_gpl",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, -8),
		BPF_MOV64_IMM(BPF_REG_2, 8),
		BPF_MOV64_IMM(BPF_REG_3, 0),
		BPF_CALL_HELPER(probe_read_kernel),
		RET0,
	  ),
	  .err = EINVAL, .log = "GPL", .license = "Proprietary",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, -8),
		BPF_MOV64_IMM(BPF_REG_2, 8),
		BPF_MOV64_IMM(BPF_REG_3, 0),
		BPF_CALL_HELPER(probe_read_kernel),
		RET0,
	  ), .type = BPF_PROG_TYPE_RAW_TRACEPOINT,
	  .needs = VNEEDS(HELPER(probe_read_kernel)) },

	{ .name = "helpers.tail_call_on_array",
	  .bad = PROG(
		BPF_LD_MAP_FD(BPF_REG_2, "arr"),		/* not a prog array */
		BPF_MOV64_IMM(BPF_REG_3, 0),
		BPF_CALL_HELPER(tail_call),
		RET0,
	  ),
	  .err = EINVAL, .log = "cannot pass map_type",
	  .good = PROG(
		BPF_LD_MAP_FD(BPF_REG_2, "progs"),
		BPF_MOV64_IMM(BPF_REG_3, 0),
		BPF_CALL_HELPER(tail_call),
		RET0,
	  ), .run = 1, .retval = 0, .maps = VM_ARR | VM_PROGS, .needs = VNEEDS(HELPER(tail_call)) },

	{ .name = "helpers.lookup_on_prog_array",
	  .bad = PROG(
		LOOKUP("progs"),
		RET0,
	  ),
	  .err = EINVAL, .log = "cannot pass map_type",
	  .good = PROG(
		LOOKUP("arr"),
		RET0,
	  ), .run = 1, .retval = 0, .maps = VM_ARR | VM_PROGS,
	  .needs = VNEEDS(HELPER(map_lookup_elem)) },

	{ .name = "helpers.arg_ctx_given_stack",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_10),		/* ctx wanted */
		LOAD_BYTES_OK,
		RET0,
	  ),
	  .err = EACCES, .log = "expected=ctx",
	  .good = PROG(
		LOAD_BYTES_OK,
		RET0,
	  ), .run = 1, .retval = 0, .needs = H_LB },

	{ .name = "helpers.arg_mem_given_ctx",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_1),		/* into the ctx */
		BPF_MOV64_IMM(BPF_REG_4, 4),
		BPF_CALL_HELPER(skb_load_bytes),
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(
		LOAD_BYTES_OK,
		RET0,
	  ), .run = 1, .retval = 0, .needs = H_LB },

	{ .name = "helpers.arg_mem_given_scalar",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_MOV64_IMM(BPF_REG_3, 0),			/* NULL */
		BPF_MOV64_IMM(BPF_REG_4, 4),
		BPF_CALL_HELPER(skb_load_bytes),
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(
		LOAD_BYTES_OK,
		RET0,
	  ), .run = 1, .retval = 0, .needs = H_LB },

	{ .name = "helpers.arg_size_zero",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_3, -8),
		BPF_MOV64_IMM(BPF_REG_4, 0),			/* len 0: not allowed here */
		BPF_CALL_HELPER(skb_load_bytes),
		RET0,
	  ),
	  .err = EACCES, .log = "zero-sized",
	  .good = PROG(
		LOAD_BYTES_OK,
		RET0,
	  ), .run = 1, .retval = 0, .needs = H_LB },

	{ .name = "helpers.arg_size_negative",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_3, -8),
		BPF_MOV64_IMM(BPF_REG_4, -1),
		BPF_CALL_HELPER(skb_load_bytes),
		RET0,
	  ),
	  .err = EACCES, .log = "min value is negative",
	  .good = PROG(
		LOAD_BYTES_OK,
		RET0,
	  ), .run = 1, .retval = 0, .needs = H_LB },

	{ .name = "helpers.arg_size_unbounded",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),		/* old kernels want it */
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_MOV64_REG(BPF_REG_4, BPF_REG_0),		/* len = random */
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_6),
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_3, -8),
		BPF_CALL_HELPER(skb_load_bytes),
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),		/* old kernels want it */
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_MOV64_REG(BPF_REG_4, BPF_REG_0),
		BPF_ALU64_IMM(BPF_AND, BPF_REG_4, 7),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_4, 1),		/* len = 1 + (random & 7) */
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_6),
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_3, -8),
		BPF_CALL_HELPER(skb_load_bytes),
		RET0,
	  ), .run = 1, .retval = 0,
	  .needs = VNEEDS(HELPER(skb_load_bytes), HELPER(get_prandom_u32)) },

	{ .name = "helpers.arg_size_past_map_value",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		LOOKUP("arr"),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_6),
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_0),
		BPF_MOV64_IMM(BPF_REG_4, 16),			/* 16 bytes into 8 */
		BPF_CALL_HELPER(skb_load_bytes),
		LABEL("out"),
		RET0,
	  ),
	  .err = EACCES, .log = "invalid access to map value",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		LOOKUP("arr"),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_6),
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_0),
		BPF_MOV64_IMM(BPF_REG_4, 8),
		BPF_CALL_HELPER(skb_load_bytes),
		LABEL("out"),
		RET0,
	  ), .run = 1, .retval = 0, .maps = VM_ARR,
	  .needs = VNEEDS(HELPER(skb_load_bytes), HELPER(map_lookup_elem)) },

	{ .name = "helpers.arg_uninit_register",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_3, -8),
		BPF_MOV64_IMM(BPF_REG_4, 4),
		BPF_CALL_HELPER(skb_load_bytes),		/* r2 never set */
		RET0,
	  ),
	  .err = EACCES, .log = "R2 !read_ok",
	  .good = PROG(
		LOAD_BYTES_OK,
		RET0,
	  ), .run = 1, .retval = 0, .needs = H_LB },

	/* A kernel function call (kfunc) whose BTF id names no function. */
	{ .name = "helpers.kfunc_id_not_a_function",
	  .bad = PROG(
		BPF_CALL_KFUNC(0x7ffffff0, 0),
		RET0,
	  ),
	  .err = EINVAL,
	  .good = PROG(
		BPF_CALL_HELPER(get_prandom_u32),
		RET0,
	  ), .run = 1, .retval = 0, .needs = VNEEDS(HELPER(get_prandom_u32)) },
};
VCAT_GENERATOR(rows)
