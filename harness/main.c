// SPDX-License-Identifier: GPL-2.0
/*
 * bpfconform's command line: dispatch to a sub-command.  `run` (the
 * default) is in run.c; every other command registers itself with
 * COMMAND() next to its implementation.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "command.h"
#include "oracle.h"
#include "registry.h"

extern const struct bc_command *const __start_bc_commands[] __attribute__((weak));
extern const struct bc_command *const __stop_bc_commands[] __attribute__((weak));

int usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("bpfconform: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (see bpfconform --help)\n", stderr);
	return 2;
}

int common_init(const char *config_path, const char *btf_path)
{
	struct oracle_opts o = { .config_path = config_path, .btf_path = btf_path };
	char err[256];

	if (oracle_init(&o, err, sizeof(err))) {
		fprintf(stderr, "bpfconform: %s\n", err);
		return 2;
	}
	return registry_init() ? 2 : 0;
}

static void help(void)
{
	printf("bpfconform: a conformance suite for the Linux bpf() system call\n\n"
	       "usage:\n");
	for (const struct bc_command *const *c = __start_bc_commands; c < __stop_bc_commands; c++)
		printf("  bpfconform %s\n      %s\n", (*c)->usage, (*c)->summary);
	printf("\nWith no command, `run` is meant.  See README.md for outcomes and files.\n");
}

static const struct bc_command *find(const char *name)
{
	for (const struct bc_command *const *c = __start_bc_commands; c < __stop_bc_commands; c++)
		if (!strcmp((*c)->name, name))
			return *c;
	return NULL;
}

int main(int argc, char **argv)
{
	const struct bc_command *cmd;

	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
			 !strcmp(argv[1], "help"))) {
		help();
		return 0;
	}
	if (argc > 1 && argv[1][0] != '-') {
		cmd = find(argv[1]);
		if (!cmd)
			return usage_error("unknown command '%s'", argv[1]);
		return cmd->main(argc - 1, argv + 1);
	}
	/* No command, or only options: run. */
	cmd = find("run");
	return cmd->main(argc, argv);
}
