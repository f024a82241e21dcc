/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel oracle: what the running kernel declares and has compiled in.
 * It is what makes a SKIP honest.  Sources, in order of trust:
 *   1. the kernel's own BTF (/sys/kernel/btf/vmlinux): its enums say which
 *      commands, program/map/attach/link types and helpers it knows, and
 *      its functions and types are attach targets;
 *   2. its config (/proc/config.gz, /boot/config-$(uname -r), or a path);
 *   3. explicit probes (the ISA level), reported with what they saw.
 * The oracle reports; only the harness turns a "lack" into a SKIP.
 */
#ifndef BPFCONFORM_ORACLE_H
#define BPFCONFORM_ORACLE_H

#include <stddef.h>
#include <stdio.h>

#include "need.h"

struct oracle_opts {
	const char *btf_path;		/* NULL: /sys/kernel/btf/vmlinux */
	const char *config_path;	/* NULL: /proc/config.gz, then /boot */
};

/* Reads what it can.  Missing sources are recorded, not fatal; a source
 * that exists but is corrupt (or a path the user gave that cannot be
 * read) is: -1 with a one-line reason in 'err'. */
int oracle_init(const struct oracle_opts *opts, char *err, size_t errlen);

enum oracle_answer {
	ORACLE_HAVE = 1,
	ORACLE_LACK = 0,	/* proven: 'why' holds the proof */
	ORACLE_UNKNOWN = -1,	/* cannot tell: 'why' says why (an unproven skip) */
	ORACLE_BROKEN = -2,	/* our uapi value disagrees with the kernel's */
};

/* Decide one need.  For LACK, 'why' is the proof, e.g.
 * "kernel has no BPF_MAP_TYPE_ARENA" or "CONFIG_BPF_LIRC_MODE2 is not set". */
enum oracle_answer oracle_decide(const struct need *n, char *why, size_t len);

/* Facts for cases and reports. */
int oracle_have_btf(void);
int oracle_have_config(void);
/* Value of 'member' in the kernel's enum 'enum_name': 0, or -ENOENT. */
int oracle_enum_value(const char *enum_name, const char *member, long long *val);
/* Walk an enum's members, stopping at the __MAX_* sentinel (members after
 * it are flags, like 7.2's BPF_COMMON_ATTRS); returns the count. */
int oracle_enum_walk(const char *enum_name,
		     void (*cb)(const char *member, long long val, void *ctx),
		     void *ctx);
/* vmlinux BTF id of a named type of BTF kind 'kind' (BTF_KIND_*), or
 * -ENOENT; kind 0 matches any kind. */
int oracle_btf_id(const char *name, int kind);
/* The kernel's BTF as the oracle read it (--btf, or /sys/kernel/btf/vmlinux),
 * for cases that walk types (struct members, sizes); NULL without BTF.
 * Read once, before the cases fork: a case never parses it again. */
struct btf;
const struct btf *oracle_vmlinux_btf(void);
/* 'y', 'm', 0 for "is not set", -1 when the config is unknown. */
int oracle_config(const char *option);
/* Highest ISA version (1..4) the verifier accepts, from a probe; 0 if the
 * probe could not run (e.g. no privilege). */
int oracle_isa(void);
/* The instruction groups (enum isa_group in insn/insn.h) the probe proved
 * the verifier does not know; 0 when it could not probe. */
unsigned oracle_isa_lacking(void);
/* What the probe saw for one group ("JMP32: accepted", "MOVSX: EINVAL ..."). */
const char *oracle_isa_group_proof(unsigned group);
/* What the ISA probe saw, as proof for a skip ("MOVSX rejected: ..."). */
const char *oracle_isa_proof(void);
/* Kernel release (uname -r). */
const char *oracle_release(void);

/* `bpfconform probe`: everything the oracle knows, readable or as JSON. */
void oracle_print(FILE *out);
void oracle_print_json(FILE *out);

#endif
