// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_PERF_EVENT_ARRAY (4.3): values are perf event fds
 * (perf_event_fd_array_get_ptr(): another kind of fd is EBADF), 4 bytes
 * each.  A program writes samples with bpf_perf_event_output(); into an
 * empty slot that is -ENOENT, into a slot holding a software BPF_OUTPUT
 * event of this task it succeeds.
 */
#include <linux/perf_event.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cases/maps/maps.h"

static int bpf_output_event(void)
{
	struct perf_event_attr pa;

	memset(&pa, 0, sizeof(pa));
	pa.size = sizeof(pa);
	pa.type = PERF_TYPE_SOFTWARE;
	pa.config = PERF_COUNT_SW_BPF_OUTPUT;
	pa.sample_type = PERF_SAMPLE_RAW;
	pa.sample_period = 1;
	pa.wakeup_events = 1;
	/* This task, any CPU: the event is active wherever the case runs. */
	return (int)syscall(SYS_perf_event_open, &pa, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
}

CASE("map.perf_event_array.create.info_reports_attrs",
     NEEDS(MAP(PERF_EVENT_ARRAY), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_PERF_EVENT_ARRAY, .key_size = 4,
				.value_size = 4, .max_entries = 2 };

	map_create_checked(&attr, "perf_events");
}

CASE("map.perf_event_array.create.value_size_8_einval",
     NEEDS(MAP(PERF_EVENT_ARRAY), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 8, 2, 0));
}

CASE("map.perf_event_array.update.non_perf_fd_ebadf",
     NEEDS(MAP(PERF_EVENT_ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	int fd = map_create(BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 4, 2, 0);
	__u32 key = 0, val;

	ASSERT_FD(fd);
	val = (__u32)fd;	/* a map fd */
	ASSERT_ERRNO(EBADF, map_update(fd, &key, &val, BPF_ANY));
}

CASE("map.perf_event_array.update.perf_event_fd",
     NEEDS(MAP(PERF_EVENT_ARRAY), CMD(MAP_UPDATE_ELEM), CMD(MAP_DELETE_ELEM)))
{
	int fd = map_create(BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 4, 2, 0);
	int ev = bpf_output_event();
	__u32 key = 1, val;

	SETUP(ev >= 0);
	ASSERT_FD(fd);
	val = (__u32)ev;
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_OK(map_delete(fd, &key));
	ASSERT_ERRNO(ENOENT, map_delete(fd, &key));
}

/* return perf_event_output(skb, pe, BPF_F_CURRENT_CPU, &(u64){7}, 8) */
static int output_prog(void)
{
	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 7),
			BPF_LD_MAP_FD(BPF_REG_2, "pe"),
			BPF_LD_IMM64(BPF_REG_3, BPF_F_CURRENT_CPU),
			BPF_MOV64_REG(BPF_REG_4, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_4, -8),
			BPF_MOV64_IMM(BPF_REG_5, 8),
			BPF_CALL_HELPER(perf_event_output),
			BPF_EXIT_INSN(),
		),
	});
}

CASE("map.perf_event_array.prog.output_empty_slot_enoent",
     NEEDS(MAP(PERF_EVENT_ARRAY), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN),
	   HELPER(perf_event_output)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int map = case_map("pe", map_create(BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 4,
					    (__u32)possible_cpus(), 0));
	int prog;

	ASSERT_FD(map);
	prog = output_prog();
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(-ENOENT, (int)run.retval);
}

/* The same event in every CPU's slot: whichever CPU runs the program finds
 * it there, active for this task.  The event needs its ring buffer mapped
 * (-ENOSPC otherwise); after the run the buffer's head has moved. */
CASE("map.perf_event_array.prog.output_to_event",
     NEEDS(MAP(PERF_EVENT_ARRAY), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN),
	   HELPER(perf_event_output)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int ncpus = possible_cpus();
	int map = case_map("pe", map_create(BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 4,
					    (__u32)ncpus, 0));
	int ev = bpf_output_event(), prog;
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);
	struct perf_event_mmap_page *meta;

	SETUP(ev >= 0);
	meta = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, ev, 0);
	SETUP(meta != MAP_FAILED);
	ASSERT_FD(map);
	for (__u32 cpu = 0; cpu < (__u32)ncpus; cpu++) {
		__u32 val = (__u32)ev;

		ASSERT_OK(map_update(map, &cpu, &val, BPF_ANY));
	}
	prog = output_prog();
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(0, (int)run.retval);
	ASSERT_LT(0, __atomic_load_n(&meta->data_head, __ATOMIC_ACQUIRE));
	munmap(meta, 2 * pg);
}
