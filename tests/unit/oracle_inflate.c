// SPDX-License-Identifier: GPL-2.0
/*
 * harness/oracle/inflate.c: the gzip/DEFLATE decoder the oracle reads
 * /proc/config.gz with.  Known vectors, one per block type (made with
 * Python's zlib: level 0 for a stored block, Z_FIXED for fixed Huffman,
 * level 9 on a 1.9 KiB config-like text for dynamic Huffman, with an FNAME
 * header field), then corrupt input: each must be an error with a reason,
 * never a crash or a read past the input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/case.h"
#include "harness/oracle/inflate.h"

/* gz_dynamic holds 120 lines "CONFIG_OPT_<i>=<y|m|n>" (see plain_dynamic). */
static const unsigned char gz_dynamic[] = {
	0x1f, 0x8b, 0x08, 0x08, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x63, 0x6f,
	0x6e, 0x66, 0x69, 0x67, 0x00, 0x65, 0xd5, 0x3b, 0x4a, 0x03, 0x40, 0x14,
	0x86, 0xd1, 0xde, 0xd5, 0xcc, 0xe3, 0xde, 0x79, 0x14, 0xa9, 0x02, 0x8a,
	0x8d, 0xb1, 0xb0, 0xcf, 0x0a, 0xb4, 0x77, 0xf7, 0x62, 0x65, 0xe6, 0x58,
	0x0e, 0x7c, 0x17, 0x42, 0x0e, 0xf9, 0x73, 0xbd, 0xbd, 0x3d, 0xbf, 0xbe,
	0xdc, 0x6f, 0xef, 0x1f, 0xf7, 0x72, 0xf9, 0x7e, 0xba, 0xfe, 0x3d, 0xeb,
	0xe5, 0xf3, 0xf1, 0xd9, 0x2e, 0x5f, 0x8f, 0xcf, 0x7e, 0xc6, 0x71, 0xc6,
	0x79, 0xc6, 0xe3, 0x8c, 0xe7, 0x19, 0xaf, 0x33, 0xde, 0x7c, 0x8c, 0x72,
	0xd6, 0xb5, 0x9e, 0x79, 0x6d, 0xf4, 0x9d, 0x3e, 0xe8, 0x93, 0x7e, 0xd0,
	0x4f, 0xfa, 0x45, 0xbf, 0xf9, 0x5e, 0xca, 0xd9, 0xb7, 0x7a, 0xf6, 0xad,
	0xd1, 0x77, 0xfa, 0xa0, 0x4f, 0xfa, 0x41, 0x3f, 0xe9, 0x17, 0xfd, 0x06,
	0x0a, 0xd6, 0x8e, 0x6b, 0x17, 0x16, 0xd9, 0x0e, 0x6d, 0xc7, 0xb6, 0x83,
	0xdb, 0xd1, 0xed, 0xf0, 0x76, 0x7c, 0x03, 0xdf, 0xc0, 0x37, 0xf0, 0x0d,
	0x7c, 0x03, 0xdf, 0xc0, 0x37, 0xf0, 0x0d, 0x7c, 0x03, 0xdf, 0xc0, 0x37,
	0xf1, 0x4d, 0x7c, 0x13, 0xdf, 0xc4, 0x37, 0xf1, 0x4d, 0x7c, 0x13, 0xdf,
	0xc4, 0x37, 0xf1, 0x4d, 0x7c, 0x07, 0xbe, 0x03, 0xdf, 0x81, 0xef, 0xc0,
	0x77, 0xe0, 0x3b, 0xfc, 0xed, 0xe2, 0x3b, 0xf0, 0x1d, 0xf8, 0x0e, 0x7c,
	0x27, 0xbe, 0x13, 0xdf, 0x89, 0xef, 0xc4, 0x77, 0xe2, 0x3b, 0xf1, 0x9d,
	0xf8, 0x4e, 0x7c, 0x27, 0xbe, 0x13, 0xdf, 0x85, 0xef, 0xc2, 0x77, 0xe1,
	0xbb, 0xf0, 0x5d, 0xf8, 0x2e, 0x7c, 0x17, 0xbe, 0x0b, 0xdf, 0x85, 0xef,
	0xc2, 0x77, 0xe3, 0xbb, 0xf1, 0xdd, 0xf8, 0x6e, 0x7c, 0x37, 0xbe, 0x1b,
	0xdf, 0x8d, 0xef, 0xc6, 0x77, 0x3b, 0xcf, 0xff, 0xf6, 0xd9, 0x81, 0x2e,
	0x2e, 0x74, 0x71, 0xa2, 0x8b, 0x1b, 0x5d, 0x1c, 0xe9, 0xe2, 0x4a, 0x17,
	0x67, 0xba, 0xb8, 0xd3, 0xc5, 0xa1, 0x2e, 0xdb, 0x7f, 0x0e, 0xa8, 0x6b,
	0xc5, 0xba, 0xd6, 0xe6, 0x49, 0xf7, 0x24, 0x3c, 0x49, 0x4f, 0x86, 0x27,
	0xd3, 0x93, 0xe5, 0xc9, 0xaf, 0xf9, 0x0f, 0xe8, 0x25, 0x8b, 0x33, 0x8a,
	0x07, 0x00, 0x00,
};
static const unsigned char gz_fixed[] = {
	0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x4b, 0x2a,
	0x48, 0x53, 0x48, 0x82, 0xe2, 0xe4, 0xfc, 0xbc, 0xb4, 0xfc, 0xa2, 0xdc,
	0xc4, 0xbc, 0xe4, 0x54, 0x00, 0x1d, 0x8a, 0x0b, 0xdc, 0x17, 0x00, 0x00,
	0x00,
};
static const unsigned char gz_stored[] = {
	0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x01, 0x17,
	0x00, 0xe8, 0xff, 0x62, 0x70, 0x66, 0x20, 0x62, 0x70, 0x66, 0x20, 0x62,
	0x70, 0x66, 0x20, 0x63, 0x6f, 0x6e, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x6e,
	0x63, 0x65, 0x1d, 0x8a, 0x0b, 0xdc, 0x17, 0x00, 0x00, 0x00,
};

