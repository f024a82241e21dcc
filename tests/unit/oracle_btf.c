// SPDX-License-Identifier: GPL-2.0
/*
 * harness/oracle/btf.c: the raw BTF reader the oracle asks the kernel's
 * enums, functions and types through.  Blobs are built here, record by
 * record, in the layout of include/uapi/linux/btf.h: enums (BTF_KIND_ENUM,
 * kind_flag = signed since 6.0), 64-bit enums (BTF_KIND_ENUM64, 6.0),
 * structs, functions and their prototypes; then broken blobs, each of which
 * must be refused with a reason.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "harness/case.h"
#include "harness/oracle/btf.h"
#include "oracle_blob.h"

/* id 1: int; 2: enum bpf_cmd {A=0, B=1, __MAX=2}; 3: signed enum s {M1=-1};
 * 4: unsigned enum u {BIG=0xffffffff}; 5: enum64 e64 {HUGE=1<<40, NEG=-5};
 * 6: struct bpf_map {int id;}; 7: func proto int (int x); 8: func bpf_map_new */
static void sample(struct blob *b)
{
	blob_init(b);
	type(b, "int", BTF_KIND_INT, 0, 0, 4);
	word(b, 32);					/* encoding: 32 bits */
	type(b, "bpf_cmd", BTF_KIND_ENUM, 0, 3, 4);
	word(b, str(b, "BPF_A")); word(b, 0);
	word(b, str(b, "BPF_B")); word(b, 1);
	word(b, str(b, "__MAX_BPF_CMD")); word(b, 2);
	type(b, "s", BTF_KIND_ENUM, 1, 1, 4);
	word(b, str(b, "M1")); word(b, 0xffffffffU);
	type(b, "u", BTF_KIND_ENUM, 0, 1, 4);
	word(b, str(b, "BIG")); word(b, 0xffffffffU);
	type(b, "e64", BTF_KIND_ENUM64, 1, 2, 8);
	word(b, str(b, "HUGE")); word(b, 0); word(b, 1U << 8);
	word(b, str(b, "NEG")); word(b, 0xfffffffbU); word(b, 0xffffffffU);
	type(b, "bpf_map", BTF_KIND_STRUCT, 0, 1, 4);
	word(b, str(b, "id")); word(b, 1); word(b, 0);
	type(b, NULL, BTF_KIND_FUNC_PROTO, 0, 1, 1);
	word(b, str(b, "x")); word(b, 1);
	type(b, "bpf_map_new", BTF_KIND_FUNC, 0, 0, 7);
}

static struct btf *parse(struct blob *b, char *err, size_t len)
{
	const unsigned char *p = b->size ? b->out : blob_done(b);

	err[0] = 0;
	return btf_parse(p, b->size, err, len);
}

static int count_cb_n;
static void count_cb(const char *member, long long val, void *ctx)
{
	(void)member; (void)val; (void)ctx;
	count_cb_n++;
}

CASE("unit.oracle.btf.enum_members", NEEDS(UNPRIV))
{
	struct blob b;
	char err[128];
	struct btf *btf;
	long long v = -1;

	sample(&b);
	btf = parse(&b, err, sizeof(err));
	ASSERT_TRUE(btf != NULL);
	ASSERT_EQ(8, btf_count(btf));
	ASSERT_OK(btf_enum_value(btf, "bpf_cmd", "BPF_B", &v));
	ASSERT_EQ(1, v);
	ASSERT_ERRNO(ENOENT, btf_enum_value(btf, "bpf_cmd", "BPF_C", &v));
	ASSERT_ERRNO(ENOENT, btf_enum_value(btf, "no_such_enum", "BPF_A", &v));
	/* the reader walks every member; sentinels are the oracle's business */
	ASSERT_EQ(3, btf_enum_walk(btf, "bpf_cmd", count_cb, NULL));
	ASSERT_EQ(3, count_cb_n);
	btf_free(btf);
}

CASE("unit.oracle.btf.enum_signed_and_unsigned", NEEDS(UNPRIV))
{
	struct blob b;
	char err[128];
	struct btf *btf;
	long long v = 0;

	sample(&b);
	btf = parse(&b, err, sizeof(err));
	ASSERT_TRUE(btf != NULL);
	/* kind_flag 1: the 32 bits are signed */
	ASSERT_OK(btf_enum_value(btf, "s", "M1", &v));
	ASSERT_EQ(-1, v);
	/* kind_flag 0: unsigned */
	ASSERT_OK(btf_enum_value(btf, "u", "BIG", &v));
	ASSERT_EQ(4294967295LL, v);
	btf_free(btf);
}

