/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The running kernel's layout of union bpf_attr, read from its own BTF.
 *
 * Each command uses one member of union bpf_attr (an anonymous struct, or a
 * named one such as 'test' or 'link_create'), and the kernel refuses any
 * non-zero byte past the command's last field (CHECK_ATTR in
 * kernel/bpf/syscall.c).  Which field is last grows with the kernel, so the
 * honest way to name "the first byte past this command's fields" on the
 * kernel under test is to ask that kernel's BTF: the end of the last member
 * of the struct that holds the command's fields.  Anything from there on is
 * past every field the command can have on that kernel.
 */
#ifndef BPFCONFORM_CASES_ATTR_LAYOUT_H
#define BPFCONFORM_CASES_ATTR_LAYOUT_H

/* sizeof(union bpf_attr) on the running kernel; 0 and *why if unknown. */
unsigned attr_kernel_size(const char **why);

/*
 * The byte offset just past the last member of the union bpf_attr member
 * that holds 'field': 'field' is either the name of a union member
 * ("test", "batch") or a field of an anonymous struct member, looked up
 * through nested anonymous unions ("map_fd", "start_id").  0 and *why if
 * the kernel's BTF does not have it.
 */
unsigned attr_struct_end(const char *field, const char **why);

#endif
