// SPDX-License-Identifier: GPL-2.0
/*
 * Every instruction macro of insn/insn.h against the opcode tables of
 * RFC 9669 (BPF ISA), byte for byte.
 *
 * The expected bytes are written out from the RFC, not computed with the
 * macros' own BPF_* constants: the opcode byte as a literal (class in bits
 * 0-2: LD 0, LDX 1, ST 2, STX 3, ALU 4, JMP 5, JMP32 6, ALU64 7; source bit
 * 3: K 0, X 8; operation in bits 4-7; or size in bits 3-4: W 0x00, H 0x08,
 * B 0x10, DW 0x18, and mode in bits 5-7: IMM 0x00, ABS 0x20, IND 0x40,
 * MEM 0x60, MEMSX 0x80, ATOMIC 0xc0), then the register byte (dst in the
 * low nibble, src in the high one, RFC 9669 section 3 on little-endian
 * hosts), off as le16 and imm as le32.  Named maps and labels go through
 * asm_resolve() (map "m" is fd 7), so a row shows what reaches the kernel.
 *
 * Versions: v1 is the 3.18 ISA; v2 (JLT/JLE/JSLT/JSLE) came with 4.14,
 * v3 (JMP32) with 5.1, the fetching atomics with 5.12 and v4 (MOVSX,
 * MEMSX, SDIV/SMOD, BSWAP, gotol) with 6.6.
 */
#include <stdio.h>

#include "harness/case.h"
#include "insn/insn.h"

struct enc_row {
	const char *name;		/* unit.insn.encoding.<name> */
	struct asm_insn items[4];	/* what a case would write */
	size_t nitems;
	__u8 want[24];			/* the first slots, as the RFC lays them out */
	size_t nwant;
};

/* One 8-byte slot: opcode, regs (src << 4 | dst), off le16, imm le32. */
#define E(CODE, REGS, OFF, IMM)                                              \
	(CODE), (REGS), (__u8)((OFF) & 0xff), (__u8)(((OFF) >> 8) & 0xff),   \
	(__u8)((__u32)(IMM) & 0xff), (__u8)(((__u32)(IMM) >> 8) & 0xff),     \
	(__u8)(((__u32)(IMM) >> 16) & 0xff), (__u8)(((__u32)(IMM) >> 24) & 0xff)

#define UNPAREN_(...) __VA_ARGS__
#define ROW(NAME, WANT, ...)                                                 \
	{ NAME, { __VA_ARGS__ },                                             \
	  sizeof((struct asm_insn[]){ __VA_ARGS__ }) / sizeof(struct asm_insn), \
	  { UNPAREN_ WANT }, sizeof((__u8[]){ UNPAREN_ WANT }) }

#define K32 0x11223344	/* an immediate whose four bytes are all different */

/*
 * ALU and ALU64 with both sources.  K rows: w3/r3 op K32; X rows: r1 op r2
 * (regs byte 0x21).  The four opcode bytes come from the RFC's table
 * (operation << 4 | source | class): ALU64 K, ALU64 X, ALU K, ALU X.
 */
#define ALU_ROWS(NAME, OP, C64K, C64X, C32K, C32X)                           \
	ROW("alu64_" NAME "_k", (E(C64K, 0x03, 0, K32)),                     \
	    BPF_ALU64_IMM(OP, BPF_REG_3, K32)),                              \
	ROW("alu64_" NAME "_x", (E(C64X, 0x21, 0, 0)),                       \
	    BPF_ALU64_REG(OP, BPF_REG_1, BPF_REG_2)),                        \
	ROW("alu32_" NAME "_k", (E(C32K, 0x03, 0, K32)),                     \
	    BPF_ALU32_IMM(OP, BPF_REG_3, K32)),                              \
	ROW("alu32_" NAME "_x", (E(C32X, 0x21, 0, 0)),                       \
	    BPF_ALU32_REG(OP, BPF_REG_1, BPF_REG_2))

/*
 * A conditional jump in each class and source, jumping back over one
 * exit to a label on it: off = -2.  Rows hold the exit and the jump.
 * K rows compare r1 (or w1) with -5; X rows r1 with r2.
 */
