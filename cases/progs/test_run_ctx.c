// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_PROG_TEST_RUN of the types whose input is a context, not a packet
 * (or not only): raw_tracepoint (5.10: ctx_in is the u64 arguments),
 * syscall (5.14: ctx_in is any buffer, copied back after the run),
 * sk_lookup (5.14: ctx_in is a struct bpf_sk_lookup), flow_dissector
 * (data_out is the struct bpf_flow_keys the program filled), netfilter
 * (6.4: data_in is an IP packet) and tracing fentry (5.7: the run calls
 * bpf_fentry_test1() and friends, which an attached fentry program sees).
 *
 * Each case names the kernel function that runs its type's test
 * (bpf_prog_test_run_<kind>() in net/bpf/test_run.c) as a BTF_FUNC need:
 * the proof a kernel has test_run for that type at all.
 *
 * The rules are in net/bpf/test_run.c: raw_tp and syscall refuse data_in,
 * data_out, ctx_out and repeat (EINVAL) and want ctx_size_in to cover what
 * the program reads (aux->max_ctx_offset); sk_lookup refuses a socket
 * pointer or bytes past local_port in ctx_in.
 */
#include <stddef.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include "cases/progs/progs.h"
#include "harness/oracle/btf.h"

/* r0 = ctx[0] (the first u64 argument). */
static int raw_tp_arg0(void)
{
	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_RAW_TRACEPOINT,
		.insns = PROG(
			BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
			BPF_EXIT_INSN(),
		),
	});
}

CASE("prog.raw_tracepoint.test_run.ctx_in_args",
     NEEDS(PROG_TYPE(RAW_TRACEPOINT), CMD(PROG_TEST_RUN), BTF_FUNC("bpf_prog_test_run_raw_tp")))
{
	__u64 args[2] = { 4242, 7 };
	struct test_run run = { .ctx_in = args, .ctx_size_in = sizeof(args) };
	int fd = raw_tp_arg0();

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(4242, run.retval);
}

/* The program reads 8 bytes of context; 0 bytes of ctx_in do not cover it. */
CASE("prog.raw_tracepoint.test_run.ctx_shorter_than_read_einval",
     NEEDS(PROG_TYPE(RAW_TRACEPOINT), CMD(PROG_TEST_RUN), BTF_FUNC("bpf_prog_test_run_raw_tp")))
{
	struct test_run run = { 0 };
	int fd = raw_tp_arg0();

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, prog_test_run(fd, &run));
}

CASE("prog.raw_tracepoint.test_run.data_in_einval",
     NEEDS(PROG_TYPE(RAW_TRACEPOINT), CMD(PROG_TEST_RUN), BTF_FUNC("bpf_prog_test_run_raw_tp")))
{
	__u64 args[1] = { 1 };
	struct test_run run = { .ctx_in = args, .ctx_size_in = sizeof(args),
				.data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd = raw_tp_arg0();

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, prog_test_run(fd, &run));
}

CASE("prog.raw_tracepoint.test_run.repeat_einval",
     NEEDS(PROG_TYPE(RAW_TRACEPOINT), CMD(PROG_TEST_RUN), BTF_FUNC("bpf_prog_test_run_raw_tp")))
{
	__u64 args[1] = { 1 };
	struct test_run run = { .ctx_in = args, .ctx_size_in = sizeof(args), .repeat = 2 };
	int fd = raw_tp_arg0();

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, prog_test_run(fd, &run));
}

/* BPF_F_TEST_RUN_ON_CPU (5.10, with raw_tp test_run) runs the program on
 * the CPU named in cpu; a CPU that is not online is ENXIO. */
CASE("prog.raw_tracepoint.test_run.on_cpu_0",
     NEEDS(PROG_TYPE(RAW_TRACEPOINT), CMD(PROG_TEST_RUN),
	   BTF_FUNC("bpf_prog_test_run_raw_tp")))
{
	__u64 args[1] = { 77 };
	struct test_run run = { .ctx_in = args, .ctx_size_in = sizeof(args),
				.flags = BPF_F_TEST_RUN_ON_CPU, .cpu = 0 };
	int fd = raw_tp_arg0();

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(77, run.retval);
}

CASE("prog.raw_tracepoint.test_run.on_absent_cpu_enxio",
     NEEDS(PROG_TYPE(RAW_TRACEPOINT), CMD(PROG_TEST_RUN),
	   BTF_FUNC("bpf_prog_test_run_raw_tp")))
{
	__u64 args[1] = { 77 };
	struct test_run run = { .ctx_in = args, .ctx_size_in = sizeof(args),
				.flags = BPF_F_TEST_RUN_ON_CPU, .cpu = 1U << 20 };
	int fd = raw_tp_arg0();

	ASSERT_FD(fd);
	ASSERT_ERRNO(ENXIO, prog_test_run(fd, &run));
}

