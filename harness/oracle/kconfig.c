// SPDX-License-Identifier: GPL-2.0
/* Bootstrap version: plain-text configs only; gzip comes with inflate.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"

static char *text;
static char source[256];
static char problem[256] = "no kernel config found";

static int load_plain(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	size_t cap = 1 << 18, len = 0, n;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	text = malloc(cap + 1);
	while ((n = fread(text + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap)
			text = realloc(text, (cap *= 2) + 1);
	}
	fclose(f);
	text[len] = 0;
	snprintf(source, sizeof(source), "%s", path);
	return 0;
}

int kconfig_init(const char *path, const char *release, char *err, size_t errlen)
{
	char boot[300];

	if (path)
		return load_plain(path, err, errlen);
	snprintf(boot, sizeof(boot), "/boot/config-%s", release);
	if (!load_plain(boot, problem, sizeof(problem)))
		return 0;
	return 0;
}

int kconfig_get(const char *option)
{
	size_t n = strlen(option);

	if (!text)
		return -1;
	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p) {
		if (!strncmp(p, option, n) && p[n] == '=')
			return p[n + 1];
	}
	return 0;
}

const char *kconfig_source(void)
{
	return text ? source : NULL;
}

const char *kconfig_problem(void)
{
	return problem;
}