#define EXIT_BYTES E(0x95, 0x00, 0, 0)
#define JMP_ROWS(NAME, OP, CJK, CJX, C32K, C32X)                             \
	ROW("jmp_" NAME "_k", (EXIT_BYTES, E(CJK, 0x01, -2, -5)),            \
	    LABEL("l"), BPF_EXIT_INSN(), BPF_JMP_IMM(OP, BPF_REG_1, -5, "l")), \
	ROW("jmp_" NAME "_x", (EXIT_BYTES, E(CJX, 0x21, -2, 0)),             \
	    LABEL("l"), BPF_EXIT_INSN(),                                     \
	    BPF_JMP_REG(OP, BPF_REG_1, BPF_REG_2, "l")),                     \
	ROW("jmp32_" NAME "_k", (EXIT_BYTES, E(C32K, 0x01, -2, -5)),         \
	    LABEL("l"), BPF_EXIT_INSN(), BPF_JMP32_IMM(OP, BPF_REG_1, -5, "l")), \
	ROW("jmp32_" NAME "_x", (EXIT_BYTES, E(C32X, 0x21, -2, 0)),          \
	    LABEL("l"), BPF_EXIT_INSN(),                                     \
	    BPF_JMP32_REG(OP, BPF_REG_1, BPF_REG_2, "l"))

/* Atomics on *(u32/u64 *)(r1 - 16) with r2; opcodes 0xc3 (W) and 0xdb (DW). */
#define ATOMIC_ROWS(NAME, OP, IMM)                                           \
	ROW("atomic_w_" NAME, (E(0xc3, 0x21, -16, IMM)),                     \
	    BPF_ATOMIC_OP(BPF_W, OP, BPF_REG_1, BPF_REG_2, -16)),            \
	ROW("atomic_dw_" NAME, (E(0xdb, 0x21, -16, IMM)),                    \
	    BPF_ATOMIC_OP(BPF_DW, OP, BPF_REG_1, BPF_REG_2, -16))

