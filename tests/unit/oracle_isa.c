// SPDX-License-Identifier: GPL-2.0
/*
 * harness/oracle/isa.c: telling "the verifier does not know this
 * instruction" from any other refusal, on the verifier logs older kernels
 * write (texts from kernel/bpf/verifier.c and core.c of 5.10 and 6.1).
 * Only the first may make the probe report a level as absent; anything
 * else must count as present so the level's cases run and fail.
 */
#include <string.h>

#include "harness/case.h"
#include "harness/oracle/internal.h"

static int not_known(int ret, const char *log, char *line)
{
	return oracle_isa_not_known(ret, log, line, 160);
}

CASE("unit.oracle.isa.pre_6_6_texts_are_not_known", NEEDS(UNPRIV))
{
	char line[160];

	/* BSWAP (ALU64 | END) before 6.6: not in the opcode table */
	ASSERT_TRUE(not_known(-EINVAL, "unknown opcode d7\nprocessed 0 insns\n", line));
	ASSERT_STREQ("unknown opcode d7", line);
	/* MOVSX, SDIV, MEMSX before 6.6; FETCH atomics before 5.12 */
	ASSERT_TRUE(not_known(-EINVAL, "0: (b7) r1 = 128\nBPF_MOV uses reserved fields\n", line));
	ASSERT_STREQ("BPF_MOV uses reserved fields", line);
	ASSERT_TRUE(not_known(-EINVAL, "BPF_ALU uses reserved fields\n", line));
	ASSERT_TRUE(not_known(-EINVAL, "BPF_LDX uses reserved fields\n", line));
	ASSERT_TRUE(not_known(-EINVAL, "BPF_STX uses reserved fields\n", line));
}

CASE("unit.oracle.isa.other_refusals_are_not_absence", NEEDS(UNPRIV))
{
	char line[160];

	/* a verifier that knows the insn but rejects the program: EACCES */
	ASSERT_FALSE(not_known(-EACCES, "0: (d7) r0 = bswap16 r0\nR0 !read_ok\n"
			       "processed 1 insns (limit 1000000)\n", line));
	/* the reason is the verifier's words, not its stats line */
	ASSERT_STREQ("R0 !read_ok", line);
	/* the right words with another errno: not "unknown" either */
	ASSERT_FALSE(not_known(-EPERM, "unknown opcode d7\n", line));
	/* EINVAL for another reason */
	ASSERT_FALSE(not_known(-EINVAL, "invalid size of register fill\n", line));
	ASSERT_FALSE(not_known(-EINVAL, "", line));
	ASSERT_STREQ("", line);
}
