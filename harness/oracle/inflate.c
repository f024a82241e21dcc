// SPDX-License-Identifier: GPL-2.0
/*
 * DEFLATE (RFC 1951) and gzip (RFC 1952) decoding.
 *
 * Huffman codes are canonical, so a code is fully described by how many
 * codes there are of each length and the symbols in code order; decoding
 * reads one bit at a time and walks the lengths (slow, small and easy to
 * check, plenty for a kernel config of a few hundred KiB).  Every read is
 * bounds-checked against the input; every write against the output limit.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inflate.h"

#define MAX_BITS 15		/* longest code, RFC 1951 3.2.7 */
#define MAX_LIT 288		/* literal/length symbols, fixed code included */
#define MAX_DIST 30		/* distance symbols that mean something */

struct huff {
	unsigned short count[MAX_BITS + 1];	/* codes of each length */
	unsigned short symbol[MAX_LIT];		/* symbols in canonical order */
};

struct state {
	const unsigned char *in;
	size_t len, pos;	/* input and next byte */
	unsigned bitbuf;	/* bits not yet used, low first */
	int bitcnt;
	unsigned char *out;
	size_t out_len, out_cap, max_out;
	char *err;
	size_t errlen;
	int failed;
};

static int fail(struct state *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct state *s, const char *fmt, ...)
{
	va_list ap;

	if (!s->failed) {
		va_start(ap, fmt);
		vsnprintf(s->err, s->errlen, fmt, ap);
		va_end(ap);
	}
	s->failed = 1;
	return -1;
}

/* 'need' bits (0..16) from the input, low bit first; -1 past the end. */
static int bits(struct state *s, int need)
{
	unsigned v;

	while (s->bitcnt < need) {
		if (s->pos >= s->len)
			return fail(s, "deflate data truncated at byte %zu", s->pos);
		s->bitbuf |= (unsigned)s->in[s->pos++] << s->bitcnt;
		s->bitcnt += 8;
	}
	v = s->bitbuf & ((1U << need) - 1);
	s->bitbuf >>= need;
	s->bitcnt -= need;
	return (int)v;
}

static int put(struct state *s, const unsigned char *p, size_t n)
{
	if (n > s->max_out - s->out_len)
		return fail(s, "output exceeds the limit of %zu bytes", s->max_out);
	if (s->out_len + n + 1 > s->out_cap) {
		size_t cap = s->out_cap ? s->out_cap : 4096;
		unsigned char *q;

		while (cap < s->out_len + n + 1)
			cap *= 2;
		q = realloc(s->out, cap);
		if (!q)
			return fail(s, "out of memory for %zu bytes of output", cap);
		s->out = q;
		s->out_cap = cap;
	}
	memcpy(s->out + s->out_len, p, n);
	s->out_len += n;
	return 0;
}

/* Stored block (BTYPE 00): byte-aligned LEN, its complement, LEN bytes. */
static int stored(struct state *s)
{
	unsigned len, nlen;

	s->bitbuf = 0;		/* the rest of the current byte is padding */
	s->bitcnt = 0;
	if (s->len - s->pos < 4)
		return fail(s, "stored block header truncated at byte %zu", s->pos);
	len = s->in[s->pos] | (unsigned)s->in[s->pos + 1] << 8;
	nlen = s->in[s->pos + 2] | (unsigned)s->in[s->pos + 3] << 8;
	s->pos += 4;
	if (len != (~nlen & 0xffff))
		return fail(s, "stored block length %#x does not match its complement %#x",
			    len, nlen);
	if (s->len - s->pos < len)
		return fail(s, "stored block of %u bytes truncated at byte %zu", len, s->pos);
	if (put(s, s->in + s->pos, len))
		return -1;
	s->pos += len;
	return 0;
}

/*
 * Build a canonical code from code lengths.  Returns 0 for a complete
 * code, 1 for an incomplete one (the caller decides whether that is
 * allowed), -1 for an over-subscribed one.
 */
