/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sub-commands of the bpfconform binary (run, list, probe, coverage, ...),
 * each registered where it is implemented:
 *
 *	COMMAND("probe", probe_main, "probe [--json]", "what the oracle sees");
 *
 * main() dispatches on argv[1]; a command's main gets argv from its name.
 * A command prints one line on stderr and returns 2 for bad usage.
 */
#ifndef BPFCONFORM_COMMAND_H
#define BPFCONFORM_COMMAND_H

struct bc_command {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *usage;
	const char *summary;
};

#define BC_CMD_CAT_(a, b) a##b
#define BC_CMD_CAT(a, b) BC_CMD_CAT_(a, b)
#define COMMAND(NAME, FN, USAGE, SUMMARY)                                    \
	static const struct bc_command BC_CMD_CAT(bc_command_, __LINE__) = { \
		NAME, FN, USAGE, SUMMARY };                                  \
	static const struct bc_command *const BC_CMD_CAT(bc_commandp_, __LINE__) \
		__attribute__((used, section("bc_commands"))) =              \
		&BC_CMD_CAT(bc_command_, __LINE__)

/* "bpfconform: <msg>" on stderr; returns 2 (for `return usage_error(...)`). */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The set-up every command that looks at the kernel shares: the oracle
 * (with --config/--btf paths, NULL for defaults) and the case registry.
 * Returns 0, or 2 after printing why. */
int common_init(const char *config_path, const char *btf_path);

#endif
