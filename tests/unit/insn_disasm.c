// SPDX-License-Identifier: GPL-2.0
/*
 * insn/disasm.c: macro -> text round trips for a representative of every
 * instruction form (the expected text written out, in the verifier log's
 * style), what bad opcodes and reserved fields print, a truncated LD_IMM64,
 * insn_dump()'s slot numbering, and that no encoding at all can crash it.
 *
 * What counts as bad follows the kernel's verifier (kernel/bpf/verifier.c:
 * the opcode table bpf_opcode_in_insntable() in kernel/bpf/core.c and the
 * "uses reserved fields" checks), whose rules have only widened over time:
 * v4 forms in 6.6, may_goto and addr_space_cast in 6.9, load_acquire and
 * store_release (the only B/H sized atomics) in 6.15.
 */
#include <stdio.h>

#include "harness/case.h"
#include "insn/insn.h"

struct dis_row {
	const char *name;		/* unit.insn.disasm.<name> */
	struct asm_insn items[4];
	size_t nitems;
	const char *want;		/* the first instruction's text */
	int slots;			/* what insn_disasm() returns for it */
};

#define ROW(NAME, WANT, SLOTS, ...)                                          \
	{ NAME, { __VA_ARGS__ },                                             \
	  sizeof((struct asm_insn[]){ __VA_ARGS__ }) / sizeof(struct asm_insn), \
	  WANT, SLOTS }

#define R0 BPF_REG_0
#define R1 BPF_REG_1
#define R2 BPF_REG_2
#define R6 BPF_REG_6
#define R10 BPF_REG_10

