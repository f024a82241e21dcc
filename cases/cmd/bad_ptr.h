/* SPDX-License-Identifier: GPL-2.0 */
/* An address the kernel cannot read or write: one PROT_NONE page, so that
 * access_ok() passes and the copy itself faults (EFAULT). */
#ifndef BPFCONFORM_CASES_BAD_PTR_H
#define BPFCONFORM_CASES_BAD_PTR_H

#include <sys/mman.h>

#include "harness/case.h"

static inline void *bad_ptr(void)
{
	static void *page;

	if (!page) {
		page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		SETUP(page != MAP_FAILED);
	}
	return page;
}

#define BAD_PTR ((__u64)(unsigned long)bad_ptr())

#endif
