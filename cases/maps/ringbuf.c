// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_RINGBUF (5.8, commit 457f44363a88 "bpf: Implement BPF ring
 * buffer and verifier support for it") and BPF_MAP_TYPE_USER_RINGBUF (6.1,
 * commit 583c1f420173 "bpf: Define new BPF_MAP_TYPE_USER_RINGBUF map
 * type").  Both are keyless, valueless, and max_entries is the data size:
 * a power of two and a multiple of the page size (EINVAL otherwise).
 * Memory layout for mmap(): page 0 the consumer position, page 1 the
 * producer position, then the data pages (mapped twice in a row).  For
 * RINGBUF the kernel produces and only page 0 may be mapped writable
 * (EPERM); for USER_RINGBUF user space produces and page 0 may not be
 * mapped writable.  Records carry an 8-byte header: length (with the busy
 * and discard bits) and page offset; each record is rounded up to 8.
 */
#include <stdatomic.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cases/maps/maps.h"
#include "harness/btf_build.h"

#define RB_SIZE (16U << 10)	/* 4 pages on 4K systems, a power of two */

static size_t page(void)
{
	return (size_t)sysconf(_SC_PAGESIZE);
}

static __u32 rb_size(void)
{
	return page() > RB_SIZE ? (__u32)page() : RB_SIZE;
}

static int map_mmap(int fd, size_t off, size_t len, int prot, void **out)
{
	void *p = mmap(NULL, len, prot, MAP_SHARED, fd, (off_t)off);

	if (p == MAP_FAILED)
		return -errno;
	*out = p;
	return 0;
}

CASE("map.ringbuf.create.info_reports_attrs",
     NEEDS(MAP(RINGBUF), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_RINGBUF, .max_entries = rb_size() };

	map_create_checked(&attr, "rb");
}

CASE("map.user_ringbuf.create.info_reports_attrs",
     NEEDS(MAP(USER_RINGBUF), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_USER_RINGBUF, .max_entries = rb_size() };

	map_create_checked(&attr, "urb");
}

CASE("map.ringbuf.create.not_power_of_2_einval", NEEDS(MAP(RINGBUF), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_RINGBUF, 0, 0, 3 * (__u32)page(), 0));
}

CASE("map.ringbuf.create.not_page_aligned_einval", NEEDS(MAP(RINGBUF), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_RINGBUF, 0, 0, 64, 0));
}

CASE("map.ringbuf.create.key_size_nonzero_einval", NEEDS(MAP(RINGBUF), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_RINGBUF, 4, 0, rb_size(), 0));
}

CASE("map.user_ringbuf.create.value_size_nonzero_einval",
     NEEDS(MAP(USER_RINGBUF), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_USER_RINGBUF, 0, 8, rb_size(), 0));
}

CASE("map.ringbuf.mmap.producer_page_writable_eperm", NEEDS(MAP(RINGBUF), CMD(MAP_CREATE)))
{
	void *p = NULL;
	int fd = map_create(BPF_MAP_TYPE_RINGBUF, 0, 0, rb_size(), 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_mmap(fd, 0, page(), PROT_READ | PROT_WRITE, &p));
	munmap(p, page());
	ASSERT_ERRNO(EPERM, map_mmap(fd, page(), page(), PROT_READ | PROT_WRITE, &p));
}

CASE("map.user_ringbuf.mmap.consumer_page_writable_eperm",
     NEEDS(MAP(USER_RINGBUF), CMD(MAP_CREATE)))
{
	void *p = NULL;
	int fd = map_create(BPF_MAP_TYPE_USER_RINGBUF, 0, 0, rb_size(), 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EPERM, map_mmap(fd, 0, page(), PROT_READ | PROT_WRITE, &p));
	ASSERT_OK(map_mmap(fd, page(), page(), PROT_READ | PROT_WRITE, &p));
	munmap(p, page());
}

/* A program writes two records with bpf_ringbuf_output(); user space
 * reads them through the mapping: producer position, headers, data. */
