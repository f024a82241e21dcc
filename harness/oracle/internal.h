/* SPDX-License-Identifier: GPL-2.0 */
/* What the oracle's own files share with each other (not for cases). */
#ifndef BPFCONFORM_ORACLE_INTERNAL_H
#define BPFCONFORM_ORACLE_INTERNAL_H

#include <stddef.h>

#include "btf.h"

/* The kernel's BTF as loaded by oracle_init(), or NULL. */
const struct btf *oracle_vmlinux(void);
const char *oracle_btf_source(void);
const char *oracle_btf_problem(void);	/* why there is none */

/* Whether this process has capability 'cap' in its effective set. */
int oracle_has_cap(int cap);
#define ORACLE_CAP_SYS_ADMIN 21
#define ORACLE_CAP_PERFMON 38
#define ORACLE_CAP_BPF 39

/* Put the ISA probe's cache in memory shared with the children forked
 * later, so a probe run by one case's child is not repeated by the next
 * (and the parent sees it).  Called by oracle_init(). */
void oracle_isa_share(void);

/* Whether a probe load that returned 'ret' with verifier log 'log' was
 * refused in the verifier's words for "I do not know this instruction"
 * (EINVAL and one of the texts in isa.c).  'line' gets the log line that
 * says why. */
int oracle_isa_not_known(int ret, const char *log, char *line, size_t len);

/* The enum names this build's uapi copy declares (known.c). */
struct known_member {
	const char *name;
	long long value;
};
/* Members of our enum 'enum_name' (e.g. "bpf_map_type") up to its "__"
 * sentinel (flags declared after it, like BPF_COMMON_ATTRS, are not
 * values); NULL for an enum we do not list.  *n gets the count. */
const struct known_member *known_enum(const char *enum_name, size_t *n);
/* Whether 'name' is a member of our copy of 'enum_name'. */
int known_has(const char *enum_name, const char *name);

/* The enums the oracle reports and the coverage counts, in report order. */
extern const char *const oracle_enums[];
#define ORACLE_NR_ENUMS 6

/* Sentinel members that are not values (__MAX_BPF_CMD, __BPF_FUNC_MAX_ID). */
int oracle_is_sentinel(const char *member);

#endif
