// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed seeds of the differential runs (`bpfconform fuzz`, harness/fuzz.c)
 * as regular cases: each runs the first ISA_FUZZ_COUNT random programs of
 * its seed in the kernel and in the reference interpreter and expects them
 * to agree on memory, every register and the stack.  A failure prints the
 * program, both results and a minimized program, and how to reproduce it.
 * The base seeds use JMP32 and only the atomic ADD (5.10 runs them); the
 * v3 seeds add the fetching atomics (5.12); the v4 seeds add SDIV/SMOD,
 * MOVSX, MEMSX, BSWAP and JA32 (6.6): each needs those groups.
 */
#include "harness/fuzz.h"
#include "isa.h"

#define ISA_FUZZ_COUNT 500

struct fuzz_seed {
	unsigned long long seed;
	int v4;
	int add_only;	/* atomics: ADD only (kernels before 5.12) */
};

static void note_line(const char *line, void *ctx)
{
	(void)ctx;
	case_note("%s", line);
}

static void fuzz_case(const void *arg)
{
	const struct fuzz_seed *s = arg;
	struct gen_opts opts = { .v4 = s->v4, .add_only = s->add_only };
	unsigned long bad = 0;
	struct fuzz_ctx c;

	SETUP_RET(fuzz_open(&c));
	c.add_only = s->add_only;
	for (unsigned long long i = 0; i < ISA_FUZZ_COUNT; i++) {
		struct gen_prog p;
		struct fuzz_outcome o;

		gen_program(s->seed, i, &opts, &p);
		if (fuzz_check(&c, &p, &o) == FUZZ_SAME)
			continue;
		if (!bad++)
			fuzz_report(&c, s->seed, i, s->v4, &p, &o, note_line, NULL);
	}
	fuzz_close(&c);
	ASSERT_EQ(0, bad);
}

/* The instruction groups the generator uses (insn/insn.h): without v4,
 * the JMP_EXT and v3 ones; with v4, all. */
#define FUZZ_NEEDS_COMMON                                                    \
	PROG_TYPE(SOCKET_FILTER), MAP(ARRAY), CMD(PROG_LOAD), CMD(PROG_TEST_RUN), \
	CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM),                          \
	ISA_GROUP(JMP_EXT), ISA_GROUP(JMP32), ISA_GROUP(ATOMIC_FETCH)
#define FUZZ_NEEDS_3 NEEDS(FUZZ_NEEDS_COMMON)
/* "base": JMP32 and atomic ADD only, so 5.10 and 5.11 run it too. */
#define FUZZ_NEEDS_base                                                      \
	NEEDS(PROG_TYPE(SOCKET_FILTER), MAP(ARRAY), CMD(PROG_LOAD), CMD(PROG_TEST_RUN), \
	      CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM), ISA_GROUP(JMP_EXT), ISA_GROUP(JMP32))
#define FUZZ_NEEDS_4                                                         \
	NEEDS(FUZZ_NEEDS_COMMON, ISA_GROUP(MOVSX), ISA_GROUP(MEMSX),          \
	      ISA_GROUP(SDIV), ISA_GROUP(BSWAP), ISA_GROUP(JA32))

#define FUZZ_CASE(KIND, SEED, V4, ADD_ONLY)                                   \
	static const struct fuzz_seed fuzz_##KIND##_##SEED = { SEED, V4, ADD_ONLY }; \
	CASE("isa.fuzz." #KIND ".seed_" #SEED, FUZZ_NEEDS_##KIND,            \
	     .arg = &fuzz_##KIND##_##SEED)                                   \
	{                                                                    \
		fuzz_case(arg);                                              \
	}
#define FUZZ_NEEDS_v3 FUZZ_NEEDS_3
#define FUZZ_NEEDS_v4 FUZZ_NEEDS_4

FUZZ_CASE(base, 1, 0, 1)
FUZZ_CASE(base, 2, 0, 1)
FUZZ_CASE(v3, 1, 0, 0)
FUZZ_CASE(v3, 2, 0, 0)
FUZZ_CASE(v3, 3, 0, 0)
FUZZ_CASE(v3, 4, 0, 0)
FUZZ_CASE(v4, 1, 1, 0)
FUZZ_CASE(v4, 2, 1, 0)
FUZZ_CASE(v4, 3, 1, 0)
FUZZ_CASE(v4, 4, 1, 0)
