// SPDX-License-Identifier: GPL-2.0
/*
 * /init of the vmtest initramfs: make the guest look like a normal system,
 * load the modules the cases need, run the suite, send everything back in
 * frames over the console (see ../frame.h), and reboot, which QEMU's
 * -no-reboot turns into an exit.
 *
 * Arguments (words after "--" on the kernel command line) go to the suite:
 *	/bpfconform run --json /results.json --config /config ARGS...
 * Environment (NAME=value words on the kernel command line):
 *	VMTEST_INJECT=panic[:N]|hang[:N]   after N case results (default 1),
 *	    crash the kernel through /proc/sysrq-trigger, or stop forwarding
 *	    and sleep forever, to test how the host reports a dead guest.
 *	VMTEST_PROBE=1   only say "boot" and reboot (the host's KVM probe).
 *	VMTEST_MEMLOCK=keep   leave RLIMIT_MEMLOCK at the kernel's default
 *	    instead of raising it to unlimited (see raise_memlock).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../frame.h"

#ifndef MODULE_INIT_COMPRESSED_FILE
#define MODULE_INIT_COMPRESSED_FILE 4
#endif

#define SUITE "/bpfconform"
#define RESULTS "/results.json"
#define CONFIG "/config"
#define MODDIR "/lib/modules"

static unsigned long frame_seq;

static long uptime_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return;
		}
		buf += n;
		len -= n;
	}
}

/* One frame, one write(): the less it is split, the less printk can cut it. */
static void frame1(const char *stream, const char *payload, size_t len)
{
	char body[FRAME_PAYLOAD_MAX + 64], out[FRAME_PAYLOAD_MAX + 96];
	int head = snprintf(body, sizeof(body), "%lu %s ", frame_seq++, stream);
	int n;

	memcpy(body + head, payload, len);
	n = snprintf(out, sizeof(out), FRAME_MAGIC "%.*s%08x %.*s\n",
		     head, body, frame_crc32(0, body, head + len), (int)len, payload);
	write_all(1, out, n);
}

/* A line (without its newline) on a stream, split into frames if long.
 * Bytes that would break the line framing are replaced. */
static void frame(char stream, const char *line, size_t len)
{
	char st[3] = { stream, 0, 0 }, buf[FRAME_PAYLOAD_MAX];

	do {
		size_t n = len > FRAME_PAYLOAD_MAX ? FRAME_PAYLOAD_MAX : len;

		for (size_t i = 0; i < n; i++)
			buf[i] = line[i] == '\r' || line[i] == '\n' ? ' ' : line[i];
		st[1] = len > n ? '+' : 0;
		frame1(st, buf, n);
		line += n;
		len -= n;
	} while (len);
}

static void say(const char *fmt, ...)
{
	char buf[FRAME_PAYLOAD_MAX];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	frame('i', buf, n);
}

static void do_mount(const char *src, const char *dst, const char *type,
		     unsigned long flags, const char *data)
{
	mkdir(dst, 0755);
	if (mount(src, dst, type, flags, data) && errno != EBUSY)
		say("mount %s %s: %s", type, dst, strerror(errno));
}

