// SPDX-License-Identifier: GPL-2.0
/*
 * BPF tokens (6.9, kernel/bpf/token.c): a bpffs instance mounted with
 * delegate_cmds/delegate_maps/delegate_progs/delegate_attachs options,
 * for a user namespace, lets a process in that namespace create a token
 * (BPF_TOKEN_CREATE on the mount's root) and do, with the token, what the
 * options delegate and nothing more.  Without CAP_BPF in the init
 * namespace, and with kernel.unprivileged_bpf_disabled set, the same
 * process can do nothing without the token.
 *
 * The set-up follows the kernel's own: a child enters a new user and mount
 * namespace and opens a bpffs context (fsopen); only a process privileged
 * in the init namespace may set the delegate_* options, so the case's
 * process (root) receives the context over a socket, sets them, creates
 * and mounts the instance (fsconfig, fsmount), and hands the mount back.
 * The child then runs one operation and reports its result.  The options
 * are given as numbers (bit masks), the only form 6.9 parses.
 *
 * In the init user namespace a token makes no sense: BPF_TOKEN_CREATE is
 * EOPNOTSUPP there for a privileged caller, EPERM for one without CAP_BPF.
 */
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness/case.h"
#include "harness/objects.h"
#include "harness/priv.h"

/* <linux/mount.h>, which conflicts with <sys/mount.h>. */
#define FSCONFIG_SET_STRING 1
#define FSCONFIG_CMD_CREATE 6

#define PTR(p) ((__u64)(unsigned long)(p))
#define BIT(n) (1ULL << (n))

/* ---- passing fds and results over a socket ---- */

static int send_fd(int sock, int fd)
{
	char c = 0, ctrl[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { &c, 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
			      .msg_control = ctrl, .msg_controllen = sizeof(ctrl) };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);

	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &fd, sizeof(int));
	return sendmsg(sock, &msg, 0) == 1 ? 0 : -1;
}

static int recv_fd(int sock)
{
	char c, ctrl[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &c, 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
			      .msg_control = ctrl, .msg_controllen = sizeof(ctrl) };
	struct cmsghdr *cm;
	int fd;

	if (recvmsg(sock, &msg, 0) != 1)
		return -1;
	cm = CMSG_FIRSTHDR(&msg);
	if (!cm || cm->cmsg_type != SCM_RIGHTS)
		return -1;
	memcpy(&fd, CMSG_DATA(cm), sizeof(int));
	return fd;
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* ---- what the child does with (or without) its token ---- */

enum token_op { OP_CREATE, OP_LOAD_SOCKET_FILTER, OP_LOAD_XDP, OP_MAP_CREATE, OP_NO_TOKEN };

static long load_with(int token, enum bpf_prog_type type, int ret)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = ret },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	union bpf_attr attr = {
		.prog_type = type, .insn_cnt = 2, .insns = PTR(insns), .license = PTR("GPL"),
	};

	if (token >= 0) {
		attr.prog_flags = BPF_F_TOKEN_FD;
		attr.prog_token_fd = token;
	}
	return sys_bpf_prog_load(&attr);
}