static const struct enc_row rows[] = {
	/* RFC 9669 4.1, Table 5 (arithmetic instructions) */
	ALU_ROWS("add", BPF_ADD, 0x07, 0x0f, 0x04, 0x0c),
	ALU_ROWS("sub", BPF_SUB, 0x17, 0x1f, 0x14, 0x1c),
	ALU_ROWS("mul", BPF_MUL, 0x27, 0x2f, 0x24, 0x2c),
	ALU_ROWS("div", BPF_DIV, 0x37, 0x3f, 0x34, 0x3c),
	ALU_ROWS("or", BPF_OR, 0x47, 0x4f, 0x44, 0x4c),
	ALU_ROWS("and", BPF_AND, 0x57, 0x5f, 0x54, 0x5c),
	ALU_ROWS("lsh", BPF_LSH, 0x67, 0x6f, 0x64, 0x6c),
	ALU_ROWS("rsh", BPF_RSH, 0x77, 0x7f, 0x74, 0x7c),
	ALU_ROWS("mod", BPF_MOD, 0x97, 0x9f, 0x94, 0x9c),
	ALU_ROWS("xor", BPF_XOR, 0xa7, 0xaf, 0xa4, 0xac),
	ALU_ROWS("mov", BPF_MOV, 0xb7, 0xbf, 0xb4, 0xbc),
	ALU_ROWS("arsh", BPF_ARSH, 0xc7, 0xcf, 0xc4, 0xcc),
	/* NEG: operation 0x8, K source, no operand. */
	ROW("alu64_neg", (E(0x87, 0x05, 0, 0)), BPF_NEG64(BPF_REG_5)),
	ROW("alu32_neg", (E(0x84, 0x05, 0, 0)), BPF_NEG32(BPF_REG_5)),
	/* The named moves. */
	ROW("mov64_imm", (E(0xb7, 0x00, 0, -1)), BPF_MOV64_IMM(BPF_REG_0, -1)),
	ROW("mov64_reg", (E(0xbf, 0xa6, 0, 0)), BPF_MOV64_REG(BPF_REG_6, BPF_REG_10)),
	ROW("mov32_imm", (E(0xb4, 0x09, 0, K32)), BPF_MOV32_IMM(BPF_REG_9, K32)),
	ROW("mov32_reg", (E(0xbc, 0x78, 0, 0)), BPF_MOV32_REG(BPF_REG_8, BPF_REG_7)),
	/* v4 signed division and modulo: DIV/MOD with off = 1. */
	ROW("alu64_sdiv_k", (E(0x37, 0x03, 1, K32)), BPF_SDIV64_IMM(BPF_REG_3, K32)),
	ROW("alu64_sdiv_x", (E(0x3f, 0x21, 1, 0)), BPF_SDIV64_REG(BPF_REG_1, BPF_REG_2)),
	ROW("alu32_sdiv_k", (E(0x34, 0x03, 1, K32)), BPF_SDIV32_IMM(BPF_REG_3, K32)),
	ROW("alu32_sdiv_x", (E(0x3c, 0x21, 1, 0)), BPF_SDIV32_REG(BPF_REG_1, BPF_REG_2)),
	ROW("alu64_smod_k", (E(0x97, 0x03, 1, K32)), BPF_SMOD64_IMM(BPF_REG_3, K32)),
	ROW("alu64_smod_x", (E(0x9f, 0x21, 1, 0)), BPF_SMOD64_REG(BPF_REG_1, BPF_REG_2)),
	ROW("alu32_smod_k", (E(0x94, 0x03, 1, K32)), BPF_SMOD32_IMM(BPF_REG_3, K32)),
	ROW("alu32_smod_x", (E(0x9c, 0x21, 1, 0)), BPF_SMOD32_REG(BPF_REG_1, BPF_REG_2)),
	/* The raw _OFF forms carry any off. */
	ROW("alu64_imm_off", (E(0x37, 0x03, -7, 9)), BPF_ALU64_IMM_OFF(BPF_DIV, BPF_REG_3, 9, -7)),
	ROW("alu64_reg_off", (E(0x9f, 0x21, 0x1234, 0)),
	    BPF_ALU64_REG_OFF(BPF_MOD, BPF_REG_1, BPF_REG_2, 0x1234)),
	ROW("alu32_imm_off", (E(0x34, 0x03, 1, 9)), BPF_ALU32_IMM_OFF(BPF_DIV, BPF_REG_3, 9, 1)),
	ROW("alu32_reg_off", (E(0x9c, 0x21, 1, 0)),
	    BPF_ALU32_REG_OFF(BPF_MOD, BPF_REG_1, BPF_REG_2, 1)),
	/* v4 MOVSX: MOV X with off = 8, 16 (ALU) or 8, 16, 32 (ALU64). */
	ROW("alu64_movsx8", (E(0xbf, 0x21, 8, 0)), BPF_MOVSX64_REG(BPF_REG_1, BPF_REG_2, 8)),
	ROW("alu64_movsx16", (E(0xbf, 0x21, 16, 0)), BPF_MOVSX64_REG(BPF_REG_1, BPF_REG_2, 16)),
	ROW("alu64_movsx32", (E(0xbf, 0x21, 32, 0)), BPF_MOVSX64_REG(BPF_REG_1, BPF_REG_2, 32)),
	ROW("alu32_movsx8", (E(0xbc, 0x21, 8, 0)), BPF_MOVSX32_REG(BPF_REG_1, BPF_REG_2, 8)),
	ROW("alu32_movsx16", (E(0xbc, 0x21, 16, 0)), BPF_MOVSX32_REG(BPF_REG_1, BPF_REG_2, 16)),
	/* RFC 9669 4.2, Table 6: END is 0xd, source bit = to-le 0 / to-be 8;
	 * in ALU64 with to-le it is the v4 unconditional BSWAP. */
	ROW("end_to_le16", (E(0xd4, 0x04, 0, 16)), BPF_ENDIAN(BPF_TO_LE, BPF_REG_4, 16)),
	ROW("end_to_le32", (E(0xd4, 0x04, 0, 32)), BPF_ENDIAN(BPF_TO_LE, BPF_REG_4, 32)),
	ROW("end_to_le64", (E(0xd4, 0x04, 0, 64)), BPF_ENDIAN(BPF_TO_LE, BPF_REG_4, 64)),
	ROW("end_to_be16", (E(0xdc, 0x04, 0, 16)), BPF_ENDIAN(BPF_TO_BE, BPF_REG_4, 16)),
	ROW("end_to_be32", (E(0xdc, 0x04, 0, 32)), BPF_ENDIAN(BPF_TO_BE, BPF_REG_4, 32)),
	ROW("end_to_be64", (E(0xdc, 0x04, 0, 64)), BPF_ENDIAN(BPF_TO_BE, BPF_REG_4, 64)),
	ROW("bswap16", (E(0xd7, 0x04, 0, 16)), BPF_BSWAP(BPF_REG_4, 16)),
	ROW("bswap32", (E(0xd7, 0x04, 0, 32)), BPF_BSWAP(BPF_REG_4, 32)),
	ROW("bswap64", (E(0xd7, 0x04, 0, 64)), BPF_BSWAP(BPF_REG_4, 64)),

	/* RFC 9669 5.4 and 5.4.1, Table 12: LD | IMM | DW = 0x18, two slots,
	 * the second with opcode 0 and the upper 32 bits in imm. */
	ROW("ld_imm64", (E(0x18, 0x01, 0, 0x55667788), E(0, 0, 0, 0x11223344)),
	    BPF_LD_IMM64(BPF_REG_1, 0x1122334455667788ULL)),
	ROW("ld_imm64_raw_map_idx", (E(0x18, 0x51, 0, 3), E(0, 0, 0, 0)),
	    BPF_LD_IMM64_RAW(BPF_REG_1, BPF_PSEUDO_MAP_IDX, 3)),
	ROW("ld_imm64_raw_map_idx_value", (E(0x18, 0x61, 0, 3), E(0, 0, 0, 0)),
	    BPF_LD_IMM64_RAW(BPF_REG_1, BPF_PSEUDO_MAP_IDX_VALUE, 3)),
	ROW("ld_map_fd", (E(0x18, 0x11, 0, 7), E(0, 0, 0, 0)), BPF_LD_MAP_FD(BPF_REG_1, "m")),
	ROW("ld_map_fd_raw", (E(0x18, 0x19, 0, 42), E(0, 0, 0, 0)),
	    BPF_LD_MAP_FD_RAW(BPF_REG_9, 42)),
	ROW("ld_map_value", (E(0x18, 0x21, 0, 7), E(0, 0, 0, 8)),
	    BPF_LD_MAP_VALUE(BPF_REG_1, "m", 8)),
	ROW("ld_btf_id", (E(0x18, 0x32, 0, 123456), E(0, 0, 0, 0)),
	    BPF_LD_BTF_ID(BPF_REG_2, 123456)),
	/* The function's slot is first slot + 1 + imm: two slots on, imm 1. */
	ROW("ld_func", (E(0x18, 0x41, 0, 1), E(0, 0, 0, 0), EXIT_BYTES),
	    BPF_LD_FUNC(BPF_REG_1, "f"), LABEL("f"), BPF_EXIT_INSN()),

	/* RFC 9669 5.1, Tables 9-11: LDX/ST/STX | MEM in all sizes. */
	ROW("ldx_mem_w", (E(0x61, 0x21, -4, 0)), BPF_LDX_MEM(BPF_W, BPF_REG_1, BPF_REG_2, -4)),
	ROW("ldx_mem_h", (E(0x69, 0x21, 0x102, 0)), BPF_LDX_MEM(BPF_H, BPF_REG_1, BPF_REG_2, 0x102)),
	ROW("ldx_mem_b", (E(0x71, 0x21, 3, 0)), BPF_LDX_MEM(BPF_B, BPF_REG_1, BPF_REG_2, 3)),
	ROW("ldx_mem_dw", (E(0x79, 0x21, -32768, 0)),
	    BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_2, -32768)),
	ROW("st_mem_w", (E(0x62, 0x0a, -4, K32)), BPF_ST_MEM(BPF_W, BPF_REG_10, -4, K32)),
	ROW("st_mem_h", (E(0x6a, 0x0a, -6, -2)), BPF_ST_MEM(BPF_H, BPF_REG_10, -6, -2)),
	ROW("st_mem_b", (E(0x72, 0x0a, -7, 0x7f)), BPF_ST_MEM(BPF_B, BPF_REG_10, -7, 0x7f)),
	ROW("st_mem_dw", (E(0x7a, 0x0a, -16, K32)), BPF_ST_MEM(BPF_DW, BPF_REG_10, -16, K32)),
	ROW("stx_mem_w", (E(0x63, 0x1a, -4, 0)), BPF_STX_MEM(BPF_W, BPF_REG_10, BPF_REG_1, -4)),
	ROW("stx_mem_h", (E(0x6b, 0x1a, -6, 0)), BPF_STX_MEM(BPF_H, BPF_REG_10, BPF_REG_1, -6)),
	ROW("stx_mem_b", (E(0x73, 0x1a, -7, 0)), BPF_STX_MEM(BPF_B, BPF_REG_10, BPF_REG_1, -7)),
	ROW("stx_mem_dw", (E(0x7b, 0x1a, 32767, 0)),
	    BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_1, 32767)),
	/* v4 MEMSX (mode 0x80), sizes B, H, W. */
	ROW("ldx_memsx_b", (E(0x91, 0x21, 1, 0)), BPF_LDX_MEMSX(BPF_B, BPF_REG_1, BPF_REG_2, 1)),
	ROW("ldx_memsx_h", (E(0x89, 0x21, 2, 0)), BPF_LDX_MEMSX(BPF_H, BPF_REG_1, BPF_REG_2, 2)),
	ROW("ldx_memsx_w", (E(0x81, 0x21, 4, 0)), BPF_LDX_MEMSX(BPF_W, BPF_REG_1, BPF_REG_2, 4)),

	/* RFC 9669 5.3, Tables 13-14: STX | ATOMIC, the operation in imm;
	 * FETCH is 0x01, XCHG 0xe0 | FETCH, CMPXCHG 0xf0 | FETCH. */
	ATOMIC_ROWS("add", BPF_ADD, 0x00),
	ATOMIC_ROWS("or", BPF_OR, 0x40),
	ATOMIC_ROWS("and", BPF_AND, 0x50),
	ATOMIC_ROWS("xor", BPF_XOR, 0xa0),
	ATOMIC_ROWS("fetch_add", BPF_ADD | BPF_FETCH, 0x01),
	ATOMIC_ROWS("fetch_or", BPF_OR | BPF_FETCH, 0x41),
	ATOMIC_ROWS("fetch_and", BPF_AND | BPF_FETCH, 0x51),
	ATOMIC_ROWS("fetch_xor", BPF_XOR | BPF_FETCH, 0xa1),
	ATOMIC_ROWS("xchg", BPF_XCHG, 0xe1),
	ATOMIC_ROWS("cmpxchg", BPF_CMPXCHG, 0xf1),

	/* RFC 9669 4.3, Table 8: conditional jumps. */
	JMP_ROWS("jeq", BPF_JEQ, 0x15, 0x1d, 0x16, 0x1e),
	JMP_ROWS("jgt", BPF_JGT, 0x25, 0x2d, 0x26, 0x2e),
	JMP_ROWS("jge", BPF_JGE, 0x35, 0x3d, 0x36, 0x3e),
	JMP_ROWS("jset", BPF_JSET, 0x45, 0x4d, 0x46, 0x4e),
	JMP_ROWS("jne", BPF_JNE, 0x55, 0x5d, 0x56, 0x5e),
	JMP_ROWS("jsgt", BPF_JSGT, 0x65, 0x6d, 0x66, 0x6e),
	JMP_ROWS("jsge", BPF_JSGE, 0x75, 0x7d, 0x76, 0x7e),
	JMP_ROWS("jlt", BPF_JLT, 0xa5, 0xad, 0xa6, 0xae),
	JMP_ROWS("jle", BPF_JLE, 0xb5, 0xbd, 0xb6, 0xbe),
	JMP_ROWS("jslt", BPF_JSLT, 0xc5, 0xcd, 0xc6, 0xce),
	JMP_ROWS("jsle", BPF_JSLE, 0xd5, 0xdd, 0xd6, 0xde),
	/* The raw-offset forms. */
	ROW("jmp_imm_off", (E(0x15, 0x01, -300, 7)), BPF_JMP_IMM_OFF(BPF_JEQ, BPF_REG_1, 7, -300)),
	ROW("jmp_reg_off", (E(0xad, 0x21, 300, 0)),
	    BPF_JMP_REG_OFF(BPF_JLT, BPF_REG_1, BPF_REG_2, 300)),
	ROW("jmp32_imm_off", (E(0x66, 0x01, -1, 7)), BPF_JMP32_IMM_OFF(BPF_JSGT, BPF_REG_1, 7, -1)),
	ROW("jmp32_reg_off", (E(0x4e, 0x21, 2, 0)),
	    BPF_JMP32_REG_OFF(BPF_JSET, BPF_REG_1, BPF_REG_2, 2)),
	/* JA: 0x05 with off; v4 gotol: 0x06 with imm. */
	ROW("ja", (E(0x05, 0x00, 1, 0)), BPF_JMP_A("l"), BPF_EXIT_INSN(), LABEL("l")),
	ROW("ja_off", (E(0x05, 0x00, -1, 0)), BPF_JMP_A_OFF(-1)),
	ROW("ja32", (E(0x06, 0x00, 0, 1)), BPF_JMP32_A("l"), BPF_EXIT_INSN(), LABEL("l")),
	ROW("ja32_off", (E(0x06, 0x00, 0, 100000)), BPF_JMP32_A_OFF(100000)),
	/* CALL 0x85: src 0 helper id, 1 (pseudo call) pc-relative imm,
	 * 2 (kfunc) BTF id with the fd_array index in off.  EXIT 0x95. */
	ROW("call_helper", (E(0x85, 0x00, 0, 1)), BPF_CALL_HELPER(map_lookup_elem)),
	ROW("call_emit", (E(0x85, 0x00, 0, 212)), BPF_EMIT_CALL(212)),
	ROW("call_label", (E(0x85, 0x10, 0, 1), EXIT_BYTES, EXIT_BYTES),
	    BPF_CALL_LABEL("f"), BPF_EXIT_INSN(), LABEL("f"), BPF_EXIT_INSN()),
	ROW("call_rel", (E(0x85, 0x10, 0, -3)), BPF_CALL_REL(-3)),
	ROW("call_kfunc", (E(0x85, 0x20, 2, 54321)), BPF_CALL_KFUNC(54321, 2)),
	ROW("exit", (E(0x95, 0x00, 0, 0)), BPF_EXIT_INSN()),

	/* RFC 9669 5.5 (legacy packet access): LD | ABS / IND. */
	ROW("ld_abs_w", (E(0x20, 0x00, 0, 12)), BPF_LD_ABS(BPF_W, 12)),
	ROW("ld_abs_h", (E(0x28, 0x00, 0, 12)), BPF_LD_ABS(BPF_H, 12)),
	ROW("ld_abs_b", (E(0x30, 0x00, 0, 12)), BPF_LD_ABS(BPF_B, 12)),
	ROW("ld_ind_w", (E(0x40, 0x60, 0, -2)), BPF_LD_IND(BPF_W, BPF_REG_6, -2)),
	ROW("ld_ind_h", (E(0x48, 0x60, 0, -2)), BPF_LD_IND(BPF_H, BPF_REG_6, -2)),
	ROW("ld_ind_b", (E(0x50, 0x60, 0, -2)), BPF_LD_IND(BPF_B, BPF_REG_6, -2)),

	/* The raw form itself. */
	ROW("raw_insn", (E(0xff, 0xfe, -2, -3)), BPF_RAW_INSN(0xff, 14, 15, -2, -3)),
};

