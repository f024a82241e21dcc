// SPDX-License-Identifier: GPL-2.0
/*
 * Who may do what: each row is one operation, run once with full
 * privilege and once after dropping CAP_SYS_ADMIN, CAP_BPF, CAP_PERFMON
 * and CAP_NET_ADMIN in the case's child (harness/priv.h).  Objects the
 * operation needs are made before the drop, so the unprivileged run uses
 * fds it inherited, as a real unprivileged user would get them (passed
 * over a socket, or from a pin).
 *
 * The rules, from kernel/bpf/syscall.c:
 *  - kernel.unprivileged_bpf_disabled (read here, never written; 1 and 2
 *    both refuse, 2 cannot be set back to 0) decides whether a caller
 *    without CAP_BPF may create maps and load programs at all: EPERM;
 *  - with it at 0, such a caller may create the plain map types and load
 *    socket filters and cgroup skb programs, up to BPF_MAXINSNS (4096)
 *    instructions; other map and program types need CAP_BPF, CAP_PERFMON
 *    or CAP_NET_ADMIN: EPERM;
 *  - BTF_LOAD needs CAP_BPF; walking IDs, turning IDs into fds,
 *    ENABLE_STATS and TASK_FD_QUERY need CAP_SYS_ADMIN; PROG_QUERY needs
 *    CAP_NET_ADMIN: EPERM whatever the sysctl says;
 *  - a cgroup skb program may be loaded without privilege but attached
 *    only with CAP_NET_ADMIN: bpf_prog_attach_check_attach_type() says
 *    EPERM, which PROG_ATTACH reports as EINVAL and LINK_CREATE passes
 *    through as it is;
 *  - other commands on fds the caller already holds (element commands,
 *    batches, MAP_FREEZE, OBJ_PIN, OBJ_GET, OBJ_GET_INFO_BY_FD,
 *    PROG_TEST_RUN, PROG_DETACH, link updates and detaches,
 *    RAW_TRACEPOINT_OPEN, PROG_BIND_MAP, PROG_STREAM_READ_BY_FD) need nothing
 *    since 6.5 ("bpf: Move unprivileged checks into map_create() and
 *    bpf_prog_load()"; Debian's 6.1 has it too).  Before that,
 *    __sys_bpf() refused every command with EPERM when the sysctl was
 *    set.  The change left no trace in BTF, so these rows expect the
 *    current rule; on a kernel without it (Debian's 5.10) they fail, say
 *    why, and belong in that kernel's expectation list (ci/expect).
 *
 * Each unprivileged case logs the sysctl's value and the rule it chose.
 */
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness/btf_build.h"
#include "harness/case.h"
#include "harness/objects.h"
#include "harness/priv.h"

#define PTR(p) ((__u64)(unsigned long)(p))

/* What the privileged setup made, for the operation. */
struct pctx {
	int map, prog, closed, link;
};

struct prow {
	const char *name;		/* priv.<name>.{privileged,unprivileged} */
	const struct need *needs;
	void (*setup)(struct pctx *);
	long (*op)(struct pctx *);
	int priv_err;			/* privileged: 0 = success (fd or 0) */
	int unpriv_enabled;		/* unprivileged, sysctl 0 */
	int unpriv_disabled;		/* unprivileged, sysctl 1 or 2 */
	int on_held_fd;			/* refused before 6.5 (see above) */
};

/* ---- setups ---- */

static void s_array(struct pctx *p)
{
	p->map = (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
}

static void s_socket_filter(struct pctx *p)
{
	p->prog = (int)SETUP_RET(prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 7));
}

static void s_closed(struct pctx *p)
{
	p->closed = dup(2);
	SETUP(p->closed >= 0);
	close(p->closed);
}

static void s_pinned_array(struct pctx *p)
{
	s_array(p);
	SETUP_RET(obj_pin(p->map, bpffs_path("priv")));
}

static void s_hash_with_one(struct pctx *p)
{
	__u32 key = 1;
	__u64 val = 1;

	p->map = (int)SETUP_RET(map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, 0));
	SETUP_RET(map_update(p->map, &key, &val, BPF_ANY));
}

