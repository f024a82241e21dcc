// SPDX-License-Identifier: GPL-2.0
/* The counting program and the hook triggers shared by attach/links/lifecycle. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"
#include "harness/btf_targets.h"
#include "harness/oracle.h"
#include "harness/oracle/btf.h"

int counter_map(void)
{
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);

	SETUP_RET(fd);
	return case_map("counter", fd);
}

__u64 counter_read(int map_fd)
{
	__u32 key = 0;
	__u64 val = 0;

	SETUP_RET(map_lookup(map_fd, &key, &val));
	return val;
}

__u64 counter_wait(int map_fd, __u64 want)
{
	struct timespec pause = { 0, 1000 * 1000 };
	__u64 seen = 0;

	for (int i = 0; i < 500; i++) {
		seen = counter_read(map_fd);
		if (seen >= want)
			break;
		nanosleep(&pause, NULL);
	}
	return seen;
}

int counter_prog(const struct counter_spec *s)
{
	struct prog_spec spec = {
		.type = s->type, .attach = s->attach,
		.attach_btf_id = s->attach_btf_id,
		.attach_prog_fd = (__u32)s->attach_prog_fd,
	};

	/* Each PROG() is a compound literal that lives in its own block:
	 * load inside the block. */
	if (s->only_pid) {
		spec.insns = PROG(
			BPF_CALL_HELPER(get_current_pid_tgid),
			BPF_ALU64_IMM(BPF_RSH, BPF_REG_0, 32),		/* r0 = tgid */
			BPF_JMP_IMM(BPF_JNE, BPF_REG_0, s->only_pid, "out"),
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),		/* key = 0 */
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),		/* r2 = &key */
			BPF_LD_MAP_FD(BPF_REG_1, "counter"),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
			BPF_MOV64_IMM(BPF_REG_1, 1),
			BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0), /* (*value)++ */
			LABEL("out"),
			BPF_MOV64_IMM(BPF_REG_0, s->ret),
			BPF_EXIT_INSN(),
		);
		return prog_load(&spec);
	}
	spec.insns = PROG(
		BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),		/* key = 0 */
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),		/* r2 = &key */
		BPF_LD_MAP_FD(BPF_REG_1, "counter"),
		BPF_CALL_HELPER(map_lookup_elem),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0), /* (*value)++ */
		LABEL("out"),
		BPF_MOV64_IMM(BPF_REG_0, s->ret),
		BPF_EXIT_INSN(),
	);
	return prog_load(&spec);
}

void join_case_cgroup(void)
{
	char path[512], pid[32];
	int fd, n;

	snprintf(path, sizeof(path), "%s/cgroup.procs", case_cgroup_path());
	n = snprintf(pid, sizeof(pid), "%d\n", (int)getpid());
	fd = open(path, O_WRONLY | O_CLOEXEC);
	SETUP(fd >= 0);
	SETUP(write(fd, pid, (size_t)n) == n);
	close(fd);
}

int udp_loopback_roundtrip(int family)
{
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	struct sockaddr_in a4 = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr *addr = family == AF_INET6 ? (struct sockaddr *)&a6 : (struct sockaddr *)&a4;
	socklen_t len = family == AF_INET6 ? sizeof(a6) : sizeof(a4);
	struct timeval tv = { 1, 0 };
	char buf[16] = "bpfconform";
	int s = socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0), ret = 0;

	if (s < 0)
		return -errno;
	setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (bind(s, addr, len) || getsockname(s, addr, &len))
		ret = -errno;
	else if (sendto(s, buf, sizeof(buf), 0, addr, len) < 0)
		ret = -errno;
	else if (recvfrom(s, buf, sizeof(buf), 0, addr, &len) < 0)
		ret = -errno;
	close(s);
	return ret;
}

__u32 id_of(enum obj_kind kind, int fd)
{
	long id = obj_id(kind, fd);

	SETUP_RET(id);
	return (__u32)id;
}

int prog_query(int target, enum bpf_attach_type type, __u32 query_flags,
	       __u32 *ids, __u32 *cnt, __u32 *attach_flags)
{
	__u32 per_prog[64];
	union bpf_attr attr = {
		.query = {
			.target_fd = (__u32)target, .attach_type = type,
			.query_flags = query_flags,
			.prog_ids = (__u64)(unsigned long)ids, .prog_cnt = ids ? *cnt : 0,
		},
	};
	int ret;

	/*
	 * LSM_CGROUP programs of one cgroup sit on different hooks, so only
	 * per-program flags mean anything: __cgroup_bpf_query() refuses a
	 * non-effective LSM_CGROUP query with prog_ids but no
	 * prog_attach_flags (EINVAL, since the type came in 6.0).
	 */
	if (type == BPF_LSM_CGROUP && ids && *cnt <= 64)
		attr.query.prog_attach_flags = (__u64)(unsigned long)per_prog;
	ret = sys_bpf_prog_query(&attr);

	*cnt = attr.query.prog_cnt;
	if (attach_flags)
		*attach_flags = attr.query.attach_flags;
	return ret;
}

