/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BPF instruction macros for the whole ISA (RFC 9669, versions 1 to 4).
 *
 * A program is written as a list of these inside PROG(...).  Each macro
 * yields one struct asm_insn (LD_IMM64 forms yield two).  Jumps name a
 * LABEL() instead of counting instructions, and map loads name a map
 * instead of carrying an fd: asm_resolve() turns the list into the final
 * struct bpf_insn array, so inserting an instruction never breaks a case.
 *
 *	PROG(
 *		BPF_MOV64_IMM(BPF_REG_0, 0),
 *		BPF_JMP_IMM(BPF_JEQ, BPF_REG_1, 0, "out"),
 *		BPF_MOV64_IMM(BPF_REG_0, 1),
 *		LABEL("out"),
 *		BPF_EXIT_INSN(),
 *	)
 *
 * The _OFF forms take a raw offset, for cases that must build what labels
 * cannot express (a jump out of the program, into the middle of LD_IMM64).
 */
#ifndef BPFCONFORM_INSN_H
#define BPFCONFORM_INSN_H

#include <stddef.h>

#include "../uapi/bpf.h"

struct asm_insn {
	struct bpf_insn insn;
	const char *label;	/* LABEL(): names the next instruction; emits nothing */
	const char *target;	/* label this jump/call/LD_FUNC refers to */
	const char *map;	/* map name whose fd goes into imm (LD_IMM64 slot 1) */
};

/* A program as written: its items (labels included) and their number. */
struct asm_prog {
	const struct asm_insn *items;
	size_t n;
};

/* The list is expanded twice, once for the items and once to count them,
 * so that a trailing comma after the last instruction is fine. */
#define PROG(...)                                                            \
	((struct asm_prog){                                                  \
		(const struct asm_insn[]){ __VA_ARGS__ },                    \
		sizeof((const struct asm_insn[]){ __VA_ARGS__ }) /           \
			sizeof(struct asm_insn) })

#define BPF_RAW_INSN(CODE, DST, SRC, OFF, IMM)                               \
	{ .insn = { .code = (CODE), .dst_reg = (DST), .src_reg = (SRC),      \
		    .off = (OFF), .imm = (IMM) } }

#define LABEL(NAME) { .label = (NAME) }

/* ---- arithmetic ---------------------------------------------------- */

#define BPF_ALU64_REG_OFF(OP, DST, SRC, OFF)                                 \
	BPF_RAW_INSN(BPF_ALU64 | BPF_OP(OP) | BPF_X, DST, SRC, OFF, 0)
#define BPF_ALU32_REG_OFF(OP, DST, SRC, OFF)                                 \
	BPF_RAW_INSN(BPF_ALU | BPF_OP(OP) | BPF_X, DST, SRC, OFF, 0)
#define BPF_ALU64_IMM_OFF(OP, DST, IMM, OFF)                                 \
	BPF_RAW_INSN(BPF_ALU64 | BPF_OP(OP) | BPF_K, DST, 0, OFF, IMM)
#define BPF_ALU32_IMM_OFF(OP, DST, IMM, OFF)                                 \
	BPF_RAW_INSN(BPF_ALU | BPF_OP(OP) | BPF_K, DST, 0, OFF, IMM)

#define BPF_ALU64_REG(OP, DST, SRC) BPF_ALU64_REG_OFF(OP, DST, SRC, 0)
#define BPF_ALU32_REG(OP, DST, SRC) BPF_ALU32_REG_OFF(OP, DST, SRC, 0)
#define BPF_ALU64_IMM(OP, DST, IMM) BPF_ALU64_IMM_OFF(OP, DST, IMM, 0)
#define BPF_ALU32_IMM(OP, DST, IMM) BPF_ALU32_IMM_OFF(OP, DST, IMM, 0)

/* v4: signed division and modulo are DIV/MOD with off = 1. */
#define BPF_SDIV64_REG(DST, SRC) BPF_ALU64_REG_OFF(BPF_DIV, DST, SRC, 1)
#define BPF_SDIV32_REG(DST, SRC) BPF_ALU32_REG_OFF(BPF_DIV, DST, SRC, 1)
#define BPF_SDIV64_IMM(DST, IMM) BPF_ALU64_IMM_OFF(BPF_DIV, DST, IMM, 1)
#define BPF_SDIV32_IMM(DST, IMM) BPF_ALU32_IMM_OFF(BPF_DIV, DST, IMM, 1)
#define BPF_SMOD64_REG(DST, SRC) BPF_ALU64_REG_OFF(BPF_MOD, DST, SRC, 1)
#define BPF_SMOD32_REG(DST, SRC) BPF_ALU32_REG_OFF(BPF_MOD, DST, SRC, 1)
#define BPF_SMOD64_IMM(DST, IMM) BPF_ALU64_IMM_OFF(BPF_MOD, DST, IMM, 1)
#define BPF_SMOD32_IMM(DST, IMM) BPF_ALU32_IMM_OFF(BPF_MOD, DST, IMM, 1)