static long child_op(int mnt, enum token_op op)
{
	/* The fd fsmount() gives is an O_PATH one, which bpf() cannot use:
	 * open the mount's root through it. */
	int root = openat(mnt, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	union bpf_attr attr = { .token_create = { .bpffs_fd = (__u32)root } };
	int token;

	if (root < 0)
		return -errno;
	if (op == OP_NO_TOKEN)
		return load_with(-1, BPF_PROG_TYPE_SOCKET_FILTER, 0);
	token = sys_bpf_token_create(&attr);
	if (op == OP_CREATE || token < 0)
		return token;
	switch (op) {
	case OP_LOAD_SOCKET_FILTER:
		return load_with(token, BPF_PROG_TYPE_SOCKET_FILTER, 0);
	case OP_LOAD_XDP:
		return load_with(token, BPF_PROG_TYPE_XDP, XDP_PASS);
	case OP_MAP_CREATE: {
		union bpf_attr m = {
			.map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 8,
			.max_entries = 1, .map_flags = BPF_F_TOKEN_FD, .map_token_fd = token,
		};

		return sys_bpf_map_create(&m);
	}
	default:
		return -EINVAL;
	}
}

/* The child: new user and mount namespaces, a bpffs context for the
 * parent to configure, then the operation.  Writes "<ret>\n" or "setup:
 * <what> <errno>\n" to the socket. */
static void child(int sock, enum token_op op)
{
	char out[64];
	int fs, mnt;
	long ret;

	if (unshare(CLONE_NEWUSER | CLONE_NEWNS)) {
		snprintf(out, sizeof(out), "setup: unshare %d\n", errno);
		goto report;
	}
	if (write_file("/proc/self/setgroups", "deny") ||
	    write_file("/proc/self/uid_map", "0 0 1") ||
	    write_file("/proc/self/gid_map", "0 0 1")) {
		snprintf(out, sizeof(out), "setup: id maps %d\n", errno);
		goto report;
	}
	fs = (int)syscall(SYS_fsopen, "bpf", 0);
	if (fs < 0) {
		snprintf(out, sizeof(out), "setup: fsopen %d\n", errno);
		goto report;
	}
	if (send_fd(sock, fs) || (mnt = recv_fd(sock)) < 0) {
		snprintf(out, sizeof(out), "setup: fd passing %d\n", errno);
		goto report;
	}
	ret = child_op(mnt, op);
	snprintf(out, sizeof(out), "%ld\n", ret);
report:
	if (write(sock, out, strlen(out)) < 0)
		_exit(2);
	_exit(0);
}

/* The case's process: delegate PROG_LOAD of socket filters, any attach
 * type, no map types; run 'op' in a child; return its result. */
static long token_run(enum token_op op)
{
	char cmds[32], progs[32], in[64] = "";
	int sv[2], fs, mnt, status;
	pid_t pid;
	ssize_t n;

	SETUP(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
	pid = fork();
	SETUP(pid >= 0);
	if (pid == 0) {
		close(sv[0]);
		child(sv[1], op);
	}
	close(sv[1]);
	fs = recv_fd(sv[0]);
	if (fs >= 0) {
		snprintf(cmds, sizeof(cmds), "%#llx", BIT(BPF_PROG_LOAD));
		snprintf(progs, sizeof(progs), "%#llx", BIT(BPF_PROG_TYPE_SOCKET_FILTER));
		SETUP(syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, "delegate_cmds",
			      cmds, 0) == 0);
		SETUP(syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, "delegate_progs",
			      progs, 0) == 0);
		SETUP(syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, "delegate_attachs",
			      "0xffffffffffffffff", 0) == 0);
		SETUP(syscall(SYS_fsconfig, fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0) == 0);
		mnt = (int)syscall(SYS_fsmount, fs, 0, 0);
		SETUP(mnt >= 0);
		SETUP(send_fd(sv[0], mnt) == 0);
	}
	n = read(sv[0], in, sizeof(in) - 1);
	waitpid(pid, &status, 0);
	SETUP(n > 0);
	if (!strncmp(in, "setup:", 6))
		case_error(__FILE__, __LINE__, "token child %s", in);
	return strtol(in, NULL, 10);
}

#define TOKEN_NEEDS NEEDS(CMD(TOKEN_CREATE), CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER), \
			  CONFIG(USER_NS))

CASE("priv.token.create_in_userns", TOKEN_NEEDS)
{
	ASSERT_FD(token_run(OP_CREATE));
}

CASE("priv.token.delegated_prog_type_loads", TOKEN_NEEDS)
{
	ASSERT_FD(token_run(OP_LOAD_SOCKET_FILTER));
}

CASE("priv.token.undelegated_prog_type_eperm",
     NEEDS(CMD(TOKEN_CREATE), CMD(PROG_LOAD), PROG_TYPE(XDP), CONFIG(USER_NS)))
{
	ASSERT_ERRNO(EPERM, token_run(OP_LOAD_XDP));
}

CASE("priv.token.undelegated_cmd_eperm",
     NEEDS(CMD(TOKEN_CREATE), CMD(MAP_CREATE), MAP(ARRAY), CONFIG(USER_NS)))
{
	ASSERT_ERRNO(EPERM, token_run(OP_MAP_CREATE));
}

/* The same process without its token: the sysctl's rule. */
CASE("priv.token.without_token_by_sysctl", TOKEN_NEEDS)
{
	int disabled = priv_unprivileged_bpf_disabled();

	SETUP(disabled >= 0);
	case_log("kernel.unprivileged_bpf_disabled=%d: expecting %s", disabled,
		 disabled ? "EPERM" : "success");
	if (disabled)
		ASSERT_ERRNO(EPERM, token_run(OP_NO_TOKEN));
	else
		ASSERT_FD(token_run(OP_NO_TOKEN));
}

static long token_on_case_bpffs(void)
{
	int fd = open("/sys/fs/bpf", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	union bpf_attr attr;

	SETUP(fd >= 0);
	attr = (union bpf_attr){ .token_create = { .bpffs_fd = (__u32)fd } };
	return sys_bpf_token_create(&attr);
}

CASE("priv.token.init_userns.privileged", NEEDS(CMD(TOKEN_CREATE), BPFFS))
{
	ASSERT_ERRNO(EOPNOTSUPP, token_on_case_bpffs());
}

CASE("priv.token.init_userns.unprivileged", NEEDS(CMD(TOKEN_CREATE), BPFFS))
{
	SETUP_RET(priv_drop_bpf_caps());
	ASSERT_ERRNO(EPERM, token_on_case_bpffs());
}
