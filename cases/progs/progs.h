/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the program-type cases share: names of attach types (for messages
 * and for the loops over every attach type the kernel declares), attach
 * targets found in the running kernel's BTF, and the target program an
 * EXT (freplace) program replaces a function of.
 *
 * Nothing here turns an errno into a skip.  Where a target must exist, the
 * case names it in its NEEDS (BTF_FUNC, BTF_TYPE) and the harness decides;
 * a target missing despite that is an ERROR (SETUP).
 */
#ifndef BPFCONFORM_CASES_PROGS_H
#define BPFCONFORM_CASES_PROGS_H

#include "harness/case.h"
#include "harness/objects.h"

/* "BPF_CGROUP_INET_INGRESS" for 0, from our uapi copy; NULL past its end. */
const char *attach_type_name(__u32 attach);
/* 1 if the running kernel's enum bpf_attach_type declares 'attach' under
 * the name and value our uapi copy gives it. */
int kernel_has_attach_type(__u32 attach);

/* The vmlinux BTF id of function/typedef/struct 'name' (BTF_KIND_*).  The
 * case's NEEDS must name the target; a miss is an ERROR. */
__u32 target_btf_id(const char *name, int kind);

/*
 * The program an EXT program is loaded against: a SCHED_CLS program whose
 * main function calls a global function "ext_target_fn" (int, returns its
 * argument + 1), loaded with BTF and func_info so that it can be replaced.
 * Returns its fd (SETUP on failure); *fn_btf_id gets the BTF id of
 * ext_target_fn in the program's BTF, the attach_btf_id of an EXT load.
 */
int ext_target_load(__u32 *fn_btf_id);
/* BTF and func_info for a one-function EXT program "ext_target_fn" of the
 * same prototype; fills the BTF fd and the func_info record. */
int ext_prog_btf(struct bpf_func_info *fi);

#endif