#define BPF_NEG64(DST) BPF_RAW_INSN(BPF_ALU64 | BPF_NEG | BPF_K, DST, 0, 0, 0)
#define BPF_NEG32(DST) BPF_RAW_INSN(BPF_ALU | BPF_NEG | BPF_K, DST, 0, 0, 0)

#define BPF_MOV64_REG(DST, SRC) BPF_ALU64_REG(BPF_MOV, DST, SRC)
#define BPF_MOV32_REG(DST, SRC) BPF_ALU32_REG(BPF_MOV, DST, SRC)
#define BPF_MOV64_IMM(DST, IMM) BPF_ALU64_IMM(BPF_MOV, DST, IMM)
#define BPF_MOV32_IMM(DST, IMM) BPF_ALU32_IMM(BPF_MOV, DST, IMM)
/* v4: sign-extending moves; BITS is 8, 16 or 32 (32 only for 64-bit). */
#define BPF_MOVSX64_REG(DST, SRC, BITS) BPF_ALU64_REG_OFF(BPF_MOV, DST, SRC, BITS)
#define BPF_MOVSX32_REG(DST, SRC, BITS) BPF_ALU32_REG_OFF(BPF_MOV, DST, SRC, BITS)

/* Byte swaps: TYPE is BPF_TO_LE or BPF_TO_BE, LEN is 16, 32 or 64. */
#define BPF_ENDIAN(TYPE, DST, LEN)                                           \
	BPF_RAW_INSN(BPF_ALU | BPF_END | (TYPE), DST, 0, 0, LEN)
/* v4: unconditional byte swap. */
#define BPF_BSWAP(DST, LEN)                                                  \
	BPF_RAW_INSN(BPF_ALU64 | BPF_END | BPF_TO_LE, DST, 0, 0, LEN)

/* ---- 64-bit immediate loads (two slots) ----------------------------- */

#define BPF_LD_IMM64_RAW(DST, SRC, IMM)                                      \
	BPF_RAW_INSN(BPF_LD | BPF_DW | BPF_IMM, DST, SRC, 0,                 \
		     (__s32)(__u32)(__u64)(IMM)),                            \
	BPF_RAW_INSN(0, 0, 0, 0, (__s32)(__u32)((__u64)(IMM) >> 32))
#define BPF_LD_IMM64(DST, IMM) BPF_LD_IMM64_RAW(DST, 0, IMM)

/* The fd of the map named NAME (see case_map()). */
#define BPF_LD_MAP_FD(DST, NAME)                                             \
	{ .insn = { .code = BPF_LD | BPF_DW | BPF_IMM, .dst_reg = (DST),     \
		    .src_reg = BPF_PSEUDO_MAP_FD }, .map = (NAME) },          \
	BPF_RAW_INSN(0, 0, 0, 0, 0)
/* The address of byte OFF of the value of array map NAME (key 0). */
#define BPF_LD_MAP_VALUE(DST, NAME, OFF)                                     \
	{ .insn = { .code = BPF_LD | BPF_DW | BPF_IMM, .dst_reg = (DST),     \
		    .src_reg = BPF_PSEUDO_MAP_VALUE }, .map = (NAME) },       \
	BPF_RAW_INSN(0, 0, 0, 0, OFF)
/* A raw fd, for cases about bad fds. */
#define BPF_LD_MAP_FD_RAW(DST, FD) BPF_LD_IMM64_RAW(DST, BPF_PSEUDO_MAP_FD, FD)
/* The address of a kernel variable by its vmlinux BTF id. */
#define BPF_LD_BTF_ID(DST, ID) BPF_LD_IMM64_RAW(DST, BPF_PSEUDO_BTF_ID, ID)
/* The address of the subprogram at LABEL (for callbacks). */
#define BPF_LD_FUNC(DST, LABEL_NAME)                                         \
	{ .insn = { .code = BPF_LD | BPF_DW | BPF_IMM, .dst_reg = (DST),     \
		    .src_reg = BPF_PSEUDO_FUNC }, .target = (LABEL_NAME) },   \
	BPF_RAW_INSN(0, 0, 0, 0, 0)

/* ---- memory ------------------------------------------------------- */

