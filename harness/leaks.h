/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The end-of-run leak check: the live prog/map/link/btf IDs after the run
 * must be the ones that were live before it.  Freeing is deferred in the
 * kernel, so the check waits (boundedly) for stragglers to go.
 */
#ifndef BPFCONFORM_LEAKS_H
#define BPFCONFORM_LEAKS_H

#include <stddef.h>

/* Remember what is alive now. */
void leaks_snapshot(void);
/* Compare with the snapshot; returns the number of leaked objects and
 * describes them in 'buf' ("map 41, map 42"). */
long leaks_check(char *buf, size_t len, unsigned wait_ms);

#endif
