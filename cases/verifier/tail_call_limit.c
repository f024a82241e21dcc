// SPDX-License-Identifier: GPL-2.0
/*
 * The tail-call depth limit, at run time: a program that tail-calls
 * itself runs once and then MAX_TAIL_CALL_CNT more times before
 * bpf_tail_call() starts to fall through.  The limit is 33 since 5.17
 * ("bpf: Change value of MAX_TAIL_CALL_CNT from 32 to 33", ebf7f6f0a6cd),
 * which fixed the interpreter and the JITs disagreeing by one; the fix
 * went to the stable series too (Debian's 5.10 has it).  It left no trace
 * in BTF, so the case expects the fixed value everywhere: a kernel that
 * runs 32 more times lacks that fix, and the failure says so.
 */
#include "harness/case.h"
#include "harness/objects.h"

CASE("verifier.tail_call.depth_limit",
     NEEDS(PROG_TYPE(SOCKET_FILTER), MAP(PROG_ARRAY), MAP(ARRAY), HELPER(tail_call),
	   HELPER(map_lookup_elem), CMD(PROG_TEST_RUN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	__u32 key = 0, prog;
	__u64 count = 0;
	int progs = case_map("progs", map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 1, 0));
	int counter = case_map("count", map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
	int fd, limit = 33;

	SETUP(progs >= 0 && counter >= 0);
	fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
			BPF_LD_MAP_FD(BPF_REG_1, "count"),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
			BPF_MOV64_IMM(BPF_REG_1, 1),
			/* count++ */
			BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0),
			BPF_MOV64_REG(BPF_REG_1, BPF_REG_6),
			BPF_LD_MAP_FD(BPF_REG_2, "progs"),
			BPF_MOV64_IMM(BPF_REG_3, 0),
			BPF_CALL_HELPER(tail_call),		/* itself */
			LABEL("out"),
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(fd);
	prog = (__u32)fd;
	SETUP_RET(map_update(progs, &key, &prog, BPF_ANY));
	ASSERT_OK(prog_test_run(fd, &run));
	/* The prog array's entries are dropped when its last fd closes
	 * (map_release_uref), so the cycle program <-> map cannot leak;
	 * empty it now anyway. */
	SETUP_RET(map_delete(progs, &key));
	ASSERT_OK(map_lookup(counter, &key, &count));
	case_log("runs: %llu; expected 1 + MAX_TAIL_CALL_CNT (%d)", (unsigned long long)count,
		 limit);
	if (count == 1 + 32)
		case_note("32 tail calls: the kernel lacks \"bpf: Change value of "
			  "MAX_TAIL_CALL_CNT from 32 to 33\" (5.17, ebf7f6f0a6cd)");
	ASSERT_EQ(1 + limit, count);
}