/* SIZE is BPF_B, BPF_H, BPF_W or BPF_DW. */
#define BPF_LDX_MEM(SIZE, DST, SRC, OFF)                                     \
	BPF_RAW_INSN(BPF_LDX | (SIZE) | BPF_MEM, DST, SRC, OFF, 0)
/* v4: load with sign extension (B, H, W). */
#define BPF_LDX_MEMSX(SIZE, DST, SRC, OFF)                                   \
	BPF_RAW_INSN(BPF_LDX | (SIZE) | BPF_MEMSX, DST, SRC, OFF, 0)
#define BPF_STX_MEM(SIZE, DST, SRC, OFF)                                     \
	BPF_RAW_INSN(BPF_STX | (SIZE) | BPF_MEM, DST, SRC, OFF, 0)
#define BPF_ST_MEM(SIZE, DST, OFF, IMM)                                      \
	BPF_RAW_INSN(BPF_ST | (SIZE) | BPF_MEM, DST, 0, OFF, IMM)

/*
 * Atomics: *(SIZE *)(DST + OFF) op= SRC.  OP is BPF_ADD, BPF_OR, BPF_AND,
 * BPF_XOR (each optionally | BPF_FETCH: SRC receives the old value),
 * BPF_XCHG, or BPF_CMPXCHG (compares with R0, old value into R0).
 */
#define BPF_ATOMIC_OP(SIZE, OP, DST, SRC, OFF)                               \
	BPF_RAW_INSN(BPF_STX | (SIZE) | BPF_ATOMIC, DST, SRC, OFF, OP)

/* Legacy packet loads (socket filters): R0 = ntoh(*(SIZE *)(skb + IMM)). */
#define BPF_LD_ABS(SIZE, IMM)                                                \
	BPF_RAW_INSN(BPF_LD | (SIZE) | BPF_ABS, 0, 0, 0, IMM)
#define BPF_LD_IND(SIZE, SRC, IMM)                                           \
	BPF_RAW_INSN(BPF_LD | (SIZE) | BPF_IND, 0, SRC, 0, IMM)

/* ---- jumps ---------------------------------------------------------- */

#define BPF_JMP_TO_(CODE, DST, SRC, IMM, LABEL_NAME)                         \
	{ .insn = { .code = (CODE), .dst_reg = (DST), .src_reg = (SRC),      \
		    .imm = (IMM) }, .target = (LABEL_NAME) }

/* if (DST op IMM) goto LABEL; OP is BPF_JEQ ... BPF_JSLE, BPF_JSET. */
#define BPF_JMP_IMM(OP, DST, IMM, L)                                         \
	BPF_JMP_TO_(BPF_JMP | BPF_OP(OP) | BPF_K, DST, 0, IMM, L)
#define BPF_JMP_REG(OP, DST, SRC, L)                                         \
	BPF_JMP_TO_(BPF_JMP | BPF_OP(OP) | BPF_X, DST, SRC, 0, L)
#define BPF_JMP32_IMM(OP, DST, IMM, L)                                       \
	BPF_JMP_TO_(BPF_JMP32 | BPF_OP(OP) | BPF_K, DST, 0, IMM, L)
#define BPF_JMP32_REG(OP, DST, SRC, L)                                       \
	BPF_JMP_TO_(BPF_JMP32 | BPF_OP(OP) | BPF_X, DST, SRC, 0, L)
#define BPF_JMP_A(L) BPF_JMP_TO_(BPF_JMP | BPF_JA, 0, 0, 0, L)
/* v4: "gotol", the offset is in imm (32 bits). */
#define BPF_JMP32_A(L) BPF_JMP_TO_(BPF_JMP32 | BPF_JA, 0, 0, 0, L)

#define BPF_JMP_IMM_OFF(OP, DST, IMM, OFF)                                   \
	BPF_RAW_INSN(BPF_JMP | BPF_OP(OP) | BPF_K, DST, 0, OFF, IMM)
#define BPF_JMP_REG_OFF(OP, DST, SRC, OFF)                                   \
	BPF_RAW_INSN(BPF_JMP | BPF_OP(OP) | BPF_X, DST, SRC, OFF, 0)
#define BPF_JMP32_IMM_OFF(OP, DST, IMM, OFF)                                 \
	BPF_RAW_INSN(BPF_JMP32 | BPF_OP(OP) | BPF_K, DST, 0, OFF, IMM)
#define BPF_JMP32_REG_OFF(OP, DST, SRC, OFF)                                 \
	BPF_RAW_INSN(BPF_JMP32 | BPF_OP(OP) | BPF_X, DST, SRC, OFF, 0)
