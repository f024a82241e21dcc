// SPDX-License-Identifier: GPL-2.0
/*
 * vmtest-console: read a guest's serial console log (frames from /init,
 * see frame.h, mixed with raw kernel output) and tell what happened.
 *
 *	vmtest-console [--names FILE] LOG OUTDIR	write OUTDIR/ktap.txt (the suite's
 *		stdout), stderr.txt, kernel.log (records from /dev/kmsg),
 *		results.json (decoded) and print a summary on stdout
 *	vmtest-console --encode		frame stdin's lines, each "STREAM
 *		PAYLOAD", as /init does; "R TEXT" passes TEXT unframed, as
 *		raw kernel output (for tests)
 *	vmtest-console --status LOG	one line: "booting", "running DONE
 *		PLANNED" or "finished", for progress display
 *
 * The summary is one "key value" per line:
 *	init 0|1          the guest reached /init
 *	boot_ms N         guest uptime when /init started
 *	release R         the guest's kernel release
 *	suite_ms N        from the suite's start to its exit (guest clock)
 *	exit N            the suite's exit status
 *	end 0|1           /init finished and said so
 *	json ok|missing|corrupt
 *	planned N, results N, passed N, failed N, skipped N, errors N
 *	frames N          frames received intact
 *	frames_bad N      frames damaged by interleaved output (dropped)
 *	frames_lost N     sequence numbers never received intact (the
 *	                  damaged ones included)
 *	panic 0|1
 *	running N NAME    the case that was running when the log ended
 *	ended 0|1         ... or rather had ended, and the next not started
 *	fail N NAME       a case the suite failed (or errored)
 *	splat<TAB>N<TAB>NAME<TAB>KIND<TAB>TEXT   a kernel splat (N 0: outside
 *	                  the suite, NAME says where)
 *	module NAME ERROR a module /init could not load
 *
 * Splats are attributed to a case by where they sit in the stream: the
 * suite writes "# start N name" before each case (BPFCONFORM_MARK_START),
 * and /init forwards kernel records it has read before each suite line, so
 * a record logged while case N ran comes after "start N" and before the
 * result of case N.  A splat after a result and before the next start
 * belongs to the case that just ended (deferred work, cleanup).  Without
 * start markers the running case is taken to be the last result + 1, and
 * its name is looked up in the --names file (the suite's "list" output
 * for the same selection, in run order) when there is one.
 * Raw console lines are scanned too, for what /init could not forward (a
 * panic); a raw line that was also forwarded counts once.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"

#define MAX_SPLATS 256

struct splat {
	long nr;
	char *name;
	const char *kind;
	char *text;
	int forwarded;
};

static struct {
	int init, end, panic, have_marks, json_len;
	long boot_ms, run_ms, exit_ms, exit_status, end_frames;
	long planned, results, passed, failed, skipped, errors;
	long frames, bad, lost, next_seq;
	long cur_nr;		/* the running case, 0 before the suite */
	int cur_ended;		/* its result is in, the next has not started */
	char *cur_name;
	char release[128];
	char *names_fail;	/* "fail N NAME\n" lines */
	size_t fail_len;
	char *modules;
	size_t mod_len;
	struct splat splats[MAX_SPLATS];
	int nsplats;
	char *b64;
	size_t b64_len, b64_cap;
} st = { .exit_status = -1, .json_len = -1 };

static FILE *f_ktap, *f_err, *f_kern;

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		perror("vmtest-console");
		exit(2);
	}
	return p;
}