CASE("map.ringbuf.prog.output_read_by_mmap",
     NEEDS(MAP(RINGBUF), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN),
	   HELPER(ringbuf_output)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.repeat = 2 };
	int map = case_map("rb", map_create(BPF_MAP_TYPE_RINGBUF, 0, 0, rb_size(), 0));
	unsigned char *cons = NULL, *prod = NULL, *data;
	__u64 cpos, ppos;
	int prog;

	ASSERT_FD(map);
	ASSERT_OK(map_mmap(map, 0, page(), PROT_READ | PROT_WRITE, (void **)&cons));
	ASSERT_OK(map_mmap(map, page(), page() + 2 * rb_size(), PROT_READ, (void **)&prod));
	data = prod + page();
	prog = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			/* u64 rec[2] = { 0x1122334455667788, 12 }; output(rb, rec, 12, 0) */
			BPF_LD_IMM64(BPF_REG_1, 0x1122334455667788ULL),
			BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_1, -16),
			BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 12),
			BPF_LD_MAP_FD(BPF_REG_1, "rb"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -16),
			BPF_MOV64_IMM(BPF_REG_3, 12),
			BPF_MOV64_IMM(BPF_REG_4, 0),
			BPF_CALL_HELPER(ringbuf_output),
			BPF_EXIT_INSN(),			/* return its result */
		),
	});
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(0, run.retval);
	cpos = atomic_load_explicit((_Atomic __u64 *)cons, memory_order_acquire);
	ppos = atomic_load_explicit((_Atomic __u64 *)prod, memory_order_acquire);
	ASSERT_EQ(0, cpos);
	/* Two records of 8 (header) + 12 (data) rounded up to 24. */
	ASSERT_EQ(2 * 24, ppos);
	for (__u64 pos = 0; pos < ppos; pos += 24) {
		__u32 len = *(__u32 *)(data + pos);

		ASSERT_EQ(12, len);	/* neither busy nor discarded */
		ASSERT_EQ_U64(0x1122334455667788ULL, *(__u64 *)(data + pos + 8));
		ASSERT_EQ(12, *(__u32 *)(data + pos + 16));
	}
	/* Consume both: the consumer position is ours to move. */
	atomic_store_explicit((_Atomic __u64 *)cons, ppos, memory_order_release);
	munmap(cons, page());
	munmap(prod, page() + 2 * rb_size());
}

/*
 * The draining program: main calls bpf_user_ringbuf_drain() with the
 * callback "count", which returns 0 (go on) for every record.  A callback
 * is a subprogram, and the verifier wants BTF func_info for programs with
 * one: built here, the callback's record at the instruction after main.
 */
#define DRAIN_MAIN							\
	/* return user_ringbuf_drain(urb, count, NULL, 0) */		\
	BPF_LD_MAP_FD(BPF_REG_1, "urb"),				\
	BPF_LD_FUNC(BPF_REG_2, "count"),				\
	BPF_MOV64_IMM(BPF_REG_3, 0),					\
	BPF_MOV64_IMM(BPF_REG_4, 0),					\
	BPF_CALL_HELPER(user_ringbuf_drain),				\
	BPF_EXIT_INSN()

static int drain_prog(void)
{
	struct btf_build *b = btf_build_new();
	__u32 int_id = btf_int(b, "int", 4, BTF_INT_SIGNED), vptr = btf_ptr(b, 0);
	__u32 main_proto, cb_proto;
	struct bpf_func_info fi[2];
	int btf, fd;

	main_proto = btf_func_proto(b, int_id);
	btf_param(b, "ctx", vptr);
	fi[0].type_id = btf_func(b, "main", main_proto, BTF_LINK_GLOBAL);
	cb_proto = btf_func_proto(b, int_id);
	btf_param(b, "dynptr", vptr);
	btf_param(b, "ctx", vptr);
	fi[1].type_id = btf_func(b, "count", cb_proto, BTF_LINK_STATIC);
	btf = (int)SETUP_RET(btf_build_load(b));
	btf_build_free(b);
	fi[0].insn_off = 0;
	fi[1].insn_off = (__u32)asm_len(PROG(DRAIN_MAIN));
	fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			DRAIN_MAIN,
			/* static long count(struct bpf_dynptr *d, void *ctx) { return 0; } */
			LABEL("count"),
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
		.prog_btf_fd = btf,
		.func_info = fi, .func_info_cnt = 2, .func_info_rec_size = sizeof(fi[0]),
	});
	close(btf);
	return fd;
}

/* User space produces three records; a program drains them with
 * bpf_user_ringbuf_drain() and a callback that counts.  The helper
 * returns the number drained, and the consumer position moves past them. */
CASE("map.user_ringbuf.prog.drain_user_records",
     NEEDS(MAP(USER_RINGBUF), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN),
	   HELPER(user_ringbuf_drain), CMD(BTF_LOAD)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int map = case_map("urb", map_create(BPF_MAP_TYPE_USER_RINGBUF, 0, 0, rb_size(), 0));
	unsigned char *cons = NULL, *prod = NULL, *data;
	__u64 pos = 0;
	int prog;

	ASSERT_FD(map);
	ASSERT_OK(map_mmap(map, 0, page(), PROT_READ, (void **)&cons));
	ASSERT_OK(map_mmap(map, page(), page() + 2 * rb_size(), PROT_READ | PROT_WRITE,
			   (void **)&prod));
	data = prod + page();
	for (int i = 0; i < 3; i++) {
		*(__u32 *)(data + pos) = 8;		/* length, not busy */
		*(__u32 *)(data + pos + 4) = 0;
		*(__u64 *)(data + pos + 8) = 100 + i;
		pos += 16;
	}
	atomic_store_explicit((_Atomic __u64 *)prod, pos, memory_order_release);
	prog = drain_prog();
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(3, run.retval);
	ASSERT_EQ(pos, atomic_load_explicit((_Atomic __u64 *)cons, memory_order_acquire));
	munmap(cons, page());
	munmap(prod, page() + 2 * rb_size());
}