#define BPF_JMP_A_OFF(OFF) BPF_RAW_INSN(BPF_JMP | BPF_JA, 0, 0, OFF, 0)
#define BPF_JMP32_A_OFF(IMM) BPF_RAW_INSN(BPF_JMP32 | BPF_JA, 0, 0, 0, IMM)

/* ---- calls and exit ------------------------------------------------- */

/* A helper by number, or by name: BPF_CALL_HELPER(map_lookup_elem). */
#define BPF_EMIT_CALL(ID) BPF_RAW_INSN(BPF_JMP | BPF_CALL, 0, 0, 0, ID)
#define BPF_CALL_HELPER(NAME) BPF_EMIT_CALL(BPF_FUNC_##NAME)
/* A bpf-to-bpf call to the subprogram at LABEL. */
#define BPF_CALL_LABEL(L)                                                    \
	BPF_JMP_TO_(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_CALL, 0, L)
#define BPF_CALL_REL(OFF) BPF_RAW_INSN(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_CALL, 0, OFF)
/* A kernel function by BTF id (off = 0: vmlinux; else an fd_array index). */
#define BPF_CALL_KFUNC(BTF_ID, OFF)                                          \
	BPF_RAW_INSN(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_KFUNC_CALL, OFF, BTF_ID)
#define BPF_EXIT_INSN() BPF_RAW_INSN(BPF_JMP | BPF_EXIT, 0, 0, 0, 0)

/* ---- resolution ------------------------------------------------------ */

/* Looks up a map's fd by name; returns -1 if there is none. */
typedef int (*asm_map_lookup)(const char *name, void *ctx);

/*
 * Resolve labels and map names of 'prog' into 'out' (room for 'cap'
 * instructions).  Returns the number of
 * instructions, or -1 with a one-line reason in 'err' (unknown or
 * duplicate label, unknown map, offset out of range, program too long).
 */
int asm_resolve(struct asm_prog prog, struct bpf_insn *out, size_t cap,
		asm_map_lookup lookup, void *ctx, char *err, size_t errlen);

/* Number of instructions 'prog' resolves to (labels excluded). */
size_t asm_len(struct asm_prog prog);

/*
 * The lowest ISA version (1..4) that has every opcode in 'insns':
 * v2 adds JLT/JLE/JSLT/JSLE, v3 adds JMP32 and the fetching atomics,
 * v4 adds MOVSX, MEMSX, SDIV/SMOD, BSWAP and JA32.
 */
int insn_isa_version(const struct bpf_insn *insns, size_t cnt);

/*
 * The groups of instructions the ISA versions added, as kernels took them
 * in: a kernel can have one group of a version and not another (5.10 has
 * JMP32 but not the fetching atomics, both "v3").  A program's needs are
 * the groups it uses; the oracle probes each group.
 */
enum isa_group {
	ISA_JMP_EXT = 1 << 0,		/* v2: JLT JLE JSLT JSLE (4.14) */
	ISA_JMP32 = 1 << 1,		/* v3: the JMP32 class (5.1) */
	ISA_ATOMIC_FETCH = 1 << 2,	/* v3: FETCH, XCHG, CMPXCHG, 32-bit atomics (5.12) */
	ISA_MOVSX = 1 << 3,		/* v4: sign-extending MOV (6.6) */
	ISA_MEMSX = 1 << 4,		/* v4: sign-extending loads (6.6) */
	ISA_SDIV = 1 << 5,		/* v4: signed DIV and MOD (6.6) */
	ISA_BSWAP = 1 << 6,		/* v4: unconditional byte swap (6.6) */
	ISA_JA32 = 1 << 7,		/* v4: JA with a 32-bit offset (6.6) */
	ISA__GROUPS = 8,
};
/* The groups 'insns' uses (a mask of enum isa_group). */
unsigned insn_isa_groups(const struct bpf_insn *insns, size_t cnt);
/* "JMP32" for ISA_JMP32 (one bit), and the ISA version it belongs to. */
const char *isa_group_name(unsigned group);
int isa_group_version(unsigned group);

/* Disassemble one instruction (two for LD_IMM64) into buf; returns the
 * number of slots consumed (1 or 2). */
int insn_disasm(const struct bpf_insn *insn, size_t remaining, char *buf,
		size_t len);
/* Print a whole program, one numbered line per instruction, each line
 * prefixed with 'prefix' (e.g. "# "). */
void insn_dump(const struct bpf_insn *insns, size_t cnt, const char *prefix,
	       void (*emit)(const char *line, void *ctx), void *ctx);

#endif
