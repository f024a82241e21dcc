// SPDX-License-Identifier: GPL-2.0
/*
 * Program types without BPF_PROG_TEST_RUN: bpf_prog_test_run() in
 * kernel/bpf/syscall.c returns -ENOTSUPP (524, a kernel-internal errno that
 * reaches user space) when the type's prog_ops has no test_run.  Types only
 * gain test_run over time (raw_tp 5.10, sk_lookup and syscall 5.14,
 * netfilter 6.4), and none of these has it on 6.18; a kernel that adds one
 * turns its case into a FAIL to look at, not a silent pass.
 *
 * Each program loads (its minimal form) and is run once on a packet.
 * LWT_SEG6LOCAL is not here: 5.10 runs it (the skb test_run), 6.1 and
 * 6.18 answer ENOTSUPP, and no kernel fact we read tells them apart.
 */
#include <ctype.h>
#include <stdlib.h>

#include "cases/progs/progs.h"

struct no_run {
	const char *name;
	enum bpf_prog_type type;
	enum bpf_attach_type attach;
	int ret;
	const struct need *needs;
};

#define NO_RUN(T, A, RET, ...)                                                       \
	{ "prog." #T ".test_run.enotsupp", BPF_PROG_TYPE_##T, A, RET,                \
	  (const struct need[]){ PROG_TYPE(T), CMD(PROG_TEST_RUN), ##__VA_ARGS__,    \
				 { NEED_END, 0, 0 } } }

static const struct no_run no_runs[] = {
	NO_RUN(KPROBE, 0, 0),
	NO_RUN(TRACEPOINT, 0, 0),
	NO_RUN(PERF_EVENT, 0, 0),
	NO_RUN(CGROUP_SOCK, BPF_CGROUP_INET_SOCK_CREATE, 1, ATTACH(CGROUP_INET_SOCK_CREATE)),
	NO_RUN(CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT, 1, ATTACH(CGROUP_INET4_CONNECT)),
	NO_RUN(SOCK_OPS, BPF_CGROUP_SOCK_OPS, 1, ATTACH(CGROUP_SOCK_OPS)),
	NO_RUN(SK_SKB, BPF_SK_SKB_STREAM_VERDICT, 1, ATTACH(SK_SKB_STREAM_VERDICT)),
	NO_RUN(SK_MSG, BPF_SK_MSG_VERDICT, 1, ATTACH(SK_MSG_VERDICT)),
	NO_RUN(CGROUP_DEVICE, BPF_CGROUP_DEVICE, 1, ATTACH(CGROUP_DEVICE)),
	NO_RUN(CGROUP_SYSCTL, BPF_CGROUP_SYSCTL, 1, ATTACH(CGROUP_SYSCTL)),
	NO_RUN(CGROUP_SOCKOPT, BPF_CGROUP_GETSOCKOPT, 1, ATTACH(CGROUP_GETSOCKOPT)),
	NO_RUN(SK_REUSEPORT, 0, 1),
	NO_RUN(LIRC_MODE2, BPF_LIRC_MODE2, 0, ATTACH(LIRC_MODE2), CONFIG(BPF_LIRC_MODE2)),
};

static void run_no_run(const void *arg)
{
	const struct no_run *n = arg;
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd = prog_load_trivial(n->type, n->attach, n->ret);

	ASSERT_FD(fd);
	ASSERT_ERRNO(ENOTSUPP, prog_test_run(fd, &run));
}

static void generate(void)
{
	size_t n = sizeof(no_runs) / sizeof(no_runs[0]);
	struct bc_case *c = calloc(n, sizeof(*c));

	for (size_t i = 0; i < n; i++) {
		char *name = case_strdup("%s", no_runs[i].name);

		for (char *p = name; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		c[i] = (struct bc_case){ .name = name, .fn = run_no_run, .arg = &no_runs[i],
					 .needs = no_runs[i].needs, .file = __FILE__,
					 .line = __LINE__ };
		case_add(&c[i]);
	}
}
CASE_GENERATOR(generate)
