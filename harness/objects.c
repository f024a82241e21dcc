// SPDX-License-Identifier: GPL-2.0
/* The common shapes of map, program and object commands, for cases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "objects.h"
#include "oracle.h"
#include "result.h"

#define PTR(p) ((__u64)(unsigned long)(p))

int map_create(enum bpf_map_type type, __u32 key_size, __u32 value_size,
	       __u32 max_entries, __u32 flags)
{
	union bpf_attr attr = {
		.map_type = type, .key_size = key_size, .value_size = value_size,
		.max_entries = max_entries, .map_flags = flags,
	};

	return sys_bpf_map_create(&attr);
}

static int elem(int (*cmd)(union bpf_attr *), int fd, const void *key,
		const void *value, __u64 flags)
{
	union bpf_attr attr = {
		.map_fd = (__u32)fd, .key = PTR(key), .value = PTR(value), .flags = flags,
	};

	return cmd(&attr);
}

int map_update(int fd, const void *key, const void *value, __u64 flags)
{
	return elem(sys_bpf_map_update_elem, fd, key, value, flags);
}

int map_lookup(int fd, const void *key, void *value)
{
	return elem(sys_bpf_map_lookup_elem, fd, key, value, 0);
}

int map_lookup_flags(int fd, const void *key, void *value, __u64 flags)
{
	return elem(sys_bpf_map_lookup_elem, fd, key, value, flags);
}

int map_delete(int fd, const void *key)
{
	return elem(sys_bpf_map_delete_elem, fd, key, NULL, 0);
}

int map_next_key(int fd, const void *key, void *next_key)
{
	return elem(sys_bpf_map_get_next_key, fd, key, next_key, 0);
}

int map_lookup_and_delete(int fd, const void *key, void *value)
{
	return elem(sys_bpf_map_lookup_and_delete_elem, fd, key, value, 0);
}

int map_freeze(int fd)
{
	union bpf_attr attr = { .map_fd = (__u32)fd };

	return sys_bpf_map_freeze(&attr);
}

/* ---- named maps ---- */

#define MAX_NAMED_MAPS 32
static struct { const char *name; int fd; } named[MAX_NAMED_MAPS];
static int nnamed;

int case_map(const char *name, int fd)
{
	for (int i = 0; i < nnamed; i++)
		if (!strcmp(named[i].name, name)) {
			named[i].fd = fd;
			return fd;
		}
	if (nnamed == MAX_NAMED_MAPS)
		case_error(__FILE__, __LINE__, "more than %d named maps", MAX_NAMED_MAPS);
	named[nnamed].name = name;
	named[nnamed++].fd = fd;
	return fd;
}

static int lookup_named(const char *name, void *ctx)
{
	(void)ctx;
	for (int i = 0; i < nnamed; i++)
		if (!strcmp(named[i].name, name))
			return named[i].fd;
	return -1;
}

/* ---- programs ---- */

#define LOG_SIZE (1U << 20)
#define MAX_INSNS (1U << 20)

static char *last_log;
static struct bpf_insn *last_insns;
static size_t last_cnt;
static int explained = 1;

const char *prog_last_log(void)
{
	return last_log ? last_log : "";
}

static void note_line(const char *line, void *ctx)
{
	(void)ctx;
	case_note("%s", line);
}

void prog_explain_last(void)
{
	if (explained || !last_insns)
		return;
	explained = 1;
	case_note("program (%zu insns):", last_cnt);
	insn_dump(last_insns, last_cnt, "  ", note_line, NULL);
	if (last_log && *last_log) {
		char *copy = strdup(last_log), *save = NULL;

		case_note("verifier log:");
		for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
			case_note("  %s", l);
		free(copy);
	}
}

static int load(const struct prog_spec *spec, const struct bpf_insn *insns, size_t cnt)
{
	union bpf_attr attr = {
		.prog_type = spec->type,
		.insn_cnt = (__u32)cnt,
		.insns = PTR(insns),
		.license = PTR(spec->license ? spec->license : "GPL"),
		.expected_attach_type = spec->attach,
		.prog_flags = spec->prog_flags,
		.attach_btf_id = spec->attach_btf_id,
		.attach_prog_fd = spec->attach_prog_fd,
		.prog_ifindex = spec->prog_ifindex,
		.kern_version = spec->kern_version,
		.fd_array = PTR(spec->fd_array),
		.fd_array_cnt = spec->fd_array_cnt,
		.prog_btf_fd = (__u32)spec->prog_btf_fd,
		.func_info = PTR(spec->func_info),
		.func_info_cnt = spec->func_info_cnt,
		.func_info_rec_size = spec->func_info_rec_size,
	};
	int fd;

	if (spec->name)
		snprintf(attr.prog_name, sizeof(attr.prog_name), "%s", spec->name);
	if (!last_log)
		last_log = malloc(LOG_SIZE);
	last_log[0] = 0;
	if (spec->log_level) {
		attr.log_level = spec->log_level;
		attr.log_buf = PTR(last_log);
		attr.log_size = LOG_SIZE;
		return sys_bpf_prog_load(&attr);
	}
	/* Load without a log first (as a user would); on failure load again
	 * with one, so the log explains the errno we are about to report. */
	fd = sys_bpf_prog_load(&attr);
	if (fd < 0) {
		attr.log_level = 1;
		attr.log_buf = PTR(last_log);
		attr.log_size = LOG_SIZE;
		if (sys_bpf_prog_load(&attr) >= 0)
			case_note("note: the load succeeded when retried with a log");
	}
	return fd;
}

