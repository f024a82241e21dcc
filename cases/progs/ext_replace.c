// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_PROG_TYPE_EXT (freplace, 5.6): a program that replaces a global
 * function of another loaded program.  Loading needs the target's fd
 * (attach_prog_fd), the BTF id of the function in the target's BTF
 * (attach_btf_id), and BTF with func_info for the extension itself, whose
 * prototype must match.  Attached (here through BPF_RAW_TRACEPOINT_OPEN,
 * which takes the load's target), it runs instead of the function: a test
 * run of the target shows the replacement's result.
 *
 * The target (progs.c) is a SCHED_CLS program returning ext_target_fn(41),
 * where ext_target_fn(x) is x + 1.
 */
#include <unistd.h>

#include "cases/progs/progs.h"

CASE("prog.ext.test_run.target_before_replace",
     NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN), CMD(BTF_LOAD)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	__u32 fn_id;
	int target = ext_target_load(&fn_id);

	ASSERT_OK(prog_test_run(target, &run));
	ASSERT_EQ(42, run.retval);
}

CASE("prog.ext.test_run.replaces_target_function",
     NEEDS(PROG_TYPE(EXT), PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN), CMD(BTF_LOAD),
	   CMD(RAW_TRACEPOINT_OPEN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	union bpf_attr attr = { 0 };
	struct bpf_func_info fi;
	__u32 fn_id;
	int target = ext_target_load(&fn_id);
	int btf = ext_prog_btf(&fi);
	int ext, link;

	ext = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_EXT,
		.attach_prog_fd = (__u32)target, .attach_btf_id = fn_id,
		.prog_btf_fd = btf, .func_info = &fi, .func_info_cnt = 1,
		.func_info_rec_size = sizeof(fi),
		.insns = PROG(
			BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_0, 100),	/* return x + 100 */
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(ext);
	attr.raw_tracepoint.prog_fd = (__u32)ext;
	link = SETUP_RET(sys_bpf_raw_tracepoint_open(&attr));
	ASSERT_OK(prog_test_run(target, &run));
	ASSERT_EQ(141, run.retval);
	close(link);
}