/* A syscall program reads and writes its context; the kernel copies the
 * context back into the ctx_in buffer after the run. */
CASE("prog.syscall.test_run.ctx_written_back",
     NEEDS(PROG_TYPE(SYSCALL), CMD(PROG_TEST_RUN), BTF_FUNC("bpf_prog_test_run_syscall")))
{
	__u32 ctx[2] = { 41, 0 };
	struct test_run run = { .ctx_in = ctx, .ctx_size_in = sizeof(ctx) };
	int fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SYSCALL,
		.prog_flags = BPF_F_SLEEPABLE,
		.insns = PROG(
			BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, 0),	/* r0 = ctx[0] */
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_0),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, 1),
			BPF_STX_MEM(BPF_W, BPF_REG_1, BPF_REG_2, 4),	/* ctx[1] = ctx[0] + 1 */
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(41, run.retval);
	ASSERT_EQ(42, ctx[1]);
}

CASE("prog.syscall.test_run.repeat_einval",
     NEEDS(PROG_TYPE(SYSCALL), CMD(PROG_TEST_RUN),
	   BTF_FUNC("bpf_prog_test_run_syscall")))
{
	__u32 ctx[2] = { 0 };
	struct test_run run = { .ctx_in = ctx, .ctx_size_in = sizeof(ctx), .repeat = 2 };
	int fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SYSCALL, .prog_flags = BPF_F_SLEEPABLE,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, prog_test_run(fd, &run));
}

/* Pass a lookup for local port 4242, drop anything else. */
static int sk_lookup_port_prog(void)
{
	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SK_LOOKUP, .attach = BPF_SK_LOOKUP,
		.insns = PROG(
			BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1,
				    offsetof(struct bpf_sk_lookup, local_port)),
			BPF_MOV64_IMM(BPF_REG_0, 0),				/* SK_DROP */
			BPF_JMP_IMM(BPF_JNE, BPF_REG_2, 4242, "out"),
			BPF_MOV64_IMM(BPF_REG_0, 1),				/* SK_PASS */
			LABEL("out"),
			BPF_EXIT_INSN(),
		),
	});
}

CASE("prog.sk_lookup.test_run.ctx_in_port",
     NEEDS(PROG_TYPE(SK_LOOKUP), ATTACH(SK_LOOKUP), CMD(PROG_TEST_RUN),
	   BTF_FUNC("bpf_prog_test_run_sk_lookup")))
{
	struct bpf_sk_lookup ctx = {
		.family = AF_INET, .protocol = IPPROTO_TCP,
		.remote_ip4 = htonl(INADDR_LOOPBACK), .remote_port = htons(5555),
		.local_ip4 = htonl(INADDR_LOOPBACK), .local_port = 4242,
	};
	struct test_run run = { .ctx_in = &ctx, .ctx_size_in = sizeof(ctx) };
	int fd = sk_lookup_port_prog();

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(1, run.retval);
	ctx.local_port = 4243;
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(0, run.retval);
}

/* The socket is the program's output, never an input. */
CASE("prog.sk_lookup.test_run.ctx_in_sk_einval",
     NEEDS(PROG_TYPE(SK_LOOKUP), ATTACH(SK_LOOKUP), CMD(PROG_TEST_RUN),
	   BTF_FUNC("bpf_prog_test_run_sk_lookup")))
{
	struct bpf_sk_lookup ctx = { .family = AF_INET, .protocol = IPPROTO_TCP,
				     .local_port = 4242 };
	struct test_run run = { .ctx_in = &ctx, .ctx_size_in = sizeof(ctx) };
	int fd = sk_lookup_port_prog();

	ctx.cookie = 1;		/* shares its bytes with the sk pointer */
	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, prog_test_run(fd, &run));
}

CASE("prog.sk_lookup.test_run.data_in_einval",
     NEEDS(PROG_TYPE(SK_LOOKUP), ATTACH(SK_LOOKUP), CMD(PROG_TEST_RUN),
	   BTF_FUNC("bpf_prog_test_run_sk_lookup")))
{
	struct bpf_sk_lookup ctx = { .family = AF_INET, .protocol = IPPROTO_TCP };
	struct test_run run = { .ctx_in = &ctx, .ctx_size_in = sizeof(ctx),
				.data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd = sk_lookup_port_prog();

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, prog_test_run(fd, &run));
}

