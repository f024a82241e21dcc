# SPDX-License-Identifier: GPL-2.0
# vmtest: run the suite under QEMU on many kernels (see vmtest/README.md).
# Included by the top-level Makefile; also works alone:
#	make -f vmtest/vmtest.mk vmtest-tools
#
#	make vmtest KERNELS="5.10 6.1 6.12 7.2"   (the default)
#	make vmtest-deps                          install qemu and the tools
#	make vmtest-check                         vmtest's own tests, with real boots
#	                                          of one kernel (a stand-in suite,
#	                                          an injected panic and hang)
#	make vmtest-smoke                         the real suite on one kernel

VMTEST_SRC := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
VMTEST_OUT := $(VMTEST_SRC)/build
KERNELS ?= 5.10 6.1 6.12 7.2
VMTEST_CHECK_KERNEL ?= 6.12
VMTEST_FLAGS ?=
VMTEST_CC ?= cc
VMTEST_CFLAGS := -O2 -g -Wall -Wextra -Werror -std=gnu11

VMTEST_TOOLS := $(VMTEST_OUT)/mkcpio $(VMTEST_OUT)/vmtest-console \
	$(VMTEST_OUT)/init $(VMTEST_OUT)/fake-suite

.PHONY: vmtest vmtest-deps vmtest-tools vmtest-check vmtest-smoke vmtest-clean

vmtest-tools: $(VMTEST_TOOLS)

$(VMTEST_OUT)/mkcpio: $(VMTEST_SRC)/mkcpio.c
	@mkdir -p $(@D)
	$(VMTEST_CC) $(VMTEST_CFLAGS) -o $@ $<

$(VMTEST_OUT)/vmtest-console: $(VMTEST_SRC)/console.c $(VMTEST_SRC)/frame.h
	@mkdir -p $(@D)
	$(VMTEST_CC) $(VMTEST_CFLAGS) -o $@ $<

$(VMTEST_OUT)/init: $(VMTEST_SRC)/init/init.c $(VMTEST_SRC)/frame.h
	@mkdir -p $(@D)
	$(VMTEST_CC) $(VMTEST_CFLAGS) -static -o $@ $<

$(VMTEST_OUT)/fake-suite: $(VMTEST_SRC)/tests/fake-suite.c
	@mkdir -p $(@D)
	$(VMTEST_CC) $(VMTEST_CFLAGS) -static -o $@ $<

# The suite binary is the top-level Makefile's ./bpfconform.
vmtest: vmtest-tools bpfconform
	$(VMTEST_SRC)/vmtest $(VMTEST_FLAGS) $(KERNELS)

vmtest-deps:
	$(VMTEST_SRC)/vmtest --deps

vmtest-check: vmtest-tools
	$(VMTEST_SRC)/tests/run.sh --vm $(VMTEST_CHECK_KERNEL)

vmtest-smoke: vmtest-tools bpfconform
	$(VMTEST_SRC)/vmtest $(VMTEST_FLAGS) $(VMTEST_CHECK_KERNEL)

vmtest-clean:
	rm -rf $(VMTEST_OUT)