CASE("unit.oracle.btf.enum64_values", NEEDS(UNPRIV))
{
	struct blob b;
	char err[128];
	struct btf *btf;
	long long v = 0;

	sample(&b);
	btf = parse(&b, err, sizeof(err));
	ASSERT_TRUE(btf != NULL);
	ASSERT_OK(btf_enum_value(btf, "e64", "HUGE", &v));
	ASSERT_EQ(1LL << 40, v);
	ASSERT_OK(btf_enum_value(btf, "e64", "NEG", &v));
	ASSERT_EQ(-5, v);
	btf_free(btf);
}

CASE("unit.oracle.btf.find_struct_and_func", NEEDS(UNPRIV))
{
	struct blob b;
	char err[128];
	struct btf *btf;
	const struct btf_type *t;

	sample(&b);
	btf = parse(&b, err, sizeof(err));
	ASSERT_TRUE(btf != NULL);
	ASSERT_EQ(6, btf_find(btf, "bpf_map", BTF_KIND_STRUCT));
	ASSERT_EQ(6, btf_find(btf, "bpf_map", 0));
	ASSERT_EQ(8, btf_find(btf, "bpf_map_new", BTF_KIND_FUNC));
	ASSERT_ERRNO(ENOENT, btf_find(btf, "bpf_map", BTF_KIND_FUNC));
	ASSERT_ERRNO(ENOENT, btf_find(btf, "bpf_prog", 0));
	t = btf_type_by_id(btf, 8);
	ASSERT_TRUE(t != NULL);
	ASSERT_EQ(7, t->type);		/* the func's prototype */
	ASSERT_TRUE(btf_type_by_id(btf, 9) == NULL);
	ASSERT_TRUE(btf_type_by_id(btf, 0) == NULL);
	btf_free(btf);
}

/* A broken blob must be refused with a reason containing 'words'. */
static void refused(struct blob *b, const char *words)
{
	char err[128];
	struct btf *btf = parse(b, err, sizeof(err));

	case_note("btf_parse: %s", err);
	EXPECT_TRUE(btf == NULL);
	EXPECT_TRUE(strstr(err, words) != NULL);
	btf_free(btf);
}

CASE("unit.oracle.btf.bad_magic_error", NEEDS(UNPRIV))
{
	struct blob b;

	sample(&b);
	blob_done(&b);
	b.out[0] ^= 0xff;
	refused(&b, "bad magic");
}

CASE("unit.oracle.btf.short_blob_error", NEEDS(UNPRIV))
{
	struct blob b;

	sample(&b);
	blob_done(&b);
	b.size = 10;	/* less than a header */
	refused(&b, "bad magic");
}

CASE("unit.oracle.btf.bad_version_error", NEEDS(UNPRIV))
{
	struct blob b;

	sample(&b);
	blob_done(&b);
	((struct btf_header *)b.out)->version = 2;
	refused(&b, "version 2");
}

CASE("unit.oracle.btf.header_out_of_bounds_error", NEEDS(UNPRIV))
{
	struct blob b;

	sample(&b);
	blob_done(&b);
	((struct btf_header *)b.out)->str_len += 1;	/* one byte past the blob */
	refused(&b, "out of bounds");
}

CASE("unit.oracle.btf.truncated_type_error", NEEDS(UNPRIV))
{
	struct blob b;

	sample(&b);
	blob_done(&b);
	/* the type section ends 8 bytes into the last record (a FUNC needs 12) */
	((struct btf_header *)b.out)->type_len -= 4;
	refused(&b, "truncated");
}

CASE("unit.oracle.btf.truncated_members_error", NEEDS(UNPRIV))
{
	struct blob b;

	blob_init(&b);
	type(&b, "bpf_cmd", BTF_KIND_ENUM, 0, 3, 4);	/* says 3 members, has 1 */
	word(&b, str(&b, "BPF_A")); word(&b, 0);
	refused(&b, "truncated");
}

CASE("unit.oracle.btf.bad_name_offset_error", NEEDS(UNPRIV))
{
	struct blob b;

	blob_init(&b);
	word(&b, 4000);		/* name offset past the strings */
	word(&b, BTF_INFO(BTF_KIND_INT, 0, 0));
	word(&b, 4);
	word(&b, 32);
	str(&b, "int");
	refused(&b, "name offset out of bounds");
}

CASE("unit.oracle.btf.bad_member_name_offset_error", NEEDS(UNPRIV))
{
	struct blob b;

	blob_init(&b);
	type(&b, "bpf_cmd", BTF_KIND_ENUM, 0, 1, 4);
	word(&b, 4000); word(&b, 0);	/* member name past the strings */
	refused(&b, "member's name offset");
}

CASE("unit.oracle.btf.unknown_kind_error", NEEDS(UNPRIV))
{
	struct blob b;

	blob_init(&b);
	type(&b, "x", 31, 0, 0, 0);
	refused(&b, "bad kind 31");
}

CASE("unit.oracle.btf.unterminated_strings_error", NEEDS(UNPRIV))
{
	struct blob b;

	sample(&b);
	blob_done(&b);
	b.out[b.size - 1] = 'x';
	refused(&b, "not terminated");
}