/* Raw DEFLATE: one fixed block whose first symbol is a match (length 3,
 * distance 1) with nothing written yet. */
static const unsigned char raw_far_distance[] = { 0x03, 0x02, 0x00 };

static const char plain_short[] = "bpf bpf bpf conformance";

static char *plain_dynamic(size_t *len)
{
	static char buf[4096];
	size_t n = 0;

	for (int i = 0; i < 120; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "CONFIG_OPT_%d=%c\n", i,
				      "ymn"[(i * 7) % 3]);
	*len = n;
	return buf;
}

/* BTYPE of the first block of a gzip vector whose header is 'hdr' bytes. */
static int first_btype(const unsigned char *gz, size_t hdr)
{
	return (gz[hdr] >> 1) & 3;
}

static int gunzip_ok(const unsigned char *gz, size_t len, const void *want, size_t want_len)
{
	unsigned char *out;
	size_t out_len;
	char err[256];
	int ok;

	if (gunzip(gz, len, 1 << 20, &out, &out_len, err, sizeof(err))) {
		case_note("gunzip: %s", err);
		return 0;
	}
	ok = out_len == want_len && !memcmp(out, want, want_len) && out[out_len] == 0;
	free(out);
	return ok;
}

/* gunzip must fail with a reason containing 'words'. */
static int gunzip_fails(const unsigned char *gz, size_t len, size_t max, const char *words)
{
	unsigned char *out = (unsigned char *)"sentinel";
	size_t out_len;
	char err[256] = "";

	if (!gunzip(gz, len, max, &out, &out_len, err, sizeof(err))) {
		free(out);
		case_note("decoded %zu bytes where an error was expected", out_len);
		return 0;
	}
	case_note("error: %s", err);
	return out == NULL && strstr(err, words) != NULL;
}

CASE("unit.oracle.inflate.crc32_check_value", NEEDS(UNPRIV))
{
	/* the CRC-32 check value of "123456789" (ISO 3309 / ITU-T V.42) */
	ASSERT_EQ_U64(0xcbf43926, crc32_update(0, "123456789", 9));
	/* in pieces, the same */
	ASSERT_EQ_U64(0xcbf43926, crc32_update(crc32_update(0, "1234", 4), "56789", 5));
}

CASE("unit.oracle.inflate.stored_block", NEEDS(UNPRIV))
{
	ASSERT_EQ(0, first_btype(gz_stored, 10));
	ASSERT_TRUE(gunzip_ok(gz_stored, sizeof(gz_stored), plain_short, strlen(plain_short)));
}

CASE("unit.oracle.inflate.fixed_huffman_block", NEEDS(UNPRIV))
{
	ASSERT_EQ(1, first_btype(gz_fixed, 10));
	ASSERT_TRUE(gunzip_ok(gz_fixed, sizeof(gz_fixed), plain_short, strlen(plain_short)));
}

CASE("unit.oracle.inflate.dynamic_huffman_block_fname_header", NEEDS(UNPRIV))
{
	size_t len;
	char *want = plain_dynamic(&len);

	/* 10 header bytes and the file name "config\0" */
	ASSERT_EQ(2, first_btype(gz_dynamic, 17));
	ASSERT_TRUE(gunzip_ok(gz_dynamic, sizeof(gz_dynamic), want, len));
}

CASE("unit.oracle.inflate.two_members_joined", NEEDS(UNPRIV))
{
	unsigned char two[sizeof(gz_stored) + sizeof(gz_fixed)];
	char want[64];

	memcpy(two, gz_stored, sizeof(gz_stored));
	memcpy(two + sizeof(gz_stored), gz_fixed, sizeof(gz_fixed));
	snprintf(want, sizeof(want), "%s%s", plain_short, plain_short);
	ASSERT_TRUE(gunzip_ok(two, sizeof(two), want, strlen(want)));
}

CASE("unit.oracle.inflate.crc_mismatch_error", NEEDS(UNPRIV))
{
	unsigned char bad[sizeof(gz_dynamic)];

	memcpy(bad, gz_dynamic, sizeof(bad));
	bad[sizeof(bad) - 8] ^= 0x01;	/* first byte of the CRC-32 */
	ASSERT_TRUE(gunzip_fails(bad, sizeof(bad), 1 << 20, "CRC-32 mismatch"));
}