static void s_queue_with_one(struct pctx *p)
{
	__u64 val = 1;

	p->map = (int)SETUP_RET(map_create(BPF_MAP_TYPE_QUEUE, 0, 8, 4, 0));
	SETUP_RET(map_update(p->map, NULL, &val, BPF_ANY));
}

static void s_cgroup_skb(struct pctx *p)
{
	p->prog = (int)SETUP_RET(prog_load_trivial(BPF_PROG_TYPE_CGROUP_SKB,
						   BPF_CGROUP_INET_INGRESS, 1));
}

static void s_cgroup_skb_attached(struct pctx *p)
{
	s_cgroup_skb(p);
	SETUP_RET(prog_attach(p->prog, case_cgroup_fd(), BPF_CGROUP_INET_INGRESS, 0));
}

static void s_cgroup_skb_link(struct pctx *p)
{
	s_cgroup_skb(p);
	p->link = (int)SETUP_RET(link_create(p->prog, case_cgroup_fd(),
					     BPF_CGROUP_INET_INGRESS, 0));
}

static void s_raw_tp(struct pctx *p)
{
	p->prog = (int)SETUP_RET(prog_load_trivial(BPF_PROG_TYPE_RAW_TRACEPOINT, 0, 0));
}

static void s_prog_and_map(struct pctx *p)
{
	s_array(p);
	s_socket_filter(p);
}

/* ---- operations ---- */

static long o_array(struct pctx *p)
{
	(void)p;
	return map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);
}

static long o_hash(struct pctx *p)
{
	(void)p;
	return map_create(BPF_MAP_TYPE_HASH, 4, 8, 1, 0);
}

static long o_queue(struct pctx *p)
{
	(void)p;
	return map_create(BPF_MAP_TYPE_QUEUE, 0, 8, 1, 0);
}

static long o_lru_hash(struct pctx *p)
{
	(void)p;
	return map_create(BPF_MAP_TYPE_LRU_HASH, 4, 8, 1, 0);
}

static long o_devmap(struct pctx *p)
{
	(void)p;
	return map_create(BPF_MAP_TYPE_DEVMAP, 4, 4, 1, 0);
}

static long o_socket_filter(struct pctx *p)
{
	(void)p;
	return prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0);
}

static long o_cgroup_skb(struct pctx *p)
{
	(void)p;
	return prog_load_trivial(BPF_PROG_TYPE_CGROUP_SKB, BPF_CGROUP_INET_INGRESS, 1);
}

static long o_xdp(struct pctx *p)
{
	(void)p;
	return prog_load_trivial(BPF_PROG_TYPE_XDP, 0, XDP_PASS);
}

static long o_sched_cls(struct pctx *p)
{
	(void)p;
	return prog_load_trivial(BPF_PROG_TYPE_SCHED_CLS, 0, 0);
}

static long o_raw_tp(struct pctx *p)
{
	(void)p;
	return prog_load_trivial(BPF_PROG_TYPE_RAW_TRACEPOINT, 0, 0);
}

/* 4097 instructions: one more than an unprivileged program may have. */
static long o_socket_filter_4097(struct pctx *p)
{
	struct bpf_insn *insns = calloc(BPF_MAXINSNS + 1, sizeof(*insns));
	long fd;

	(void)p;
	SETUP(insns != NULL);
	for (int i = 0; i < BPF_MAXINSNS; i++)
		insns[i] = (struct bpf_insn){ .code = BPF_ALU64 | BPF_MOV | BPF_K };
	insns[BPF_MAXINSNS] = (struct bpf_insn){ .code = BPF_JMP | BPF_EXIT };
	fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER, .raw = insns, .raw_cnt = BPF_MAXINSNS + 1,
	});
	free(insns);
	return fd;
}

static long o_btf_load(struct pctx *p)
{
	struct btf_build *b = btf_build_new();
	long fd;

	(void)p;
	btf_int(b, "int", 4, BTF_INT_SIGNED);
	fd = btf_build_load(b);
	btf_build_free(b);
	return fd;
}

static long next_id(int (*cmd)(union bpf_attr *))
{
	union bpf_attr attr = { .start_id = 0 };
	long ret = cmd(&attr);

	/* Privileged: 0, or ENOENT when there is no object at all. */
	return ret == -ENOENT ? 0 : ret;
}

