/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CALL and EXIT: bpf-to-bpf calls (src 1, "bpf: introduce function calls",
 * 4.16) with arguments in R1-R5 and the result in R0, R6-R9 preserved
 * across the call, a stack frame per call; a helper call (src 0); and the
 * verifier's rule that a call (helper or LD_ABS) leaves R1-R5 unreadable
 * (EACCES, "R1 !read_ok").  CALLX (0x8d, call through a register) is in
 * the RFC but Linux has no such instruction: the verifier refuses it.
 */
#include "isa.h"

static const struct isa_row isa_call_rows[] = {
	ISA_ROW("isa.call.local.args_and_return", 7,
		BPF_MOV64_IMM(BPF_REG_1, 3),
		BPF_MOV64_IMM(BPF_REG_2, 4),
		BPF_CALL_LABEL("add"),				/* r0 = add(3, 4) */
		BPF_EXIT_INSN(),
		LABEL("add"),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),
		BPF_ALU64_REG(BPF_ADD, BPF_REG_0, BPF_REG_2),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.call.local.callee_saved_r6_r9", 30,
		BPF_MOV64_IMM(BPF_REG_6, 6),
		BPF_MOV64_IMM(BPF_REG_7, 7),
		BPF_MOV64_IMM(BPF_REG_8, 8),
		BPF_MOV64_IMM(BPF_REG_9, 9),
		BPF_CALL_LABEL("clobber"),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_6),		/* r0 = r6 + r7 + r8 + r9 */
		BPF_ALU64_REG(BPF_ADD, BPF_REG_0, BPF_REG_7),
		BPF_ALU64_REG(BPF_ADD, BPF_REG_0, BPF_REG_8),
		BPF_ALU64_REG(BPF_ADD, BPF_REG_0, BPF_REG_9),
		BPF_EXIT_INSN(),
		LABEL("clobber"),
		BPF_MOV64_IMM(BPF_REG_6, 100),
		BPF_MOV64_IMM(BPF_REG_7, 100),
		BPF_MOV64_IMM(BPF_REG_8, 100),
		BPF_MOV64_IMM(BPF_REG_9, 100),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.call.local.own_stack_frame", 0x1111,
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0x1111),
		BPF_CALL_LABEL("sub"),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, -8),	/* still the caller's value */
		BPF_EXIT_INSN(),
		LABEL("sub"),
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0x2222),	/* the callee's fp - 8 */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, -8),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.call.local.reads_caller_stack", 0x3333,
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0x3333),
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, -8),		/* r1 = fp - 8 */
		BPF_CALL_LABEL("deref"),
		BPF_EXIT_INSN(),
		LABEL("deref"),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.call.local.nested", 12,
		BPF_MOV64_IMM(BPF_REG_1, 3),
		BPF_CALL_LABEL("times4"),
		BPF_EXIT_INSN(),
		LABEL("times4"),
		BPF_CALL_LABEL("times2"),
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_0),
		BPF_CALL_LABEL("times2"),
		BPF_EXIT_INSN(),
		LABEL("times2"),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 1),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.call.helper.map_lookup_elem", 42,
		BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),		/* key = 0 */
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),		/* r2 = &key */
		BPF_LD_MAP_FD(BPF_REG_1, ISA_MEM),		/* r1 = the map */
		BPF_CALL_HELPER(map_lookup_elem),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
		BPF_ST_MEM(BPF_DW, BPF_REG_0, 0, 42),		/* through the helper's pointer */
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),	/* read back through LD_IMM64 */
		LABEL("out"),
		BPF_EXIT_INSN(),
	),
	ISA_REJECT("isa.call.helper.clobbers_r1_eacces", EACCES,
		BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
		BPF_LD_MAP_FD(BPF_REG_1, ISA_MEM),
		BPF_CALL_HELPER(map_lookup_elem),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),		/* r1 is scratch now */
		BPF_EXIT_INSN(),
	),
	ISA_REJECT("isa.call.helper.clobbers_r5_eacces", EACCES,
		BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),
		BPF_MOV64_IMM(BPF_REG_5, 5),
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
		BPF_LD_MAP_FD(BPF_REG_1, ISA_MEM),
		BPF_CALL_HELPER(map_lookup_elem),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_5),
		BPF_EXIT_INSN(),
	),
	ISA_REJECT("isa.call.callx.einval", EINVAL,
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_RAW_INSN(BPF_JMP | BPF_CALL | BPF_X, BPF_REG_2, 0, 0, 0),	/* callx r2 */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.exit.returns_r0", 0x0123456789abcdefULL,
		BPF_LD_IMM64(BPF_REG_0, 0x0123456789abcdefULL),
		BPF_EXIT_INSN(),
	),
};