static const struct dis_row rows[] = {
	/* arithmetic, every operator once */
	ROW("mov64_imm", "r0 = 1", 1, BPF_MOV64_IMM(R0, 1)),
	ROW("mov64_imm_negative", "r0 = -1", 1, BPF_MOV64_IMM(R0, -1)),
	ROW("mov64_reg", "r6 = r10", 1, BPF_MOV64_REG(R6, R10)),
	ROW("mov32_imm", "w1 = 305419896", 1, BPF_MOV32_IMM(R1, 0x12345678)),
	ROW("mov32_reg", "w1 = w2", 1, BPF_MOV32_REG(R1, R2)),
	ROW("alu32_add_x", "w1 += w2", 1, BPF_ALU32_REG(BPF_ADD, R1, R2)),
	ROW("alu64_add_k", "r2 += -8", 1, BPF_ALU64_IMM(BPF_ADD, R2, -8)),
	ROW("alu64_sub_x", "r1 -= r2", 1, BPF_ALU64_REG(BPF_SUB, R1, R2)),
	ROW("alu64_mul_k", "r1 *= 3", 1, BPF_ALU64_IMM(BPF_MUL, R1, 3)),
	ROW("alu64_div_k", "r1 /= 3", 1, BPF_ALU64_IMM(BPF_DIV, R1, 3)),
	ROW("alu32_or_k", "w1 |= 3", 1, BPF_ALU32_IMM(BPF_OR, R1, 3)),
	ROW("alu64_and_x", "r1 &= r2", 1, BPF_ALU64_REG(BPF_AND, R1, R2)),
	ROW("alu64_lsh_k", "r1 <<= 32", 1, BPF_ALU64_IMM(BPF_LSH, R1, 32)),
	ROW("alu32_rsh_x", "w1 >>= w2", 1, BPF_ALU32_REG(BPF_RSH, R1, R2)),
	ROW("alu64_mod_x", "r1 %= r2", 1, BPF_ALU64_REG(BPF_MOD, R1, R2)),
	ROW("alu32_xor_k", "w1 ^= -1", 1, BPF_ALU32_IMM(BPF_XOR, R1, -1)),
	ROW("alu64_arsh_k", "r1 s>>= 63", 1, BPF_ALU64_IMM(BPF_ARSH, R1, 63)),
	ROW("neg64", "r1 = -r1", 1, BPF_NEG64(R1)),
	ROW("neg32", "w1 = -w1", 1, BPF_NEG32(R1)),
	/* v4 */
	ROW("sdiv64_imm", "r1 s/= 3", 1, BPF_SDIV64_IMM(R1, 3)),
	ROW("sdiv32_reg", "w1 s/= w2", 1, BPF_SDIV32_REG(R1, R2)),
	ROW("smod64_reg", "r1 s%= r2", 1, BPF_SMOD64_REG(R1, R2)),
	ROW("smod32_imm", "w1 s%= -7", 1, BPF_SMOD32_IMM(R1, -7)),
	ROW("movsx64_8", "r1 = (s8)r2", 1, BPF_MOVSX64_REG(R1, R2, 8)),
	ROW("movsx64_16", "r1 = (s16)r2", 1, BPF_MOVSX64_REG(R1, R2, 16)),
	ROW("movsx64_32", "r1 = (s32)r2", 1, BPF_MOVSX64_REG(R1, R2, 32)),
	ROW("movsx32_8", "w1 = (s8)w2", 1, BPF_MOVSX32_REG(R1, R2, 8)),
	ROW("movsx32_16", "w1 = (s16)w2", 1, BPF_MOVSX32_REG(R1, R2, 16)),
	ROW("end_be16", "r2 = be16 r2", 1, BPF_ENDIAN(BPF_TO_BE, R2, 16)),
	ROW("end_be32", "r2 = be32 r2", 1, BPF_ENDIAN(BPF_TO_BE, R2, 32)),
	ROW("end_le64", "r2 = le64 r2", 1, BPF_ENDIAN(BPF_TO_LE, R2, 64)),
	ROW("bswap16", "r2 = bswap16 r2", 1, BPF_BSWAP(R2, 16)),
	ROW("bswap64", "r2 = bswap64 r2", 1, BPF_BSWAP(R2, 64)),
	/* 6.9 arena pointer cast: ALU64 MOV X with off 1, imm dst_as << 16 | src_as */
	ROW("addr_space_cast", "r1 = addr_space_cast(r2, 0, 1)", 1,
	    BPF_RAW_INSN(BPF_ALU64 | BPF_MOV | BPF_X, R1, R2, 1, 1)),

	/* 64-bit immediates */
	ROW("ld_imm64", "r1 = 0x1122334455667788 ll", 2,
	    BPF_LD_IMM64(R1, 0x1122334455667788ULL)),
	ROW("ld_imm64_zero", "r1 = 0x0 ll", 2, BPF_LD_IMM64(R1, 0)),
	ROW("ld_map_fd", "r1 = map[fd:5]", 2, BPF_LD_MAP_FD(R1, "m")),
	ROW("ld_map_value", "r1 = map[fd:5][0]+8", 2, BPF_LD_MAP_VALUE(R1, "m", 8)),
	ROW("ld_map_idx", "r2 = map[idx:3]", 2, BPF_LD_IMM64_RAW(R2, BPF_PSEUDO_MAP_IDX, 3)),
	ROW("ld_map_idx_value", "r2 = map[idx:3][0]+4", 2,
	    BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, R2, BPF_PSEUDO_MAP_IDX_VALUE, 0, 3),
	    BPF_RAW_INSN(0, 0, 0, 0, 4)),
	ROW("ld_btf_id", "r1 = btf_id 123", 2, BPF_LD_BTF_ID(R1, 123)),
	ROW("ld_btf_id_module", "r1 = btf_id 123 (btf fd 9)", 2,
	    BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, R1, BPF_PSEUDO_BTF_ID, 0, 123),
	    BPF_RAW_INSN(0, 0, 0, 0, 9)),
	ROW("ld_func", "r1 = func +1", 2, BPF_LD_FUNC(R1, "f"), LABEL("f"), BPF_EXIT_INSN()),

	/* memory */
	ROW("ldx_w", "r0 = *(u32 *)(r1 +4)", 1, BPF_LDX_MEM(BPF_W, R0, R1, 4)),
	ROW("ldx_h", "r0 = *(u16 *)(r1 +0)", 1, BPF_LDX_MEM(BPF_H, R0, R1, 0)),
	ROW("ldx_b", "r0 = *(u8 *)(r1 -1)", 1, BPF_LDX_MEM(BPF_B, R0, R1, -1)),
	ROW("ldx_dw", "r0 = *(u64 *)(r10 -8)", 1, BPF_LDX_MEM(BPF_DW, R0, R10, -8)),
	ROW("ldx_memsx_b", "r0 = *(s8 *)(r1 +1)", 1, BPF_LDX_MEMSX(BPF_B, R0, R1, 1)),
	ROW("ldx_memsx_h", "r0 = *(s16 *)(r1 +2)", 1, BPF_LDX_MEMSX(BPF_H, R0, R1, 2)),
	ROW("ldx_memsx_w", "r0 = *(s32 *)(r1 +4)", 1, BPF_LDX_MEMSX(BPF_W, R0, R1, 4)),
	ROW("stx_dw", "*(u64 *)(r10 -8) = r1", 1, BPF_STX_MEM(BPF_DW, R10, R1, -8)),
	ROW("stx_b", "*(u8 *)(r10 -1) = r1", 1, BPF_STX_MEM(BPF_B, R10, R1, -1)),
	ROW("st_w", "*(u32 *)(r10 -4) = 0", 1, BPF_ST_MEM(BPF_W, R10, -4, 0)),
	ROW("st_h", "*(u16 *)(r10 -2) = -1", 1, BPF_ST_MEM(BPF_H, R10, -2, -1)),

	/* atomics */
	ROW("atomic_add_dw", "lock *(u64 *)(r0 +0) += r1", 1,
	    BPF_ATOMIC_OP(BPF_DW, BPF_ADD, R0, R1, 0)),
	ROW("atomic_or_w", "lock *(u32 *)(r0 +8) |= r1", 1,
	    BPF_ATOMIC_OP(BPF_W, BPF_OR, R0, R1, 8)),
	ROW("atomic_and_dw", "lock *(u64 *)(r0 -8) &= r1", 1,
	    BPF_ATOMIC_OP(BPF_DW, BPF_AND, R0, R1, -8)),
	ROW("atomic_xor_w", "lock *(u32 *)(r0 +0) ^= r1", 1,
	    BPF_ATOMIC_OP(BPF_W, BPF_XOR, R0, R1, 0)),
	ROW("atomic_fetch_add_dw", "r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)", 1,
	    BPF_ATOMIC_OP(BPF_DW, BPF_ADD | BPF_FETCH, R0, R1, 0)),
	ROW("atomic_fetch_or_w", "r1 = atomic_fetch_or((u32 *)(r0 +0), r1)", 1,
	    BPF_ATOMIC_OP(BPF_W, BPF_OR | BPF_FETCH, R0, R1, 0)),
	ROW("atomic_fetch_and_dw", "r1 = atomic64_fetch_and((u64 *)(r0 +0), r1)", 1,
	    BPF_ATOMIC_OP(BPF_DW, BPF_AND | BPF_FETCH, R0, R1, 0)),
	ROW("atomic_fetch_xor_w", "r1 = atomic_fetch_xor((u32 *)(r0 +4), r1)", 1,
	    BPF_ATOMIC_OP(BPF_W, BPF_XOR | BPF_FETCH, R0, R1, 4)),
	ROW("atomic_xchg_dw", "r1 = atomic64_xchg((u64 *)(r0 +0), r1)", 1,
	    BPF_ATOMIC_OP(BPF_DW, BPF_XCHG, R0, R1, 0)),
	ROW("atomic_xchg_w", "r1 = atomic_xchg((u32 *)(r0 +0), r1)", 1,
	    BPF_ATOMIC_OP(BPF_W, BPF_XCHG, R0, R1, 0)),
	ROW("atomic_cmpxchg_dw", "r0 = atomic64_cmpxchg((u64 *)(r2 +0), r0, r1)", 1,
	    BPF_ATOMIC_OP(BPF_DW, BPF_CMPXCHG, R2, R1, 0)),
	ROW("atomic_cmpxchg_w", "r0 = atomic_cmpxchg((u32 *)(r2 -4), r0, r1)", 1,
	    BPF_ATOMIC_OP(BPF_W, BPF_CMPXCHG, R2, R1, -4)),
	/* 6.15: the only atomics with B and H sizes */
	ROW("load_acquire_dw", "r0 = load_acquire((u64 *)(r1 +0))", 1,
	    BPF_ATOMIC_OP(BPF_DW, BPF_LOAD_ACQ, R0, R1, 0)),
	ROW("store_release_b", "store_release((u8 *)(r1 +2), r2)", 1,
	    BPF_ATOMIC_OP(BPF_B, BPF_STORE_REL, R1, R2, 2)),

	/* legacy packet loads */
	ROW("ld_abs_h", "r0 = *(u16 *)skb[12]", 1, BPF_LD_ABS(BPF_H, 12)),
	ROW("ld_abs_b", "r0 = *(u8 *)skb[23]", 1, BPF_LD_ABS(BPF_B, 23)),
	ROW("ld_ind_w", "r0 = *(u32 *)skb[r6 + 2]", 1, BPF_LD_IND(BPF_W, R6, 2)),

	/* jumps, every condition once */
	ROW("jeq_imm", "if r1 == 0x0 goto +2", 1, BPF_JMP_IMM_OFF(BPF_JEQ, R1, 0, 2)),
	ROW("jeq_imm_label", "if r1 == 0x0 goto +1", 1,
	    BPF_JMP_IMM(BPF_JEQ, R1, 0, "out"), BPF_EXIT_INSN(), LABEL("out")),
	ROW("jgt_imm_negative", "if r1 > 0xfffffffb goto +0", 1,
	    BPF_JMP_IMM_OFF(BPF_JGT, R1, -5, 0)),
	ROW("jge_reg", "if r1 >= r2 goto +7", 1, BPF_JMP_REG_OFF(BPF_JGE, R1, R2, 7)),
	ROW("jset_imm", "if r1 & 0x10 goto +1", 1, BPF_JMP_IMM_OFF(BPF_JSET, R1, 16, 1)),
	ROW("jne_reg", "if r1 != r2 goto -1", 1, BPF_JMP_REG_OFF(BPF_JNE, R1, R2, -1)),
	ROW("jsgt_imm", "if r1 s> 0x1 goto +1", 1, BPF_JMP_IMM_OFF(BPF_JSGT, R1, 1, 1)),
	ROW("jsge_reg", "if r1 s>= r2 goto +1", 1, BPF_JMP_REG_OFF(BPF_JSGE, R1, R2, 1)),
	ROW("jlt_imm", "if r1 < 0x1 goto +1", 1, BPF_JMP_IMM_OFF(BPF_JLT, R1, 1, 1)),
	ROW("jle_reg", "if r1 <= r2 goto +1", 1, BPF_JMP_REG_OFF(BPF_JLE, R1, R2, 1)),
	ROW("jslt_imm", "if r1 s< 0x1 goto +1", 1, BPF_JMP_IMM_OFF(BPF_JSLT, R1, 1, 1)),
	ROW("jsle_reg", "if r1 s<= r2 goto +1", 1, BPF_JMP_REG_OFF(BPF_JSLE, R1, R2, 1)),
	ROW("jmp32_jslt_reg", "if w1 s< w2 goto -3", 1,
	    BPF_JMP32_REG_OFF(BPF_JSLT, R1, R2, -3)),
	ROW("jmp32_jeq_imm", "if w1 == 0xff goto +4", 1, BPF_JMP32_IMM_OFF(BPF_JEQ, R1, 255, 4)),
	ROW("ja", "goto +1", 1, BPF_JMP_A_OFF(1)),
	ROW("ja_label_back", "goto -1", 1, LABEL("top"), BPF_JMP_A("top")),
	ROW("ja32", "gotol +100000", 1, BPF_JMP32_A_OFF(100000)),
	ROW("may_goto", "may_goto +3", 1, BPF_RAW_INSN(BPF_JMP | BPF_JCOND, 0, 0, 3, 0)),

	/* calls */
	ROW("call_helper", "call bpf_map_lookup_elem#1", 1, BPF_CALL_HELPER(map_lookup_elem)),
	ROW("call_helper_last", "call bpf_cgrp_storage_delete#211", 1, BPF_EMIT_CALL(211)),
	ROW("call_helper_unknown", "call unknown#999", 1, BPF_EMIT_CALL(999)),
	ROW("call_pc", "call pc+3", 1, BPF_CALL_REL(3)),
	ROW("call_label", "call pc+1", 1, BPF_CALL_LABEL("f"), BPF_EXIT_INSN(), LABEL("f")),
	ROW("call_kfunc", "call kfunc 12345", 1, BPF_CALL_KFUNC(12345, 0)),
	ROW("call_kfunc_module", "call kfunc 12345 (btf fd_array[2])", 1,
	    BPF_CALL_KFUNC(12345, 2)),
	ROW("exit", "exit", 1, BPF_EXIT_INSN()),

	/* unknown opcodes */
	ROW("bad_opcode_ff", "(bad: code=0xff dst=r0 src=r0 off=0 imm=0: unknown alu operation)",
	    1, BPF_RAW_INSN(0xff, 0, 0, 0, 0)),
	ROW("bad_lone_second_slot",
	    "(bad: code=0x00 dst=r0 src=r0 off=0 imm=7: ld imm other than 64-bit)", 1,
	    BPF_RAW_INSN(0, 0, 0, 0, 7)),
	ROW("bad_callx", "(bad: code=0x8d dst=r0 src=r1 off=0 imm=0: call is JMP with BPF_K only)",
	    1, BPF_RAW_INSN(BPF_JMP | BPF_CALL | BPF_X, 0, 1, 0, 0)),
	ROW("bad_jmp32_call",
	    "(bad: code=0x86 dst=r0 src=r0 off=0 imm=1: call is JMP with BPF_K only)", 1,
	    BPF_RAW_INSN(BPF_JMP32 | BPF_CALL, 0, 0, 0, 1)),
	ROW("bad_jmp32_exit",
	    "(bad: code=0x96 dst=r0 src=r0 off=0 imm=0: exit uses reserved fields)", 1,
	    BPF_RAW_INSN(BPF_JMP32 | BPF_EXIT, 0, 0, 0, 0)),
	ROW("bad_ja_x", "(bad: code=0x0d dst=r0 src=r0 off=1 imm=0: ja uses reserved fields)", 1,
	    BPF_RAW_INSN(BPF_JMP | BPF_JA | BPF_X, 0, 0, 1, 0)),
	ROW("bad_jmp_f5", "(bad: code=0xf5 dst=r1 src=r0 off=1 imm=0: unknown jump operation)", 1,
	    BPF_RAW_INSN(0xf5, 1, 0, 1, 0)),
	ROW("bad_neg_x", "(bad: code=0x8f dst=r1 src=r0 off=0 imm=0: neg uses reserved fields)", 1,
	    BPF_RAW_INSN(BPF_ALU64 | BPF_NEG | BPF_X, 1, 0, 0, 0)),
	ROW("bad_alu64_end_to_be",
	    "(bad: code=0xdf dst=r1 src=r0 off=0 imm=16: alu64 end with the to-be bit)", 1,
	    BPF_RAW_INSN(BPF_ALU64 | BPF_END | BPF_TO_BE, 1, 0, 0, 16)),
	ROW("bad_memsx_dw",
	    "(bad: code=0x99 dst=r0 src=r1 off=0 imm=0: sign-extending load of 64 bits)", 1,
	    BPF_RAW_INSN(BPF_LDX | BPF_DW | BPF_MEMSX, 0, 1, 0, 0)),
	ROW("bad_ldx_abs", "(bad: code=0x21 dst=r0 src=r1 off=0 imm=0: unknown ldx mode)", 1,
	    BPF_RAW_INSN(BPF_LDX | BPF_W | BPF_ABS, 0, 1, 0, 0)),
	ROW("bad_st_atomic", "(bad: code=0xda dst=r1 src=r0 off=0 imm=0: unknown st mode)", 1,
	    BPF_RAW_INSN(BPF_ST | BPF_DW | BPF_ATOMIC, 1, 0, 0, 0)),
	ROW("bad_ld_abs_dw", "(bad: code=0x38 dst=r0 src=r0 off=0 imm=0: packet load of 64 bits)",
	    1, BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_ABS, 0, 0, 0, 0)),
	ROW("bad_ld_mem", "(bad: code=0x60 dst=r0 src=r0 off=0 imm=0: unknown ld mode)", 1,
	    BPF_RAW_INSN(BPF_LD | BPF_W | BPF_MEM, 0, 0, 0, 0)),
	ROW("bad_atomic_h_add",
	    "(bad: code=0xcb dst=r1 src=r2 off=0 imm=0: atomic read-modify-write of 8 or 16 bits)",
	    1, BPF_ATOMIC_OP(BPF_H, BPF_ADD, R1, R2, 0)),
	ROW("bad_atomic_op", "(bad: code=0xdb dst=r1 src=r2 off=0 imm=224: unknown atomic operation)",
	    1, BPF_ATOMIC_OP(BPF_DW, 0xe0, R1, R2, 0)),

	/* reserved fields */
	ROW("bad_alu_k_with_src",
	    "(bad: code=0x07 dst=r1 src=r2 off=0 imm=1: alu imm uses reserved src)", 1,
	    BPF_RAW_INSN(BPF_ALU64 | BPF_ADD | BPF_K, 1, 2, 0, 1)),
	ROW("bad_alu_x_with_imm",
	    "(bad: code=0x0f dst=r1 src=r2 off=0 imm=1: alu reg uses reserved imm)", 1,
	    BPF_RAW_INSN(BPF_ALU64 | BPF_ADD | BPF_X, 1, 2, 0, 1)),
	ROW("bad_alu_off", "(bad: code=0x07 dst=r1 src=r0 off=1 imm=1: alu uses reserved off)", 1,
	    BPF_ALU64_IMM_OFF(BPF_ADD, R1, 1, 1)),
	ROW("bad_div_off_2", "(bad: code=0x3f dst=r1 src=r2 off=2 imm=0: alu uses reserved off)", 1,
	    BPF_ALU64_REG_OFF(BPF_DIV, R1, R2, 2)),
	ROW("bad_movsx32_32",
	    "(bad: code=0xbc dst=r1 src=r2 off=32 imm=0: movsx width is not 8, 16 (or 32 in alu64))",
	    1, BPF_MOVSX32_REG(R1, R2, 32)),
	ROW("bad_mov_k_off", "(bad: code=0xb7 dst=r1 src=r0 off=8 imm=1: mov imm uses reserved fields)",
	    1, BPF_ALU64_IMM_OFF(BPF_MOV, R1, 1, 8)),
	ROW("bad_addr_space_cast",
	    "(bad: code=0xbf dst=r1 src=r2 off=1 imm=2: addr_space_cast between other spaces than 0 and 1)",
	    1, BPF_RAW_INSN(BPF_ALU64 | BPF_MOV | BPF_X, R1, R2, 1, 2)),
	ROW("bad_neg_imm", "(bad: code=0x87 dst=r1 src=r0 off=0 imm=1: neg uses reserved fields)", 1,
	    BPF_RAW_INSN(BPF_ALU64 | BPF_NEG, 1, 0, 0, 1)),
	ROW("bad_end_width",
	    "(bad: code=0xdc dst=r1 src=r0 off=0 imm=8: byte swap width is not 16, 32 or 64)", 1,
	    BPF_ENDIAN(BPF_TO_BE, R1, 8)),
	ROW("bad_ldx_imm", "(bad: code=0x61 dst=r0 src=r1 off=0 imm=1: ldx uses reserved imm)", 1,
	    BPF_RAW_INSN(BPF_LDX | BPF_W | BPF_MEM, 0, 1, 0, 1)),
	ROW("bad_st_src", "(bad: code=0x62 dst=r10 src=r1 off=-4 imm=0: st uses reserved src)", 1,
	    BPF_RAW_INSN(BPF_ST | BPF_W | BPF_MEM, 10, 1, -4, 0)),
	ROW("bad_stx_imm", "(bad: code=0x63 dst=r10 src=r1 off=-4 imm=5: stx uses reserved imm)", 1,
	    BPF_RAW_INSN(BPF_STX | BPF_W | BPF_MEM, 10, 1, -4, 5)),
	ROW("bad_jmp_k_src", "(bad: code=0x15 dst=r1 src=r2 off=0 imm=0: jump imm uses reserved src)",
	    1, BPF_RAW_INSN(BPF_JMP | BPF_JEQ | BPF_K, 1, 2, 0, 0)),
	ROW("bad_jmp_x_imm", "(bad: code=0x1d dst=r1 src=r2 off=0 imm=3: jump reg uses reserved imm)",
	    1, BPF_RAW_INSN(BPF_JMP | BPF_JEQ | BPF_X, 1, 2, 0, 3)),
	ROW("bad_ja_imm", "(bad: code=0x05 dst=r0 src=r0 off=1 imm=1: ja uses reserved fields)", 1,
	    BPF_RAW_INSN(BPF_JMP | BPF_JA, 0, 0, 1, 1)),
	ROW("bad_ja32_off", "(bad: code=0x06 dst=r0 src=r0 off=1 imm=1: ja uses reserved fields)", 1,
	    BPF_RAW_INSN(BPF_JMP32 | BPF_JA, 0, 0, 1, 1)),
	ROW("bad_exit_imm", "(bad: code=0x95 dst=r0 src=r0 off=0 imm=1: exit uses reserved fields)", 1,
	    BPF_RAW_INSN(BPF_JMP | BPF_EXIT, 0, 0, 0, 1)),
	ROW("bad_call_src", "(bad: code=0x85 dst=r0 src=r3 off=0 imm=1: unknown call source)", 1,
	    BPF_RAW_INSN(BPF_JMP | BPF_CALL, 0, 3, 0, 1)),
	ROW("bad_call_dst", "(bad: code=0x85 dst=r1 src=r0 off=0 imm=1: call uses reserved dst)", 1,
	    BPF_RAW_INSN(BPF_JMP | BPF_CALL, 1, 0, 0, 1)),
	ROW("bad_helper_off",
	    "(bad: code=0x85 dst=r0 src=r0 off=1 imm=1: helper call uses reserved off)", 1,
	    BPF_RAW_INSN(BPF_JMP | BPF_CALL, 0, 0, 1, 1)),
	ROW("bad_may_goto_src",
	    "(bad: code=0xe5 dst=r0 src=r1 off=3 imm=0: jcond other than may_goto)", 1,
	    BPF_RAW_INSN(BPF_JMP | BPF_JCOND, 0, 1, 3, 0)),
	ROW("bad_ld_abs_dst",
	    "(bad: code=0x28 dst=r1 src=r0 off=0 imm=12: ld_abs/ld_ind uses reserved fields)", 1,
	    BPF_RAW_INSN(BPF_LD | BPF_H | BPF_ABS, 1, 0, 0, 12)),
	ROW("bad_ld_abs_src",
	    "(bad: code=0x20 dst=r0 src=r1 off=0 imm=12: ld_abs/ld_ind uses reserved fields)", 1,
	    BPF_RAW_INSN(BPF_LD | BPF_W | BPF_ABS, 0, 1, 0, 12)),
	ROW("bad_ld_imm64_off",
	    "(bad: code=0x18 dst=r1 src=r0 off=1 imm=0: ld_imm64 uses reserved off)", 2,
	    BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, 1, 0, 1, 0), BPF_RAW_INSN(0, 0, 0, 0, 0)),
	ROW("bad_ld_imm64_second_slot",
	    "(bad: code=0x18 dst=r1 src=r0 off=0 imm=0: ld_imm64 second slot uses reserved fields)",
	    2, BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, 1, 0, 0, 0), BPF_EXIT_INSN()),
	ROW("bad_ld_map_fd_high",
	    "(bad: code=0x18 dst=r1 src=r1 off=0 imm=5: map load with a second-slot imm)", 2,
	    BPF_LD_IMM64_RAW(R1, BPF_PSEUDO_MAP_FD, 0x100000005ULL)),
	ROW("bad_ld_imm64_src",
	    "(bad: code=0x18 dst=r1 src=r7 off=0 imm=5: unknown ld_imm64 source)", 2,
	    BPF_LD_IMM64_RAW(R1, 7, 5)),
	ROW("bad_dst_r11", "(bad: code=0xb7 dst=r11 src=r0 off=0 imm=0: no such dst register)", 1,
	    BPF_RAW_INSN(BPF_ALU64 | BPF_MOV | BPF_K, 11, 0, 0, 0)),
	ROW("bad_src_r15", "(bad: code=0x79 dst=r0 src=r15 off=0 imm=0: no such register)", 1,
	    BPF_RAW_INSN(BPF_LDX | BPF_DW | BPF_MEM, 0, 15, 0, 0)),
};