static long o_prog_next_id(struct pctx *p) { (void)p; return next_id(sys_bpf_prog_get_next_id); }
static long o_map_next_id(struct pctx *p) { (void)p; return next_id(sys_bpf_map_get_next_id); }
static long o_btf_next_id(struct pctx *p) { (void)p; return next_id(sys_bpf_btf_get_next_id); }
static long o_link_next_id(struct pctx *p) { (void)p; return next_id(sys_bpf_link_get_next_id); }

static long by_id(int (*cmd)(union bpf_attr *))
{
	union bpf_attr attr = { .prog_id = INT_MAX - 1 };

	return cmd(&attr);
}

static long o_prog_by_id(struct pctx *p) { (void)p; return by_id(sys_bpf_prog_get_fd_by_id); }
static long o_map_by_id(struct pctx *p) { (void)p; return by_id(sys_bpf_map_get_fd_by_id); }
static long o_btf_by_id(struct pctx *p) { (void)p; return by_id(sys_bpf_btf_get_fd_by_id); }
static long o_link_by_id(struct pctx *p) { (void)p; return by_id(sys_bpf_link_get_fd_by_id); }

static long o_enable_stats(struct pctx *p)
{
	union bpf_attr attr = { .enable_stats = { .type = BPF_STATS_RUN_TIME } };

	(void)p;
	return sys_bpf_enable_stats(&attr);
}

static long o_task_fd_query(struct pctx *p)
{
	union bpf_attr attr = { .task_fd_query = { .pid = (__u32)getpid(),
						   .fd = (__u32)p->closed } };

	return sys_bpf_task_fd_query(&attr);
}

static long o_prog_query(struct pctx *p)
{
	union bpf_attr attr = { .query = { .target_fd = (__u32)p->closed,
					   .attach_type = BPF_CGROUP_INET_INGRESS } };

	return sys_bpf_prog_query(&attr);
}

static long o_lookup(struct pctx *p)
{
	__u32 key = 0;
	__u64 val;

	return map_lookup(p->map, &key, &val);
}

static long o_update(struct pctx *p)
{
	__u32 key = 0;
	__u64 val = 1;

	return map_update(p->map, &key, &val, BPF_ANY);
}

static long o_map_info(struct pctx *p)
{
	struct bpf_map_info info;

	return map_info(p->map, &info);
}

static long o_test_run(struct pctx *p)
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	long ret = prog_test_run(p->prog, &run);

	return ret < 0 ? ret : run.retval == 7 ? 0 : -EPROTO;
}

static long o_delete(struct pctx *p)
{
	__u32 key = 1;

	return map_delete(p->map, &key);
}

static long o_next_key(struct pctx *p)
{
	__u32 next;

	return map_next_key(p->map, NULL, &next);
}

static long o_pop(struct pctx *p)
{
	__u64 val;

	return map_lookup_and_delete(p->map, NULL, &val);
}

static long o_freeze(struct pctx *p)
{
	return map_freeze(p->map);
}

static long o_lookup_batch(struct pctx *p)
{
	__u32 keys[1], out;
	__u64 vals[1];
	union bpf_attr attr = { .batch = { .out_batch = PTR(&out), .keys = PTR(keys),
					   .values = PTR(vals), .count = 1,
					   .map_fd = (__u32)p->map } };
	long ret = sys_bpf_map_lookup_batch(&attr);

	/* one element, one asked for: ENOENT says "no more", with it filled */
	return ret == -ENOENT ? 0 : ret;
}

static long o_obj_pin(struct pctx *p)
{
	return obj_pin(p->map, bpffs_path("unpriv-pin"));
}

static long o_prog_attach(struct pctx *p)
{
	return prog_attach(p->prog, case_cgroup_fd(), BPF_CGROUP_INET_INGRESS, 0);
}

static long o_prog_detach(struct pctx *p)
{
	return prog_detach(p->prog, case_cgroup_fd(), BPF_CGROUP_INET_INGRESS);
}

static long o_link_create(struct pctx *p)
{
	return link_create(p->prog, case_cgroup_fd(), BPF_CGROUP_INET_INGRESS, 0);
}