static void append(char **buf, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void append(char **buf, size_t *len, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		exit(2);
	*buf = xrealloc(*buf, *len + n + 1);
	memcpy(*buf + *len, s, n + 1);
	*len += n;
	free(s);
}

static char **names;
static long nnames;

static void load_names(const char *path)
{
	FILE *f = fopen(path, "r");
	char *l = NULL;
	size_t cap = 0;
	ssize_t n;

	if (!f)
		return;
	while ((n = getline(&l, &cap, f)) > 0) {
		while (n && (l[n - 1] == '\n' || l[n - 1] == '\r'))
			l[--n] = 0;
		names = xrealloc(names, (nnames + 1) * sizeof(*names));
		names[nnames++] = strdup(l);
	}
	free(l);
	fclose(f);
}

static void set_case(long nr, const char *name)
{
	st.cur_ended = 0;
	if ((!name || !strcmp(name, "-")) && nr >= 1 && nr <= nnames)
		name = names[nr - 1];
	st.cur_nr = nr;
	free(st.cur_name);
	st.cur_name = strdup(name && *name ? name : "-");
}

/* What kind of splat a kernel line starts, or NULL. */
static const char *splat_kind(const char *t)
{
	static const struct {
		const char *needle, *kind;
	} k[] = {
		{ "Kernel panic - not syncing", "panic" },
		{ "WARNING: possible circular locking", "lockdep" },
		{ "WARNING: possible recursive locking", "lockdep" },
		{ "WARNING: inconsistent lock state", "lockdep" },
		{ "WARNING: suspicious RCU usage", "lockdep" },
		{ "WARNING: bad unlock balance", "lockdep" },
		{ "WARNING: held lock freed", "lockdep" },
		{ "WARNING: lock held when returning", "lockdep" },
		{ "BUG: lock held when returning", "lockdep" },
		{ "WARNING: CPU:", "WARN" },
		{ "WARNING: at ", "WARN" },
		{ "BUG: KASAN:", "KASAN" },
		{ "BUG: KFENCE:", "KFENCE" },
		{ "UBSAN:", "UBSAN" },
		{ "BUG: soft lockup", "soft lockup" },
		{ "hard LOCKUP", "hard lockup" },
		{ "BUG: workqueue lockup", "workqueue lockup" },
		{ "rcu: INFO:", "RCU stall" },
		{ "self-detected stall on CPU", "RCU stall" },
		{ "detected stalls on CPUs", "RCU stall" },
		{ "blocked for more than", "hung task" },
		{ "kernel BUG at", "BUG" },
		{ "BUG: ", "BUG" },
		{ "Oops: ", "Oops" },
		{ "general protection fault", "Oops" },
	};

	for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++)
		if (strstr(t, k[i].needle))
			return k[i].kind;
	return NULL;
}

/* Whether two kernel lines are the same record: the same timestamp and
 * text, ignoring a caller id ("[T123]") that only the console may add. */
static const char *skip_caller(const char *t)
{
	const char *e = strchr(t, ']');

	if (t[0] != '[' || !e)
		return t;
	t = e + 1;
	while (*t == ' ')
		t++;
	if (t[0] == '[' && (t[1] == 'T' || t[1] == 'C') && strchr(t, ']') &&
	    strspn(t + 2, "0123456789") == (size_t)(strchr(t, ']') - t - 2))
		t = strchr(t, ']') + 1;
	while (*t == ' ')
		t++;
	return t;
}

static int same_record(const char *a, const char *b)
{
	const char *ea = strchr(a, ']'), *eb = strchr(b, ']');

	if (!ea || !eb || ea - a != eb - b || strncmp(a, b, ea - a))
		return !strcmp(a, b);
	return !strcmp(skip_caller(a), skip_caller(b));
}

static void kernel_line(const char *text, int forwarded)
{
	const char *kind = splat_kind(text);
	struct splat *s;

	if (!kind)
		return;
	if (!strcmp(kind, "panic"))
		st.panic = 1;
	/* The same record seen raw and forwarded: keep the forwarded one,
	 * whose place in the stream is exact. */
	for (int i = 0; i < st.nsplats; i++) {
		if (!same_record(st.splats[i].text, text))
			continue;
		if (forwarded && !st.splats[i].forwarded) {
			st.splats[i].forwarded = 1;
			st.splats[i].nr = st.cur_nr;
			free(st.splats[i].name);
			st.splats[i].name = strdup(st.cur_name);
		}
		return;
	}
	if (st.nsplats == MAX_SPLATS)
		return;
	s = &st.splats[st.nsplats++];
	s->nr = st.cur_nr;
	s->name = strdup(st.cur_name);
	s->kind = kind;
	s->text = strdup(text);
	s->forwarded = forwarded;
}

static void suite_line(const char *line)
{
	long nr;
	int off = 0;

	fprintf(f_ktap, "%s\n", line);
	if (sscanf(line, "1..%ld", &nr) == 1) {
		st.planned = nr;
	} else if (sscanf(line, "# start %ld %n", &nr, &off) == 1 && off) {
		st.have_marks = 1;
		set_case(nr, line + off);
	} else if ((sscanf(line, "ok %ld %n", &nr, &off) == 1 ||
		    sscanf(line, "not ok %ld %n", &nr, &off) == 1) && off) {
		const char *name = line + off, *hash = strstr(name, " # ");
		int bad = line[0] == 'n';
		int len = hash ? (int)(hash - name) : (int)strlen(name);
		char *n = strndup(name, len);

		st.results++;
		if (bad && hash && !strncmp(hash, " # ERROR", 8))
			st.errors++;
		else if (bad)
			st.failed++;
		else if (hash && !strncasecmp(hash, " # SKIP", 7))
			st.skipped++;
		else
			st.passed++;
		if (bad)
			append(&st.names_fail, &st.fail_len, "fail %ld %s\n", nr, n);
		if (st.have_marks) {
			set_case(nr, n);	/* deferred work still counts here */
			st.cur_ended = 1;
		} else {
			set_case(nr + 1, "-");
		}
		free(n);
	}
}

