/* TIFF through libtiff, from memory. Errors and warnings go to per-file handlers (libtiff 4.5's
 * TIFFOpenOptions), so nothing is global and nothing is printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tiffio.h>

#include "codecs_internal.h"

typedef struct {
    const uint8_t *data;
    size_t size;
    size_t offset;
    char message[256];
} tiff_memory;

static int tiff_error_handler(TIFF *tif, void *user, const char *module, const char *format, va_list args) {
    (void)tif;
    (void)module;
    tiff_memory *m = user;
    if (!m->message[0]) vsnprintf(m->message, sizeof m->message, format, args);
    return 1;
}

static int tiff_warning_handler(TIFF *tif, void *user, const char *module, const char *format, va_list args) {
    (void)tif, (void)user, (void)module, (void)format, (void)args;
    return 1; /* unknown tags and the like do not change the pixels */
}

static tmsize_t tiff_read(thandle_t handle, void *out, tmsize_t size) {
    tiff_memory *m = handle;
    size_t available = m->size - m->offset;
    size_t n = (size_t)size < available ? (size_t)size : available;
    memcpy(out, m->data + m->offset, n);
    m->offset += n;
    return (tmsize_t)n;
}

static tmsize_t tiff_write(thandle_t handle, void *data, tmsize_t size) {
    (void)handle, (void)data, (void)size;
    return -1;
}

static toff_t tiff_seek(thandle_t handle, toff_t offset, int whence) {
    tiff_memory *m = handle;
    uint64_t base = whence == SEEK_CUR ? m->offset : whence == SEEK_END ? m->size : 0;
    uint64_t target = base + offset;
    if (target > m->size) target = m->size;
    m->offset = (size_t)target;
    return target;
}

static int tiff_close(thandle_t handle) {
    (void)handle;
    return 0;
}

static toff_t tiff_size(thandle_t handle) { return ((tiff_memory *)handle)->size; }

static int tiff_map(thandle_t handle, void **base, toff_t *size) {
    (void)handle, (void)base, (void)size;
    return 0;
}

static void tiff_unmap(thandle_t handle, void *base, toff_t size) { (void)handle, (void)base, (void)size; }

/* 16-bit gray or RGB samples, strips or tiles, chunky or planar. */
static int tiff_read16(TIFF *tif, tiff_memory *m, uint32_t width, uint32_t height, uint16_t spp, ba_samples *out,
                       char *error, size_t error_size) {
    uint16_t planar = PLANARCONFIG_CONTIG, photometric = 0;
    TIFFGetFieldDefaulted(tif, TIFFTAG_PLANARCONFIG, &planar);
    TIFFGetFieldDefaulted(tif, TIFFTAG_PHOTOMETRIC, &photometric);
    uint32_t channels = spp >= 3 ? 3 : 1;
    if (channels == 1 && photometric != PHOTOMETRIC_MINISBLACK && photometric != PHOTOMETRIC_MINISWHITE)
        return ba_fail(error, error_size, "unsupported 16-bit TIFF (photometric %u with %u samples)", photometric, spp);
    if (channels == 3 && photometric != PHOTOMETRIC_RGB)
        return ba_fail(error, error_size, "unsupported 16-bit color TIFF (photometric %u, expected RGB)", photometric);
    size_t count = (size_t)width * height;
    uint16_t *pixels = malloc(count * channels * sizeof(uint16_t));
    if (!pixels) return ba_fail(error, error_size, "out of memory for a %ux%u image", width, height);
    int tiled = TIFFIsTiled(tif);
    uint32_t tile_w = width, tile_h = 1;
    if (tiled) {
        TIFFGetField(tif, TIFFTAG_TILEWIDTH, &tile_w);
        TIFFGetField(tif, TIFFTAG_TILELENGTH, &tile_h);
    } else {
        TIFFGetFieldDefaulted(tif, TIFFTAG_ROWSPERSTRIP, &tile_h);
        if (tile_h > height) tile_h = height;
    }
    int planes = planar == PLANARCONFIG_SEPARATE ? spp : 1;
    int per_chunk = planar == PLANARCONFIG_SEPARATE ? 1 : spp;
    tmsize_t chunk_size = tiled ? TIFFTileSize(tif) : TIFFStripSize(tif);
    uint16_t *chunk = chunk_size > 0 ? _TIFFmalloc(chunk_size) : NULL;
    if (!chunk || tile_w == 0 || tile_h == 0) {
        free(pixels);
        if (chunk) _TIFFfree(chunk);
        return ba_fail(error, error_size, "corrupt TIFF (bad strip or tile layout)");
    }
    for (int plane = 0; plane < planes; plane++) {
        for (uint32_t y0 = 0; y0 < height; y0 += tile_h) {
            for (uint32_t x0 = 0; x0 < width; x0 += tile_w) {
                tmsize_t got = tiled ? TIFFReadEncodedTile(tif, TIFFComputeTile(tif, x0, y0, 0, (uint16_t)plane), chunk, chunk_size)
                                     : TIFFReadEncodedStrip(tif, TIFFComputeStrip(tif, y0, (uint16_t)plane), chunk, chunk_size);
                if (got < 0) {
                    free(pixels);
                    _TIFFfree(chunk);
                    return ba_fail(error, error_size, "corrupt or truncated TIFF (libtiff: %s)",
                                   m->message[0] ? m->message : "cannot read image data");
                }
                uint32_t rows = tiled ? tile_h : (uint32_t)(got / ((tmsize_t)width * per_chunk * 2));
                for (uint32_t dy = 0; dy < rows && y0 + dy < height; dy++)
                    for (uint32_t dx = 0; dx < tile_w && x0 + dx < width; dx++)
                        for (uint32_t k = 0; k < channels; k++) {
                            if (planes > 1 && (int)k != plane) continue;
                            size_t source = ((size_t)dy * tile_w + dx) * per_chunk + (planes > 1 ? 0 : k);
                            uint16_t v = chunk[source];
                            if (photometric == PHOTOMETRIC_MINISWHITE) v = (uint16_t)(65535 - v);
                            pixels[((size_t)(y0 + dy) * width + x0 + dx) * channels + k] = v;
                        }
            }
        }
    }
    _TIFFfree(chunk);
    out->samples = pixels;
    out->width = width;
    out->height = height;
    out->channels = channels;
    out->bits = 16;
    return 0;
}