#define NROWS (sizeof(rows) / sizeof(rows[0]))

static int map_m(const char *name, void *ctx)
{
	(void)ctx;
	return strcmp(name, "m") ? -1 : 5;
}

static void check_row(const void *arg)
{
	const struct dis_row *r = arg;
	struct bpf_insn out[4];
	char err[128], text[160];
	int n = asm_resolve((struct asm_prog){ r->items, r->nitems }, out, 4, map_m, NULL,
			    err, sizeof(err));

	if (n < 0)
		case_error(__FILE__, __LINE__, "asm_resolve: %s", err);
	ASSERT_EQ(r->slots, insn_disasm(out, (size_t)n, text, sizeof(text)));
	ASSERT_STREQ(r->want, text);
}

static const struct need unit_needs[] = { UNPRIV, { NEED_END, 0, 0 } };
static struct bc_case row_cases[NROWS];

static void gen_rows(void)
{
	for (size_t i = 0; i < NROWS; i++) {
		row_cases[i] = (struct bc_case){
			.name = case_strdup("unit.insn.disasm.%s", rows[i].name),
			.fn = check_row,
			.arg = &rows[i],
			.needs = unit_needs,
			.file = __FILE__,
			.line = __LINE__,
		};
		case_add(&row_cases[i]);
	}
}
CASE_GENERATOR(gen_rows)

