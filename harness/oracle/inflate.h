/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small DEFLATE (RFC 1951) and gzip (RFC 1952) decoder, libc only, so the
 * oracle can read /proc/config.gz without zlib.  Every block type is
 * handled (stored, fixed and dynamic Huffman); the gzip trailer's CRC-32 and
 * ISIZE are checked; output is bounded.  Corrupt input is an error with a
 * one-line reason, never a crash or a read outside the input.
 */
#ifndef BPFCONFORM_INFLATE_H
#define BPFCONFORM_INFLATE_H

#include <stddef.h>
#include <stdint.h>

/* CRC-32 (ISO 3309, as gzip uses it): crc32_update(0, p, n) for a fresh one. */
uint32_t crc32_update(uint32_t crc, const void *p, size_t n);

/* True if 'data' starts with the gzip magic (1f 8b). */
int gzip_magic(const void *data, size_t len);

/*
 * Decode one raw DEFLATE stream from 'in'.  On success returns 0, sets
 * *out (malloc'd, NUL-terminated for convenience, not counted in *out_len)
 * and *consumed (input bytes up to the end of the last block, rounded up
 * to a byte).  More than 'max_out' bytes of output is an error.  On error
 * returns -1 with a reason in 'err'; *out is left NULL.
 */
int inflate_raw(const void *in, size_t len, size_t max_out, unsigned char **out,
		size_t *out_len, size_t *consumed, char *err, size_t errlen);

/*
 * Decode a gzip file: one member or several concatenated (their outputs
 * joined), each with its header checked and its CRC-32 and ISIZE verified.
 * Bytes after the last member that are not another member are an error.
 * Same conventions as inflate_raw().
 */
int gunzip(const void *in, size_t len, size_t max_out, unsigned char **out,
	   size_t *out_len, char *err, size_t errlen);

#endif
