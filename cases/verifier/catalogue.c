// SPDX-License-Identifier: GPL-2.0
/* Turning catalogue rows into cases (catalogue.h). */
#include <stdlib.h>
#include <string.h>

#include "harness/btf_build.h"
#include "catalogue.h"

static const struct { enum bpf_prog_type type; const char *name; } types[] = {
	{ BPF_PROG_TYPE_SOCKET_FILTER, "BPF_PROG_TYPE_SOCKET_FILTER" },
	{ BPF_PROG_TYPE_XDP, "BPF_PROG_TYPE_XDP" },
	{ BPF_PROG_TYPE_SCHED_CLS, "BPF_PROG_TYPE_SCHED_CLS" },
	{ BPF_PROG_TYPE_CGROUP_SKB, "BPF_PROG_TYPE_CGROUP_SKB" },
	{ BPF_PROG_TYPE_RAW_TRACEPOINT, "BPF_PROG_TYPE_RAW_TRACEPOINT" },
};

static enum bpf_prog_type row_type(const struct vrow *r)
{
	return r->type ? r->type : BPF_PROG_TYPE_SOCKET_FILTER;
}

/* The row's own needs, then the program type, the commands and the maps. */
static const struct need *row_needs(const struct vrow *r, int twin)
{
	struct need *n = calloc(32, sizeof(*n));
	size_t k = 0;

	if (!n)
		abort();
	for (const struct need *p = r->needs; p && p->kind != NEED_END && k < 20; p++)
		n[k++] = *p;
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (types[i].type == row_type(r))
			n[k++] = (struct need){ NEED_PROG, types[i].name, types[i].type };
	n[k++] = (struct need)CMD(PROG_LOAD);
	if (twin && r->run)
		n[k++] = (struct need)CMD(PROG_TEST_RUN);
	if (r->maps & (VM_ARR | VM_RO | VM_FROZEN | VM_LOCK | VM_NOLOCK))
		n[k++] = (struct need)MAP(ARRAY);
	if (r->maps & VM_HASH)
		n[k++] = (struct need)MAP(HASH);
	if (r->maps & VM_PROGS)
		n[k++] = (struct need)MAP(PROG_ARRAY);
	if (r->maps & VM_FROZEN)
		n[k++] = (struct need)CMD(MAP_FREEZE);
	if (r->maps & (VM_LOCK | VM_NOLOCK))
		n[k++] = (struct need)CMD(BTF_LOAD);
	if (r->maps & VM_LOCK)
		n[k++] = (struct need)BTF_TYPE("bpf_spin_lock");
	return n;
}

/* An array whose 8-byte value is described by BTF: with a bpf_spin_lock
 * at offset 0 and an int after it, or two ints. */
static int lock_array(int with_lock)
{
	struct btf_build *b = btf_build_new();
	__u32 i32 = btf_int(b, "int", 4, BTF_INT_SIGNED), lock, val;
	union bpf_attr attr = {
		.map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 8,
		.max_entries = 1,
	};
	int fd;

	if (with_lock) {
		lock = btf_struct(b, "bpf_spin_lock", 4);
		btf_member(b, "val", i32, 0);
	} else {
		lock = i32;
	}
	val = btf_struct(b, "val", 8);
	btf_member(b, with_lock ? "lock" : "a", lock, 0);
	btf_member(b, "cnt", i32, 32);
	fd = (int)SETUP_RET(btf_build_load(b));
	btf_build_free(b);
	attr.btf_fd = (__u32)fd;
	attr.btf_key_type_id = i32;
	attr.btf_value_type_id = val;
	return (int)SETUP_RET(sys_bpf_map_create(&attr));
}

static void make_maps(unsigned maps)
{
	if (maps & VM_ARR)
		case_map("arr", (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0)));
	if (maps & VM_HASH)
		case_map("hash", (int)SETUP_RET(map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, 0)));
	if (maps & VM_RO)
		case_map("ro", (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1,
							 BPF_F_RDONLY_PROG)));
	if (maps & VM_FROZEN) {
		int fd = (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1,
						   BPF_F_RDONLY_PROG));

		SETUP_RET(map_freeze(fd));
		case_map("frozen", fd);
	}
	if (maps & VM_PROGS)
		case_map("progs", (int)SETUP_RET(map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 4, 0)));
	if (maps & VM_LOCK)
		case_map("lock", lock_array(1));
	if (maps & VM_NOLOCK)
		case_map("nolock", lock_array(0));
}

static int load(const struct vrow *r, struct asm_prog insns, __u32 flags, const char *license)
{
	return prog_load(&(struct prog_spec){
		.type = row_type(r), .attach = r->attach, .insns = insns,
		.prog_flags = flags, .license = license,
	});
}

static void rejected(const void *arg)
{
	const struct vrow *r = arg;

	make_maps(r->maps);
	ASSERT_ERRNO(r->err, load(r, r->bad, r->prog_flags, r->license));
	/* VCAT_LOG=1 in the environment: every rejection's log, for whoever
	 * adds a row and wants to see the kernel's words. */
	if (getenv("VCAT_LOG"))
		case_log("%s", prog_last_log());
	if (r->log && !strstr(prog_last_log(), r->log))
		case_log("advisory: the verifier log does not contain \"%s\" (log text is "
			 "kernel-dependent; the errno is the contract)", r->log);
}

static void twin(const void *arg)
{
	const struct vrow *r = arg;
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd;

	make_maps(r->maps);
	fd = load(r, r->good, r->good_flags, NULL);
	ASSERT_FD(fd);
	if (!r->run)
		return;
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(r->retval, run.retval);
}

/* "EACCES" -> "eacces" */
static const char *lower(const char *s)
{
	char *d = case_strdup("%s", s);

	for (char *p = d; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return d;
}

static void add(const struct vrow *r, const char *name, void (*fn)(const void *), int is_twin)
{
	struct bc_case *c = calloc(1, sizeof(*c));

	if (!c)
		abort();
	*c = (struct bc_case){
		.name = name, .fn = fn, .arg = r, .needs = row_needs(r, is_twin),
		.file = __FILE__, .line = __LINE__,
	};
	case_add(c);
}

void vcat_add(const struct vrow *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct vrow *r = &rows[i];

		add(r, case_strdup("verifier.%s.rejected_%s", r->name, lower(errno_name(r->err))),
		    rejected, 0);
		if (r->good.n)
			add(r, case_strdup("verifier.%s.twin_accepted", r->name), twin, 1);
	}
}
