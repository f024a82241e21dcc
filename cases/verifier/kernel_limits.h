/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Verifier limits the running kernel declares in its own BTF: the length
 * of an array member is a compile-time constant of the kernel, e.g.
 * struct bpf_verifier_state's frame[MAX_CALL_FRAMES].
 */
#ifndef BPFCONFORM_CASES_KERNEL_LIMITS_H
#define BPFCONFORM_CASES_KERNEL_LIMITS_H

/* Number of elements of array member 'member' of struct 'name' in
 * vmlinux BTF; 0 and *why if the kernel does not declare it. */
unsigned kernel_array_len(const char *name, const char *member, const char **why);

#endif
