// SPDX-License-Identifier: GPL-2.0
/* Helpers shared by the map cases; see maps.h. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cases/maps/maps.h"
#include "harness/btf_build.h"

int map_create_attr(union bpf_attr *attr)
{
	return sys_bpf_map_create(attr);
}

int map_create_checked(union bpf_attr *attr, const char *name)
{
	return map_create_checked_flags(attr, name, attr->map_flags);
}

int map_create_checked_flags(union bpf_attr *attr, const char *name, __u32 flags)
{
	struct bpf_map_info info;
	int fd;

	snprintf(attr->map_name, sizeof(attr->map_name), "%s", name);
	fd = sys_bpf_map_create(attr);
	ASSERT_FD(fd);
	ASSERT_OK(map_info(fd, &info));
	ASSERT_EQ(attr->map_type, info.type);
	ASSERT_EQ(attr->key_size, info.key_size);
	ASSERT_EQ(attr->value_size, info.value_size);
	ASSERT_EQ(attr->max_entries, info.max_entries);
	ASSERT_EQ(flags, info.map_flags);
	ASSERT_STREQ(name, info.name);
	ASSERT_NE(0, info.id);
	return fd;
}

int possible_cpus(void)
{
	FILE *f = fopen("/sys/devices/system/cpu/possible", "r");
	char buf[256], *p;
	int n = 0;

	SETUP(f != NULL);
	SETUP(fgets(buf, sizeof(buf), f) != NULL);
	fclose(f);
	/* A list of ranges: "0-3,8,10-11". */
	for (p = strtok(buf, ",\n"); p; p = strtok(NULL, ",\n")) {
		int lo, hi;

		if (sscanf(p, "%d-%d", &lo, &hi) == 2)
			n += hi - lo + 1;
		else if (sscanf(p, "%d", &lo) == 1)
			n++;
	}
	SETUP(n > 0);
	return n;
}

int map_btf_int_key(__u32 value_size, int spin_lock, __u32 *key_id, __u32 *value_id)
{
	struct btf_build *b = btf_build_new();
	__u32 i32 = btf_int(b, "int", 4, BTF_INT_SIGNED);
	__u32 u32 = btf_int(b, "unsigned int", 4, 0);
	__u32 lock = 0, val, off = 0;
	char name[16];
	int fd;

	if (spin_lock) {
		lock = btf_struct(b, "bpf_spin_lock", 4);
		btf_member(b, "val", u32, 0);
	}
	val = btf_struct(b, "val", value_size);
	if (spin_lock) {
		btf_member(b, "lock", lock, 0);
		off = 4;
	}
	for (int i = 0; off + 4 <= value_size; off += 4, i++) {
		snprintf(name, sizeof(name), "f%d", i);
		btf_member(b, name, u32, off * 8);
	}
	fd = btf_build_load(b);
	btf_build_free(b);
	SETUP_RET(fd);
	*key_id = i32;
	*value_id = val;
	return fd;
}

int loopback_socket(int type, int *listener)
{
	struct sockaddr_in addr = { .sin_family = AF_INET,
				    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(addr);
	int s, l;

	if (type == SOCK_DGRAM) {
		s = socket(AF_INET, SOCK_DGRAM, 0);
		SETUP(s >= 0);
		SETUP(bind(s, (struct sockaddr *)&addr, sizeof(addr)) == 0);
		return s;
	}
	l = socket(AF_INET, SOCK_STREAM, 0);
	SETUP(l >= 0);
	SETUP(bind(l, (struct sockaddr *)&addr, sizeof(addr)) == 0);
	SETUP(listen(l, 4) == 0);
	SETUP(getsockname(l, (struct sockaddr *)&addr, &len) == 0);
	s = socket(AF_INET, SOCK_STREAM, 0);
	SETUP(s >= 0);
	SETUP(connect(s, (struct sockaddr *)&addr, sizeof(addr)) == 0);
	/* The listener stays open either way: closing it would reset the
	 * connection it has not accepted. */
	if (listener)
		*listener = l;
	return s;
}