static void init_event(const char *p)
{
	char name[256], err[256];
	long a, b;

	if (sscanf(p, "boot %ld %127s", &a, st.release) >= 1) {
		st.init = 1;
		st.boot_ms = a;
	} else if (sscanf(p, "run %ld", &a) == 1) {
		/* Until "# start 1" (or without markers) case 1 runs. */
		st.run_ms = a;
		set_case(1, "-");
	} else if (sscanf(p, "exit %ld %ld", &a, &b) == 2) {
		st.exit_status = a;
		st.exit_ms = b;
		set_case(0, "after the suite");
	} else if (sscanf(p, "json %ld", &a) == 1) {
		st.json_len = a;
	} else if (sscanf(p, "end %ld", &a) == 1) {
		st.end = 1;
		st.end_frames = a;
	} else if (sscanf(p, "module %255s %255[^\n]", name, err) == 2 && strcmp(err, "ok")) {
		append(&st.modules, &st.mod_len, "module %s %s\n", name, err);
	}
}

static int b64val(int c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '+') return 62;
	if (c == '/') return 63;
	return -1;
}

/* Returns the decoded length, or -1 when the text is not base64. */
static long b64_decode(const char *in, size_t len, unsigned char *out)
{
	long o = 0;

	if (len % 4)
		return -1;
	for (size_t i = 0; i < len; i += 4) {
		int v[4];

		for (int k = 0; k < 4; k++) {
			v[k] = in[i + k] == '=' ? 0 : b64val(in[i + k]);
			if (v[k] < 0)
				return -1;
		}
		unsigned x = v[0] << 18 | v[1] << 12 | v[2] << 6 | v[3];

		out[o++] = x >> 16;
		if (in[i + 2] != '=')
			out[o++] = x >> 8 & 255;
		if (in[i + 3] != '=')
			out[o++] = x & 255;
	}
	return o;
}

static char *pending;		/* a line split over '+' frames */
static size_t pending_len;
static char pending_stream;

static void payload(char stream, int more, const char *p, size_t len)
{
	if (pending && pending_stream != stream) {	/* a lost tail */
		free(pending);
		pending = NULL;
		pending_len = 0;
	}
	pending = xrealloc(pending, pending_len + len + 1);
	memcpy(pending + pending_len, p, len);
	pending_len += len;
	pending[pending_len] = 0;
	pending_stream = stream;
	if (more)
		return;
	switch (stream) {
	case 'o': suite_line(pending); break;
	case 'e': if (f_err) fprintf(f_err, "%s\n", pending); break;
	case 'k':
		if (f_kern)
			fprintf(f_kern, "%s\n", pending);
		kernel_line(pending, 1);
		break;
	case 'i': init_event(pending); break;
	case 'j':
		if (st.b64_len + pending_len + 1 > st.b64_cap) {
			st.b64_cap = (st.b64_len + pending_len + 1) * 2;
			st.b64 = xrealloc(st.b64, st.b64_cap);
		}
		memcpy(st.b64 + st.b64_len, pending, pending_len);
		st.b64_len += pending_len;
		break;
	}
	free(pending);
	pending = NULL;
	pending_len = 0;
}

/* A frame at p (starting with FRAME_MAGIC); 0 if it is good. */
static int frame(char *p)
{
	char *q = p + strlen(FRAME_MAGIC), *end, *crc_at, stream, more;
	unsigned long seq, crc;
	size_t body_len;

	seq = strtoul(q, &end, 10);
	if (end == q || *end != ' ' || !end[1] || !end[2])
		return -1;
	stream = end[1];
	more = end[2] == '+';
	crc_at = end + 2 + more;
	if (*crc_at != ' ' || strlen(crc_at) < 10 || crc_at[9] != ' ')
		return -1;
	crc = strtoul(crc_at + 1, &end, 16);
	if (end != crc_at + 9)
		return -1;
	/* The CRC covers "<seq> <stream> " and the payload. */
	{
		char *payload_at = crc_at + 10;
		size_t head = crc_at + 1 - q;
		uint32_t c = frame_crc32(0, q, head);

		body_len = strlen(payload_at);
		c = frame_crc32(c, payload_at, body_len);
		if (c != crc)
			return -1;
		st.frames++;
		if ((long)seq > st.next_seq)
			st.lost += seq - st.next_seq;
		if ((long)seq >= st.next_seq)
			st.next_seq = seq + 1;
		payload(stream, more, payload_at, body_len);
	}
	return 0;
}

