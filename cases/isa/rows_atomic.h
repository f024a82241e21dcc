/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Atomics (STX | ATOMIC), 32 and 64 bit: ADD, OR, AND, XOR with and
 * without FETCH, XCHG and CMPXCHG, on a map value and on the stack, with
 * their return values.  FETCH puts the old value in src (32-bit:
 * zero-extended); CMPXCHG compares with R0 (32-bit: its low half) and puts
 * the old value in R0.  Kernel history: 64/32-bit atomic add (the old
 * XADD) is 3.x/4.x; everything else is "bpf: Add instructions for
 * atomic_[cmp]xchg" and its series (5.12), ISA v3 by insn_isa_version().
 * Fetch rows return old << 32 | new.
 */
#include "isa.h"

static const struct isa_row isa_atomic_rows[] = {
	ISA_ROW("isa.atomic64.add.memory", 0x16,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),		/* r1 = &isa_mem[0] */
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0x0c),		/* *(u64 *)r1 = 0xc */
		BPF_MOV64_IMM(BPF_REG_2, 0x0a),
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_1, BPF_REG_2, 0),	/* lock *r1 add= r2 */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.fetch_add.old_and_new", 0x0000000c00000016ULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),		/* r1 = &isa_mem[0] */
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0x0c),		/* *(u64 *)r1 = 0xc */
		BPF_MOV64_IMM(BPF_REG_2, 0x0a),
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD | BPF_FETCH, BPF_REG_1, BPF_REG_2, 0),	/* r2 = old */
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_DW, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | new */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.or.memory", 0xe,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),		/* r1 = &isa_mem[0] */
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0x0c),		/* *(u64 *)r1 = 0xc */
		BPF_MOV64_IMM(BPF_REG_2, 0x0a),
		BPF_ATOMIC_OP(BPF_DW, BPF_OR, BPF_REG_1, BPF_REG_2, 0),	/* lock *r1 or= r2 */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.fetch_or.old_and_new", 0x0000000c0000000eULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),		/* r1 = &isa_mem[0] */
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0x0c),		/* *(u64 *)r1 = 0xc */
		BPF_MOV64_IMM(BPF_REG_2, 0x0a),
		BPF_ATOMIC_OP(BPF_DW, BPF_OR | BPF_FETCH, BPF_REG_1, BPF_REG_2, 0),	/* r2 = old */
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_DW, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | new */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.and.memory", 0x8,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),		/* r1 = &isa_mem[0] */
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0x0c),		/* *(u64 *)r1 = 0xc */
		BPF_MOV64_IMM(BPF_REG_2, 0x0a),
		BPF_ATOMIC_OP(BPF_DW, BPF_AND, BPF_REG_1, BPF_REG_2, 0),	/* lock *r1 and= r2 */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.fetch_and.old_and_new", 0x0000000c00000008ULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),		/* r1 = &isa_mem[0] */
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0x0c),		/* *(u64 *)r1 = 0xc */
		BPF_MOV64_IMM(BPF_REG_2, 0x0a),
		BPF_ATOMIC_OP(BPF_DW, BPF_AND | BPF_FETCH, BPF_REG_1, BPF_REG_2, 0),	/* r2 = old */
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_DW, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | new */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.xor.memory", 0x6,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),		/* r1 = &isa_mem[0] */
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0x0c),		/* *(u64 *)r1 = 0xc */
		BPF_MOV64_IMM(BPF_REG_2, 0x0a),
		BPF_ATOMIC_OP(BPF_DW, BPF_XOR, BPF_REG_1, BPF_REG_2, 0),	/* lock *r1 xor= r2 */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.fetch_xor.old_and_new", 0x0000000c00000006ULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),		/* r1 = &isa_mem[0] */
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0x0c),		/* *(u64 *)r1 = 0xc */
		BPF_MOV64_IMM(BPF_REG_2, 0x0a),
		BPF_ATOMIC_OP(BPF_DW, BPF_XOR | BPF_FETCH, BPF_REG_1, BPF_REG_2, 0),	/* r2 = old */
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_DW, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | new */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.xchg.old_and_new", 0x0000000c0000000aULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),		/* r1 = &isa_mem[0] */
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0x0c),		/* *(u64 *)r1 = 0xc */
		BPF_MOV64_IMM(BPF_REG_2, 0x0a),
		BPF_ATOMIC_OP(BPF_DW, BPF_XCHG, BPF_REG_1, BPF_REG_2, 0),	/* r2 = old; *r1 = r2 */
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_DW, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | new */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.cmpxchg.match", 0x0000000c0000000aULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),		/* r1 = &isa_mem[0] */
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0x0c),		/* *(u64 *)r1 = 0xc */
		BPF_MOV64_IMM(BPF_REG_2, 0x0a),
		BPF_MOV64_IMM(BPF_REG_0, 0x0c),
		BPF_ATOMIC_OP(BPF_DW, BPF_CMPXCHG, BPF_REG_1, BPF_REG_2, 0),	/* r0 = old; if old == r0: *r1 = r2 */
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_DW, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | new */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.cmpxchg.mismatch", 0x0000000c0000000cULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),		/* r1 = &isa_mem[0] */
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0x0c),		/* *(u64 *)r1 = 0xc */
		BPF_MOV64_IMM(BPF_REG_2, 0x0a),
		BPF_MOV64_IMM(BPF_REG_0, 7),
		BPF_ATOMIC_OP(BPF_DW, BPF_CMPXCHG, BPF_REG_1, BPF_REG_2, 0),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_DW, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | unchanged */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.add.memory", 0xffffffff00000016ULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_LD_IMM64(BPF_REG_3, 0xffffffff0000000cULL),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_3, 0),	/* low word 0xc, high word all ones */
		BPF_LD_IMM64(BPF_REG_2, 0xffffffff0000000aULL),	/* the upper half is ignored */
		BPF_ATOMIC_OP(BPF_W, BPF_ADD, BPF_REG_1, BPF_REG_2, 0),	/* lock *r1 add= r2 */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.fetch_add.old_and_new", 0x0000000c00000016ULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_LD_IMM64(BPF_REG_3, 0xffffffff0000000cULL),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_3, 0),	/* low word 0xc, high word all ones */
		BPF_LD_IMM64(BPF_REG_2, 0xffffffff0000000aULL),	/* the upper half is ignored */
		BPF_ATOMIC_OP(BPF_W, BPF_ADD | BPF_FETCH, BPF_REG_1, BPF_REG_2, 0),	/* r2 = old */
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | new */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.or.memory", 0xffffffff0000000eULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_LD_IMM64(BPF_REG_3, 0xffffffff0000000cULL),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_3, 0),	/* low word 0xc, high word all ones */
		BPF_LD_IMM64(BPF_REG_2, 0xffffffff0000000aULL),	/* the upper half is ignored */
		BPF_ATOMIC_OP(BPF_W, BPF_OR, BPF_REG_1, BPF_REG_2, 0),	/* lock *r1 or= r2 */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.fetch_or.old_and_new", 0x0000000c0000000eULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_LD_IMM64(BPF_REG_3, 0xffffffff0000000cULL),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_3, 0),	/* low word 0xc, high word all ones */
		BPF_LD_IMM64(BPF_REG_2, 0xffffffff0000000aULL),	/* the upper half is ignored */
		BPF_ATOMIC_OP(BPF_W, BPF_OR | BPF_FETCH, BPF_REG_1, BPF_REG_2, 0),	/* r2 = old */
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | new */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.and.memory", 0xffffffff00000008ULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_LD_IMM64(BPF_REG_3, 0xffffffff0000000cULL),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_3, 0),	/* low word 0xc, high word all ones */
		BPF_LD_IMM64(BPF_REG_2, 0xffffffff0000000aULL),	/* the upper half is ignored */
		BPF_ATOMIC_OP(BPF_W, BPF_AND, BPF_REG_1, BPF_REG_2, 0),	/* lock *r1 and= r2 */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.fetch_and.old_and_new", 0x0000000c00000008ULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_LD_IMM64(BPF_REG_3, 0xffffffff0000000cULL),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_3, 0),	/* low word 0xc, high word all ones */
		BPF_LD_IMM64(BPF_REG_2, 0xffffffff0000000aULL),	/* the upper half is ignored */
		BPF_ATOMIC_OP(BPF_W, BPF_AND | BPF_FETCH, BPF_REG_1, BPF_REG_2, 0),	/* r2 = old */
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | new */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.xor.memory", 0xffffffff00000006ULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_LD_IMM64(BPF_REG_3, 0xffffffff0000000cULL),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_3, 0),	/* low word 0xc, high word all ones */
		BPF_LD_IMM64(BPF_REG_2, 0xffffffff0000000aULL),	/* the upper half is ignored */
		BPF_ATOMIC_OP(BPF_W, BPF_XOR, BPF_REG_1, BPF_REG_2, 0),	/* lock *r1 xor= r2 */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.fetch_xor.old_and_new", 0x0000000c00000006ULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_LD_IMM64(BPF_REG_3, 0xffffffff0000000cULL),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_3, 0),	/* low word 0xc, high word all ones */
		BPF_LD_IMM64(BPF_REG_2, 0xffffffff0000000aULL),	/* the upper half is ignored */
		BPF_ATOMIC_OP(BPF_W, BPF_XOR | BPF_FETCH, BPF_REG_1, BPF_REG_2, 0),	/* r2 = old */
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | new */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.xchg.old_and_new", 0x0000000c0000000aULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_LD_IMM64(BPF_REG_3, 0xffffffff0000000cULL),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_3, 0),	/* low word 0xc, high word all ones */
		BPF_LD_IMM64(BPF_REG_2, 0xffffffff0000000aULL),	/* the upper half is ignored */
		BPF_ATOMIC_OP(BPF_W, BPF_XCHG, BPF_REG_1, BPF_REG_2, 0),	/* r2 = old; *r1 = r2 */
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | new */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.cmpxchg.match", 0x0000000c0000000aULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_LD_IMM64(BPF_REG_3, 0xffffffff0000000cULL),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_3, 0),	/* low word 0xc, high word all ones */
		BPF_LD_IMM64(BPF_REG_2, 0xffffffff0000000aULL),	/* the upper half is ignored */
		BPF_LD_IMM64(BPF_REG_0, 0x123456780000000cULL),	/* the upper half is ignored */
		BPF_ATOMIC_OP(BPF_W, BPF_CMPXCHG, BPF_REG_1, BPF_REG_2, 0),	/* r0 = old; if old == r0: *r1 = r2 */
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | new */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.cmpxchg.mismatch", 0x0000000c0000000cULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_LD_IMM64(BPF_REG_3, 0xffffffff0000000cULL),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_3, 0),	/* low word 0xc, high word all ones */
		BPF_LD_IMM64(BPF_REG_2, 0xffffffff0000000aULL),	/* the upper half is ignored */
		BPF_MOV64_IMM(BPF_REG_0, 7),
		BPF_ATOMIC_OP(BPF_W, BPF_CMPXCHG, BPF_REG_1, BPF_REG_2, 0),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_1, 0),
		BPF_ALU64_REG(BPF_OR, BPF_REG_0, BPF_REG_3),		/* r0 = old << 32 | unchanged */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.cmpxchg.match_zero_extends_r0", 0xffffffffULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_ST_MEM(BPF_W, BPF_REG_1, 16, -1),		/* the word: 0xffffffff */
		BPF_LD_IMM64(BPF_REG_0, 0x7fffffffffffffffULL),	/* its low half matches */
		BPF_MOV64_IMM(BPF_REG_7, 0),
		BPF_ATOMIC_OP(BPF_W, BPF_CMPXCHG, BPF_REG_1, BPF_REG_7, 16),	/* r0 = (u32)old */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.cmpxchg.mismatch_zero_extends_r0", 0xfffffffeULL,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_ST_MEM(BPF_W, BPF_REG_1, 16, -2),
		BPF_LD_IMM64(BPF_REG_0, 0x7fffffffffffffffULL),
		BPF_MOV64_IMM(BPF_REG_7, 0),
		BPF_ATOMIC_OP(BPF_W, BPF_CMPXCHG, BPF_REG_1, BPF_REG_7, 16),
		BPF_EXIT_INSN(),
	),
	/*
	 * 32-bit CMPXCHG zero-extends R0 on every path.  x86's cmpxchg leaves
	 * rax alone when the values match, so the verifier patches in a
	 * zero-extension after it ("bpf: Explicitly zero-extend R0 after
	 * 32-bit cmpxchg", 5.12) -- but only where it saw R0 read as 64
	 * bits.  Here the verifier explores the fall-through first, where R0
	 * is redefined by a 32-bit op, and prunes the path taken at run time
	 * at "join" as equivalent: found by `bpfconform fuzz --seed 1
	 * --first 23306 --no-v4` on 6.18, where R0 keeps its upper half.
	 */
	ISA_ROW("isa.atomic32.cmpxchg.zero_extends_r0_on_pruned_path", 0xffffffffULL,
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),		/* r6 = ctx, for LD_ABS */
		BPF_LD_ABS(BPF_B, 0),				/* r0 = 0x45, unknown to the verifier */
		BPF_MOV64_REG(BPF_REG_8, BPF_REG_0),
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_ST_MEM(BPF_W, BPF_REG_1, 16, -1),		/* the word: 0xffffffff */
		BPF_LD_IMM64(BPF_REG_0, 0x7fffffffffffffffULL),	/* its low half matches */
		BPF_MOV64_IMM(BPF_REG_7, 0),
		BPF_ATOMIC_OP(BPF_W, BPF_CMPXCHG, BPF_REG_1, BPF_REG_7, 16),	/* r0 = 0xffffffff */
		BPF_JMP_IMM(BPF_JGT, BPF_REG_8, 1, "join"),	/* taken at run time */
		BPF_ALU32_IMM(BPF_ADD, BPF_REG_0, 0),		/* explored first: w0 += 0 */
		LABEL("join"),
		BPF_EXIT_INSN(),				/* R0 read as 64 bits */
	),
	ISA_ROW("isa.atomic32.add.no_carry_out", 0,
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),
		BPF_MOV32_IMM(BPF_REG_3, -1),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_3, 0),	/* 0x0000_0000_ffff_ffff */
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_ATOMIC_OP(BPF_W, BPF_ADD, BPF_REG_1, BPF_REG_2, 0),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.add.stack", 15,
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 10),
		BPF_MOV64_IMM(BPF_REG_2, 5),
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_10, BPF_REG_2, -8),	/* lock *(fp - 8) += 5 */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, -8),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.fetch_add.stack", 10,
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 10),
		BPF_MOV64_IMM(BPF_REG_0, 5),
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD | BPF_FETCH, BPF_REG_10, BPF_REG_0, -8),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.fetch_xor.stack", 0x0f0f0000ULL,
		BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0x0f0f0000),
		BPF_MOV64_IMM(BPF_REG_0, 0xff),
		BPF_ATOMIC_OP(BPF_W, BPF_XOR | BPF_FETCH, BPF_REG_10, BPF_REG_0, -4),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.cmpxchg.stack", 1,
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0x2a),
		BPF_MOV64_IMM(BPF_REG_0, 0x2a),
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_ATOMIC_OP(BPF_DW, BPF_CMPXCHG, BPF_REG_10, BPF_REG_2, -8),	/* matches: stores 1 */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, -8),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic32.xchg.stack", 0x00000007ffffffffULL,
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, -1),
		BPF_MOV64_IMM(BPF_REG_2, 7),
		BPF_ATOMIC_OP(BPF_W, BPF_XCHG, BPF_REG_10, BPF_REG_2, -4),	/* high word of the slot */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, -8),
		BPF_EXIT_INSN(),
	),
	/*
	 * The value a fetching atomic loads from the stack must be tracked by
	 * the verifier like a fill: found by `bpfconform fuzz` (seed 1,
	 * programs 10995 and 36013) on 6.18.  The verifier explores the
	 * fall-through first, where fp-8 is the constant 0, concludes the
	 * CMPXCHG returns 0 and the branch is always taken; its precision
	 * backtracking treats the atomic as a plain store and never marks
	 * fp-8 precise, so the second path (where fp-8 is 0x70000) is pruned as
	 * equivalent and the branch is hard-wired.  Fixed upstream by
	 * teaching backtrack_insn() that a fetching atomic loads like
	 * BPF_LDX (is_atomic_fetch_insn(); CVE-2026-43009): a kernel that
	 * fails these two rows lacks that fix.  At run time the store
	 * happens: CMPXCHG returns 0x70000 and the program must return 2.
	 * (A 4-byte store at fp-8 instead of the 2-byte one does not show it.)
	 */
	ISA_ROW("isa.atomic64.cmpxchg.stack_value_after_partial_store", 2,
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),		/* r6 = ctx, for LD_ABS */
		BPF_LD_ABS(BPF_B, 0),				/* r0 = 0x45, unknown to the verifier */
		BPF_MOV64_REG(BPF_REG_7, BPF_REG_0),
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),		/* fp-8 = 0, a tracked constant */
		BPF_JMP_IMM(BPF_JNE, BPF_REG_7, 0, "store"),	/* taken at run time */
		BPF_JMP_A("cas"),
		LABEL("store"),
		BPF_ST_MEM(BPF_H, BPF_REG_10, -6, 7),		/* fp-8 = 0x0000_0000_0007_0000 */
		LABEL("cas"),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_ATOMIC_OP(BPF_DW, BPF_CMPXCHG, BPF_REG_10, BPF_REG_2, -8),	/* r0 = 0x70000 */
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "zero"),
		BPF_MOV64_IMM(BPF_REG_0, 2),
		BPF_EXIT_INSN(),
		LABEL("zero"),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.atomic64.fetch_add.stack_value_after_partial_store", 2,
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_LD_ABS(BPF_B, 0),
		BPF_MOV64_REG(BPF_REG_7, BPF_REG_0),
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		BPF_JMP_IMM(BPF_JNE, BPF_REG_7, 0, "store"),
		BPF_JMP_A("add"),
		LABEL("store"),
		BPF_ST_MEM(BPF_H, BPF_REG_10, -6, 7),
		LABEL("add"),
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD | BPF_FETCH, BPF_REG_10, BPF_REG_2, -8),	/* r2 = 0x70000 */
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_2, 0, "zero"),
		BPF_MOV64_IMM(BPF_REG_0, 2),
		BPF_EXIT_INSN(),
		LABEL("zero"),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		BPF_EXIT_INSN(),
	),
};