static long o_link_detach(struct pctx *p)
{
	union bpf_attr attr = { .link_detach = { .link_fd = (__u32)p->link } };

	return sys_bpf_link_detach(&attr);
}

static long o_link_update(struct pctx *p)
{
	union bpf_attr attr = { .link_update = { .link_fd = (__u32)p->link,
						 .new_prog_fd = (__u32)p->prog } };

	return sys_bpf_link_update(&attr);
}

static long o_raw_tp_open(struct pctx *p)
{
	union bpf_attr attr = { .raw_tracepoint = { .name = PTR("sys_enter"),
						    .prog_fd = (__u32)p->prog } };

	return sys_bpf_raw_tracepoint_open(&attr);
}

static long o_bind_map(struct pctx *p)
{
	union bpf_attr attr = { .prog_bind_map = { .prog_fd = (__u32)p->prog,
						   .map_fd = (__u32)p->map } };

	return sys_bpf_prog_bind_map(&attr);
}

static long o_stream_read(struct pctx *p)
{
	char buf[64];
	union bpf_attr attr = { .prog_stream_read = {
		.stream_buf = PTR(buf), .stream_buf_len = sizeof(buf), .stream_id = 1,
		.prog_fd = (__u32)p->prog } };

	return sys_bpf_prog_stream_read_by_fd(&attr);
}

static long o_obj_get(struct pctx *p)
{
	(void)p;
	return obj_get(bpffs_path("priv"), 0);
}

#define N(...) (const struct need[]){ __VA_ARGS__, { NEED_END, 0, 0 } }