/* LD_IMM64 as the last slot: one slot consumed, and the text says why. */
CASE("unit.insn.disasm.ld_imm64_truncated", NEEDS(UNPRIV))
{
	struct bpf_insn insn = { .code = BPF_LD | BPF_DW | BPF_IMM, .dst_reg = 1, .imm = 1 };
	char text[160];

	ASSERT_EQ(1, insn_disasm(&insn, 1, text, sizeof(text)));
	ASSERT_STREQ("(bad: code=0x18 dst=r1 src=r0 off=0 imm=1: ld_imm64 truncated: "
		     "no second slot)", text);
}

/* A buffer too small is cut, terminated, never overrun. */
CASE("unit.insn.disasm.small_buffer_truncates", NEEDS(UNPRIV))
{
	struct bpf_insn insn = { .code = BPF_ALU64 | BPF_MOV | BPF_K, .imm = 123456 };
	char text[8 + 4];

	memset(text, 'x', sizeof(text));
	ASSERT_EQ(1, insn_disasm(&insn, 1, text, 8));
	ASSERT_STREQ("r0 = 12", text);
	ASSERT_EQ('x', text[8]);
	ASSERT_EQ(1, insn_disasm(&insn, 1, NULL, 0));
}

/* insn_dump: one line per instruction, numbered by slot (LD_IMM64 takes
 * two), with the opcode byte as the verifier log shows it. */
