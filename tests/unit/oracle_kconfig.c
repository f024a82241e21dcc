// SPDX-License-Identifier: GPL-2.0
/*
 * harness/oracle/kconfig.c: reading a kernel config.  "CONFIG_X=y" and
 * "=m" are set, "# CONFIG_X is not set" and absence are not, string and
 * int options give their first character (kconfig_value() the whole
 * value); a file is plain text or gzip, told apart by magic; a path the
 * user gives that is missing or corrupt is an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness/case.h"
#include "harness/oracle/kconfig.h"

static const char sample[] =
	"#\n# Automatically generated file; DO NOT EDIT.\n#\n"
	"CONFIG_BPF=y\n"
	"CONFIG_BPF_SYSCALL=y\n"
	"CONFIG_BPF_JIT=y\n"
	"# CONFIG_BPF_LIRC_MODE2 is not set\n"
	"CONFIG_NET_CLS_BPF=m\n"
	"CONFIG_DEFAULT_HOSTNAME=\"(none)\"\n"
	"CONFIG_NR_CPUS=64\n"
	"CONFIG_CRLF=y\r\n";

CASE("unit.oracle.kconfig.y_m_and_not_set", NEEDS(UNPRIV))
{
	ASSERT_OK(kconfig_parse_text(sample, "sample"));
	ASSERT_EQ('y', kconfig_get("CONFIG_BPF_SYSCALL"));
	ASSERT_EQ('m', kconfig_get("CONFIG_NET_CLS_BPF"));
	ASSERT_EQ(0, kconfig_get("CONFIG_BPF_LIRC_MODE2"));	/* "is not set" */
	ASSERT_EQ(0, kconfig_get("CONFIG_NET_ACT_BPF"));	/* absent */
	ASSERT_EQ('y', kconfig_get("CONFIG_CRLF"));
	ASSERT_STREQ("sample", kconfig_source());
	ASSERT_EQ(7, kconfig_count());	/* lines that set an option */
}

CASE("unit.oracle.kconfig.prefix_is_not_a_match", NEEDS(UNPRIV))
{
	ASSERT_OK(kconfig_parse_text(sample, "sample"));
	/* CONFIG_BPF must not match CONFIG_BPF_JIT's line, nor the reverse */
	ASSERT_EQ('y', kconfig_get("CONFIG_BPF"));
	ASSERT_EQ(0, kconfig_get("CONFIG_BP"));
	ASSERT_EQ(0, kconfig_get("CONFIG_BPF_JIT_ALWAYS_ON"));
	ASSERT_EQ(0, kconfig_get(""));
}

CASE("unit.oracle.kconfig.string_and_int_values", NEEDS(UNPRIV))
{
	char buf[64];

	ASSERT_OK(kconfig_parse_text(sample, "sample"));
	ASSERT_EQ('"', kconfig_get("CONFIG_DEFAULT_HOSTNAME"));
	ASSERT_EQ(1, kconfig_value("CONFIG_DEFAULT_HOSTNAME", buf, sizeof(buf)));
	ASSERT_STREQ("(none)", buf);
	ASSERT_EQ('6', kconfig_get("CONFIG_NR_CPUS"));
	ASSERT_EQ(1, kconfig_value("CONFIG_NR_CPUS", buf, sizeof(buf)));
	ASSERT_STREQ("64", buf);
	ASSERT_EQ(1, kconfig_value("CONFIG_CRLF", buf, sizeof(buf)));
	ASSERT_STREQ("y", buf);
	ASSERT_EQ(0, kconfig_value("CONFIG_BPF_LIRC_MODE2", buf, sizeof(buf)));
}

CASE("unit.oracle.kconfig.not_a_config_refused", NEEDS(UNPRIV))
{
	ASSERT_EQ(-1, kconfig_parse_text("hello\nworld\n", "junk"));
}

/* Write 'len' bytes to a fresh temporary file; returns its path. */
static const char *tmpfile_with(const void *data, size_t len)
{
	static char path[64];
	int fd;

	snprintf(path, sizeof(path), "/tmp/bpfconform-kconfig.XXXXXX");
	fd = mkstemp(path);
	SETUP(fd >= 0);
	SETUP(write(fd, data, len) == (ssize_t)len);
	close(fd);
	return path;
}

/* gzip -1 of "CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=m\n" (Python zlib,
 * one fixed-Huffman block) */
static const unsigned char small_gz[] = {
	0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x73, 0xf6,
	0xf7, 0x73, 0xf3, 0x74, 0x8f, 0x77, 0xb4, 0xad, 0xe4, 0x52, 0x56, 0x70,
	0x86, 0x70, 0x9c, 0x14, 0x32, 0x8b, 0x15, 0xf2, 0xf2, 0x4b, 0x14, 0x8a,
	0x53, 0x4b, 0xb8, 0xa0, 0x62, 0xce, 0xb6, 0xb9, 0x5c, 0x00, 0x6a, 0xd0,
	0xa1, 0x5d, 0x2c, 0x00, 0x00, 0x00,
};

CASE("unit.oracle.kconfig.gzip_file_by_magic", NEEDS(UNPRIV))
{
	char err[256] = "";
	const char *path = tmpfile_with(small_gz, sizeof(small_gz));
	int ret = kconfig_init(path, "unused", err, sizeof(err));

	unlink(path);
	case_note("kconfig_init: %s", err);
	ASSERT_OK(ret);
	ASSERT_EQ('y', kconfig_get("CONFIG_A"));
	ASSERT_EQ(0, kconfig_get("CONFIG_B"));
	ASSERT_EQ('m', kconfig_get("CONFIG_C"));
}

CASE("unit.oracle.kconfig.plain_file", NEEDS(UNPRIV))
{
	char err[256] = "";
	const char *path = tmpfile_with(sample, strlen(sample));
	int ret = kconfig_init(path, "unused", err, sizeof(err));

	unlink(path);
	ASSERT_OK(ret);
	ASSERT_EQ('m', kconfig_get("CONFIG_NET_CLS_BPF"));
}

CASE("unit.oracle.kconfig.given_path_missing_error", NEEDS(UNPRIV))
{
	char err[256] = "";

	ASSERT_EQ(-1, kconfig_init("/nonexistent/config", "unused", err, sizeof(err)));
	ASSERT_TRUE(strstr(err, "/nonexistent/config") != NULL);
	ASSERT_EQ(-1, kconfig_get("CONFIG_BPF"));	/* no config known */
}

CASE("unit.oracle.kconfig.corrupt_gzip_error", NEEDS(UNPRIV))
{
	unsigned char bad[sizeof(small_gz)];
	char err[256] = "";
	const char *path;
	int ret;

	memcpy(bad, small_gz, sizeof(bad));
	bad[sizeof(bad) - 6] ^= 0xff;	/* the CRC-32 */
	path = tmpfile_with(bad, sizeof(bad));
	ret = kconfig_init(path, "unused", err, sizeof(err));
	unlink(path);
	case_note("kconfig_init: %s", err);
	ASSERT_EQ(-1, ret);
	ASSERT_TRUE(strstr(err, "corrupt gzip") != NULL);
}

CASE("unit.oracle.kconfig.binary_file_error", NEEDS(UNPRIV))
{
	static const unsigned char junk[] = { 'C', 'O', 'N', 'F', 'I', 'G', '_', 0, 1, 2 };
	char err[256] = "";
	const char *path = tmpfile_with(junk, sizeof(junk));
	int ret = kconfig_init(path, "unused", err, sizeof(err));

	unlink(path);
	ASSERT_EQ(-1, ret);
	ASSERT_TRUE(strstr(err, "not a kernel config") != NULL);
}