static void line(char *l)
{
	size_t n = strlen(l);
	char *m;

	while (n && (l[n - 1] == '\n' || l[n - 1] == '\r'))
		l[--n] = 0;
	m = strstr(l, FRAME_MAGIC);
	if (!m) {
		char *t = l;

		while (*t == '\r')
			t++;
		kernel_line(t, 0);
		return;
	}
	if (m > l) {		/* raw text before a frame */
		char c = *m;

		*m = 0;
		kernel_line(l, 0);
		*m = c;
	}
	if (frame(m)) {
		st.bad++;
		kernel_line(m, 0);	/* a splat may be inside the mess */
	}
}

static int read_log(const char *path)
{
	FILE *f = fopen(path, "r");
	char *l = NULL;
	size_t cap = 0;

	if (!f) {
		fprintf(stderr, "vmtest-console: %s: %s\n", path, strerror(errno));
		return -1;
	}
	set_case(0, "before the suite");
	while (getline(&l, &cap, f) >= 0)
		line(l);
	free(l);
	fclose(f);
	return 0;
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "vmtest-console: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	return f;
}

static const char *write_json(const char *dir)
{
	unsigned char *buf;
	long n;
	FILE *f;

	if (st.json_len < 0 && !st.b64_len)
		return "missing";
	buf = xrealloc(NULL, st.b64_len + 1);
	n = b64_decode(st.b64 ? st.b64 : "", st.b64_len, buf);
	if (n < 0 || n != st.json_len) {
		free(buf);
		return "corrupt";
	}
	f = open_out(dir, "results.json");
	fwrite(buf, 1, n, f);
	fclose(f);
	free(buf);
	return "ok";
}

static int encode(void)
{
	char *l = NULL, body[FRAME_PAYLOAD_MAX * 4];
	unsigned long seq = 0;
	size_t cap = 0;
	ssize_t n;

	while ((n = getline(&l, &cap, stdin)) > 0) {
		char *payload = strchr(l, ' ');
		int len;

		if (l[n - 1] == '\n')
			l[--n] = 0;
		if (!payload)
			continue;
		*payload++ = 0;
		if (!strcmp(l, "R")) {
			printf("%s\r\n", payload);
			continue;
		}
		len = snprintf(body, sizeof(body), "%lu %s %s", seq, l, payload);
		printf(FRAME_MAGIC "%lu %s %08x %s\n", seq, l,
		       frame_crc32(0, body, len), payload);
		seq++;
	}
	free(l);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--encode"))
		return encode();
	if (argc == 3 && !strcmp(argv[1], "--status")) {
		f_ktap = fopen("/dev/null", "w");
		if (read_log(argv[2]))
			return 2;
		if (st.end || st.exit_status >= 0)
			puts("finished");
		else if (!st.init)
			puts("booting");
		else
			printf("running %ld %ld\n", st.results, st.planned);
		return 0;
	}
	if (argc == 5 && !strcmp(argv[1], "--names")) {
		load_names(argv[2]);
		argv += 2;
		argc -= 2;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: vmtest-console [--names FILE] LOG OUTDIR | --status LOG\n");
		return 2;
	}
	f_ktap = open_out(argv[2], "ktap.txt");
	f_err = open_out(argv[2], "stderr.txt");
	f_kern = open_out(argv[2], "kernel.log");
	if (read_log(argv[1]))
		return 2;
	fclose(f_ktap);
	fclose(f_err);
	fclose(f_kern);

	printf("init %d\nboot_ms %ld\nrelease %s\n", st.init, st.boot_ms,
	       *st.release ? st.release : "-");
	if (st.exit_status >= 0)
		printf("suite_ms %ld\nexit %ld\n", st.exit_ms - st.run_ms, st.exit_status);
	printf("end %d\njson %s\n", st.end, write_json(argv[2]));
	printf("planned %ld\nresults %ld\npassed %ld\nfailed %ld\nskipped %ld\nerrors %ld\n",
	       st.planned, st.results, st.passed, st.failed, st.skipped, st.errors);
	printf("frames %ld\nframes_bad %ld\nframes_lost %ld\npanic %d\n", st.frames, st.bad,
	       st.end && st.end_frames > st.next_seq ? st.lost + st.end_frames - st.next_seq
						      : st.lost, st.panic);
	if (st.init && !st.end && st.exit_status < 0)
		printf("running %ld %s\nended %d\n", st.cur_nr, st.cur_name, st.cur_ended);
	if (st.names_fail)
		fputs(st.names_fail, stdout);
	if (st.modules)
		fputs(st.modules, stdout);
	for (int i = 0; i < st.nsplats; i++)
		printf("splat\t%ld\t%s\t%s\t%s\n", st.splats[i].nr, st.splats[i].name,
		       st.splats[i].kind, st.splats[i].text);
	return 0;
}
