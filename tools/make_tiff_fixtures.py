#!/usr/bin/env python3
"""Writes the small TIFF fixtures of Tests/Fixtures/tiff and their samples (expected.json).

Run with the reference venv (Pillow, numpy):  ~/.breastai-ref-venv/bin/python tools/make_tiff_fixtures.py

Pillow writes the 8-bit, 16-bit gray (strips; uncompressed and Deflate) and multi-page files; the
16-bit RGB and the tiled 16-bit gray files are written by the small writer below (Pillow cannot).
expected.json holds each file's samples as stored (row-major, channels interleaved; for the
8-bit RGBA file, the RGB values composited on black), read back with Pillow where it can.
The Swift tests compute the 8-bit windowed values from these samples with the direct formula.
"""
import json
import os
import struct

import numpy as np
from PIL import Image

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "tiff")
ROWS, COLS = 20, 24


def samples(low, high, seed, shape=(ROWS, COLS)):
    rng = np.random.default_rng(seed)
    return rng.integers(low, high + 1, size=shape)


def write_tiff(path, array, tile=None, big_endian=False, planar=False, rows_per_strip=None):
    """A baseline TIFF of uint16 samples (H, W) or (H, W, 3): little- or big-endian, one strip per
    `rows_per_strip` rows (default all) or square tiles, channels interleaved or in planes (one strip
    per plane)."""
    e = ">" if big_endian else "<"
    array = np.asarray(array).astype(e + "u2")
    height, width = array.shape[:2]
    spp = 1 if array.ndim == 2 else array.shape[2]
    if planar:
        tiles = [np.ascontiguousarray(array[:, :, k]).tobytes() for k in range(spp)]
    elif rows_per_strip:
        tiles = [array[y:y + rows_per_strip].tobytes() for y in range(0, height, rows_per_strip)]
    elif tile:
        tiles = []
        for y in range(0, height, tile):
            for x in range(0, width, tile):
                block = np.zeros((tile, tile) + array.shape[2:], dtype=e + "u2")
                part = array[y:y + tile, x:x + tile]
                block[:part.shape[0], :part.shape[1]] = part
                tiles.append(block.tobytes())
    else:
        tiles = [array.tobytes()]
    data = b"".join(tiles)
    offsets, offset = [], 8
    for t in tiles:
        offsets.append(offset)
        offset += len(t)
    entries = [(256, 3, 1, width), (257, 3, 1, height), (258, 3, spp, None), (259, 3, 1, 1),
               (262, 3, 1, 2 if spp == 3 else 1), (277, 3, 1, spp), (284, 3, 1, 2 if planar else 1)]
    if tile and not planar:
        entries += [(322, 3, 1, tile), (323, 3, 1, tile), (324, 4, len(tiles), None), (325, 4, len(tiles), None)]
    else:
        rows = height if planar or not rows_per_strip else rows_per_strip
        entries += [(273, 4, len(tiles), None), (278, 3, 1, rows), (279, 4, len(tiles), None)]
    entries.sort()
    extra = b""
    ifd_offset = 8 + len(data)
    extra_offset = ifd_offset + 2 + 12 * len(entries) + 4
    ifd = struct.pack(e + "H", len(entries))
    for tag, kind, count, value in entries:
        if tag == 258:
            values = [16] * spp
        elif tag in (273, 324):
            values = offsets
        elif tag in (279, 325):
            values = [len(t) for t in tiles]
        else:
            values = [value]
        fmt = e + ("H" if kind == 3 else "I") * len(values)
        packed = struct.pack(fmt, *values)
        if len(packed) <= 4:
            ifd += struct.pack(e + "HHI", tag, kind, count) + packed.ljust(4, b"\0")
        else:
            ifd += struct.pack(e + "HHII", tag, kind, count, extra_offset + len(extra))
            extra += packed
    ifd += struct.pack(e + "I", 0)
    magic = b"MM\0*" if big_endian else b"II*\0"
    with open(path, "wb") as f:
        f.write(magic + struct.pack(e + "I", ifd_offset) + data + ifd + extra)


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = []

    def case(name, array, bits, channels):
        cases.append({"file": name, "bits": bits, "channels": channels, "width": COLS, "height": ROWS,
                      "samples": np.asarray(array).astype(int).reshape(-1).tolist()})

    gray8 = samples(0, 255, 1).astype(np.uint8)
    Image.fromarray(gray8).save(os.path.join(OUT, "gray8.tif"))
    case("gray8.tif", np.asarray(Image.open(os.path.join(OUT, "gray8.tif"))), 8, 1)

    rgb8 = samples(0, 255, 2, (ROWS, COLS, 3)).astype(np.uint8)
    Image.fromarray(rgb8).save(os.path.join(OUT, "rgb8_lzw.tif"), compression="tiff_lzw")
    case("rgb8_lzw.tif", np.asarray(Image.open(os.path.join(OUT, "rgb8_lzw.tif"))), 8, 3)

    gray16 = samples(1000, 40000, 3).astype(np.uint16)
    Image.fromarray(gray16.astype("<u2")).save(os.path.join(OUT, "gray16.tif"))
    case("gray16.tif", np.asarray(Image.open(os.path.join(OUT, "gray16.tif"))), 16, 1)
    Image.fromarray(gray16.astype("<u2")).save(os.path.join(OUT, "gray16_deflate.tif"), compression="tiff_adobe_deflate")
    case("gray16_deflate.tif", np.asarray(Image.open(os.path.join(OUT, "gray16_deflate.tif"))), 16, 1)

    rgb16 = samples(20000, 50000, 4, (ROWS, COLS, 3))
    write_tiff(os.path.join(OUT, "rgb16.tif"), rgb16)
    case("rgb16.tif", rgb16, 16, 3)

    tiled = samples(0, 65535, 5)
    write_tiff(os.path.join(OUT, "gray16_tiled.tif"), tiled, tile=16)
    case("gray16_tiled.tif", tiled, 16, 1)

    rgb16_planar = samples(100, 60000, 7, (ROWS, COLS, 3))
    write_tiff(os.path.join(OUT, "rgb16_planar.tif"), rgb16_planar, planar=True)
    case("rgb16_planar.tif", rgb16_planar, 16, 3)

    gray16_be = samples(300, 9000, 8)
    write_tiff(os.path.join(OUT, "gray16_bigendian_strips.tif"), gray16_be, big_endian=True, rows_per_strip=7)
    case("gray16_bigendian_strips.tif", gray16_be, 16, 1)

    pages = [Image.fromarray(samples(0, 255, 6 + i).astype(np.uint8)) for i in range(3)]
    pages[0].save(os.path.join(OUT, "three_pages.tif"), save_all=True, append_images=pages[1:])

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"format": 1, "generator": "tools/make_tiff_fixtures.py", "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
