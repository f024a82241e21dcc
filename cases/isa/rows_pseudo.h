/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LD_IMM64's pseudo sources beyond the map fd and map value, and the kfunc
 * call: src 3 (a kernel variable by BTF id; 5.10, "bpf: Introduce ksym
 * typed pointers"), src 4 (a subprogram's address, for callbacks; 5.13),
 * src 5 and 6 (a map, or the address in its value, by index into the
 * program's fd_array; 5.14), and CALL src 2 (a kernel function by BTF id;
 * here bpf_rcu_read_lock/unlock, callable from any program type, 6.2).
 * Each row's needs name what it uses: the helper, the variable, the kfunc.
 */
#include "isa.h"

static const struct isa_row isa_pseudo_rows[] = {
	ISA_ROW("isa.ld.imm64_btf_var.percpu_pointer", 1,
		ISA_LD_BTF_VAR(BPF_REG_1, "bpf_prog_active"),	/* a per-CPU int */
		BPF_CALL_HELPER(this_cpu_ptr),			/* r0 = this CPU's copy */
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "null"),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		BPF_EXIT_INSN(),
		LABEL("null"),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.ld.imm64_func.bpf_loop_callback", 5,
		BPF_MOV64_IMM(BPF_REG_1, 5),			/* nr_loops */
		BPF_LD_FUNC(BPF_REG_2, "callback"),
		BPF_MOV64_IMM(BPF_REG_3, 0),			/* ctx */
		BPF_MOV64_IMM(BPF_REG_4, 0),			/* flags */
		BPF_CALL_HELPER(loop),				/* r0 = calls made */
		BPF_EXIT_INSN(),
		LABEL("callback"),				/* (index, ctx) */
		BPF_MOV64_IMM(BPF_REG_0, 0),			/* go on */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.ld.imm64_func.bpf_loop_callback_stops", 3,
		BPF_MOV64_IMM(BPF_REG_1, 5),
		BPF_LD_FUNC(BPF_REG_2, "callback"),
		BPF_MOV64_IMM(BPF_REG_3, 0),
		BPF_MOV64_IMM(BPF_REG_4, 0),
		BPF_CALL_HELPER(loop),
		BPF_EXIT_INSN(),
		LABEL("callback"),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM(BPF_JNE, BPF_REG_1, 2, "out"),	/* index 2: stop */
		BPF_MOV64_IMM(BPF_REG_0, 1),
		LABEL("out"),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.ld.imm64_map_idx.lookup", 0x55,
		BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),		/* key = 0 */
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
		ISA_LD_MAP_IDX(BPF_REG_1),			/* r1 = fd_array[0] */
		BPF_CALL_HELPER(map_lookup_elem),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
		BPF_ST_MEM(BPF_DW, BPF_REG_0, 0, 0x55),
		BPF_LD_MAP_VALUE(BPF_REG_1, ISA_MEM, 0),	/* the same map, by fd */
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		LABEL("out"),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.ld.imm64_map_idx_value.offset", 0x66,
		ISA_LD_MAP_IDX_VALUE(BPF_REG_1, 8),		/* r1 = &fd_array[0] value[8] */
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0x66),
		BPF_LD_MAP_VALUE(BPF_REG_2, ISA_MEM, 8),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_2, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.call.kfunc.returns_to_caller", 7,
		ISA_CALL_KFUNC("bpf_rcu_read_lock"),
		ISA_CALL_KFUNC("bpf_rcu_read_unlock"),
		BPF_MOV64_IMM(BPF_REG_0, 7),
		BPF_EXIT_INSN(),
	),
};
