// SPDX-License-Identifier: GPL-2.0
/*
 * Multi-probe links: BPF_LINK_TYPE_UPROBE_MULTI (6.6, CONFIG_UPROBES) on a
 * function of this very binary, for this process only, and
 * BPF_LINK_TYPE_KPROBE_MULTI (5.18, built on fprobe: CONFIG_FPROBE) on a
 * kernel function.  Both are BPF_PROG_TYPE_KPROBE programs with the
 * multi expected_attach_type.  The uprobe's offset is the function's file
 * offset, computed from the ELF program headers of /proc/self/exe.
 */
#include <elf.h>
#include <fcntl.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"

/* The probed function: not inlined, not optimised away. */
__attribute__((noinline)) void bpfconform_uprobe_target(void);
__attribute__((noinline)) void bpfconform_uprobe_target(void)
{
	__asm__ volatile("" ::: "memory");
}

static void fire(void)
{
	bpfconform_uprobe_target();
}

/* File offset of 'addr' in /proc/self/exe (a PT_LOAD segment holds it). */
static __u64 file_offset(unsigned long addr)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	__u64 off = 0;
	int found = 0;

	SETUP(fd >= 0);
	SETUP(pread(fd, &eh, sizeof(eh), 0) == sizeof(eh));
	for (int i = 0; i < eh.e_phnum && !found; i++) {
		SETUP(pread(fd, &ph, sizeof(ph), (off_t)(eh.e_phoff + (__u64)i * eh.e_phentsize)) ==
		      sizeof(ph));
		if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X) &&
		    addr >= ph.p_vaddr && addr < ph.p_vaddr + ph.p_memsz) {
			off = addr - ph.p_vaddr + ph.p_offset;
			found = 1;
		}
	}
	close(fd);
	/* A position-independent binary would need its load base; this one
	 * is linked static at fixed addresses (Makefile: -static). */
	SETUP(found);
	return off;
}

static int uprobe_multi_link(int prog, const __u64 *offsets, __u32 cnt, int pid)
{
	union bpf_attr attr = {
		.link_create = {
			.prog_fd = (__u32)prog, .attach_type = BPF_TRACE_UPROBE_MULTI,
			.uprobe_multi = {
				.path = (__u64)(unsigned long)"/proc/self/exe",
				.offsets = (__u64)(unsigned long)offsets,
				.cnt = cnt, .pid = (__u32)pid,
			},
		},
	};

	return sys_bpf_link_create(&attr);
}

#define NEEDS_UP(...) NEEDS(PROG_TYPE(KPROBE), ATTACH(TRACE_UPROBE_MULTI), \
			    LINK(UPROBE_MULTI), CMD(LINK_CREATE), CONFIG(UPROBES), ##__VA_ARGS__)

CASE("links.uprobe_multi.own_function.pinned_link_lifecycle",
     NEEDS_UP(CMD(OBJ_PIN), MAP(ARRAY), CMD(OBJ_GET_INFO_BY_FD), BPFFS))
{
	__u64 off = file_offset((unsigned long)&bpfconform_uprobe_target);
	int map = counter_map(), prog, link;
	struct bpf_link_info info;

	prog = counter_prog(&(struct counter_spec){
		.type = BPF_PROG_TYPE_KPROBE, .attach = BPF_TRACE_UPROBE_MULTI });
	ASSERT_FD(prog);
	link = uprobe_multi_link(prog, &off, 1, getpid());
	ASSERT_FD(link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_UPROBE_MULTI, info.type);
	ASSERT_EQ(1, info.uprobe_multi.count);
	link_pin_lifecycle(link, prog, map, fire);
}

CASE("links.uprobe_multi.zero_count_einval", NEEDS_UP())
{
	__u64 off = file_offset((unsigned long)&bpfconform_uprobe_target);
	int prog = prog_load_trivial(BPF_PROG_TYPE_KPROBE, BPF_TRACE_UPROBE_MULTI, 0);

	ASSERT_FD(prog);
	ASSERT_ERRNO(EINVAL, uprobe_multi_link(prog, &off, 0, getpid()));
}

/* The program's expected_attach_type must be the multi one. */
CASE("links.uprobe_multi.plain_kprobe_prog_einval", NEEDS_UP())
{
	__u64 off = file_offset((unsigned long)&bpfconform_uprobe_target);
	int prog = prog_load_trivial(BPF_PROG_TYPE_KPROBE, 0, 0);

	ASSERT_FD(prog);
	ASSERT_ERRNO(EINVAL, uprobe_multi_link(prog, &off, 1, getpid()));
}

/* kprobe_multi on bpf_fentry_test1 (net/bpf/test_run.c): the link and its
 * info; the kernel needs fprobe for it. */
CASE("links.kprobe_multi.symbol.link_and_info",
     NEEDS(PROG_TYPE(KPROBE), ATTACH(TRACE_KPROBE_MULTI), LINK(KPROBE_MULTI),
	   CMD(LINK_CREATE), CONFIG(FPROBE), BTF_FUNC("bpf_fentry_test1"),
	   CMD(OBJ_GET_INFO_BY_FD), CMD(LINK_GET_FD_BY_ID)))
{
	const char *syms[] = { "bpf_fentry_test1" };
	int prog = prog_load_trivial(BPF_PROG_TYPE_KPROBE, BPF_TRACE_KPROBE_MULTI, 0), link;
	struct bpf_link_info info;
	union bpf_attr attr;
	__u32 id;

	ASSERT_FD(prog);
	memset(&attr, 0, sizeof(attr));
	attr.link_create.prog_fd = (__u32)prog;
	attr.link_create.attach_type = BPF_TRACE_KPROBE_MULTI;
	attr.link_create.kprobe_multi.syms = (__u64)(unsigned long)syms;
	attr.link_create.kprobe_multi.cnt = 1;
	link = sys_bpf_link_create(&attr);
	ASSERT_FD(link);
	id = id_of(OBJ_LINK, link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_KPROBE_MULTI, info.type);
	ASSERT_EQ(1, info.kprobe_multi.count);
	close(link);
	ASSERT_OK(obj_wait_gone(OBJ_LINK, id, OBJ_GONE_TIMEOUT_MS));
}
