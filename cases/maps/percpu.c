// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU map types (PERCPU_ARRAY 4.6, PERCPU_HASH 4.6, LRU_PERCPU_HASH
 * 4.10): from the syscall side a value is one slot per *possible* CPU
 * (num_possible_cpus(), read here from /sys/devices/system/cpu/possible),
 * each slot value_size rounded up to 8 bytes.  A program sees only its own
 * CPU's slot.  Not pinned: a slot larger than PCPU_MIN_UNIT_SIZE (32 KiB).
 * 6.18 refuses it with E2BIG in the alloc checks ("percpu map value size
 * is bound by PCPU_MIN_UNIT_SIZE"), older kernels failed later in the
 * per-CPU allocator, and stable kernels took the check as a fix.
 */
#include <stdlib.h>

#include "cases/maps/maps.h"

CASE("map.percpu_array.create.info_reports_attrs",
     NEEDS(MAP(PERCPU_ARRAY), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_PERCPU_ARRAY, .key_size = 4,
				.value_size = 12, .max_entries = 3 };

	map_create_checked(&attr, "pcpu_array");
}

CASE("map.percpu_hash.create.info_reports_attrs",
     NEEDS(MAP(PERCPU_HASH), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_PERCPU_HASH, .key_size = 8,
				.value_size = 4, .max_entries = 5,
				.map_flags = BPF_F_NO_PREALLOC };

	map_create_checked(&attr, "pcpu_hash");
}

CASE("map.lru_percpu_hash.create.info_reports_attrs",
     NEEDS(MAP(LRU_PERCPU_HASH), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_LRU_PERCPU_HASH, .key_size = 4,
				.value_size = 8, .max_entries = 16 };

	map_create_checked(&attr, "lru_pcpu_hash");
}

/* Write a distinct value into each CPU's slot of a 4-byte value and read
 * them back: the buffer is ncpus slots of 8 bytes, not 4. */
static void check_layout(int fd, __u32 key)
{
	int ncpus = possible_cpus();
	__u32 slot = percpu_slot(4);
	unsigned char *in = calloc(ncpus + 1, slot), *out = calloc(ncpus + 1, slot);

	SETUP(in && out);
	for (int cpu = 0; cpu < ncpus; cpu++)
		*(__u32 *)(in + cpu * slot) = 0x1000 + cpu;
	ASSERT_OK(map_update(fd, &key, in, BPF_ANY));
	/* A sentinel past the last slot must stay untouched. */
	memset(out, 0xee, (ncpus + 1) * slot);
	ASSERT_OK(map_lookup(fd, &key, out));
	for (int cpu = 0; cpu < ncpus; cpu++)
		ASSERT_EQ(0x1000 + cpu, *(__u32 *)(out + cpu * slot));
	ASSERT_EQ(0xeeeeeeee, *(__u32 *)(out + ncpus * slot));
	free(in);
	free(out);
}

CASE("map.percpu_array.value.slot_per_possible_cpu",
     NEEDS(MAP(PERCPU_ARRAY), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM)))
{
	int fd = map_create(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 4, 2, 0);

	ASSERT_FD(fd);
	check_layout(fd, 1);
}

CASE("map.percpu_hash.value.slot_per_possible_cpu",
     NEEDS(MAP(PERCPU_HASH), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM)))
{
	int fd = map_create(BPF_MAP_TYPE_PERCPU_HASH, 4, 4, 2, 0);

	ASSERT_FD(fd);
	check_layout(fd, 77);
}

CASE("map.lru_percpu_hash.value.slot_per_possible_cpu",
     NEEDS(MAP(LRU_PERCPU_HASH), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM)))
{
	int fd = map_create(BPF_MAP_TYPE_LRU_PERCPU_HASH, 4, 4, 8, 0);

	ASSERT_FD(fd);
	check_layout(fd, 5);
}

/* A program bumps its own CPU's slot; the syscall side sees the sum of the
 * runs across all slots. */
CASE("map.percpu_array.prog.increments_own_slot",
     NEEDS(MAP(PERCPU_ARRAY), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN),
	   HELPER(map_lookup_elem)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.repeat = 5 };
	int ncpus = possible_cpus();
	__u64 *vals = calloc(ncpus, 8), sum = 0;
	__u32 key = 0;
	int map = case_map("pcpu", map_create(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 8, 1, 0));
	int prog;

	SETUP(vals);
	ASSERT_FD(map);
	prog = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),		/* key = 0 */
			BPF_LD_MAP_FD(BPF_REG_1, "pcpu"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
			BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_0, 0),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, 1),		/* (*val)++ */
			BPF_STX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
			LABEL("out"),
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_OK(map_lookup(map, &key, vals));
	for (int cpu = 0; cpu < ncpus; cpu++)
		sum += vals[cpu];
	ASSERT_EQ(5, sum);
	free(vals);
}

/* The per-CPU hashes follow the hash rules: BPF_F_NO_COMMON_LRU belongs to
 * LRU tables only, and LRU tables are always preallocated. */
CASE("map.percpu_hash.create.no_common_lru_flag_einval",
     NEEDS(MAP(PERCPU_HASH), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_PERCPU_HASH, 4, 8, 4, BPF_F_NO_COMMON_LRU));
}

CASE("map.lru_percpu_hash.create.no_prealloc_enotsupp",
     NEEDS(MAP(LRU_PERCPU_HASH), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(ENOTSUPP, map_create(BPF_MAP_TYPE_LRU_PERCPU_HASH, 4, 8, 4,
					  BPF_F_NO_PREALLOC));
}

/* Per-CPU arrays exist at every index like arrays: delete is EINVAL. */
CASE("map.percpu_array.delete.einval", NEEDS(MAP(PERCPU_ARRAY), CMD(MAP_DELETE_ELEM)))
{
	__u32 key = 0;
	int fd = map_create(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 8, 2, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_delete(fd, &key));
}

/* LOOKUP_AND_DELETE on a per-CPU hash returns all CPUs' slots (5.14, the
 * same commit as for HASH, proven by its kernel function). */
CASE("map.percpu_hash.lookup_and_delete.returns_all_slots",
     NEEDS(MAP(PERCPU_HASH), CMD(MAP_LOOKUP_AND_DELETE_ELEM),
	   BTF_FUNC("htab_percpu_map_lookup_and_delete_elem")))
{
	int ncpus = possible_cpus();
	__u64 *in = calloc(ncpus, 8), *out = calloc(ncpus, 8);
	__u32 key = 3;
	int fd = map_create(BPF_MAP_TYPE_PERCPU_HASH, 4, 8, 2, 0);

	SETUP(in && out);
	ASSERT_FD(fd);
	for (int cpu = 0; cpu < ncpus; cpu++)
		in[cpu] = 500 + cpu;
	ASSERT_OK(map_update(fd, &key, in, BPF_ANY));
	ASSERT_OK(map_lookup_and_delete(fd, &key, out));
	for (int cpu = 0; cpu < ncpus; cpu++)
		ASSERT_EQ(500 + cpu, out[cpu]);
	ASSERT_ERRNO(ENOENT, map_lookup(fd, &key, out));
	free(in);
	free(out);
}
