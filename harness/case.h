/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The case-facing API: how a case is declared, what it needs, and how it
 * asserts.  Modelled on the kernel's kselftest_harness.h.
 *
 *	CASE("map.array.update.noexist_flag_eexist", NEEDS(MAP(ARRAY)))
 *	{
 *		int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1);
 *		ASSERT_FD(fd);
 *		ASSERT_ERRNO(EEXIST, map_update(fd, &key, &val, BPF_NOEXIST));
 *	}
 *
 * Every case runs in a forked child in its own process group.  ASSERT_*
 * ends the case on failure; EXPECT_* records the failure and goes on.  A
 * case that asserts nothing is an ERROR.  SETUP() guards work the case
 * needs but does not test (a socket, a file): its failure is an ERROR, not
 * a FAIL.  Needs are data: the harness decides SKIP from them, with proof,
 * before the case runs.  Nothing inside a case turns an errno into a skip.
 */
#ifndef BPFCONFORM_CASE_H
#define BPFCONFORM_CASE_H

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "../uapi/bpf.h"
#include "need.h"

/* Kernel-internal errno values that bpf() returns to user space. */
#ifndef ENOTSUPP
#define ENOTSUPP 524
#endif

struct bc_case {
	const char *name;		/* area.subject.behaviour, unique */
	void (*fn)(const void *arg);
	const void *arg;		/* for cases made from a table */
	const struct need *needs;	/* terminated by a zero entry */
	const char *file;
	int line;
	unsigned timeout;		/* seconds; 0: the run's default */
};

/* Cases declared with CASE() live in this section; see registry.c. */
#define BC_SECTION "bc_cases"

#define BC_CAT_(a, b) a##b
#define BC_CAT(a, b) BC_CAT_(a, b)

#define CASE(NAME, ...) BC_CASE_(__COUNTER__, NAME, __VA_ARGS__)
#define BC_CASE_(N, NAME, ...)                                               \
	static void BC_CAT(bc_fn_, N)(const void *arg);                      \
	static const struct bc_case BC_CAT(bc_case_, N) = {                  \
		.name = NAME, .fn = BC_CAT(bc_fn_, N),                       \
		.file = __FILE__, .line = __LINE__, __VA_ARGS__ };           \
	static const struct bc_case *const BC_CAT(bc_ptr_, N)                \
		__attribute__((used, section(BC_SECTION))) =                 \
		&BC_CAT(bc_case_, N);                                        \
	static void BC_CAT(bc_fn_, N)(const void *arg __attribute__((unused)))

/*
 * Cases made from a table: a generator registered with CASE_GENERATOR()
 * runs once at start-up and calls case_add() for each row.  The name and
 * needs it passes must outlive the run (static data, or case_strdup()).
 */
struct bc_generator {
	void (*fn)(void);
};
#define CASE_GENERATOR(FN) BC_GEN_(__COUNTER__, FN)
#define BC_GEN_(N, FN)                                                       \
	static const struct bc_generator BC_CAT(bc_gen_, N) = { FN };        \
	static const struct bc_generator *const BC_CAT(bc_genp_, N)          \
		__attribute__((used, section("bc_generators"))) =            \
		&BC_CAT(bc_gen_, N);

void case_add(const struct bc_case *c);
char *case_strdup(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- inside a running case ---------------------------------------- */

/* A diagnostic line, printed behind '#' with the case's result. */
void case_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A diagnostic printed only if the case fails. */
void case_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Count one assertion that held (the harness reports ERROR for none). */
void case_passed_check(void);
/* Record a failure; end the case unless 'go_on'. */
void case_failed(int go_on, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The case's setup is broken: ERROR, end the case. */
void case_error(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), noreturn));
/* The name of the running case (for pin paths, names of objects). */
const char *case_name(void);

/* errno value -> "EINVAL"; unknown values as "E123". */
const char *errno_name(int err);

#define BC_CHECK_(GO_ON, COND, ...)                                          \
	do {                                                                 \
		if (COND)                                                    \
			case_passed_check();                                 \
		else                                                         \
			case_failed(GO_ON, __FILE__, __LINE__, __VA_ARGS__); \
	} while (0)