static int build(struct huff *h, const unsigned char *lengths, int n)
{
	unsigned short offs[MAX_BITS + 1];
	int left = 1;

	memset(h->count, 0, sizeof(h->count));
	for (int sym = 0; sym < n; sym++)
		h->count[lengths[sym]]++;
	if (h->count[0] == n)
		return 1;	/* no codes at all: incomplete */
	for (int len = 1; len <= MAX_BITS; len++) {
		left <<= 1;
		left -= h->count[len];
		if (left < 0)
			return -1;
	}
	offs[1] = 0;
	for (int len = 1; len < MAX_BITS; len++)
		offs[len + 1] = offs[len] + h->count[len];
	for (int sym = 0; sym < n; sym++)
		if (lengths[sym])
			h->symbol[offs[lengths[sym]]++] = (unsigned short)sym;
	return left > 0;
}

/* One symbol: read bits MSB-first into 'code' until it falls in the range
 * of codes of the current length. */
static int decode(struct state *s, const struct huff *h)
{
	int code = 0, first = 0, index = 0;

	for (int len = 1; len <= MAX_BITS; len++) {
		int b = bits(s, 1), count;

		if (b < 0)
			return -1;
		code |= b;
		count = h->count[len];
		if (code - first < count)
			return h->symbol[index + (code - first)];
		index += count;
		first += count;
		first <<= 1;
		code <<= 1;
	}
	return fail(s, "invalid Huffman code at byte %zu", s->pos);
}

static const unsigned short len_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
static const unsigned char len_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const unsigned short dist_base[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
	8193, 12289, 16385, 24577 };
static const unsigned char dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };

/* The compressed data of a Huffman block, up to end-of-block (256). */
static int codes(struct state *s, const struct huff *lit, const struct huff *dist)
{
	for (;;) {
		int sym = decode(s, lit), extra;
		size_t len, d;

		if (sym < 0)
			return -1;
		if (sym < 256) {
			unsigned char c = (unsigned char)sym;

			if (put(s, &c, 1))
				return -1;
			continue;
		}
		if (sym == 256)
			return 0;
		sym -= 257;
		if (sym >= 29)
			return fail(s, "invalid length symbol %d at byte %zu", sym + 257, s->pos);
		if ((extra = bits(s, len_extra[sym])) < 0)
			return -1;
		len = len_base[sym] + (size_t)extra;
		sym = decode(s, dist);
		if (sym < 0)
			return -1;
		if (sym >= MAX_DIST)
			return fail(s, "invalid distance symbol %d at byte %zu", sym, s->pos);
		if ((extra = bits(s, dist_extra[sym])) < 0)
			return -1;
		d = dist_base[sym] + (size_t)extra;
		if (d > s->out_len)
			return fail(s, "distance %zu too far back (%zu bytes written) at byte %zu",
				    d, s->out_len, s->pos);
		if (len > s->max_out - s->out_len)
			return fail(s, "output exceeds the limit of %zu bytes", s->max_out);
		/* Byte by byte: source and destination may overlap (d < len). */
		for (size_t i = 0; i < len; i++) {
			unsigned char c = s->out[s->out_len - d];

			if (put(s, &c, 1))
				return -1;
		}
	}
}

/* Fixed Huffman block (BTYPE 01): the code of RFC 1951 3.2.6. */
static int fixed(struct state *s)
{
	static struct huff lit, dist;
	static int built;

	if (!built) {
		unsigned char l[MAX_LIT];
		int sym = 0;

		for (; sym < 144; sym++)
			l[sym] = 8;
		for (; sym < 256; sym++)
			l[sym] = 9;
		for (; sym < 280; sym++)
			l[sym] = 7;
		for (; sym < MAX_LIT; sym++)
			l[sym] = 8;
		build(&lit, l, MAX_LIT);
		/* 32 distance codes of 5 bits; 30 and 31 never occur */
		memset(l, 5, 32);
		build(&dist, l, 32);
		built = 1;
	}
	return codes(s, &lit, &dist);
}

/* Dynamic Huffman block (BTYPE 10): the code lengths come first, themselves
 * Huffman-coded (RFC 1951 3.2.7). */