#define NROWS (sizeof(rows) / sizeof(rows[0]))

static int map_m(const char *name, void *ctx)
{
	(void)ctx;
	return strcmp(name, "m") ? -1 : 7;
}

static void hex(const void *p, size_t n, char *out, size_t len)
{
	const __u8 *b = p;
	size_t at = 0;

	out[0] = 0;
	for (size_t i = 0; i < n && at + 6 < len; i++)
		at += snprintf(out + at, len - at, "%s%02x", i ? (i % 8 ? " " : " | ") : "", b[i]);
}

static void check_row(const void *arg)
{
	const struct enc_row *r = arg;
	struct bpf_insn out[4];
	char err[128], want[128], seen[128];
	int n = asm_resolve((struct asm_prog){ r->items, r->nitems }, out, 4, map_m, NULL,
			    err, sizeof(err));

	if (n < 0)
		case_error(__FILE__, __LINE__, "asm_resolve: %s", err);
	ASSERT_EQ(sizeof(struct bpf_insn), 8);
	ASSERT_GE((long)n * 8, (long)r->nwant);
	hex(r->want, r->nwant, want, sizeof(want));
	hex(out, r->nwant, seen, sizeof(seen));
	ASSERT_STREQ(want, seen);
}

static const struct need unit_needs[] = { UNPRIV, { NEED_END, 0, 0 } };
static struct bc_case row_cases[NROWS];

static void gen_rows(void)
{
	for (size_t i = 0; i < NROWS; i++) {
		row_cases[i] = (struct bc_case){
			.name = case_strdup("unit.insn.encoding.%s", rows[i].name),
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

/* The table itself: every row's name unique (the registry checks that at
 * start-up) and every row's expectation a whole number of slots. */
CASE("unit.insn.encoding.table_rows_whole_slots", NEEDS(UNPRIV))
{
	for (size_t i = 0; i < NROWS; i++)
		EXPECT_EQ(0, rows[i].nwant % 8);
	ASSERT_GE(NROWS, 150);
}
