// SPDX-License-Identifier: GPL-2.0
/*
 * What BPF_OBJ_GET_INFO_BY_FD reports about a loaded program (type, name,
 * tag, instruction counts, the maps it uses, GPL compatibility), and the
 * load rules for program types and names.
 *
 * The tag is the first 8 bytes of a SHA-1 over the instructions with map
 * fds blanked (bpf_prog_calc_tag(), 4.10): identical programs have the
 * same tag.  prog_name (4.15) takes letters, digits, '_' and '.' and must
 * end within its 16 bytes (bpf_obj_name_cpy()); anything else is EINVAL.
 * BPF_PROG_TYPE_UNSPEC and unknown types have no ops: EINVAL.
 */
#include <stddef.h>
#include <string.h>

#include "cases/progs/progs.h"
#include "harness/lifetime.h"
#include "harness/oracle.h"

static int load_named(const char *name, int ret)
{
	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER, .name = name,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, ret),
			BPF_EXIT_INSN(),
		),
	});
}

CASE("prog.unspec.load.einval", NEEDS(PROG_TYPE(UNSPEC), CMD(PROG_LOAD)))
{
	ASSERT_ERRNO(EINVAL, prog_load_trivial(BPF_PROG_TYPE_UNSPEC, 0, 0));
}

/* A type number no kernel will reach soon. */
CASE("prog.load.unknown_type_einval", NEEDS(CMD(PROG_LOAD)))
{
	ASSERT_ERRNO(EINVAL, prog_load_trivial((enum bpf_prog_type)0x7fff, 0, 0));
}

CASE("prog.info.type_and_name", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(OBJ_GET_INFO_BY_FD)))
{
	struct bpf_prog_info info;
	int fd = load_named("bc_info.name", 0);

	ASSERT_FD(fd);
	ASSERT_OK(prog_info(fd, &info));
	ASSERT_EQ(BPF_PROG_TYPE_SOCKET_FILTER, info.type);
	ASSERT_STREQ("bc_info.name", info.name);
	ASSERT_TRUE(info.id > 0);
}

CASE("prog.info.tag_same_for_same_insns",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(OBJ_GET_INFO_BY_FD)))
{
	struct bpf_prog_info a, b, c;
	int fa = load_named("tag_a", 1), fb = load_named("tag_b", 1), fc = load_named("tag_c", 2);

	ASSERT_FD(fa);
	ASSERT_FD(fb);
	ASSERT_FD(fc);
	ASSERT_OK(prog_info(fa, &a));
	ASSERT_OK(prog_info(fb, &b));
	ASSERT_OK(prog_info(fc, &c));
	/* The name is not part of the tag; the instructions are. */
	ASSERT_MEMEQ(a.tag, b.tag, sizeof(a.tag));
	ASSERT_TRUE(memcmp(a.tag, c.tag, sizeof(a.tag)) != 0);
}

/* Two instructions translate to two (16 bytes); with the JIT always on
 * (CONFIG_BPF_JIT_ALWAYS_ON) there must be machine code too. */
CASE("prog.info.xlated_and_jited_len",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(OBJ_GET_INFO_BY_FD)))
{
	struct bpf_prog_info info;
	int fd = load_named("lens", 0);

	ASSERT_FD(fd);
	ASSERT_OK(prog_info(fd, &info));
	ASSERT_EQ(2 * sizeof(struct bpf_insn), info.xlated_prog_len);
	if (oracle_config("CONFIG_BPF_JIT_ALWAYS_ON") == 'y')
		ASSERT_LT(0, info.jited_prog_len);
}

/* The maps a program refers to are listed by id, in use order. */
CASE("prog.info.map_ids",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(OBJ_GET_INFO_BY_FD), MAP(ARRAY)))
{
	struct bpf_prog_info info;
	__u32 ids[4] = { 0 }, len = sizeof(info);
	int m1 = case_map("first", map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
	int m2 = case_map("second", map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
	long id1, id2;
	int fd;

	ASSERT_FD(m1);
	ASSERT_FD(m2);
	fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_LD_MAP_FD(BPF_REG_1, "first"),
			BPF_LD_MAP_FD(BPF_REG_2, "second"),
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(fd);
	id1 = SETUP_RET(obj_id(OBJ_MAP, m1));
	id2 = SETUP_RET(obj_id(OBJ_MAP, m2));
	memset(&info, 0, sizeof(info));
	info.nr_map_ids = 4;
	info.map_ids = (__u64)(unsigned long)ids;
	ASSERT_OK(obj_info(fd, &info, &len));
	ASSERT_EQ(2, info.nr_map_ids);
	ASSERT_EQ(id1, ids[0]);
	ASSERT_EQ(id2, ids[1]);
}

CASE("prog.info.gpl_compatible", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(OBJ_GET_INFO_BY_FD)))
{
	struct bpf_prog_info info;
	int gpl = load_named("gpl", 0);
	int prop = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER, .license = "Proprietary",
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(gpl);
	ASSERT_FD(prop);
	ASSERT_OK(prog_info(gpl, &info));
	ASSERT_EQ(1, info.gpl_compatible);
	ASSERT_OK(prog_info(prop, &info));
	ASSERT_EQ(0, info.gpl_compatible);
}

CASE("prog.load.name_15_chars", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	struct bpf_prog_info info;
	int fd = load_named("abcdefghij.12_4", 0);

	ASSERT_FD(fd);
	ASSERT_OK(prog_info(fd, &info));
	ASSERT_STREQ("abcdefghij.12_4", info.name);
}

CASE("prog.load.name_bad_char_einval", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	ASSERT_ERRNO(EINVAL, load_named("bad-name", 0));
}

/* 16 name bytes with no NUL among them: the raw attr, since prog_load()
 * would terminate the string. */
CASE("prog.load.name_unterminated_einval", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	union bpf_attr attr = {
		.prog_type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = (__u64)(unsigned long)insns, .insn_cnt = 2,
		.license = (__u64)(unsigned long)"GPL",
	};

	memcpy(attr.prog_name, "abcdefghijklmnop", sizeof(attr.prog_name));
	ASSERT_ERRNO(EINVAL, sys_bpf_prog_load(&attr));
}

CASE("prog.load.zero_insns_e2big", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	struct bpf_insn insn = { .code = BPF_JMP | BPF_EXIT };
	union bpf_attr attr = {
		.prog_type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = (__u64)(unsigned long)&insn, .insn_cnt = 0,
		.license = (__u64)(unsigned long)"GPL",
	};

	/* insn_cnt 0 is "too big" for the kernel: E2BIG (bpf_prog_load()). */
	ASSERT_ERRNO(E2BIG, sys_bpf_prog_load(&attr));
}
