/* SPDX-License-Identifier: GPL-2.0 */
/* Helper names for the disassembler ("bpf_map_lookup_elem" for 1). */
#ifndef BPFCONFORM_INSN_HELPER_NAMES_H
#define BPFCONFORM_INSN_HELPER_NAMES_H

/* The kernel's name of helper 'id' with its "bpf_" prefix, or NULL when
 * our uapi copy has no helper of that number. */
const char *insn_helper_name(int id);

#endif
