/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the map cases: creation with the full attr checked back
 * through OBJ_GET_INFO_BY_FD, the per-CPU value layout, and the BTF that
 * BTF-only map types (local storages, spin locks) require.
 */
#ifndef BPFCONFORM_CASES_MAPS_H
#define BPFCONFORM_CASES_MAPS_H

#include "harness/case.h"
#include "harness/objects.h"

/*
 * BPF_MAP_CREATE from 'attr' with map_name 'name'; asserts success, then
 * asserts that map_info() reports the type, key/value size, max_entries,
 * flags and name that were asked for.  Returns the fd.
 */
int map_create_checked(union bpf_attr *attr, const char *name);
/* The same, for a type whose map_flags the kernel amends: 'flags' is what
 * info must report. */
int map_create_checked_flags(union bpf_attr *attr, const char *name, __u32 flags);

/* BPF_MAP_CREATE from 'attr' as is: fd or -errno. */
int map_create_attr(union bpf_attr *attr);

/* Number of possible CPUs, from /sys/devices/system/cpu/possible (the
 * kernel sizes per-CPU values by it: num_possible_cpus()). ERROR if
 * unreadable. */
int possible_cpus(void);
/* A per-CPU value slot: value_size rounded up to 8 bytes. */
static inline __u32 percpu_slot(__u32 value_size) { return (value_size + 7) & ~7U; }

/*
 * BTF for a map whose key is a 4-byte int and whose value is a struct of
 * 'value_size' bytes (a multiple of 4) made of u32 members, with a
 * struct bpf_spin_lock first when 'spin_lock'.  Loads it (ERROR on
 * failure) and returns the BTF fd; *key_id and *value_id get the ids.
 */
int map_btf_int_key(__u32 value_size, int spin_lock, __u32 *key_id, __u32 *value_id);

/* A socket of 'type' (SOCK_STREAM/SOCK_DGRAM) on 127.0.0.1, bound, and for
 * TCP connected (established) to a listener on loopback, which stays open
 * for the case's life (its fd in *listener when not NULL).  ERROR on
 * failure. */
int loopback_socket(int type, int *listener);

#endif
