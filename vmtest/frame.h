/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How the guest's /init sends results over the serial console, shared by
 * the guest (init/init.c) and the host (console.c).
 *
 * Kernel messages and our output share ttyS0 and can interleave, even in
 * the middle of a line.  So every line we send is a frame:
 *
 *	@BC1 <seq> <stream> <crc> <payload>\n
 *
 * <seq> counts frames from 0 (a gap means frames were lost), <stream> says
 * what the payload is, <crc> is the CRC-32 (IEEE) of "<seq> <stream>
 * <payload>" in 8 lower-case hex digits.  A frame whose CRC does not match
 * was hit by interleaved text and is dropped (and counted); text outside
 * frames is kernel console output.  A payload line longer than
 * FRAME_PAYLOAD_MAX is split: every piece but the last has the stream
 * letter followed by '+'.
 *
 * Streams:
 *	i  /init's own events: "boot <ms>", "module <name> ok|<error>",
 *	   "run <ms> <argv>", "exit <status> <ms>", "json <bytes>", "end <frames>"
 *	o  a line of the suite's stdout (the KTAP stream)
 *	e  a line of the suite's stderr
 *	k  a kernel log record read from /dev/kmsg, as "[sec.usec] text";
 *	   /init drains /dev/kmsg before forwarding each suite line, so a
 *	   kernel message appears before the first suite line written after it
 *	j  a piece of the JSON results file, base64, sent after the run
 */
#ifndef VMTEST_FRAME_H
#define VMTEST_FRAME_H

#include <stddef.h>
#include <stdint.h>

#define FRAME_MAGIC "@BC1 "
#define FRAME_PAYLOAD_MAX 1024

static inline uint32_t frame_crc32(uint32_t crc, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	crc = ~crc;
	while (len--) {
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
	}
	return ~crc;
}

#endif