CASE("unit.oracle.inflate.isize_mismatch_error", NEEDS(UNPRIV))
{
	unsigned char bad[sizeof(gz_fixed)];

	memcpy(bad, gz_fixed, sizeof(bad));
	bad[sizeof(bad) - 4] += 1;	/* ISIZE */
	ASSERT_TRUE(gunzip_fails(bad, sizeof(bad), 1 << 20, "length mismatch"));
}

CASE("unit.oracle.inflate.corrupt_data_crc_catches", NEEDS(UNPRIV))
{
	unsigned char bad[sizeof(gz_stored)];

	memcpy(bad, gz_stored, sizeof(bad));
	bad[20] ^= 0x20;	/* a byte inside the stored data */
	ASSERT_TRUE(gunzip_fails(bad, sizeof(bad), 1 << 20, "CRC-32 mismatch"));
}

CASE("unit.oracle.inflate.every_truncation_error", NEEDS(UNPRIV))
{
	/* Cut the dynamic vector at every length: each is an error, none a
	 * crash (the harness would report a signal as FAIL). */
	for (size_t len = 0; len < sizeof(gz_dynamic); len++) {
		unsigned char *out;
		size_t out_len;
		char err[256];

		EXPECT_EQ(-1, gunzip(gz_dynamic, len, 1 << 20, &out, &out_len, err, sizeof(err)));
	}
	ASSERT_TRUE(gunzip_fails(gz_dynamic, 30, 1 << 20, "truncated"));
}

CASE("unit.oracle.inflate.output_limit_error", NEEDS(UNPRIV))
{
	size_t len;

	plain_dynamic(&len);
	ASSERT_TRUE(gunzip_fails(gz_dynamic, sizeof(gz_dynamic), len - 1, "limit"));
	ASSERT_TRUE(gunzip_ok(gz_dynamic, sizeof(gz_dynamic), plain_dynamic(&len), len));
}

CASE("unit.oracle.inflate.trailing_garbage_error", NEEDS(UNPRIV))
{
	unsigned char bad[sizeof(gz_fixed) + 3];

	memcpy(bad, gz_fixed, sizeof(gz_fixed));
	memcpy(bad + sizeof(gz_fixed), "xyz", 3);
	ASSERT_TRUE(gunzip_fails(bad, sizeof(bad), 1 << 20, "member 2"));
}

CASE("unit.oracle.inflate.header_errors", NEEDS(UNPRIV))
{
	unsigned char bad[sizeof(gz_fixed)];

	memcpy(bad, gz_fixed, sizeof(bad));
	bad[1] = 0x8c;
	ASSERT_TRUE(gunzip_fails(bad, sizeof(bad), 1 << 20, "bad magic"));
	memcpy(bad, gz_fixed, sizeof(bad));
	bad[2] = 7;	/* CM other than deflate */
	ASSERT_TRUE(gunzip_fails(bad, sizeof(bad), 1 << 20, "not deflate"));
	memcpy(bad, gz_fixed, sizeof(bad));
	bad[3] = 0x20;	/* a reserved FLG bit */
	ASSERT_TRUE(gunzip_fails(bad, sizeof(bad), 1 << 20, "reserved flag"));
}

CASE("unit.oracle.inflate.stored_length_complement_error", NEEDS(UNPRIV))
{
	unsigned char bad[sizeof(gz_stored)];

	memcpy(bad, gz_stored, sizeof(bad));
	bad[13] ^= 0x01;	/* NLEN no longer ~LEN */
	ASSERT_TRUE(gunzip_fails(bad, sizeof(bad), 1 << 20, "complement"));
}

CASE("unit.oracle.inflate.block_type_3_error", NEEDS(UNPRIV))
{
	static const unsigned char raw[] = { 0x07, 0x00 };	/* BFINAL, BTYPE 11 */
	unsigned char *out;
	size_t out_len;
	char err[256] = "";

	ASSERT_EQ(-1, inflate_raw(raw, sizeof(raw), 1 << 20, &out, &out_len, NULL, err,
				  sizeof(err)));
	ASSERT_TRUE(strstr(err, "block type 3") != NULL);
}

CASE("unit.oracle.inflate.distance_too_far_error", NEEDS(UNPRIV))
{
	unsigned char *out;
	size_t out_len;
	char err[256] = "";

	ASSERT_EQ(-1, inflate_raw(raw_far_distance, sizeof(raw_far_distance), 1 << 20, &out,
				  &out_len, NULL, err, sizeof(err)));
	ASSERT_TRUE(strstr(err, "too far back") != NULL);
}

CASE("unit.oracle.inflate.magic", NEEDS(UNPRIV))
{
	ASSERT_TRUE(gzip_magic(gz_fixed, sizeof(gz_fixed)));
	ASSERT_FALSE(gzip_magic("CONFIG_X=y\n", 11));
	ASSERT_FALSE(gzip_magic(gz_fixed, 1));
}