static const struct prow rows[] = {
	/* map types */
	{ "map_create.array", N(CMD(MAP_CREATE), MAP(ARRAY)), NULL, o_array, 0, 0, EPERM, 0 },
	{ "map_create.hash", N(CMD(MAP_CREATE), MAP(HASH)), NULL, o_hash, 0, 0, EPERM, 0 },
	{ "map_create.queue", N(CMD(MAP_CREATE), MAP(QUEUE)), NULL, o_queue, 0, EPERM, EPERM, 0 },
	{ "map_create.lru_hash", N(CMD(MAP_CREATE), MAP(LRU_HASH)), NULL, o_lru_hash,
	  0, EPERM, EPERM, 0 },
	{ "map_create.devmap", N(CMD(MAP_CREATE), MAP(DEVMAP)), NULL, o_devmap,
	  0, EPERM, EPERM, 0 },
	/* program types */
	{ "prog_load.socket_filter", N(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)), NULL,
	  o_socket_filter, 0, 0, EPERM, 0 },
	{ "prog_load.cgroup_skb", N(CMD(PROG_LOAD), PROG_TYPE(CGROUP_SKB)), NULL,
	  o_cgroup_skb, 0, 0, EPERM, 0 },
	{ "prog_load.xdp", N(CMD(PROG_LOAD), PROG_TYPE(XDP)), NULL, o_xdp, 0, EPERM, EPERM, 0 },
	{ "prog_load.sched_cls", N(CMD(PROG_LOAD), PROG_TYPE(SCHED_CLS)), NULL, o_sched_cls,
	  0, EPERM, EPERM, 0 },
	{ "prog_load.raw_tracepoint", N(CMD(PROG_LOAD), PROG_TYPE(RAW_TRACEPOINT)), NULL,
	  o_raw_tp, 0, EPERM, EPERM, 0 },
	/* the size limit: 4096 insns unprivileged, behind the sysctl */
	{ "prog_load.socket_filter_4097_insns", N(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)), NULL,
	  o_socket_filter_4097, 0, E2BIG, EPERM, 0 },
	{ "btf_load", N(CMD(BTF_LOAD)), NULL, o_btf_load, 0, EPERM, EPERM, 0 },
	/* CAP_SYS_ADMIN commands */
	{ "prog_get_next_id", N(CMD(PROG_GET_NEXT_ID)), NULL, o_prog_next_id, 0, EPERM, EPERM, 0 },
	{ "map_get_next_id", N(CMD(MAP_GET_NEXT_ID)), NULL, o_map_next_id, 0, EPERM, EPERM, 0 },
	{ "btf_get_next_id", N(CMD(BTF_GET_NEXT_ID)), NULL, o_btf_next_id, 0, EPERM, EPERM, 0 },
	{ "link_get_next_id", N(CMD(LINK_GET_NEXT_ID)), NULL, o_link_next_id, 0, EPERM, EPERM, 0 },
	{ "prog_get_fd_by_id", N(CMD(PROG_GET_FD_BY_ID)), NULL, o_prog_by_id,
	  ENOENT, EPERM, EPERM, 0 },
	{ "map_get_fd_by_id", N(CMD(MAP_GET_FD_BY_ID)), NULL, o_map_by_id,
	  ENOENT, EPERM, EPERM, 0 },
	{ "btf_get_fd_by_id", N(CMD(BTF_GET_FD_BY_ID)), NULL, o_btf_by_id,
	  ENOENT, EPERM, EPERM, 0 },
	{ "link_get_fd_by_id", N(CMD(LINK_GET_FD_BY_ID)), NULL, o_link_by_id,
	  ENOENT, EPERM, EPERM, 0 },
	{ "enable_stats", N(CMD(ENABLE_STATS)), NULL, o_enable_stats, 0, EPERM, EPERM, 0 },
	{ "task_fd_query", N(CMD(TASK_FD_QUERY)), s_closed, o_task_fd_query,
	  EBADF, EPERM, EPERM, 0 },
	/* CAP_NET_ADMIN */
	{ "prog_query", N(CMD(PROG_QUERY), ATTACH(CGROUP_INET_INGRESS)), s_closed, o_prog_query,
	  EBADF, EPERM, EPERM, 0 },
	/* fds already held */
	{ "held_fd.map_lookup_elem", N(CMD(MAP_LOOKUP_ELEM), MAP(ARRAY)), s_array, o_lookup,
	  0, 0, 0, 1 },
	{ "held_fd.map_update_elem", N(CMD(MAP_UPDATE_ELEM), MAP(ARRAY)), s_array, o_update,
	  0, 0, 0, 1 },
	{ "held_fd.obj_get_info_by_fd", N(CMD(OBJ_GET_INFO_BY_FD), MAP(ARRAY)), s_array,
	  o_map_info, 0, 0, 0, 1 },
	{ "held_fd.prog_test_run", N(CMD(PROG_TEST_RUN), PROG_TYPE(SOCKET_FILTER)),
	  s_socket_filter, o_test_run, 0, 0, 0, 1 },
	{ "pinned.obj_get", N(CMD(OBJ_GET), CMD(OBJ_PIN), MAP(ARRAY), BPFFS), s_pinned_array,
	  o_obj_get, 0, 0, 0, 1 },
	{ "held_fd.map_delete_elem", N(CMD(MAP_DELETE_ELEM), MAP(HASH)), s_hash_with_one,
	  o_delete, 0, 0, 0, 1 },
	{ "held_fd.map_get_next_key", N(CMD(MAP_GET_NEXT_KEY), MAP(HASH)), s_hash_with_one,
	  o_next_key, 0, 0, 0, 1 },
	{ "held_fd.map_lookup_and_delete_elem", N(CMD(MAP_LOOKUP_AND_DELETE_ELEM), MAP(QUEUE)),
	  s_queue_with_one, o_pop, 0, 0, 0, 1 },
	{ "held_fd.map_lookup_batch", N(CMD(MAP_LOOKUP_BATCH), MAP(ARRAY)), s_array,
	  o_lookup_batch, 0, 0, 0, 1 },
	/* Needed CAP_BPF until "bpf: drop unnecessary bpf_capable() check in
	 * BPF_MAP_FREEZE command" (6.5, same series as the move above; not in
	 * Debian's 6.1). */
	{ "held_fd.map_freeze", N(CMD(MAP_FREEZE), MAP(ARRAY)), s_array, o_freeze,
	  0, 0, 0, 1 },
	{ "held_fd.obj_pin", N(CMD(OBJ_PIN), MAP(ARRAY), BPFFS), s_array, o_obj_pin,
	  0, 0, 0, 1 },
	{ "held_fd.prog_attach", N(CMD(PROG_ATTACH), PROG_TYPE(CGROUP_SKB),
				   ATTACH(CGROUP_INET_INGRESS), CGROUP),
	  s_cgroup_skb, o_prog_attach, 0, EINVAL, EINVAL, 1 },
	{ "held_fd.prog_detach", N(CMD(PROG_DETACH), PROG_TYPE(CGROUP_SKB),
				   ATTACH(CGROUP_INET_INGRESS), CGROUP),
	  s_cgroup_skb_attached, o_prog_detach, 0, 0, 0, 1 },
	{ "held_fd.link_create", N(CMD(LINK_CREATE), PROG_TYPE(CGROUP_SKB),
				   ATTACH(CGROUP_INET_INGRESS), CGROUP),
	  s_cgroup_skb, o_link_create, 0, EPERM, EPERM, 0 },
	{ "held_fd.link_update", N(CMD(LINK_UPDATE), LINK(CGROUP), PROG_TYPE(CGROUP_SKB),
				   ATTACH(CGROUP_INET_INGRESS), CGROUP),
	  s_cgroup_skb_link, o_link_update, 0, 0, 0, 1 },
	{ "held_fd.link_detach", N(CMD(LINK_DETACH), LINK(CGROUP), PROG_TYPE(CGROUP_SKB),
				   ATTACH(CGROUP_INET_INGRESS), CGROUP),
	  s_cgroup_skb_link, o_link_detach, 0, 0, 0, 1 },
	{ "held_fd.raw_tracepoint_open", N(CMD(RAW_TRACEPOINT_OPEN),
					   PROG_TYPE(RAW_TRACEPOINT)),
	  s_raw_tp, o_raw_tp_open, 0, 0, 0, 1 },
	{ "held_fd.prog_bind_map", N(CMD(PROG_BIND_MAP), MAP(ARRAY), PROG_TYPE(SOCKET_FILTER)),
	  s_prog_and_map, o_bind_map, 0, 0, 0, 1 },
	{ "held_fd.prog_stream_read_by_fd", N(CMD(PROG_STREAM_READ_BY_FD),
					      PROG_TYPE(SOCKET_FILTER)),
	  s_socket_filter, o_stream_read, 0, 0, 0, 1 },
};