static int dynamic(struct state *s)
{
	static const unsigned char order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };
	unsigned char lengths[MAX_LIT + MAX_DIST + 2];
	struct huff lencode, lit, dist;
	int nlen, ndist, ncode, idx, err;

	if ((nlen = bits(s, 5)) < 0 || (ndist = bits(s, 5)) < 0 || (ncode = bits(s, 4)) < 0)
		return -1;
	nlen += 257;
	ndist += 1;
	ncode += 4;
	if (nlen > 286 || ndist > MAX_DIST)
		return fail(s, "dynamic block declares %d literal/length and %d distance codes",
			    nlen, ndist);
	memset(lengths, 0, sizeof(lengths));
	for (idx = 0; idx < ncode; idx++) {
		int v = bits(s, 3);

		if (v < 0)
			return -1;
		lengths[order[idx]] = (unsigned char)v;
	}
	if (build(&lencode, lengths, 19))
		return fail(s, "dynamic block: bad code-length code");

	for (idx = 0; idx < nlen + ndist;) {
		int sym = decode(s, &lencode), rep, v;
		unsigned char len = 0;

		if (sym < 0)
			return -1;
		if (sym < 16) {
			lengths[idx++] = (unsigned char)sym;
			continue;
		}
		if (sym == 16) {
			if (!idx)
				return fail(s, "dynamic block: repeat with no previous length");
			len = lengths[idx - 1];
			v = bits(s, 2);
			rep = 3 + v;
		} else if (sym == 17) {
			v = bits(s, 3);
			rep = 3 + v;
		} else {
			v = bits(s, 7);
			rep = 11 + v;
		}
		if (v < 0)
			return -1;
		if (idx + rep > nlen + ndist)
			return fail(s, "dynamic block: code lengths overrun the table");
		while (rep--)
			lengths[idx++] = len;
	}
	if (!lengths[256])
		return fail(s, "dynamic block has no end-of-block code");

	/* Incomplete codes are allowed only as one code of one bit (RFC 1951
	 * permits a single distance code; zlib accepts the same). */
	err = build(&lit, lengths, nlen);
	if (err < 0 || (err > 0 && nlen - lit.count[0] != 1))
		return fail(s, "dynamic block: bad literal/length code");
	err = build(&dist, lengths + nlen, ndist);
	if (err < 0 || (err > 0 && ndist - dist.count[0] > 1))
		return fail(s, "dynamic block: bad distance code");
	return codes(s, &lit, &dist);
}

static int blocks(struct state *s)
{
	int last;

	do {
		int type;

		if ((last = bits(s, 1)) < 0 || (type = bits(s, 2)) < 0)
			return -1;
		switch (type) {
		case 0:
			if (stored(s))
				return -1;
			break;
		case 1:
			if (fixed(s))
				return -1;
			break;
		case 2:
			if (dynamic(s))
				return -1;
			break;
		default:
			return fail(s, "invalid block type 3 at byte %zu", s->pos);
		}
	} while (!last);
	return 0;
}

int inflate_raw(const void *in, size_t len, size_t max_out, unsigned char **out,
		size_t *out_len, size_t *consumed, char *err, size_t errlen)
{
	struct state s = { .in = in, .len = len, .max_out = max_out, .err = err,
			   .errlen = errlen };

	*out = NULL;
	*out_len = 0;
	if (blocks(&s) || put(&s, (const unsigned char *)"", 0)) {
		free(s.out);
		return -1;
	}
	s.out[s.out_len] = 0;
	*out = s.out;
	*out_len = s.out_len;
	/* Unused bits of the last byte are padding; whole bytes read ahead
	 * are not consumed (bits() reads at most a byte ahead of need). */
	if (consumed)
		*consumed = s.pos - (size_t)(s.bitcnt / 8);
	return 0;
}