int kernel_struct_has_member(const char *type, const char *member)
{
	return btf_has_member(type, member) == 1;
}

int skb_allow_prog(void)
{
	return prog_load_trivial(BPF_PROG_TYPE_CGROUP_SKB, BPF_CGROUP_INET_EGRESS, 1);
}

int link_update(int link, int new_prog, __u32 flags, int old_prog)
{
	union bpf_attr attr = {
		.link_update = {
			.link_fd = (__u32)link, .new_prog_fd = (__u32)new_prog,
			.flags = flags, .old_prog_fd = (__u32)old_prog,
		},
	};

	return sys_bpf_link_update(&attr);
}

int link_detach(int link)
{
	union bpf_attr attr = { .link_detach = { .link_fd = (__u32)link } };

	return sys_bpf_link_detach(&attr);
}

void link_pin_lifecycle(int link, int prog, int map, void (*fire)(void))
{
	__u32 prog_id = id_of(OBJ_PROG, prog), link_id = id_of(OBJ_LINK, link);
	__u64 seen;

	close(prog);
	ASSERT_EQ(1, obj_alive(OBJ_PROG, prog_id));
	fire();
	seen = counter_wait(map, 1);
	ASSERT_LE(1, seen);
	ASSERT_OK(obj_pin(link, bpffs_path("link")));
	close(link);
	ASSERT_EQ(1, obj_alive(OBJ_LINK, link_id));
	fire();
	ASSERT_LT(seen, counter_wait(map, seen + 1));
	SETUP(unlink(bpffs_path("link")) == 0);
	ASSERT_OK(obj_wait_gone(OBJ_LINK, link_id, OBJ_GONE_TIMEOUT_MS));
	ASSERT_OK(obj_wait_gone(OBJ_PROG, prog_id, OBJ_GONE_TIMEOUT_MS));
	seen = counter_read(map);
	fire();
	ASSERT_EQ(seen, counter_read(map));
}

int id_wait_unlisted(enum obj_kind kind, __u32 id, unsigned ms)
{
	struct timespec pause = { 0, 2 * 1000 * 1000 };

	for (unsigned waited = 0;; waited += 2) {
		union bpf_attr attr = { .start_id = id - 1 };
		int ret;

		switch (kind) {
		case OBJ_PROG: ret = sys_bpf_prog_get_next_id(&attr); break;
		case OBJ_MAP: ret = sys_bpf_map_get_next_id(&attr); break;
		case OBJ_LINK: ret = sys_bpf_link_get_next_id(&attr); break;
		default: ret = sys_bpf_btf_get_next_id(&attr); break;
		}
		if (ret == -ENOENT || (!ret && attr.next_id != id))
			return 0;
		if (ret < 0)
			return ret;
		if (waited >= ms)
			return -ETIMEDOUT;
		nanosleep(&pause, NULL);
	}
}

__u32 kernel_member_offset(const char *type, const char *member)
{
	const struct btf *btf = oracle_vmlinux_btf();
	const struct btf_type *t;
	const struct btf_member *m;
	long id, off = -1;

	if (!btf)
		case_error(__FILE__, __LINE__, "the oracle has no kernel BTF");
	id = btf_find(btf, type, BTF_KIND_STRUCT);
	if (id > 0) {
		t = btf_type_by_id(btf, (uint32_t)id);
		m = (const struct btf_member *)(t + 1);
		for (unsigned i = 0; i < BTF_INFO_VLEN(t->info); i++)
			if (!strcmp(btf_name(btf, m[i].name_off), member))
				off = BTF_INFO_KFLAG(t->info) ? (m[i].offset & 0xffffff) / 8
							      : m[i].offset / 8;
	}
	if (off < 0)
		case_error(__FILE__, __LINE__, "no member %s in struct %s", member, type);
	return (__u32)off;
}

__u32 kernel_struct_size(const char *type)
{
	const struct btf *btf = oracle_vmlinux_btf();
	long id;

	if (!btf)
		case_error(__FILE__, __LINE__, "the oracle has no kernel BTF");
	id = btf_find(btf, type, BTF_KIND_STRUCT);
	if (id <= 0)
		case_error(__FILE__, __LINE__, "no struct %s", type);
	return btf_type_by_id(btf, (uint32_t)id)->size;
}
