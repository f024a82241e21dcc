// SPDX-License-Identifier: GPL-2.0
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "env.h"
#include "objects.h"

#define CAP_SYS_ADMIN 21

static int privileged;
static char mnt_dir[64];	/* our private cgroup2 mount point */
static char cg_base[128];	/* <mnt>/bpfconform-<pid> */
static char cg_case[192];	/* in the child: the case's cgroup */
static int cg_fd = -1;
static char pin_buf[4096];

/* capget without <linux/capability.h>: version 3, two 32-bit words. */
static int have_cap(int cap)
{
	struct { __u32 version; int pid; } hdr = { 0x20080522, 0 };
	struct { __u32 effective, permitted, inheritable; } data[2];

	if (syscall(SYS_capget, &hdr, data))
		return 0;
	return !!(data[cap / 32].effective & (1U << (cap % 32)));
}

int env_privileged(void)
{
	return privileged;
}

const char *env_cgroup_root(void)
{
	return cg_base;
}

int env_init(char *err, size_t len)
{
	privileged = have_cap(CAP_SYS_ADMIN);
	if (!privileged)
		return 0;
	if (unshare(CLONE_NEWNS)) {
		snprintf(err, len, "unshare(CLONE_NEWNS): %s", strerror(errno));
		return -1;
	}
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL)) {
		snprintf(err, len, "making / private: %s", strerror(errno));
		return -1;
	}
	strcpy(mnt_dir, "/tmp/bpfconform.XXXXXX");
	if (!mkdtemp(mnt_dir)) {
		snprintf(err, len, "mkdtemp %s: %s", mnt_dir, strerror(errno));
		mnt_dir[0] = 0;
		return -1;
	}
	if (mount("cgroup2", mnt_dir, "cgroup2", 0, NULL)) {
		/* A kernel without cgroup2 still runs every other case; the
		 * cgroup cases then fail their set-up as ERROR, visibly. */
		rmdir(mnt_dir);
		mnt_dir[0] = 0;
		return 0;
	}
	snprintf(cg_base, sizeof(cg_base), "%s/bpfconform-%d", mnt_dir, (int)getpid());
	if (mkdir(cg_base, 0755)) {
		snprintf(err, len, "mkdir %s: %s", cg_base, strerror(errno));
		cg_base[0] = 0;
	}
	return 0;
}

static void rmdir_retry(const char *path)
{
	/* A cgroup stays busy for a moment after its last task is reaped. */
	for (int i = 0; i < 200; i++) {
		if (!rmdir(path) || errno == ENOENT)
			return;
		usleep(5000);
	}
	fprintf(stderr, "bpfconform: cannot remove %s: %s\n", path, strerror(errno));
}

void env_fini(void)
{
	if (cg_base[0])
		rmdir_retry(cg_base);
	if (mnt_dir[0]) {
		umount2(mnt_dir, MNT_DETACH);
		rmdir(mnt_dir);
	}
}

unsigned env_bits(const struct bc_case *c)
{
	unsigned bits = 0;

	for (const struct need *n = c->needs; n && n->kind; n++)
		if (n->kind == NEED_ENV)
			bits |= (unsigned)n->value;
	return bits;
}

int env_case_prepare(struct env_case *ec, size_t index, char *err, size_t len)
{
	ec->cgroup[0] = 0;
	if (!(ec->bits & ENV_CGROUP))
		return 0;
	if (!cg_base[0]) {
		snprintf(err, len, "no cgroup2 hierarchy for this run");
		return -1;
	}
	snprintf(ec->cgroup, sizeof(ec->cgroup), "%s/case-%zu", cg_base, index);
	if (mkdir(ec->cgroup, 0755) && errno != EEXIST) {
		snprintf(err, len, "mkdir %s: %s", ec->cgroup, strerror(errno));
		ec->cgroup[0] = 0;
		return -1;
	}
	return 0;
}

int env_link_up(const char *ifname)
{
	struct ifreq ifr;
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), ret = -1;

	if (s < 0)
		return -errno;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	if (!ioctl(s, SIOCGIFFLAGS, &ifr)) {
		ifr.ifr_flags |= IFF_UP;
		ret = ioctl(s, SIOCSIFFLAGS, &ifr) ? -errno : 0;
	} else {
		ret = -errno;
	}
	close(s);
	return ret;
}

int env_case_enter(const struct env_case *ec, char *err, size_t len)
{
	unsigned bits = ec->bits;

	if (bits & ENV_BPFFS) {
		if (unshare(CLONE_NEWNS)) {
			snprintf(err, len, "unshare(CLONE_NEWNS): %s", strerror(errno));
			return -1;
		}
		if (mount("bpf", "/sys/fs/bpf", "bpf", 0, "mode=0700")) {
			snprintf(err, len, "mounting bpffs: %s", strerror(errno));
			return -1;
		}
	}
	if (bits & ENV_NETNS) {
		int ret;

		if (unshare(CLONE_NEWNET)) {
			snprintf(err, len, "unshare(CLONE_NEWNET): %s", strerror(errno));
			return -1;
		}
		ret = env_link_up("lo");
		if (ret) {
			snprintf(err, len, "bringing lo up: %s", strerror(-ret));
			return -1;
		}
	}
	if (bits & ENV_CGROUP) {
		snprintf(cg_case, sizeof(cg_case), "%s", ec->cgroup);
		cg_fd = open(cg_case, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (cg_fd < 0) {
			snprintf(err, len, "open %s: %s", cg_case, strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* A case may have made cgroups below its own: remove the tree. */
static void rmdir_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char sub[512];

	while (d && (e = readdir(d))) {
		if (e->d_type != DT_DIR || !strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		rmdir_tree(sub);
	}
	if (d)
		closedir(d);
	rmdir_retry(path);
}

void env_case_cleanup(struct env_case *ec)
{
	if (ec->cgroup[0]) {
		rmdir_tree(ec->cgroup);
		ec->cgroup[0] = 0;
	}
}

const char *case_cgroup_path(void)
{
	return cg_case;
}

int case_cgroup_fd(void)
{
	return cg_fd;
}

const char *bpffs_path(const char *rest)
{
	snprintf(pin_buf, sizeof(pin_buf), "/sys/fs/bpf/%s", rest);
	return pin_buf;
}