struct lines {
	char text[8][96];
	int n;
};

static void collect(const char *line, void *ctx)
{
	struct lines *l = ctx;

	if (l->n < 8)
		snprintf(l->text[l->n], sizeof(l->text[0]), "%s", line);
	l->n++;
}

CASE("unit.insn.disasm.dump_numbers_slots", NEEDS(UNPRIV))
{
	struct bpf_insn out[8];
	struct lines l = { .n = 0 };
	char err[128];
	int n = asm_resolve(PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_LD_IMM64(BPF_REG_1, 2),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_1, 0, "out"),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		LABEL("out"),
		BPF_EXIT_INSN(),
	), out, 8, NULL, NULL, err, sizeof(err));

	SETUP(n == 6);
	insn_dump(out, (size_t)n, "# ", collect, &l);
	ASSERT_EQ(5, l.n);
	ASSERT_STREQ("#    0: (b7) r0 = 0", l.text[0]);
	ASSERT_STREQ("#    1: (18) r1 = 0x2 ll", l.text[1]);
	ASSERT_STREQ("#    3: (15) if r1 == 0x0 goto +1", l.text[2]);
	ASSERT_STREQ("#    4: (b7) r0 = 1", l.text[3]);
	ASSERT_STREQ("#    5: (95) exit", l.text[4]);
}

