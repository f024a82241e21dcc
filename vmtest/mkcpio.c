// SPDX-License-Identifier: GPL-2.0
/*
 * mkcpio: write a cpio archive in the "newc" format the kernel unpacks as
 * an initramfs, from a list on stdin in the spirit of the kernel's
 * usr/gen_init_cpio:
 *
 *	dir   NAME MODE
 *	file  NAME SOURCE MODE
 *	nod   NAME MODE c|b MAJOR MINOR
 *	slink NAME TARGET MODE
 *
 * MODE is octal; owners are root, times are 0, so the same input gives the
 * same bytes.  Blank lines and lines starting with '#' are ignored.
 * Usage: mkcpio OUT < LIST
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

static FILE *out;
static unsigned long offset, ino = 721;

static void die(const char *fmt, const char *arg)
{
	fprintf(stderr, "mkcpio: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(1);
}

static void put(const void *buf, size_t len)
{
	if (len && fwrite(buf, 1, len, out) != len)
		die("write: %s", strerror(errno));
	offset += len;
}

static void pad4(void)
{
	static const char zero[4];

	put(zero, (4 - offset % 4) % 4);
}

static void header(const char *name, unsigned mode, unsigned long size,
		   unsigned rmaj, unsigned rmin)
{
	char h[111];

	/* magic, ino, mode, uid, gid, nlink, mtime, filesize, devmajor,
	 * devminor, rdevmajor, rdevminor, namesize, check */
	if (size > 0xffffffffUL)
		die("%s: too large for newc", name);
	snprintf(h, sizeof(h), "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 (unsigned)ino++, mode, 0, 0, 1, 0, (unsigned)size, 0, 0, rmaj, rmin,
		 (unsigned)strlen(name) + 1, 0);
	put(h, 110);
	put(name, strlen(name) + 1);
	pad4();
}

static const char *strip(const char *name)
{
	while (*name == '/')
		name++;
	return *name ? name : ".";
}

static void add_file(const char *name, const char *src, unsigned mode)
{
	FILE *in = fopen(src, "rb");
	char buf[65536];
	struct stat st;
	size_t n;

	if (!in || fstat(fileno(in), &st))
		die("cannot read %s", src);
	header(strip(name), S_IFREG | mode, st.st_size, 0, 0);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		put(buf, n);
	if (ferror(in))
		die("cannot read %s", src);
	fclose(in);
	pad4();
}

int main(int argc, char **argv)
{
	char line[4096], kind[16], name[1024], a[1024], dev;
	unsigned mode, maj, min;
	int lineno = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: mkcpio OUT < LIST\n");
		return 2;
	}
	out = strcmp(argv[1], "-") ? fopen(argv[1], "wb") : stdout;
	if (!out)
		die("cannot create %s", argv[1]);
	while (fgets(line, sizeof(line), stdin)) {
		char where[32];

		lineno++;
		snprintf(where, sizeof(where), "line %d", lineno);
		if (line[0] == '#' || strspn(line, " \t\n") == strlen(line))
			continue;
		if (sscanf(line, "%15s", kind) != 1)
			die("%s: bad line", where);
		if (!strcmp(kind, "dir") && sscanf(line, "%*s %1023s %o", name, &mode) == 2) {
			header(strip(name), S_IFDIR | mode, 0, 0, 0);
		} else if (!strcmp(kind, "file") &&
			   sscanf(line, "%*s %1023s %1023s %o", name, a, &mode) == 3) {
			add_file(name, a, mode);
		} else if (!strcmp(kind, "nod") &&
			   sscanf(line, "%*s %1023s %o %c %u %u", name, &mode, &dev, &maj, &min) == 5 &&
			   (dev == 'c' || dev == 'b')) {
			header(strip(name), (dev == 'c' ? S_IFCHR : S_IFBLK) | mode, 0, maj, min);
		} else if (!strcmp(kind, "slink") &&
			   sscanf(line, "%*s %1023s %1023s %o", name, a, &mode) == 3) {
			header(strip(name), S_IFLNK | mode, strlen(a), 0, 0);
			put(a, strlen(a));
			pad4();
		} else {
			die("%s: cannot parse it", where);
		}
	}
	header("TRAILER!!!", 0, 0, 0, 0);
	/* The kernel reads initramfs in whole blocks: pad to 512. */
	while (offset % 512)
		put("", 1);
	if (fflush(out) || (out != stdout && fclose(out)))
		die("write: %s", strerror(errno));
	return 0;
}
