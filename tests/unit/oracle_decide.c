// SPDX-License-Identifier: GPL-2.0
/*
 * harness/oracle/oracle.c: deciding needs from a kernel's statements.  The
 * oracle is pointed at a BTF blob and a config written here (the --btf and
 * --config paths), so every answer is known: an enum member present with
 * our uapi value is HAVE, absent is LACK with the proof, present with
 * another value is BROKEN (our uapi copy is wrong: an ERROR, never a
 * skip); "# CONFIG_X is not set" is LACK; functions and types by name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness/case.h"
#include "harness/oracle.h"
#include "oracle_blob.h"

static char btf_path[64], config_path[64];

static void write_file(char *path, const void *data, size_t len)
{
	int fd;

	snprintf(path, 64, "/tmp/bpfconform-oracle.XXXXXX");
	fd = mkstemp(path);
	SETUP(fd >= 0);
	SETUP(write(fd, data, len) == (ssize_t)len);
	close(fd);
}

/* A kernel with three map types, a struct, a function, and a config. */
static void fake_kernel(void)
{
	static const char config[] = "CONFIG_BPF_SYSCALL=y\n# CONFIG_BPF_LIRC_MODE2 is not set\n";
	struct oracle_opts o = { .btf_path = btf_path, .config_path = config_path };
	struct blob b;
	char err[256] = "";
	int ret;

	blob_init(&b);
	type(&b, "bpf_map_type", BTF_KIND_ENUM, 0, 4, 4);
	word(&b, str(&b, "BPF_MAP_TYPE_UNSPEC")); word(&b, 0);
	word(&b, str(&b, "BPF_MAP_TYPE_HASH")); word(&b, 1);
	word(&b, str(&b, "BPF_MAP_TYPE_ARRAY")); word(&b, 7);	/* not our value */
	word(&b, str(&b, "__MAX_BPF_MAP_TYPE")); word(&b, 8);
	type(&b, "bpf_map", BTF_KIND_STRUCT, 0, 0, 0);
	type(&b, NULL, BTF_KIND_FUNC_PROTO, 0, 0, 0);
	type(&b, "bpf_map_new", BTF_KIND_FUNC, 0, 0, 3);
	blob_done(&b);
	write_file(btf_path, b.out, b.size);
	write_file(config_path, config, strlen(config));
	ret = oracle_init(&o, err, sizeof(err));
	unlink(btf_path);
	unlink(config_path);
	if (ret)
		case_error(__FILE__, __LINE__, "oracle_init: %s", err);
}

static enum oracle_answer decide(struct need n, char *why)
{
	why[0] = 0;
	return oracle_decide(&n, why, 256);
}

CASE("unit.oracle.decide.enum_member_present", NEEDS(UNPRIV))
{
	char why[256];

	fake_kernel();
	ASSERT_EQ(ORACLE_HAVE, decide((struct need)MAP(HASH), why));
}

CASE("unit.oracle.decide.enum_member_absent_is_proven_lack", NEEDS(UNPRIV))
{
	char why[256];

	fake_kernel();
	ASSERT_EQ(ORACLE_LACK, decide((struct need)MAP(ARENA), why));
	ASSERT_TRUE(strstr(why, "kernel has no BPF_MAP_TYPE_ARENA") != NULL);
	/* a whole enum the kernel lacks: still a proven lack */
	ASSERT_EQ(ORACLE_LACK, decide((struct need)CMD(MAP_CREATE), why));
}

CASE("unit.oracle.decide.enum_value_disagrees_broken", NEEDS(UNPRIV))
{
	char why[256];

	fake_kernel();
	/* the fake kernel says ARRAY = 7, our uapi says 2 */
	ASSERT_EQ(ORACLE_BROKEN, decide((struct need)MAP(ARRAY), why));
	ASSERT_TRUE(strstr(why, "says 7") != NULL);
}

CASE("unit.oracle.decide.enum_walk_skips_sentinel", NEEDS(UNPRIV))
{
	fake_kernel();
	ASSERT_EQ(3, oracle_enum_walk("bpf_map_type", NULL, NULL));
	ASSERT_EQ(-ENOENT, oracle_enum_walk("bpf_cmd", NULL, NULL));
}

CASE("unit.oracle.decide.config", NEEDS(UNPRIV))
{
	char why[256];

	fake_kernel();
	ASSERT_EQ(ORACLE_HAVE, decide((struct need)CONFIG(BPF_SYSCALL), why));
	ASSERT_EQ(ORACLE_LACK, decide((struct need)CONFIG(BPF_LIRC_MODE2), why));
	ASSERT_TRUE(strstr(why, "CONFIG_BPF_LIRC_MODE2 is not set") != NULL);
	ASSERT_EQ(ORACLE_LACK, decide((struct need)CONFIG(NET_ACT_BPF), why));
}

CASE("unit.oracle.decide.btf_func_and_type", NEEDS(UNPRIV))
{
	char why[256];

	fake_kernel();
	ASSERT_EQ(ORACLE_HAVE, decide((struct need)BTF_FUNC("bpf_map_new"), why));
	ASSERT_EQ(ORACLE_LACK, decide((struct need)BTF_FUNC("bpf_map_old"), why));
	ASSERT_TRUE(strstr(why, "no function bpf_map_old") != NULL);
	/* a struct is a type, not a function */
	ASSERT_EQ(ORACLE_LACK, decide((struct need)BTF_FUNC("bpf_map"), why));
	ASSERT_EQ(ORACLE_HAVE, decide((struct need)BTF_TYPE("bpf_map"), why));
	ASSERT_TRUE(oracle_btf_id("bpf_map", BTF_KIND_STRUCT) > 0);
}

CASE("unit.oracle.decide.corrupt_btf_path_fails_init", NEEDS(UNPRIV))
{
	struct oracle_opts o = { .btf_path = btf_path };
	char err[256] = "";
	int ret;

	write_file(btf_path, "not btf at all", 14);
	ret = oracle_init(&o, err, sizeof(err));
	unlink(btf_path);
	case_note("oracle_init: %s", err);
	ASSERT_EQ(-1, ret);
	ASSERT_TRUE(strstr(err, "bad magic") != NULL);
}