static int tiff_decode_body(TIFF *tif, tiff_memory *m, ba_image *rgb8, ba_samples *samples, char *error,
                            size_t error_size) {
    tdir_t pages = TIFFNumberOfDirectories(tif);
    if (pages > 1)
        return ba_fail(error, error_size, "%u pages; multi-page TIFF is not supported (save one page per file)",
                       (unsigned)pages);
    uint32_t width = 0, height = 0;
    uint16_t bits = 1, spp = 1;
    TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &width);
    TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &height);
    TIFFGetFieldDefaulted(tif, TIFFTAG_BITSPERSAMPLE, &bits);
    TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLESPERPIXEL, &spp);
    if (ba_check_size(width, height, error, error_size)) return 1;
    if (bits == 16) return tiff_read16(tif, m, width, height, spp, samples, error, error_size);
    if (bits > 8) return ba_fail(error, error_size, "%u-bit TIFF samples are not supported (8 or 16)", bits);
    size_t count = (size_t)width * height;
    uint32_t *rgba = _TIFFmalloc((tmsize_t)(count * sizeof(uint32_t)));
    if (!rgba) return ba_fail(error, error_size, "out of memory for a %ux%u image", width, height);
    char why[1024] = "";
    if (!TIFFRGBAImageOK(tif, why)) {
        _TIFFfree(rgba);
        return ba_fail(error, error_size, "unsupported TIFF (libtiff: %s)", why);
    }
    if (!TIFFReadRGBAImageOriented(tif, width, height, rgba, ORIENTATION_TOPLEFT, 0)) {
        _TIFFfree(rgba);
        return ba_fail(error, error_size, "corrupt or truncated TIFF (libtiff: %s)",
                       m->message[0] ? m->message : "cannot read image data");
    }
    uint8_t *pixels = malloc(count * 3);
    if (!pixels) {
        _TIFFfree(rgba);
        return ba_fail(error, error_size, "out of memory for a %ux%u image", width, height);
    }
    for (size_t i = 0; i < count; i++) {
        /* TIFFReadRGBAImage premultiplies alpha already: this is compositing on black. */
        pixels[3 * i + 0] = (uint8_t)TIFFGetR(rgba[i]);
        pixels[3 * i + 1] = (uint8_t)TIFFGetG(rgba[i]);
        pixels[3 * i + 2] = (uint8_t)TIFFGetB(rgba[i]);
    }
    _TIFFfree(rgba);
    rgb8->pixels = pixels;
    rgb8->width = width;
    rgb8->height = height;
    return 0;
}

int ba_tiff_decode(const uint8_t *data, size_t size, ba_image *rgb8, ba_samples *samples, char *error,
                   size_t error_size) {
    if (!rgb8 || !samples) return ba_fail(error, error_size, "no output image");
    memset(rgb8, 0, sizeof *rgb8);
    memset(samples, 0, sizeof *samples);
    if (!data || size < 8) return ba_fail(error, error_size, "truncated TIFF (only %zu bytes)", size);
    tiff_memory m = {data, size, 0, ""};
    TIFFOpenOptions *options = TIFFOpenOptionsAlloc();
    if (!options) return ba_fail(error, error_size, "out of memory");
    TIFFOpenOptionsSetErrorHandlerExtR(options, tiff_error_handler, &m);
    TIFFOpenOptionsSetWarningHandlerExtR(options, tiff_warning_handler, &m);
    TIFF *tif = TIFFClientOpenExt("memory", "rm", (thandle_t)&m, tiff_read, tiff_write, tiff_seek, tiff_close,
                                  tiff_size, tiff_map, tiff_unmap, options);
    TIFFOpenOptionsFree(options);
    if (!tif)
        return ba_fail(error, error_size, "corrupt TIFF (libtiff: %s)", m.message[0] ? m.message : "cannot open");
    int status = tiff_decode_body(tif, &m, rgb8, samples, error, error_size);
    TIFFClose(tif);
    return status;
}
