// SPDX-License-Identifier: GPL-2.0
/*
 * Instruction encoding: opcodes the ISA does not define, and fields an
 * instruction does not use set to non-zero.  bpf_opcode_in_insntable()
 * refuses unknown opcodes before the walk ("unknown opcode"), the walk
 * refuses reserved fields per class ("BPF_ALU uses reserved fields",
 * "BPF_STX uses reserved fields", ...), a malformed LD_IMM64 pair, a
 * constant division by zero and a constant shift of the register width or
 * more; all EINVAL.  Each twin is the same instruction, well formed.
 * Opcodes of ISA v4 (MOVSX, MEMSX, SDIV) make the harness skip the row on
 * kernels without v4, with the probe's proof.
 */
#include "catalogue.h"

/* One instruction INSN, then return 0; twin: GOOD, then return 0.  Both
 * start with r1 = 1 and fp - 8 written, for instructions that read them. */
#define ONE(NAME, INSN, LOG, GOOD)                                           \
	{ .name = "encoding." NAME,                                          \
	  .bad = PROG(                                                       \
		BPF_MOV64_IMM(BPF_REG_1, 1),                                 \
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),                       \
		INSN,                                                        \
		RET0,                                                        \
	  ),                                                                 \
	  .err = EINVAL, .log = LOG,                                         \
	  .good = PROG(                                                      \
		BPF_MOV64_IMM(BPF_REG_1, 1),                                 \
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),                       \
		GOOD,                                                        \
		RET0,                                                        \
	  ), .run = 1, .retval = 0 }

