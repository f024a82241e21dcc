// SPDX-License-Identifier: GPL-2.0
/*
 * The fds a command takes only when a flag says so: path_fd of OBJ_PIN and
 * OBJ_GET under BPF_F_PATH_FD (6.5, "bpf: Support O_PATH FDs in
 * BPF_OBJ_PIN and BPF_OBJ_GET commands"), and the token fds of MAP_CREATE,
 * PROG_LOAD and BTF_LOAD under BPF_F_TOKEN_FD (6.9, BPF tokens).  A closed
 * fd there is EBADF, an fd that is not a token EINVAL.
 *
 * The token cases need BPF_TOKEN_CREATE, which came with the token fds.
 * path_fd has no such marker: on a kernel whose union bpf_attr (in its own
 * BTF, attr_layout.h) lacks the field, the non-zero fd is a byte past the
 * command's fields, EINVAL, or past the kernel's attr, E2BIG; the case
 * says which it expects and why.
 */
#include <fcntl.h>
#include <stddef.h>
#include <unistd.h>

#include "harness/case.h"
#include "harness/objects.h"
#include "attr_layout.h"

#define PTR(p) ((__u64)(unsigned long)(p))

static int closed_fd(void)
{
	int fd = dup(2);

	SETUP(fd >= 0);
	close(fd);
	return fd;
}

/* The errno for a bad fd in 'field', at 'off' in our union bpf_attr:
 * 'err' if the kernel's union bpf_attr has the field; else EINVAL if the
 * field is inside the kernel's attr (CHECK_ATTR), E2BIG if past it. */
static int by_field(const char *field, size_t off, int err)
{
	const char *why = "";
	unsigned size = attr_kernel_size(&why);
	int have;

	if (!size)
		case_error(__FILE__, __LINE__, "union bpf_attr: %s", why);
	have = attr_struct_end(field, &why) != 0;

	if (!have)
		err = off < size ? EINVAL : E2BIG;
	case_log("kernel BTF: union bpf_attr (%u bytes) %s '%s': expecting %s", size,
		 have ? "has" : "lacks", field, errno_name(err));
	return err;
}

static int array_map(void)
{
	return (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
}

static long pin_at(int map, int path_fd)
{
	union bpf_attr attr = {
		.pathname = PTR("pin"), .bpf_fd = (__u32)map,
		.file_flags = BPF_F_PATH_FD, .path_fd = path_fd,
	};

	return sys_bpf_obj_pin(&attr);
}

static long get_at(int path_fd)
{
	union bpf_attr attr = {
		.pathname = PTR("pin"), .file_flags = BPF_F_PATH_FD, .path_fd = path_fd,
	};

	return sys_bpf_obj_get(&attr);
}

CASE("cmd.obj_pin.fd.closed_path_fd_ebadf", NEEDS(CMD(OBJ_PIN), MAP(ARRAY)))
{
	int err = by_field("path_fd", offsetof(union bpf_attr, path_fd), EBADF);
	int map = array_map();

	/* the map first: a closed fd's number is the next one handed out */
	ASSERT_ERRNO(err, pin_at(map, closed_fd()));
}

CASE("cmd.obj_get.fd.closed_path_fd_ebadf", NEEDS(CMD(OBJ_GET)))
{
	int err = by_field("path_fd", offsetof(union bpf_attr, path_fd), EBADF);

	ASSERT_ERRNO(err, get_at(closed_fd()));
}

/* The twin: path_fd naming the bpffs directory pins there. */
CASE("cmd.obj_pin.fd.path_fd_dir_pins", NEEDS(CMD(OBJ_PIN), CMD(OBJ_GET), MAP(ARRAY), BPFFS))
{
	int dir = open("/sys/fs/bpf", O_RDONLY | O_DIRECTORY | O_CLOEXEC), map = array_map();
	const char *why = "";

	SETUP(dir >= 0);
	if (!attr_struct_end("path_fd", &why)) {
		case_log("kernel BTF: union bpf_attr lacks 'path_fd': expecting EINVAL");
		ASSERT_ERRNO(EINVAL, pin_at(map, dir));
		return;
	}
	ASSERT_OK(pin_at(map, dir));
	ASSERT_FD(get_at(dir));
}

static long map_with_token(int token)
{
	union bpf_attr attr = {
		.map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 8, .max_entries = 1,
		.map_flags = BPF_F_TOKEN_FD, .map_token_fd = token,
	};

	return sys_bpf_map_create(&attr);
}

static long prog_with_token(int token)
{
	static const struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	union bpf_attr attr = {
		.prog_type = BPF_PROG_TYPE_SOCKET_FILTER, .insn_cnt = 2, .insns = PTR(insns),
		.license = PTR("GPL"), .prog_flags = BPF_F_TOKEN_FD, .prog_token_fd = token,
	};

	return sys_bpf_prog_load(&attr);
}

static long btf_with_token(int token)
{
	union bpf_attr attr = {
		.btf = PTR(16), .btf_size = 64,
		.btf_flags = BPF_F_TOKEN_FD, .btf_token_fd = token,
	};

	return sys_bpf_btf_load(&attr);
}

static int regular_fd(void)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

	SETUP(fd >= 0);
	return fd;
}

CASE("cmd.map_create.fd.closed_token_ebadf",
     NEEDS(CMD(MAP_CREATE), CMD(TOKEN_CREATE), MAP(ARRAY)))
{
	ASSERT_ERRNO(EBADF, map_with_token(closed_fd()));
}

CASE("cmd.map_create.fd.regular_file_token_einval",
     NEEDS(CMD(MAP_CREATE), CMD(TOKEN_CREATE), MAP(ARRAY)))
{
	ASSERT_ERRNO(EINVAL, map_with_token(regular_fd()));
}

CASE("cmd.prog_load.fd.closed_token_ebadf",
     NEEDS(CMD(PROG_LOAD), CMD(TOKEN_CREATE), PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_ERRNO(EBADF, prog_with_token(closed_fd()));
}

CASE("cmd.prog_load.fd.regular_file_token_einval",
     NEEDS(CMD(PROG_LOAD), CMD(TOKEN_CREATE), PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_ERRNO(EINVAL, prog_with_token(regular_fd()));
}

/* The BTF blob is unreadable too: the token is looked at first. */
CASE("cmd.btf_load.fd.closed_token_ebadf", NEEDS(CMD(BTF_LOAD), CMD(TOKEN_CREATE)))
{
	ASSERT_ERRNO(EBADF, btf_with_token(closed_fd()));
}

CASE("cmd.btf_load.fd.regular_file_token_einval", NEEDS(CMD(BTF_LOAD), CMD(TOKEN_CREATE)))
{
	ASSERT_ERRNO(EINVAL, btf_with_token(regular_fd()));
}
