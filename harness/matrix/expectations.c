// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "expectations.h"

int expectations_path(const char *dir, const struct kresult *k, char *path, size_t len)
{
	if (!strcmp(k->label, "host")) {
		snprintf(path, len, "%s/host-%s.txt", dir, k->release);
		if (!access(path, R_OK))
			return 1;
	}
	snprintf(path, len, "%s/%s.txt", dir, k->label);
	return !access(path, R_OK);
}

int expectations_load(const char *path, struct expectations *out)
{
	FILE *f = fopen(path, "r");
	char buf[1024];
	int line = 0;

	out->v = NULL;
	out->n = 0;
	if (!f) {
		fprintf(stderr, "bpfconform: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (fgets(buf, sizeof(buf), f)) {
		char *p = buf, *name, *reason;

		line++;
		buf[strcspn(buf, "\n")] = 0;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		name = p;
		p += strcspn(p, " \t");
		if (*p)
			*p++ = 0;
		while (*p == ' ' || *p == '\t')
			p++;
		reason = p;
		if (!*reason) {
			fprintf(stderr, "bpfconform: %s:%d: '%s' has no reason (a kernel commit or bug link)\n",
				path, line, name);
			fclose(f);
			expectations_free(out);
			return -1;
		}
		out->v = realloc(out->v, (out->n + 1) * sizeof(*out->v));
		out->v[out->n++] = (struct expectation){ strdup(name), strdup(reason), line, 0, 0 };
	}
	fclose(f);
	return 0;
}

void expectations_free(struct expectations *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->v[i].glob);
		free(e->v[i].reason);
	}
	free(e->v);
	e->v = NULL;
	e->n = 0;
}

const struct expectation *expectations_match(const struct expectations *e, const char *name)
{
	for (size_t i = 0; e && i < e->n; i++)
		if (!fnmatch(e->v[i].glob, name, 0))
			return &e->v[i];
	return NULL;
}