static void mount_all(void)
{
	do_mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	do_mount("sysfs", "/sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	do_mount("devtmpfs", "/dev", "devtmpfs", MS_NOSUID, "mode=0755");
	do_mount("devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC, "mode=0620,ptmxmode=0666");
	do_mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");
	do_mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");
	do_mount("tmpfs", "/run", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755");
	do_mount("bpf", "/sys/fs/bpf", "bpf", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=0700");
	do_mount("cgroup2", "/sys/fs/cgroup", "cgroup2", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	/* The active LSMs are in /sys/kernel/security/lsm. */
	do_mount("securityfs", "/sys/kernel/security", "securityfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	do_mount("debugfs", "/sys/kernel/debug", "debugfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	do_mount("tracefs", "/sys/kernel/tracing", "tracefs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
}

static void lo_up(void)
{
	struct ifreq ifr = { .ifr_name = "lo" };
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) ||
	    (ifr.ifr_flags |= IFF_UP, ioctl(s, SIOCSIFFLAGS, &ifr)))
		say("lo up: %s", strerror(errno));
	if (s >= 0)
		close(s);
}

/*
 * Kernels before 5.11 charge BPF objects to RLIMIT_MEMLOCK, whose default
 * for init is 64 KiB: with it most program loads on 5.10 fail with EPERM.
 * A real system raises it (systemd, or the loader as libbpf does), and
 * 5.11+ charge the memory cgroup instead, so the suite sees a system with
 * no memlock limit, as on the host's kernel.
 */
static void raise_memlock(void)
{
	struct rlimit r = { RLIM_INFINITY, RLIM_INFINITY };
	const char *keep = getenv("VMTEST_MEMLOCK");

	if (keep && !strcmp(keep, "keep"))
		return;
	if (setrlimit(RLIMIT_MEMLOCK, &r))
		say("setrlimit RLIMIT_MEMLOCK: %s", strerror(errno));
}

/* Load MODDIR/modules.load in order (the host put dependencies first). */
static void load_modules(void)
{
	FILE *f = fopen(MODDIR "/modules.load", "re");
	char name[256], path[512];

	if (!f)
		return;
	while (fscanf(f, "%255s", name) == 1) {
		int flags = 0, fd, r;

		snprintf(path, sizeof(path), MODDIR "/%s", name);
		if (!strstr(name, ".ko") || strcmp(strstr(name, ".ko"), ".ko"))
			flags = MODULE_INIT_COMPRESSED_FILE;
		fd = open(path, O_RDONLY | O_CLOEXEC);
		r = fd < 0 ? -1 : (int)syscall(SYS_finit_module, fd, "", flags);
		if (r && errno == EEXIST)
			r = 0;
		if (r)
			say("module %s %s", name, strerror(errno));
		else
			say("module %s ok", name);
		if (fd >= 0)
			close(fd);
	}
	fclose(f);
}

/* Forward every kernel log record waiting in /dev/kmsg. */
static void drain_kmsg(int kfd)
{
	char rec[8192];

	for (;;) {
		ssize_t n = read(kfd, rec, sizeof(rec) - 1);
		unsigned long long usec;
		char *text, *end, out[FRAME_PAYLOAD_MAX * 4];
		int len;

		if (n < 0 && errno == EPIPE)	/* records overwritten: go on */
			continue;
		if (n <= 0)
			return;
		rec[n] = 0;
		/* "prio,seq,usec,flags;text\n" then " KEY=value" lines */
		text = strchr(rec, ';');
		if (!text || sscanf(rec, "%*u,%*u,%llu", &usec) != 1)
			continue;
		text++;
		end = strchr(text, '\n');
		if (end)
			*end = 0;
		len = snprintf(out, sizeof(out), "[%5llu.%06llu] %s",
			       usec / 1000000, usec % 1000000, text);
		if (len >= (int)sizeof(out))
			len = sizeof(out) - 1;
		frame('k', out, len);
	}
}

static const char *inject_what;
static int inject_after = 1, results_seen;
static void inject(const char *what);

struct stream {
	int fd;
	char letter;
	char buf[16384];
	size_t len;
};

/* Hand on the complete lines of a stream; break the guest right after the
 * result that VMTEST_INJECT names. */
static void flush_lines(struct stream *s, int kfd, int all)
{
	char *nl;

	while ((nl = memchr(s->buf, '\n', s->len)) || (all && s->len) ||
	       s->len == sizeof(s->buf)) {
		size_t n = nl ? (size_t)(nl - s->buf) : s->len;

		drain_kmsg(kfd);
		frame(s->letter, s->buf, n);
		if (s->letter == 'o' && (!strncmp(s->buf, "ok ", 3) ||
					 !strncmp(s->buf, "not ok ", 7)) &&
		    ++results_seen >= inject_after && inject_what)
			inject(inject_what);
		n += nl ? 1 : 0;
		memmove(s->buf, s->buf + n, s->len - n);
		s->len -= n;
	}
}

static void inject(const char *what)
{
	if (!strncmp(what, "panic", 5)) {
		int fd = open("/proc/sysrq-trigger", O_WRONLY);

		say("inject panic");
		if (fd < 0 || write(fd, "c", 1) < 0)
			say("inject panic: %s", strerror(errno));
	}
	say("inject hang");
	for (;;)
		pause();
}

static void send_file(const char *path)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned char in[FRAME_PAYLOAD_MAX / 4 * 3];
	char out[FRAME_PAYLOAD_MAX];
	long total = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0) {
		say("json none %s", strerror(errno));
		return;
	}
	while ((n = read(fd, in, sizeof(in))) > 0) {
		/* Fill whole blocks so that padding only ends the file. */
		while ((size_t)n < sizeof(in)) {
			ssize_t m = read(fd, in + n, sizeof(in) - n);

			if (m <= 0)
				break;
			n += m;
		}
		size_t o = 0;

		for (ssize_t i = 0; i < n; i += 3) {
			unsigned v = in[i] << 16 | (i + 1 < n ? in[i + 1] << 8 : 0) |
				     (i + 2 < n ? in[i + 2] : 0);

			out[o++] = b64[v >> 18 & 63];
			out[o++] = b64[v >> 12 & 63];
			out[o++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
			out[o++] = i + 2 < n ? b64[v & 63] : '=';
		}
		frame('j', out, o);
		total += n;
	}
	close(fd);
	say("json %ld", total);
}

static int run_suite(int argc, char **argv)
{
	int out[2], err[2], kfd, status = 0;
	char *args[argc + 16];
	struct stream so = { .letter = 'o' }, se = { .letter = 'e' };
	char line[FRAME_PAYLOAD_MAX];
	int na = 0, len = 0;
	pid_t pid;

	if (inject_what && strchr(inject_what, ':'))
		inject_after = atoi(strchr(inject_what, ':') + 1);
	args[na++] = SUITE;
	args[na++] = "run";
	args[na++] = "--json";
	args[na++] = RESULTS;
	if (!access(CONFIG, R_OK)) {
		args[na++] = "--config";
		args[na++] = CONFIG;
	}
	for (int i = 1; i < argc; i++)
		args[na++] = argv[i];
	args[na] = NULL;
	for (int i = 0; i < na && len < (int)sizeof(line) - 1; i++)
		len += snprintf(line + len, sizeof(line) - len, "%s%s", i ? " " : "", args[i]);
	say("run %ld %s", uptime_ms(), line);

	kfd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
		say("pipe: %s", strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid == 0) {
		dup2(out[1], 1);
		dup2(err[1], 2);
		setenv("BPFCONFORM_MARK_START", "1", 1);
		setenv("PATH", "/:/bin:/sbin", 1);
		execv(SUITE, args);
		fprintf(stderr, "exec %s: %s\n", SUITE, strerror(errno));
		_exit(127);
	}
	close(out[1]);
	close(err[1]);
	so.fd = out[0];
	se.fd = err[0];
	while (so.fd >= 0 || se.fd >= 0) {
		struct pollfd p[3] = {
			{ .fd = so.fd, .events = POLLIN },
			{ .fd = se.fd, .events = POLLIN },
			{ .fd = kfd, .events = POLLIN },
		};
		struct stream *ss[2] = { &so, &se };

		if (poll(p, 3, -1) < 0 && errno != EINTR)
			break;
		if (p[2].revents & POLLIN)
			drain_kmsg(kfd);
		for (int i = 0; i < 2; i++) {
			struct stream *s = ss[i];
			ssize_t n;

			if (s->fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			n = read(s->fd, s->buf + s->len, sizeof(s->buf) - s->len);
			if (n > 0) {
				s->len += n;
				flush_lines(s, kfd, 0);
			} else if (n == 0 || errno != EINTR) {
				flush_lines(s, kfd, 1);
				close(s->fd);
				s->fd = -1;
			}
		}
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	drain_kmsg(kfd);
	if (inject_what)	/* the suite ended before enough results */
		inject(inject_what);
	return status;
}

int main(int argc, char **argv)
{
	struct utsname u;
	int status;

	inject_what = getenv("VMTEST_INJECT");
	if (inject_what && !*inject_what)
		inject_what = NULL;
	mount_all();
	/* The kernel opened /dev/console from the initramfs's node; reopen
	 * from devtmpfs in case it did not. */
	if (fcntl(1, F_GETFD) < 0) {
		int fd = open("/dev/console", O_RDWR | O_NOCTTY);

		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
	}
	uname(&u);
	say("boot %ld %s", uptime_ms(), u.release);
	if (!getenv("VMTEST_PROBE")) {
		lo_up();
		raise_memlock();
		load_modules();
		status = run_suite(argc, argv);
		say("exit %d %ld", WIFEXITED(status) ? WEXITSTATUS(status) :
		    128 + WTERMSIG(status), uptime_ms());
		send_file(RESULTS);
	}
	say("end %lu", frame_seq + 1);
	sync();
	reboot(RB_AUTOBOOT);
	for (;;)
		pause();
}
