// SPDX-License-Identifier: GPL-2.0
/*
 * A stand-in for ./bpfconform inside the VM, for vmtest's own tests: it
 * speaks the same command line and output (KTAP on stdout, a closing
 * totals line, --json written as cases finish, "# start N name" before each
 * case when BPFCONFORM_MARK_START is set) and checks the environment that
 * /init promises: lo up, bpffs and cgroup2 mounted, the config handed over,
 * modules loaded, and that bpf() works.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>

#define BPF_FS_MAGIC 0xcafe4a11
#define CGROUP2_SUPER_MAGIC 0x63677270

static const char *config;
static char why[256];

static int fs_is(const char *path, long magic)
{
	struct statfs st;

	if (statfs(path, &st)) {
		snprintf(why, sizeof(why), "statfs %s: %s", path, strerror(errno));
		return 0;
	}
	snprintf(why, sizeof(why), "%s has magic %#lx", path, (long)st.f_type);
	return (long)st.f_type == magic;
}

static int lo_is_up(void)
{
	struct ifreq ifr = { .ifr_name = "lo" };
	int s = socket(AF_INET, SOCK_DGRAM, 0), up;

	up = s >= 0 && !ioctl(s, SIOCGIFFLAGS, &ifr) && (ifr.ifr_flags & IFF_UP);
	snprintf(why, sizeof(why), "lo flags %#x", ifr.ifr_flags);
	if (s >= 0)
		close(s);
	return up;
}

static int bpffs(void) { return fs_is("/sys/fs/bpf", BPF_FS_MAGIC); }
static int cgroup2(void) { return fs_is("/sys/fs/cgroup", CGROUP2_SUPER_MAGIC); }

static int have_config(void)
{
	snprintf(why, sizeof(why), "--config %s", config ? config : "(none)");
	return config && !access(config, R_OK);
}

static int veth_loaded(void)
{
	snprintf(why, sizeof(why), "/sys/module/veth missing");
	return !access("/sys/module/veth", F_OK);
}

static int bpf_array_map(void)
{
	/* BPF_MAP_CREATE of an array: map_type 2, key 4, value 8, 1 entry */
	unsigned attr[32] = { 2, 4, 8, 1 };
	long fd = syscall(SYS_bpf, 0, attr, sizeof(attr));

	snprintf(why, sizeof(why), "BPF_MAP_CREATE: %s", fd < 0 ? strerror(errno) : "ok");
	if (fd >= 0)
		close(fd);
	return fd >= 0;
}

static const struct {
	const char *name;
	int (*fn)(void);
} cases[] = {
	{ "vmtest.env.lo_up", lo_is_up },
	{ "vmtest.env.bpffs", bpffs },
	{ "vmtest.env.cgroup2", cgroup2 },
	{ "vmtest.env.config", have_config },
	{ "vmtest.env.veth_loaded", veth_loaded },
	{ "vmtest.bpf.array_map", bpf_array_map },
};

int main(int argc, char **argv)
{
	int n = sizeof(cases) / sizeof(cases[0]), pass = 0, fail = 0, i;
	const char *json = NULL;
	FILE *j = NULL;

	if (argc > 1 && !strcmp(argv[1], "list")) {
		for (i = 0; i < n; i++)
			puts(cases[i].name);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json") && i + 1 < argc)
			json = argv[++i];
		else if (!strcmp(argv[i], "--config") && i + 1 < argc)
			config = argv[++i];
	}
	if (json && !(j = fopen(json, "w"))) {
		perror(json);
		return 2;
	}
	printf("KTAP version 1\n1..%d\n", n);
	if (j)
		fprintf(j, "{\"cases\": [");
	for (i = 0; i < n; i++) {
		int ok;

		if (getenv("BPFCONFORM_MARK_START"))
			printf("# start %d %s\n", i + 1, cases[i].name);
		fflush(stdout);
		ok = cases[i].fn();
		if (!ok)
			printf("# %s\n", why);
		printf("%sok %d %s\n", ok ? "" : "not ", i + 1, cases[i].name);
		fflush(stdout);
		ok ? pass++ : fail++;
		if (j) {
			fprintf(j, "%s\n {\"name\": \"%s\", \"result\": \"%s\"}", i ? "," : "",
				cases[i].name, ok ? "pass" : "fail");
			fflush(j);
		}
	}
	if (j) {
		fprintf(j, "\n]}\n");
		fclose(j);
	}
	printf("%d passed, %d failed, 0 skipped\n", pass, fail);
	return fail ? 1 : 0;
}