static void expect(int err, long ret)
{
	if (err)
		ASSERT_ERRNO(err, ret);
	else
		ASSERT_OK(ret);
}

static void run(const struct prow *r, int unpriv)
{
	struct pctx p = { -1, -1, -1, -1 };
	int disabled = priv_unprivileged_bpf_disabled(), err;

	if (r->setup)
		r->setup(&p);
	if (!unpriv) {
		expect(r->priv_err, r->op(&p));
		return;
	}
	SETUP(disabled >= 0);
	SETUP_RET(priv_drop_bpf_caps());
	SETUP(priv_have_cap(PRIV_CAP_BPF) == 0 && priv_have_cap(PRIV_CAP_SYS_ADMIN) == 0);
	err = disabled ? r->unpriv_disabled : r->unpriv_enabled;
	case_log("kernel.unprivileged_bpf_disabled=%d: expecting %s", disabled,
		 err ? errno_name(err) : "success");
	if (disabled && r->on_held_fd)
		case_note("if EPERM: the kernel predates \"bpf: Move unprivileged checks "
			  "into map_create() and bpf_prog_load()\" (6.5), and refuses every "
			  "command while unprivileged_bpf_disabled is set");
	expect(err, r->op(&p));
}

static void privileged(const void *arg) { run(arg, 0); }
static void unprivileged(const void *arg) { run(arg, 1); }

static void add(const struct prow *r, const char *mode, void (*fn)(const void *))
{
	struct bc_case *c = calloc(1, sizeof(*c));

	if (!c)
		abort();
	*c = (struct bc_case){
		.name = case_strdup("priv.%s.%s", r->name, mode), .fn = fn, .arg = r,
		.needs = r->needs, .file = __FILE__, .line = __LINE__,
	};
	case_add(c);
}

static void generate(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		add(&rows[i], "privileged", privileged);
		add(&rows[i], "unprivileged", unprivileged);
	}
}
CASE_GENERATOR(generate)
