// SPDX-License-Identifier: GPL-2.0
/* Bootstrap version: the ISA probe is not written yet, so it reports that
 * it could not run (needs on an ISA level are then unproven skips). */
#include "../oracle.h"

int oracle_isa(void)
{
	return 0;
}

const char *oracle_isa_proof(void)
{
	return "ISA probe not implemented";
}
