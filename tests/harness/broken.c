// SPDX-License-Identifier: GPL-2.0
/*
 * Cases that are broken on purpose.  tests/harness/run.sh runs them and
 * checks that the harness reports each one as it must: a crash and a hang
 * are FAILs with the signal or "timeout" as reason, a case that asserts
 * nothing or whose set-up breaks is an ERROR, a missing kernel feature is a
 * SKIP with its proof, and a disagreement between our uapi copy and the
 * kernel is an ERROR.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness/case.h"
#include "harness/objects.h"

CASE("selftest.pass.one_assert", NEEDS(UNPRIV))
{
	ASSERT_EQ(1, 1);
}

CASE("selftest.crash.segfault", NEEDS(UNPRIV))
{
	volatile int *p = NULL;

	ASSERT_EQ(1, 1);
	*p = 1;
}

CASE("selftest.crash.abort", NEEDS(UNPRIV))
{
	ASSERT_EQ(1, 1);
	abort();
}

CASE("selftest.hang.timeout", NEEDS(UNPRIV), .timeout = 1)
{
	ASSERT_EQ(1, 1);
	for (;;)
		pause();
}

/* A grandchild left behind must not keep the run waiting. */
CASE("selftest.hang.grandchild_reaped", NEEDS(UNPRIV))
{
	if (fork() == 0)
		for (;;)
			pause();
	ASSERT_EQ(1, 1);
}

CASE("selftest.asserts.nothing", NEEDS(UNPRIV))
{
}

CASE("selftest.setup.broken", NEEDS(UNPRIV))
{
	SETUP(access("/nonexistent/bpfconform", F_OK) == 0);
	ASSERT_EQ(1, 1);
}

CASE("selftest.expect.goes_on", NEEDS(UNPRIV))
{
	EXPECT_EQ(1, 2);
	EXPECT_EQ(3, 4);
	case_log("reached the end");
	ASSERT_EQ(5, 5);
}

CASE("selftest.assert.errno_by_name", NEEDS(UNPRIV))
{
	ASSERT_ERRNO(EINVAL, -ENOENT);
}

CASE("selftest.skip.kernel_lacks_map_type",
     NEEDS({ NEED_MAP, "BPF_MAP_TYPE_BPFCONFORM_NONE", 9999 }, UNPRIV))
{
	ASSERT_EQ(1, 1);
}

CASE("selftest.skip.config_not_set", NEEDS(CONFIG(BPFCONFORM_NO_SUCH_OPTION), UNPRIV))
{
	ASSERT_EQ(1, 1);
}

CASE("selftest.error.uapi_value_mismatch",
     NEEDS({ NEED_MAP, "BPF_MAP_TYPE_ARRAY", 9999 }, UNPRIV))
{
	ASSERT_EQ(1, 1);
}

CASE("selftest.prog.unknown_label", NEEDS(PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_FD(prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_JMP_A("nowhere"),
			BPF_EXIT_INSN(),
		),
	}));
}

/* A load the verifier refuses: the failure prints program and log. */
CASE("selftest.prog.rejected_prints_log", NEEDS(PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_FD(prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_MOV64_REG(BPF_REG_0, BPF_REG_5),	/* r5 is not initialised */
			BPF_EXIT_INSN(),
		),
	}));
}
