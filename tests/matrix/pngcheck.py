#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check a screenshot of the matrix page: size, not blank, colours present.

usage: pngcheck.py FILE.png WIDTH HEIGHT [RRGGBB...]

Decodes the PNG with zlib alone (no PIL): 8-bit greyscale, RGB or RGBA,
not interlaced, which is what Chromium writes.  Prints one line of facts
and exits 1 with a reason when the image is the wrong size, nearly blank
(few distinct colours, almost all of it one colour), or lacks one of the
RRGGBB colours given (the page's cell backgrounds, so a page whose style
sheet did not apply is caught too).
"""
import struct
import sys
import zlib


def fail(msg):
    print(f"pngcheck: {msg}")
    sys.exit(1)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(raw, width, height, bpp):
    """The image's rows, each a bytes object of width * bpp bytes."""
    stride = width * bpp
    prev = bytearray(stride)
    pos = 0
    for _ in range(height):
        ftype = raw[pos]
        row = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if ftype == 1:    # Sub
            for i in range(bpp, stride):
                row[i] = (row[i] + row[i - bpp]) & 0xff
        elif ftype == 2:  # Up
            row = bytearray((x + y) & 0xff for x, y in zip(row, prev))
        elif ftype == 3:  # Average
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + ((left + prev[i]) >> 1)) & 0xff
        elif ftype == 4:  # Paeth
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                upleft = prev[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + paeth(left, prev[i], upleft)) & 0xff
        elif ftype != 0:
            fail(f"bad filter type {ftype}")
        yield bytes(row)
        prev = row


def main():
    if len(sys.argv) < 4:
        fail("usage: pngcheck.py FILE.png WIDTH HEIGHT [RRGGBB...]")
    path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    want_colours = [bytes.fromhex(c) for c in sys.argv[4:]]
    try:
        data = open(path, "rb").read()
    except OSError as e:
        fail(f"{path}: {e.strerror}")
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG")
    pos, idat, ihdr = 8, [], None
    while pos + 8 <= len(data):
        length, ctype = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if ctype == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif ctype == b"IDAT":
            idat.append(body)
        elif ctype == b"IEND":
            break
        pos += 12 + length
    if not ihdr or not idat:
        fail(f"{path}: no IHDR or IDAT chunk")
    width, height, depth, colour_type, _, _, interlace = ihdr
    if (width, height) != (want_w, want_h):
        fail(f"{path}: {width}x{height}, want {want_w}x{want_h}")
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour_type)
    if depth != 8 or not bpp or interlace:
        fail(f"{path}: depth {depth}, colour type {colour_type}, interlace {interlace}: "
             "only 8-bit, non-interlaced grey/RGB/RGBA is read here")
    raw = zlib.decompress(b"".join(idat))

    counts = {}
    for row in unfilter(raw, width, height, bpp):
        for i in range(0, len(row), bpp):
            px = row[i:i + 3] if bpp >= 3 else row[i:i + 1] * 3
            counts[px] = counts.get(px, 0) + 1
    total = width * height
    top, top_n = max(counts.items(), key=lambda kv: kv[1])
    print(f"pngcheck: {path}: {width}x{height}, {len(counts)} colours, "
          f"{100 * top_n / total:.1f}% #{top.hex()}")
    if len(counts) < 16:
        fail(f"only {len(counts)} distinct colours: the page is blank or did not render")
    if top_n > 0.98 * total:
        fail(f"#{top.hex()} covers {100 * top_n / total:.1f}% of the image: nearly blank")
    for c in want_colours:
        n = counts.get(c, 0)
        if n < 100:
            fail(f"colour #{c.hex()} covers {n} pixels: the page's styles did not apply")


if __name__ == "__main__":
    main()