/* A program cut after the first half of an LD_IMM64 still dumps whole. */
CASE("unit.insn.disasm.dump_truncated_ld_imm64", NEEDS(UNPRIV))
{
	struct bpf_insn out[4];
	struct lines l = { .n = 0 };
	char err[128];
	int n = asm_resolve(PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_LD_IMM64(BPF_REG_1, 2),
	), out, 4, NULL, NULL, err, sizeof(err));

	SETUP(n == 3);
	insn_dump(out, 2, "", collect, &l);
	ASSERT_EQ(2, l.n);
	ASSERT_STREQ("   1: (18) (bad: code=0x18 dst=r1 src=r0 off=0 imm=2: ld_imm64 "
		     "truncated: no second slot)", l.text[1]);
}

/*
 * Every opcode byte the kernel knows (bpf_opcode_in_insntable() in
 * kernel/bpf/core.c, as of 6.15), written out from RFC 9669's tables plus
 * the kernel's may_goto (0xe5) and B/H atomics (0xd3, 0xcb).  Any other
 * byte must print as bad whatever the other fields hold.
 */
static const __u8 known_opcodes[] = {
	/* ALU: 0x04 .. 0xd4 in K and X (NEG K only), END both ways */
	0x04, 0x0c, 0x14, 0x1c, 0x24, 0x2c, 0x34, 0x3c, 0x44, 0x4c, 0x54, 0x5c,
	0x64, 0x6c, 0x74, 0x7c, 0x84, 0x94, 0x9c, 0xa4, 0xac, 0xb4, 0xbc, 0xc4,
	0xcc, 0xd4, 0xdc,
	/* ALU64: the same, END (BSWAP) to-le only */
	0x07, 0x0f, 0x17, 0x1f, 0x27, 0x2f, 0x37, 0x3f, 0x47, 0x4f, 0x57, 0x5f,
	0x67, 0x6f, 0x77, 0x7f, 0x87, 0x97, 0x9f, 0xa7, 0xaf, 0xb7, 0xbf, 0xc7,
	0xcf, 0xd7,
	/* JMP: JA, conditions in K and X, CALL, EXIT, JCOND */
	0x05, 0x15, 0x1d, 0x25, 0x2d, 0x35, 0x3d, 0x45, 0x4d, 0x55, 0x5d, 0x65,
	0x6d, 0x75, 0x7d, 0x85, 0x95, 0xa5, 0xad, 0xb5, 0xbd, 0xc5, 0xcd, 0xd5,
	0xdd, 0xe5,
	/* JMP32: JA (gotol), conditions */
	0x06, 0x16, 0x1e, 0x26, 0x2e, 0x36, 0x3e, 0x46, 0x4e, 0x56, 0x5e, 0x66,
	0x6e, 0x76, 0x7e, 0xa6, 0xae, 0xb6, 0xbe, 0xc6, 0xce, 0xd6, 0xde,
	/* LD: IMM DW, ABS and IND in W, H, B */
	0x18, 0x20, 0x28, 0x30, 0x40, 0x48, 0x50,
	/* LDX: MEM W H B DW, MEMSX W H B */
	0x61, 0x69, 0x71, 0x79, 0x81, 0x89, 0x91,
	/* ST, STX: MEM W H B DW; STX ATOMIC W H B DW */
	0x62, 0x6a, 0x72, 0x7a, 0x63, 0x6b, 0x73, 0x7b, 0xc3, 0xcb, 0xd3, 0xdb,
};

