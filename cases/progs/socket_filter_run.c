// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_PROG_TYPE_SOCKET_FILTER through BPF_PROG_TEST_RUN (4.12): the return
 * value, what the program sees of the packet, and repeat.  A socket filter
 * is not an L2 program: test_run pulls the Ethernet header before the run,
 * as the stack does before a socket sees the packet.
 */
#include "harness/case.h"
#include "harness/objects.h"

CASE("prog.socket_filter.test_run.retval",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD), CMD(PROG_TEST_RUN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 42),
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(42, run.retval);
}

/* The program reads skb->len and returns it.  A socket filter sees the
 * packet from the network header on (test_run pulls the Ethernet header
 * for types that are not L2), so len is what we sent less ETH_HLEN. */
CASE("prog.socket_filter.test_run.ctx_len",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, offsetof(struct __sk_buff, len)),
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(sizeof(test_pkt_v4) - 14, run.retval);
}

/* A counter in an array map, bumped by the program: the map is named, the
 * harness patches its fd into the LD_IMM64. */
CASE("prog.socket_filter.map_counter",
     NEEDS(PROG_TYPE(SOCKET_FILTER), MAP(ARRAY), HELPER(map_lookup_elem)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.repeat = 3 };
	__u32 key = 0;
	__u64 count = 0;
	int map = case_map("counter", map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
	int fd;

	ASSERT_FD(map);
	fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),		/* key = 0 */
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),		/* r2 = &key */
			BPF_LD_MAP_FD(BPF_REG_1, "counter"),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
			BPF_MOV64_IMM(BPF_REG_1, 1),
			BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0),
			LABEL("out"),
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_OK(map_lookup(map, &key, &count));
	ASSERT_EQ(3, count);
}