uint32_t crc32_update(uint32_t crc, const void *p, size_t n)
{
	static uint32_t table[256];
	const unsigned char *b = p;

	if (!table[1]) {
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t c = i;

			for (int k = 0; k < 8; k++)
				c = c & 1 ? 0xedb88320U ^ (c >> 1) : c >> 1;
			table[i] = c;
		}
	}
	crc = ~crc;
	while (n--)
		crc = table[(crc ^ *b++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

int gzip_magic(const void *data, size_t len)
{
	const unsigned char *b = data;

	return len >= 2 && b[0] == 0x1f && b[1] == 0x8b;
}

enum { FTEXT = 1, FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16 };

static uint32_t le32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Length of a gzip member's header at 'p' (with 'n' bytes left), or -1. */
static long gzip_header(const unsigned char *p, size_t n, char *err, size_t errlen)
{
	size_t pos = 10;
	unsigned flg;

	if (n < 10) {
		snprintf(err, errlen, "gzip header truncated");
		return -1;
	}
	if (!gzip_magic(p, n)) {
		snprintf(err, errlen, "not gzip (bad magic)");
		return -1;
	}
	if (p[2] != 8) {
		snprintf(err, errlen, "gzip compression method %u is not deflate", p[2]);
		return -1;
	}
	flg = p[3];
	if (flg & 0xe0) {
		snprintf(err, errlen, "gzip header has reserved flag bits %#x set", flg);
		return -1;
	}
	if (flg & FEXTRA) {
		size_t xlen;

		if (n - pos < 2)
			goto truncated;
		xlen = p[pos] | (size_t)p[pos + 1] << 8;
		pos += 2;
		if (n - pos < xlen)
			goto truncated;
		pos += xlen;
	}
	for (unsigned f = FNAME; f <= FCOMMENT; f <<= 1) {
		if (!(flg & f))
			continue;
		while (pos < n && p[pos])
			pos++;
		if (pos++ >= n)
			goto truncated;
	}
	if (flg & FHCRC) {
		if (n - pos < 2)
			goto truncated;
		if ((crc32_update(0, p, pos) & 0xffff) != (p[pos] | (unsigned)p[pos + 1] << 8)) {
			snprintf(err, errlen, "gzip header CRC mismatch");
			return -1;
		}
		pos += 2;
	}
	return (long)pos;
truncated:
	snprintf(err, errlen, "gzip header truncated");
	return -1;
}

int gunzip(const void *in, size_t len, size_t max_out, unsigned char **out,
	   size_t *out_len, char *err, size_t errlen)
{
	const unsigned char *p = in;
	unsigned char *all = NULL;
	size_t all_len = 0, pos = 0;
	int member = 0;

	*out = NULL;
	*out_len = 0;
	do {
		unsigned char *data;
		size_t data_len, used;
		long hdr = gzip_header(p + pos, len - pos, err, errlen);
		uint32_t crc, isize;

		if (hdr < 0)
			goto bad;
		pos += (size_t)hdr;
		if (inflate_raw(p + pos, len - pos, max_out - all_len, &data, &data_len,
				&used, err, errlen))
			goto bad;
		pos += used;
		if (len - pos < 8) {
			free(data);
			snprintf(err, errlen, "gzip trailer truncated");
			goto bad;
		}
		crc = crc32_update(0, data, data_len);
		isize = le32(p + pos + 4);
		if (crc != le32(p + pos)) {
			snprintf(err, errlen, "gzip CRC-32 mismatch: data has %08x, trailer says %08x",
				 crc, le32(p + pos));
			free(data);
			goto bad;
		}
		if (isize != (uint32_t)data_len) {
			snprintf(err, errlen, "gzip length mismatch: data has %zu bytes, trailer says %u",
				 data_len, isize);
			free(data);
			goto bad;
		}
		pos += 8;
		if (!all) {
			all = data;
		} else {
			unsigned char *q = realloc(all, all_len + data_len + 1);

			if (!q) {
				free(data);
				snprintf(err, errlen, "out of memory");
				goto bad;
			}
			all = q;
			memcpy(all + all_len, data, data_len);
			free(data);
		}
		all_len += data_len;
		all[all_len] = 0;
		member++;
	} while (pos < len);
	*out = all;
	*out_len = all_len;
	return 0;
bad:
	if (member) {
		/* Say where: "member 2: ..." */
		char tmp[256];

		snprintf(tmp, sizeof(tmp), "%s", err);
		snprintf(err, errlen, "gzip member %d: %s", member + 1, tmp);
	}
	free(all);
	return -1;
}
