// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's build configuration, as the kernel itself exports it
 * (/proc/config.gz, CONFIG_IKCONFIG_PROC), or as the distribution installs
 * it (/boot/config-$(uname -r)), or from a path the user gives.  Plain text
 * or gzip, told apart by the gzip magic, not by the file name.
 *
 * A line "CONFIG_FOO=y" sets FOO; "# CONFIG_FOO is not set" and absence
 * both mean not set (olddefconfig writes the comment only for visible
 * options, so absence is the common case for options a kernel never had).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inflate.h"
#include "kconfig.h"

/* A config is a few hundred KiB; anything past this is not a config. */
#define MAX_CONFIG (64U << 20)

static char *text;
static size_t nr_options;
static char source[300];
static char problem[600] = "no kernel config found";

/* Read a whole file (procfs files report size 0: read to EOF). */
static int slurp(const char *path, unsigned char **buf, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 16, n;
	unsigned char *b;

	*len = 0;
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	b = malloc(cap + 1);
	while (b && (n = fread(b + *len, 1, cap - *len, f)) > 0) {
		*len += n;
		if (*len == cap) {
			unsigned char *q = cap >= MAX_CONFIG ? NULL : realloc(b, (cap *= 2) + 1);

			if (!q) {
				snprintf(err, errlen, "%s: larger than %u bytes", path, MAX_CONFIG);
				free(b);
				fclose(f);
				return -1;
			}
			b = q;
		}
	}
	if (!b || ferror(f)) {
		snprintf(err, errlen, "%s: read error: %s", path, b ? strerror(errno) : "no memory");
		free(b);
		fclose(f);
		return -1;
	}
	fclose(f);
	b[*len] = 0;
	*buf = b;
	return 0;
}

static size_t count_options(const char *t)
{
	size_t n = 0;

	for (const char *p = t; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		if (!strncmp(p, "CONFIG_", 7))
			n++;
	return n;
}

/* Load 'path' as the config: 0; -1 if it cannot be read; -2 if it is
 * corrupt (bad gzip, or not text: a NUL byte, or no CONFIG_ line at all). */
static int load(const char *path, char *err, size_t errlen)
{
	unsigned char *raw, *plain;
	size_t len, plain_len;
	char why[400];

	if (slurp(path, &raw, &len, err, errlen))
		return -1;
	if (gzip_magic(raw, len)) {
		if (gunzip(raw, len, MAX_CONFIG, &plain, &plain_len, why, sizeof(why))) {
			snprintf(err, errlen, "%s: corrupt gzip: %s", path, why);
			free(raw);
			return -2;
		}
		free(raw);
	} else {
		plain = raw;
		plain_len = len;
	}
	if (memchr(plain, 0, plain_len) || !count_options((char *)plain)) {
		snprintf(err, errlen, "%s: not a kernel config (binary data or no CONFIG_ line)",
			 path);
		free(plain);
		return -2;
	}
	free(text);
	text = (char *)plain;
	nr_options = count_options(text);
	snprintf(source, sizeof(source), "%s", path);
	return 0;
}

int kconfig_init(const char *path, const char *release, char *err, size_t errlen)
{
	char boot[300], why_proc[280], why_boot[280];
	int ret;

	free(text);
	text = NULL;
	nr_options = 0;
	if (path) {
		/* The user named it: failing to read it is an error, not a
		 * quiet fallback that would turn verdicts into guesses. */
		if (load(path, problem, sizeof(problem))) {
			snprintf(err, errlen, "kernel config %s", problem);
			return -1;
		}
		return 0;
	}
	/* A default source that is missing or unreadable is recorded (needs
	 * on config are then unproven); one that is there but corrupt is an
	 * error like a corrupt BTF. */
	ret = load("/proc/config.gz", why_proc, sizeof(why_proc));
	if (ret == -2)
		goto corrupt;
	if (!ret)
		return 0;
	snprintf(boot, sizeof(boot), "/boot/config-%s", release ? release : "");
	ret = load(boot, why_boot, sizeof(why_boot));
	if (ret == -2) {
		snprintf(why_proc, sizeof(why_proc), "%s", why_boot);
		goto corrupt;
	}
	if (!ret)
		return 0;
	snprintf(problem, sizeof(problem), "%s; %s", why_proc, why_boot);
	return 0;
corrupt:
	snprintf(problem, sizeof(problem), "%s", why_proc);
	snprintf(err, errlen, "kernel config %s", why_proc);
	return -1;
}

/* The value of 'option' in the config text, or NULL; 'len' gets its length. */
static const char *find(const char *option, size_t *len)
{
	size_t n = strlen(option);

	if (!text || !n)
		return NULL;
	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p) {
		if (!strncmp(p, option, n) && p[n] == '=') {
			const char *v = p + n + 1;

			*len = strcspn(v, "\r\n");
			return v;
		}
	}
	return NULL;
}

int kconfig_get(const char *option)
{
	size_t len;
	const char *v;

	if (!text)
		return -1;
	v = find(option, &len);
	/* An empty value is never written by kconfig; treat it as not set. */
	return v && len ? (unsigned char)v[0] : 0;
}

int kconfig_value(const char *option, char *buf, size_t buflen)
{
	size_t len;
	const char *v;

	if (!text)
		return -1;
	v = find(option, &len);
	if (!v || !len)
		return 0;
	if (len >= 2 && v[0] == '"' && v[len - 1] == '"') {
		v++;
		len -= 2;
	}
	snprintf(buf, buflen, "%.*s", (int)len, v);
	return 1;
}

const char *kconfig_source(void)
{
	return text ? source : NULL;
}

size_t kconfig_count(void)
{
	return nr_options;
}

const char *kconfig_problem(void)
{
	return problem;
}

int kconfig_parse_text(const char *t, const char *name)
{
	if (!t || !count_options(t))
		return -1;
	free(text);
	text = strdup(t);
	nr_options = count_options(text);
	snprintf(source, sizeof(source), "%s", name ? name : "(text)");
	return 0;
}