int prog_load(const struct prog_spec *spec)
{
	char err[256], why[320];
	size_t cnt;
	unsigned lacking;

	free(last_insns);
	if (spec->raw) {
		cnt = spec->raw_cnt;
		last_insns = malloc((cnt ? cnt : 1) * sizeof(*last_insns));
		memcpy(last_insns, spec->raw, cnt * sizeof(*last_insns));
	} else {
		size_t cap = asm_len(spec->insns);
		int n;

		last_insns = malloc((cap ? cap : 1) * sizeof(*last_insns));
		n = asm_resolve(spec->insns, last_insns, cap, lookup_named, NULL,
				err, sizeof(err));
		if (n < 0)
			case_error(__FILE__, __LINE__, "program does not resolve: %s", err);
		cnt = (size_t)n;
	}
	last_cnt = cnt;
	explained = 0;

	/* By group, not by version: 5.10 has JMP32 but not the fetching
	 * atomics, and a JMP32 program must run there. */
	lacking = insn_isa_groups(last_insns, cnt) & oracle_isa_lacking();
	if (lacking) {
		unsigned first = lacking & -lacking;

		snprintf(why, sizeof(why), "program uses %s (ISA v%d), which the verifier does "
			 "not know (probe: %s)", isa_group_name(first), isa_group_version(first),
			 oracle_isa_group_proof(first));
		child_skip(why, 0);
	}
	return load(spec, last_insns, cnt);
}

int prog_load_trivial(enum bpf_prog_type type, enum bpf_attach_type attach, int ret)
{
	return prog_load(&(struct prog_spec){
		.type = type, .attach = attach,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, ret),
			BPF_EXIT_INSN(),
		),
	});
}

const unsigned char test_pkt_v4[64] = {
	/* Ethernet: dst, src, IPv4 */
	0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0x00,
	/* IPv4: v4 ihl5, tos, len 50, id, frag, ttl 64, UDP, csum, 127.0.0.1 -> 127.0.0.1 */
	0x45, 0x00, 0x00, 0x32, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x00, 0x00,
	127, 0, 0, 1, 127, 0, 0, 1,
	/* UDP: 4242 -> 4242, len 30, csum 0 */
	0x10, 0x92, 0x10, 0x92, 0x00, 0x1e, 0x00, 0x00,
	/* payload */
	'b', 'p', 'f', 'c', 'o', 'n', 'f', 'o', 'r', 'm',
};

int prog_test_run(int prog_fd, struct test_run *run)
{
	union bpf_attr attr = {
		.test = {
			.prog_fd = (__u32)prog_fd,
			.data_in = PTR(run->data_in),
			.data_size_in = run->data_size_in,
			.data_out = PTR(run->data_out),
			.data_size_out = run->data_size_out,
			.ctx_in = PTR(run->ctx_in),
			.ctx_size_in = run->ctx_size_in,
			.ctx_out = PTR(run->ctx_out),
			.ctx_size_out = run->ctx_size_out,
			.repeat = run->repeat,
			.flags = run->flags,
			.cpu = run->cpu,
			.batch_size = run->batch_size,
		},
	};
	int ret = sys_bpf_prog_test_run(&attr);

	run->retval = attr.test.retval;
	run->duration = attr.test.duration;
	run->data_size_out = attr.test.data_size_out;
	run->ctx_size_out = attr.test.ctx_size_out;
	return ret;
}

/* ---- pins and info ---- */

int obj_pin(int fd, const char *path)
{
	union bpf_attr attr = { .pathname = PTR(path), .bpf_fd = (__u32)fd };

	return sys_bpf_obj_pin(&attr);
}

int obj_get(const char *path, __u32 file_flags)
{
	union bpf_attr attr = { .pathname = PTR(path), .file_flags = file_flags };

	return sys_bpf_obj_get(&attr);
}

int obj_info(int fd, void *info, __u32 *len)
{
	union bpf_attr attr = {
		.info = { .bpf_fd = (__u32)fd, .info_len = *len, .info = PTR(info) },
	};
	int ret = sys_bpf_obj_get_info_by_fd(&attr);

	*len = attr.info.info_len;
	return ret;
}

int prog_info(int fd, struct bpf_prog_info *info)
{
	__u32 len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	return obj_info(fd, info, &len);
}

int map_info(int fd, struct bpf_map_info *info)
{
	__u32 len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	return obj_info(fd, info, &len);
}

int link_info(int fd, struct bpf_link_info *info)
{
	__u32 len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	return obj_info(fd, info, &len);
}

/* ---- attach and links ---- */

int prog_attach(int prog_fd, int target_fd, enum bpf_attach_type type, __u32 flags)
{
	union bpf_attr attr = {
		.target_fd = (__u32)target_fd, .attach_bpf_fd = (__u32)prog_fd,
		.attach_type = type, .attach_flags = flags,
	};

	return sys_bpf_prog_attach(&attr);
}

int prog_detach(int prog_fd, int target_fd, enum bpf_attach_type type)
{
	union bpf_attr attr = {
		.target_fd = (__u32)target_fd, .attach_bpf_fd = (__u32)prog_fd,
		.attach_type = type,
	};

	return sys_bpf_prog_detach(&attr);
}

int link_create(int prog_fd, int target_fd, enum bpf_attach_type type, __u32 flags)
{
	union bpf_attr attr = {
		.link_create = {
			.prog_fd = (__u32)prog_fd, .target_fd = (__u32)target_fd,
			.attach_type = type, .flags = flags,
		},
	};

	return sys_bpf_link_create(&attr);
}