static int known(unsigned code)
{
	for (size_t i = 0; i < sizeof(known_opcodes); i++)
		if (known_opcodes[i] == code)
			return 1;
	return 0;
}

/* Every opcode byte with many field patterns: no crash, a consumed slot
 * count of 1 or 2 (2 only for LD_IMM64 with room), text that fits, and
 * every byte the kernel does not know printed as bad. */
CASE("unit.insn.disasm.every_opcode_never_crashes", NEEDS(UNPRIV))
{
	__u32 seed = 12345;
	int unknown_seen = 0, unknown_bad = 0, wrong_slots = 0;

	for (unsigned code = 0; code < 256; code++) {
		for (int k = 0; k < 64; k++) {
			struct bpf_insn in[2];
			char text[160];
			int n;

			for (int j = 0; j < 2; j++) {
				seed = seed * 1103515245 + 12345;
				in[j] = (struct bpf_insn){
					.code = j ? (k & 1 ? 0 : seed >> 24) : code,
					.dst_reg = k < 8 ? 0 : (seed >> 4) & 0xf,
					.src_reg = k < 16 ? k & 7 : (seed >> 8) & 0xf,
					.off = k < 32 ? (k & 3) - 1 : (__s16)(seed >> 12),
					.imm = k < 4 ? 0 : (__s32)(seed * 2654435761u),
				};
			}
			n = insn_disasm(in, 1 + (k & 2) / 2, text, sizeof(text));
			if (n != (code == 0x18 && (k & 2) ? 2 : 1))
				wrong_slots++;
			if (!known(code)) {
				unknown_seen++;
				unknown_bad += !strncmp(text, "(bad: ", 6);
			}
		}
	}
	EXPECT_EQ(0, wrong_slots);
	EXPECT_EQ(unknown_seen, unknown_bad);
	ASSERT_EQ((256 - (int)sizeof(known_opcodes)) * 64, unknown_seen);
}
