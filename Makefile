# bpfconform: `make` builds ./bpfconform; `make run` runs it on this kernel;
# `make check` runs the project's own tests.  See README.md.

CC       ?= gcc
CFLAGS   ?= -O2 -g
CFLAGS   += -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Werror -I. -MMD -MP
LDFLAGS  += -static
BUILD    := build

CORE_SRCS := $(wildcard harness/*.c harness/*/*.c insn/*.c)
CASE_SRCS := $(wildcard cases/*/*.c)
UNIT_SRCS := $(wildcard tests/unit/*.c)
SELF_SRCS := $(wildcard tests/harness/*.c)

obj = $(patsubst %.c,$(BUILD)/%.o,$(1))

.PHONY: all run check unit selftest matrixtest coverage suite clean deps
all: bpfconform

include vmtest/vmtest.mk
include mk/install.mk

bpfconform: $(call obj,$(CORE_SRCS) $(CASE_SRCS))
	$(CC) $(LDFLAGS) -o $@ $^

# Unit tests of insn/ and harness/ pieces: cases of their own, run by the
# same harness (they need no kernel).
$(BUILD)/unit: $(call obj,$(CORE_SRCS) $(UNIT_SRCS))
	$(CC) $(LDFLAGS) -o $@ $^

# Deliberately broken cases (a crash, a hang, one that asserts nothing):
# the harness's own tests check it reports them as FAIL, FAIL, ERROR.
$(BUILD)/selftest: $(call obj,$(CORE_SRCS) $(SELF_SRCS))
	$(CC) $(LDFLAGS) -o $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@

run: bpfconform
	./bpfconform run

unit: $(BUILD)/unit
	$(BUILD)/unit run

selftest: $(BUILD)/selftest bpfconform
	tests/harness/run.sh $(BUILD)/selftest ./bpfconform

# matrix, diff, expect and junit on results files made by the test.
matrixtest: bpfconform
	tests/matrix/run.sh ./bpfconform

# The suite on this kernel, held to ci/expect/ (see ci/host.sh).
suite: bpfconform
	ci/host.sh $(BUILD)/host

# Every command, program, map, attach and link type this kernel declares
# is exercised by some case.
coverage: bpfconform
	./bpfconform coverage --fail-uncovered

# vmtest-check boots one Debian kernel (an injected panic and hang among
# its tests); vmtest-smoke runs the whole suite on it.
check: deps unit selftest matrixtest coverage suite vmtest-check vmtest-smoke

# What the checks need on a fresh Debian machine.
deps:
	@tools/install-deps.sh

clean:
	rm -rf $(BUILD) bpfconform

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# Benchmarks: bench/results.md (RUNS=5 by default; KERNELS= for host only).
.PHONY: bench
bench:
	bench/run