/* The dissector writes ip_proto into the flow keys; data_out is the keys. */
CASE("prog.flow_dissector.test_run.keys_in_data_out",
     NEEDS(PROG_TYPE(FLOW_DISSECTOR), ATTACH(FLOW_DISSECTOR), CMD(PROG_TEST_RUN),
	   BTF_FUNC("bpf_prog_test_run_flow_dissector")))
{
	struct bpf_flow_keys keys = { 0 };
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.data_out = &keys, .data_size_out = sizeof(keys) };
	int fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_FLOW_DISSECTOR, .attach = BPF_FLOW_DISSECTOR,
		.insns = PROG(
			BPF_LDX_MEM(BPF_DW, BPF_REG_2, BPF_REG_1,
				    offsetof(struct __sk_buff, flow_keys)),
			BPF_ST_MEM(BPF_B, BPF_REG_2, offsetof(struct bpf_flow_keys, ip_proto),
				   IPPROTO_UDP),			/* keys->ip_proto = 17 */
			BPF_MOV64_IMM(BPF_REG_0, 0),			/* BPF_OK */
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	/* No retval check: 5.10 reports 1 for BPF_OK, 6.1 and later 0. */
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(sizeof(keys), run.data_size_out);
	ASSERT_EQ(IPPROTO_UDP, keys.ip_proto);
}

CASE("prog.flow_dissector.test_run.data_shorter_than_eth_einval",
     NEEDS(PROG_TYPE(FLOW_DISSECTOR), ATTACH(FLOW_DISSECTOR), CMD(PROG_TEST_RUN),
	   BTF_FUNC("bpf_prog_test_run_flow_dissector")))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = 13 };
	int fd = prog_load_trivial(BPF_PROG_TYPE_FLOW_DISSECTOR, BPF_FLOW_DISSECTOR, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, prog_test_run(fd, &run));
}

/* A netfilter program gets an IP packet (no link-layer header). */
CASE("prog.netfilter.test_run.retval",
     NEEDS(PROG_TYPE(NETFILTER), ATTACH(NETFILTER), CMD(PROG_TEST_RUN),
	   BTF_FUNC("bpf_prog_test_run_nf"),
	   CONFIG(NETFILTER_BPF_LINK)))
{
	struct test_run run = { .data_in = test_pkt_v4 + 14,
				.data_size_in = sizeof(test_pkt_v4) - 14 };
	int fd = prog_load_trivial(BPF_PROG_TYPE_NETFILTER, BPF_NETFILTER, 1);	/* NF_ACCEPT */

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(1, run.retval);
}

/* Attached fentry program on bpf_fentry_test1: the test run of a tracing
 * program calls bpf_fentry_test1() (net/bpf/test_run.c), so the program
 * runs once per test run and counts into a map. */
CASE("prog.tracing.test_run.fentry_sees_bpf_fentry_test1",
     NEEDS(PROG_TYPE(TRACING), ATTACH(TRACE_FENTRY), CMD(PROG_TEST_RUN),
	   BTF_FUNC("bpf_prog_test_run_tracing"),
	   CMD(RAW_TRACEPOINT_OPEN), BTF_FUNC("bpf_fentry_test1"), MAP(ARRAY),
	   HELPER(map_lookup_elem)))
{
	struct test_run run = { 0 };
	union bpf_attr attr = { 0 };
	__u32 key = 0;
	__u64 count = 0;
	int map = case_map("counter", map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
	int fd, link;

	ASSERT_FD(map);
	fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_TRACING, .attach = BPF_TRACE_FENTRY,
		.attach_btf_id = target_btf_id("bpf_fentry_test1", BTF_KIND_FUNC),
		.insns = PROG(
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),		/* key = 0 */
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
			BPF_LD_MAP_FD(BPF_REG_1, "counter"),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
			BPF_MOV64_IMM(BPF_REG_1, 1),
			BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0),	/* (*value)++ */
			LABEL("out"),
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(fd);
	attr.raw_tracepoint.prog_fd = (__u32)fd;	/* name NULL: the load's target */
	link = SETUP_RET(sys_bpf_raw_tracepoint_open(&attr));
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_OK(map_lookup(map, &key, &count));
	ASSERT_EQ(1, count);
	close(link);
}

/* Iterators run through read() on an iterator fd, not through test_run.
 * Tracing programs do have a test_run (so not ENOTSUPP), but
 * bpf_prog_test_run_tracing() runs only fentry/fexit/fmod_ret and leaves
 * any other attach type with the error it starts from, EFAULT. */
CASE("prog.tracing.test_run.iter_efault",
     NEEDS(PROG_TYPE(TRACING), ATTACH(TRACE_ITER), CMD(PROG_TEST_RUN),
	   BTF_FUNC("bpf_prog_test_run_tracing"),
	   BTF_FUNC("bpf_iter_task")))
{
	struct test_run run = { 0 };
	int fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_TRACING, .attach = BPF_TRACE_ITER,
		.attach_btf_id = target_btf_id("bpf_iter_task", BTF_KIND_FUNC),
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	ASSERT_ERRNO(EFAULT, prog_test_run(fd, &run));
}
