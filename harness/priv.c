// SPDX-License-Identifier: GPL-2.0
/* Dropping capabilities in a case's child (priv.h). */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "priv.h"

/* _LINUX_CAPABILITY_VERSION_3: two 32-bit words per set. */
struct cap_header { unsigned int version; int pid; };
struct cap_data { unsigned int effective, permitted, inheritable; };
#define CAP_V3 0x20080522

static int get_caps(struct cap_data data[2])
{
	struct cap_header hdr = { CAP_V3, 0 };

	return syscall(SYS_capget, &hdr, data) ? -errno : 0;
}

static int set_caps(struct cap_data data[2])
{
	struct cap_header hdr = { CAP_V3, 0 };

	return syscall(SYS_capset, &hdr, data) ? -errno : 0;
}

int priv_have_cap(int cap)
{
	struct cap_data data[2];
	int err = get_caps(data);

	if (err)
		return err;
	return !!(data[cap / 32].effective & (1U << (cap % 32)));
}

static int drop(const int *caps, int n)
{
	struct cap_data data[2];
	int err = get_caps(data);

	if (err)
		return err;
	for (int i = 0; i < n; i++) {
		unsigned int bit = 1U << (caps[i] % 32);

		data[caps[i] / 32].effective &= ~bit;
		data[caps[i] / 32].permitted &= ~bit;
		data[caps[i] / 32].inheritable &= ~bit;
	}
	return set_caps(data);
}

int priv_drop_cap(int cap)
{
	return drop(&cap, 1);
}

int priv_drop_bpf_caps(void)
{
	static const int caps[] = {
		PRIV_CAP_SYS_ADMIN, PRIV_CAP_BPF, PRIV_CAP_PERFMON, PRIV_CAP_NET_ADMIN,
	};

	return drop(caps, sizeof(caps) / sizeof(caps[0]));
}

int priv_become_user(uid_t uid, gid_t gid)
{
	struct cap_data none[2] = { { 0, 0, 0 }, { 0, 0, 0 } };

	if (setgroups(0, NULL) || setresgid(gid, gid, gid) || setresuid(uid, uid, uid))
		return -errno;
	/* setresuid() away from 0 clears the permitted set already; clear
	 * everything explicitly so that no ambient or kept bit remains. */
	return set_caps(none);
}

int priv_unprivileged_bpf_disabled(void)
{
	char buf[16] = "";
	int fd = open("/proc/sys/kernel/unprivileged_bpf_disabled", O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return n < 0 ? -errno : -EIO;
	return atoi(buf);
}