#define BC_CMP_(GO_ON, OP, EXP, SEEN)                                        \
	do {                                                                 \
		long long bc_e_ = (long long)(EXP);                          \
		long long bc_s_ = (long long)(SEEN);                         \
		BC_CHECK_(GO_ON, bc_e_ OP bc_s_,                             \
			  "expected %s (%lld) " #OP " %s (%lld)", #EXP,      \
			  bc_e_, #SEEN, bc_s_);                              \
	} while (0)

#define ASSERT_EQ(exp, seen) BC_CMP_(0, ==, exp, seen)
#define ASSERT_NE(exp, seen) BC_CMP_(0, !=, exp, seen)
#define ASSERT_LT(exp, seen) BC_CMP_(0, <, exp, seen)
#define ASSERT_LE(exp, seen) BC_CMP_(0, <=, exp, seen)
#define ASSERT_GT(exp, seen) BC_CMP_(0, >, exp, seen)
#define ASSERT_GE(exp, seen) BC_CMP_(0, >=, exp, seen)
#define EXPECT_EQ(exp, seen) BC_CMP_(1, ==, exp, seen)
#define EXPECT_NE(exp, seen) BC_CMP_(1, !=, exp, seen)
#define EXPECT_GE(exp, seen) BC_CMP_(1, >=, exp, seen)
#define EXPECT_LE(exp, seen) BC_CMP_(1, <=, exp, seen)

/* Unsigned 64-bit comparison, printed in hex (register values). */
#define BC_CMPU_(GO_ON, EXP, SEEN)                                           \
	do {                                                                 \
		uint64_t bc_e_ = (uint64_t)(EXP);                            \
		uint64_t bc_s_ = (uint64_t)(SEEN);                           \
		BC_CHECK_(GO_ON, bc_e_ == bc_s_,                             \
			  "expected %s (%#llx) == %s (%#llx)", #EXP,         \
			  (unsigned long long)bc_e_, #SEEN,                  \
			  (unsigned long long)bc_s_);                        \
	} while (0)
#define ASSERT_EQ_U64(exp, seen) BC_CMPU_(0, exp, seen)
#define EXPECT_EQ_U64(exp, seen) BC_CMPU_(1, exp, seen)

#define ASSERT_TRUE(cond) BC_CHECK_(0, (cond), "expected %s", #cond)
#define EXPECT_TRUE(cond) BC_CHECK_(1, (cond), "expected %s", #cond)
#define ASSERT_FALSE(cond) BC_CHECK_(0, !(cond), "expected !(%s)", #cond)

#define ASSERT_STREQ(exp, seen)                                              \
	do {                                                                 \
		const char *bc_e_ = (exp), *bc_s_ = (seen);                  \
		BC_CHECK_(0, bc_s_ && !strcmp(bc_e_, bc_s_),                 \
			  "expected %s (\"%s\") == %s (\"%s\")", #exp, bc_e_, \
			  #seen, bc_s_ ? bc_s_ : "(null)");                  \
	} while (0)

#define ASSERT_MEMEQ(exp, seen, len)                                         \
	BC_CHECK_(0, !memcmp((exp), (seen), (len)),                          \
		  "expected %s == %s over %zu bytes", #exp, #seen,           \
		  (size_t)(len))

/*
 * Return-value conventions: our wrappers return an fd or 0 on success and
 * -errno on failure.  The errno is the contract: compared by name.
 */
void bc_check_ret(int go_on, const char *file, int line, const char *expr,
		  long long ret, int want_err);
/* ret must be >= 0 (an fd or 0). */
#define ASSERT_FD(ret) bc_check_ret(0, __FILE__, __LINE__, #ret, (ret), 0)
#define ASSERT_OK(ret) bc_check_ret(0, __FILE__, __LINE__, #ret, (ret), 0)
#define EXPECT_OK(ret) bc_check_ret(1, __FILE__, __LINE__, #ret, (ret), 0)
/* ret must be -ERR exactly. */
#define ASSERT_ERRNO(ERR, ret)                                               \
	bc_check_ret(0, __FILE__, __LINE__, #ret, (ret), (ERR))
#define EXPECT_ERRNO(ERR, ret)                                               \
	bc_check_ret(1, __FILE__, __LINE__, #ret, (ret), (ERR))

/* Work the case needs but does not test: failure is ERROR. */
#define SETUP(cond)                                                          \
	do {                                                                 \
		if (!(cond))                                                 \
			case_error(__FILE__, __LINE__,                       \
				   "setup: %s failed: %s", #cond,            \
				   errno_name(errno));                       \
	} while (0)
/* Same, for a call returning >= 0 or -errno. */
#define SETUP_RET(ret)                                                       \
	({                                                                   \
		long long bc_r_ = (ret);                                     \
		if (bc_r_ < 0)                                               \
			case_error(__FILE__, __LINE__, "setup: %s: %s",      \
				   #ret, errno_name((int)-bc_r_));           \
		bc_r_;                                                       \
	})

#endif
