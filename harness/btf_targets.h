/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Attach targets and struct layout in the running kernel's BTF, for cases
 * that load programs against kernel types: the member index a struct_ops
 * program carries in expected_attach_type, and whether a struct or union
 * has a member at all (e.g. union bpf_attr's log_true_size, 6.4), which is
 * the oracle fact a case picks its expectation from where kernels differ.
 *
 * Type ids of functions and typedefs (fentry, tp_btf, lsm, iter targets)
 * come from oracle_btf_id(); this file adds what needs a walk over members.
 * The BTF read is /sys/kernel/btf/vmlinux: the ids a program is loaded
 * with must be the running kernel's.
 */
#ifndef BPFCONFORM_BTF_TARGETS_H
#define BPFCONFORM_BTF_TARGETS_H

/* Index of 'member' among the members of struct 'struct_name' (0-based),
 * or -ENOENT if the struct or the member is not there. */
int btf_member_index(const char *struct_name, const char *member);

/* 1 if struct or union 'name' has 'member', looking into anonymous
 * struct/union members as C does; 0 if not; -ENOENT if there is no such
 * type; another -errno if the BTF cannot be read. */
int btf_has_member(const char *name, const char *member);

#endif