static const struct vrow rows[] = {
	/* ---- opcodes the ISA does not define ---- */
	ONE("alu64_op_0xf0", BPF_RAW_INSN(BPF_ALU64 | 0xf0 | BPF_K, BPF_REG_1, 0, 0, 1),
	    "unknown opcode", BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, 1)),
	ONE("alu32_op_0xe0", BPF_RAW_INSN(BPF_ALU | 0xe0 | BPF_K, BPF_REG_1, 0, 0, 1),
	    "unknown opcode", BPF_ALU32_IMM(BPF_ADD, BPF_REG_1, 1)),
	ONE("alu64_neg_x", BPF_RAW_INSN(BPF_ALU64 | BPF_NEG | BPF_X, BPF_REG_1, 0, 0, 0),
	    "unknown opcode", BPF_NEG64(BPF_REG_1)),
	ONE("jmp_op_0xf0", BPF_RAW_INSN(BPF_JMP | 0xf0 | BPF_K, BPF_REG_1, 0, 0, 0),
	    NULL, BPF_JMP_IMM_OFF(BPF_JEQ, BPF_REG_1, 0, 0)),
	ONE("jmp32_call", BPF_RAW_INSN(BPF_JMP32 | BPF_CALL, 0, 0, 0, BPF_FUNC_get_prandom_u32),
	    NULL, BPF_CALL_HELPER(get_prandom_u32)),
	ONE("jmp32_exit_code", BPF_RAW_INSN(BPF_JMP32 | BPF_EXIT, 0, 0, 0, 0),
	    NULL, BPF_JMP32_IMM_OFF(BPF_JEQ, BPF_REG_1, 0, 0)),
	ONE("ld_mode_mem", BPF_RAW_INSN(BPF_LD | BPF_MEM | BPF_W, BPF_REG_1, BPF_REG_10, -8, 0),
	    "unknown opcode", BPF_LDX_MEM(BPF_W, BPF_REG_1, BPF_REG_10, -8)),
	ONE("ld_imm_w", BPF_RAW_INSN(BPF_LD | BPF_IMM | BPF_W, BPF_REG_1, 0, 0, 1),
	    "unknown opcode", BPF_MOV64_IMM(BPF_REG_1, 1)),
	ONE("ldx_mode_imm", BPF_RAW_INSN(BPF_LDX | BPF_IMM | BPF_W, BPF_REG_1, BPF_REG_10, -8, 0),
	    "unknown opcode", BPF_LDX_MEM(BPF_W, BPF_REG_1, BPF_REG_10, -8)),
	ONE("ldx_mode_abs", BPF_RAW_INSN(BPF_LDX | BPF_ABS | BPF_W, BPF_REG_1, BPF_REG_10, -8, 0),
	    "unknown opcode", BPF_LDX_MEM(BPF_W, BPF_REG_1, BPF_REG_10, -8)),
	ONE("st_mode_atomic", BPF_RAW_INSN(BPF_ST | BPF_ATOMIC | BPF_DW, BPF_REG_10, 0, -8, 0),
	    "unknown opcode", BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0)),
	ONE("stx_mode_imm", BPF_RAW_INSN(BPF_STX | BPF_IMM | BPF_DW, BPF_REG_10, BPF_REG_1, -8, 0),
	    "unknown opcode", BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_1, -8)),
	ONE("all_zero_insn", BPF_RAW_INSN(0, 0, 0, 0, 0),
	    "unknown opcode", BPF_MOV64_IMM(BPF_REG_1, 0)),
	ONE("memsx_dw", BPF_RAW_INSN(BPF_LDX | BPF_MEMSX | BPF_DW, BPF_REG_1, BPF_REG_10, -8, 0),
	    "unknown opcode", BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_10, -8)),

	/* ---- reserved fields ---- */
	ONE("exit_imm", BPF_RAW_INSN(BPF_JMP | BPF_EXIT, 0, 0, 0, 1), "uses reserved fields",
	    BPF_MOV64_IMM(BPF_REG_0, 0)),
	ONE("exit_dst_reg", BPF_RAW_INSN(BPF_JMP | BPF_EXIT, BPF_REG_1, 0, 0, 0),
	    "uses reserved fields", BPF_MOV64_IMM(BPF_REG_0, 0)),
	ONE("ja_imm", BPF_RAW_INSN(BPF_JMP | BPF_JA, 0, 0, 0, 1), "uses reserved fields",
	    BPF_JMP_A_OFF(0)),
	ONE("ja_src_reg", BPF_RAW_INSN(BPF_JMP | BPF_JA, 0, BPF_REG_1, 0, 0),
	    "uses reserved fields", BPF_JMP_A_OFF(0)),
	ONE("call_helper_off", BPF_RAW_INSN(BPF_JMP | BPF_CALL, 0, 0, 1, BPF_FUNC_get_prandom_u32),
	    "uses reserved fields", BPF_CALL_HELPER(get_prandom_u32)),
	ONE("call_dst_reg", BPF_RAW_INSN(BPF_JMP | BPF_CALL, BPF_REG_1, 0, 0,
					 BPF_FUNC_get_prandom_u32),
	    "uses reserved fields", BPF_CALL_HELPER(get_prandom_u32)),
	ONE("call_unknown_src_reg", BPF_RAW_INSN(BPF_JMP | BPF_CALL, 0, 7, 0,
						 BPF_FUNC_get_prandom_u32),
	    "uses reserved fields", BPF_CALL_HELPER(get_prandom_u32)),
	ONE("mov_imm_src_reg",
	    BPF_RAW_INSN(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_1, BPF_REG_2, 0, 1),
	    "uses reserved fields", BPF_MOV64_IMM(BPF_REG_1, 1)),
	ONE("mov_reg_imm", BPF_RAW_INSN(BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_2, BPF_REG_1, 0, 1),
	    "uses reserved fields", BPF_MOV64_REG(BPF_REG_2, BPF_REG_1)),
	ONE("add_imm_src_reg",
	    BPF_RAW_INSN(BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_1, BPF_REG_2, 0, 1),
	    "uses reserved fields", BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, 1)),
	ONE("add_reg_off", BPF_RAW_INSN(BPF_ALU64 | BPF_ADD | BPF_X, BPF_REG_1, BPF_REG_1, 1, 0),
	    "uses reserved fields", BPF_ALU64_REG(BPF_ADD, BPF_REG_1, BPF_REG_1)),
	ONE("add_reg_imm", BPF_RAW_INSN(BPF_ALU64 | BPF_ADD | BPF_X, BPF_REG_1, BPF_REG_1, 0, 1),
	    "uses reserved fields", BPF_ALU64_REG(BPF_ADD, BPF_REG_1, BPF_REG_1)),
	ONE("neg_imm", BPF_RAW_INSN(BPF_ALU64 | BPF_NEG | BPF_K, BPF_REG_1, 0, 0, 1),
	    "uses reserved fields", BPF_NEG64(BPF_REG_1)),
	ONE("neg_src_reg", BPF_RAW_INSN(BPF_ALU64 | BPF_NEG | BPF_K, BPF_REG_1, BPF_REG_2, 0, 0),
	    "uses reserved fields", BPF_NEG64(BPF_REG_1)),
	ONE("endian_width_8", BPF_ENDIAN(BPF_TO_BE, BPF_REG_1, 8),
	    "uses reserved fields", BPF_ENDIAN(BPF_TO_BE, BPF_REG_1, 16)),
	ONE("endian_src_reg",
	    BPF_RAW_INSN(BPF_ALU | BPF_END | BPF_TO_BE, BPF_REG_1, BPF_REG_2, 0, 32),
	    "uses reserved fields", BPF_ENDIAN(BPF_TO_BE, BPF_REG_1, 32)),
	ONE("st_src_reg", BPF_RAW_INSN(BPF_ST | BPF_MEM | BPF_DW, BPF_REG_10, BPF_REG_1, -8, 0),
	    "uses reserved fields", BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0)),
	ONE("stx_imm", BPF_RAW_INSN(BPF_STX | BPF_MEM | BPF_DW, BPF_REG_10, BPF_REG_1, -8, 1),
	    "uses reserved fields", BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_1, -8)),
	ONE("jmp_imm_src_reg", BPF_RAW_INSN(BPF_JMP | BPF_JEQ | BPF_K, BPF_REG_1, BPF_REG_2, 0, 0),
	    "uses reserved fields", BPF_JMP_IMM_OFF(BPF_JEQ, BPF_REG_1, 0, 0)),
	ONE("jmp_reg_imm", BPF_RAW_INSN(BPF_JMP | BPF_JEQ | BPF_X, BPF_REG_1, BPF_REG_1, 0, 1),
	    "uses reserved fields", BPF_JMP_REG_OFF(BPF_JEQ, BPF_REG_1, BPF_REG_1, 0)),
	ONE("movsx_width_7", BPF_MOVSX64_REG(BPF_REG_2, BPF_REG_1, 7),
	    NULL, BPF_MOVSX64_REG(BPF_REG_2, BPF_REG_1, 8)),
	ONE("div_off_2", BPF_ALU64_IMM_OFF(BPF_DIV, BPF_REG_1, 3, 2),
	    NULL, BPF_SDIV64_IMM(BPF_REG_1, 3)),

	/* ---- atomics ---- */
	{ .name = "encoding.atomic_unknown_op",
	  .bad = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_ATOMIC_OP(BPF_DW, 0x02, BPF_REG_10, BPF_REG_1, -8),	/* op 0x02 */
		RET0,
	  ),
	  .err = EINVAL, .log = "invalid atomic opcode",
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_10, BPF_REG_1, -8),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "encoding.atomic_add_byte",
	  .bad = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_ATOMIC_OP(BPF_B, BPF_ADD, BPF_REG_10, BPF_REG_1, -8),
		RET0,
	  ),
	  .err = EINVAL,
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_ATOMIC_OP(BPF_W, BPF_ADD, BPF_REG_10, BPF_REG_1, -8),
		RET0,
	  ), .run = 1, .retval = 0 },

	/* ---- LD_IMM64 pairs ---- */
	{ .name = "encoding.ld_imm64_last_slot_missing",
	  .bad = PROG(
		RET0,
		/* the first slot of an LD_IMM64, and no second */
		BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, BPF_REG_1, 0, 0, 1),
	  ),
	  .err = EINVAL, .log = "invalid bpf_ld_imm64 insn",
	  .good = PROG(
		BPF_LD_IMM64(BPF_REG_1, 1),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "encoding.ld_imm64_second_code",
	  .bad = PROG(
		BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, BPF_REG_1, 0, 0, 1),
		BPF_RAW_INSN(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0),	/* not 0 */
		RET0,
	  ),
	  .err = EINVAL, .log = "invalid bpf_ld_imm64 insn",
	  .good = PROG(
		BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, BPF_REG_1, 0, 0, 1),
		BPF_RAW_INSN(0, 0, 0, 0, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "encoding.ld_imm64_second_dst_reg",
	  .bad = PROG(
		BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, BPF_REG_1, 0, 0, 1),
		BPF_RAW_INSN(0, BPF_REG_1, 0, 0, 0),
		RET0,
	  ),
	  .err = EINVAL, .log = "invalid bpf_ld_imm64 insn",
	  .good = PROG(
		BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, BPF_REG_1, 0, 0, 1),
		BPF_RAW_INSN(0, 0, 0, 0, 7),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "encoding.ld_imm64_second_off",
	  .bad = PROG(
		BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, BPF_REG_1, 0, 0, 1),
		BPF_RAW_INSN(0, 0, 0, 1, 0),
		RET0,
	  ),
	  .err = EINVAL, .log = "invalid bpf_ld_imm64 insn",
	  .good = PROG(
		BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, BPF_REG_1, 0, 0, 1),
		BPF_RAW_INSN(0, 0, 0, 0, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "encoding.ld_imm64_first_off",
	  .bad = PROG(
		BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, BPF_REG_1, 0, 1, 1),
		BPF_RAW_INSN(0, 0, 0, 0, 0),
		RET0,
	  ),
	  .err = EINVAL,
	  .good = PROG(
		BPF_LD_IMM64(BPF_REG_1, 1),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "encoding.ld_imm64_unknown_pseudo",
	  .bad = PROG(
		BPF_LD_IMM64_RAW(BPF_REG_1, 15, 0),		/* src_reg 15: no such pseudo */
		RET0,
	  ),
	  .err = EINVAL,
	  .good = PROG(
		BPF_LD_IMM64_RAW(BPF_REG_1, 0, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	/* ---- constants the ALU cannot take ---- */
	ONE("div_by_zero_imm", BPF_ALU64_IMM(BPF_DIV, BPF_REG_1, 0), "division by zero",
	    BPF_ALU64_IMM(BPF_DIV, BPF_REG_1, 1)),
	ONE("mod_by_zero_imm", BPF_ALU64_IMM(BPF_MOD, BPF_REG_1, 0), "division by zero",
	    BPF_ALU64_IMM(BPF_MOD, BPF_REG_1, 1)),
	ONE("div32_by_zero_imm", BPF_ALU32_IMM(BPF_DIV, BPF_REG_1, 0), "division by zero",
	    BPF_ALU32_IMM(BPF_DIV, BPF_REG_1, 1)),
	ONE("lsh64_by_64", BPF_ALU64_IMM(BPF_LSH, BPF_REG_1, 64), "invalid shift",
	    BPF_ALU64_IMM(BPF_LSH, BPF_REG_1, 63)),
	ONE("rsh32_by_32", BPF_ALU32_IMM(BPF_RSH, BPF_REG_1, 32), "invalid shift",
	    BPF_ALU32_IMM(BPF_RSH, BPF_REG_1, 31)),
	ONE("arsh64_by_minus_1", BPF_ALU64_IMM(BPF_ARSH, BPF_REG_1, -1), "invalid shift",
	    BPF_ALU64_IMM(BPF_ARSH, BPF_REG_1, 1)),

	/* ---- legacy packet loads: r6 holds the skb ---- */
	{ .name = "encoding.ld_abs_dst_reg",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_RAW_INSN(BPF_LD | BPF_ABS | BPF_B, BPF_REG_1, 0, 0, 0),	/* dst set */
		RET0,
	  ),
	  .err = EINVAL, .log = "uses reserved fields",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_LD_ABS(BPF_B, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "encoding.ld_abs_dw",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_RAW_INSN(BPF_LD | BPF_ABS | BPF_DW, 0, 0, 0, 0),
		RET0,
	  ),
	  .err = EINVAL,
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_LD_ABS(BPF_W, 0),
		RET0,
	  ), .run = 1, .retval = 0 },
};
VCAT_GENERATOR(rows)
