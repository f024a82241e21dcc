// SPDX-License-Identifier: GPL-2.0
/* `bpfconform matrix RESULTS.json... [--md FILE] [--html FILE] [--json FILE]` */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../command.h"
#include "model.h"

static int write_to(const char *path, const struct matrix *m,
		    void (*writer)(const struct matrix *, FILE *))
{
	FILE *f = strcmp(path, "-") ? fopen(path, "w") : stdout;

	if (!f) {
		fprintf(stderr, "bpfconform: cannot write %s: %s\n", path, strerror(errno));
		return 2;
	}
	writer(m, f);
	if (f != stdout && fclose(f)) {
		fprintf(stderr, "bpfconform: writing %s: %s\n", path, strerror(errno));
		return 2;
	}
	return 0;
}

static int matrix_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "md", required_argument, 0, 'm' },
		{ "html", required_argument, 0, 'h' },
		{ "json", required_argument, 0, 'j' },
		{ "expect", required_argument, 0, 'e' },
		{ 0 },
	};
	const char *md = NULL, *html = NULL, *json = NULL, *expect_dir = NULL;
	struct expectations *known = NULL;
	struct kresult *krs;
	struct matrix m;
	size_t n;
	int c, ret = 0;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'm': md = optarg; break;
		case 'h': html = optarg; break;
		case 'j': json = optarg; break;
		case 'e': expect_dir = optarg; break;
		case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
		default: return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	n = (size_t)(argc - optind);
	if (!n)
		return usage_error("matrix needs at least one results file");
	if (results_load_all(argv + optind, n, &krs))
		return 2;
	results_sort(krs, n);
	if (expect_dir) {
		known = calloc(n, sizeof(*known));
		for (size_t i = 0; i < n; i++) {
			char path[1024];

			if (expectations_path(expect_dir, &krs[i], path, sizeof(path)) &&
			    expectations_load(path, &known[i]))
				return 2;
		}
	}
	matrix_build(&m, krs, n, known);
	if (!md && !html && !json)
		md = "-";
	if (md)
		ret = write_to(md, &m, matrix_write_md);
	if (!ret && html)
		ret = write_to(html, &m, matrix_write_html);
	if (!ret && json)
		ret = write_to(json, &m, matrix_write_json);
	for (size_t i = 0; i < n; i++) {
		results_free(&krs[i]);
		if (known)
			expectations_free(&known[i]);
	}
	free(known);
	free(krs);
	return ret;
}
COMMAND("matrix", matrix_main,
	"matrix RESULTS.json... [--md FILE] [--html FILE] [--json FILE] [--expect DIR]",
	"feature-support tables across kernels (Markdown on stdout by default)");
