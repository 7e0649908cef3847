/* PNG through libpng. libpng reports errors by calling our error function, which longjmps back to
 * the setjmp in the *_body function; all state that must survive the jump lives in a heap
 * png_context, so no local variable is live across setjmp. */
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codecs_internal.h"

typedef struct {
    jmp_buf jump;
    char message[256];
    /* Reading: the file in memory and how far libpng has read; truncated is set when it asked for
     * bytes past the end. */
    const uint8_t *data;
    size_t size;
    size_t offset;
    int truncated;
    png_structp png;
    png_infop info;
    uint8_t *pixels;
    png_bytep *rows;
    /* Writing. */
    ba_buffer output;
    size_t capacity;
    png_color palette[256];
} png_context;

static void png_error_handler(png_structp png, png_const_charp message) {
    png_context *c = png_get_error_ptr(png);
    snprintf(c->message, sizeof c->message, "%s", message ? message : "unknown error");
    longjmp(c->jump, 1);
}

static void png_warning_handler(png_structp png, png_const_charp message) {
    (void)png;
    (void)message; /* Warnings (bad ancillary chunks, sRGB profiles) do not affect the pixels we use. */
}

static void png_read_memory(png_structp png, png_bytep out, size_t length) {
    png_context *c = png_get_io_ptr(png);
    if (length > c->size - c->offset) {
        c->truncated = 1;
        png_error(png, "unexpected end of data");
    }
    memcpy(out, c->data + c->offset, length);
    c->offset += length;
}

static void png_write_memory(png_structp png, png_bytep data, size_t length) {
    png_context *c = png_get_io_ptr(png);
    if (ba_buffer_append(&c->output, &c->capacity, data, length)) png_error(png, "out of memory");
}

static void png_flush_memory(png_structp png) { (void)png; }

/* 0 on success; 1 after a libpng error (message in c->message); 2 with a message of our own. */
static int png_decode_body(png_context *c, ba_image *out) {
    if (setjmp(c->jump)) return 1;
    png_set_read_fn(c->png, c, png_read_memory);
    png_read_info(c->png, c->info);

    png_uint_32 width, height;
    int bit_depth, color_type, interlace;
    png_get_IHDR(c->png, c->info, &width, &height, &bit_depth, &color_type, &interlace, NULL, NULL);
    if (ba_check_size(width, height, c->message, sizeof c->message)) return 2;

    if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(c->png);
    if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(c->png);
    if (png_get_valid(c->png, c->info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(c->png);
#ifdef PNG_READ_SCALE_16_TO_8_SUPPORTED
    if (bit_depth == 16) png_set_scale_16(c->png);
#else
    if (bit_depth == 16) png_set_strip_16(c->png);
#endif
    if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(c->png);
    (void)png_set_interlace_handling(c->png);
    png_read_update_info(c->png, c->info);

    size_t channels = png_get_channels(c->png, c->info);
    size_t row_bytes = png_get_rowbytes(c->png, c->info);
    if (png_get_bit_depth(c->png, c->info) != 8 || (channels != 3 && channels != 4) || row_bytes != width * channels) {
        snprintf(c->message, sizeof c->message,
                 "unsupported PNG layout (bit depth %d, color type %d gave %zu channels of %d bits)", bit_depth,
                 color_type, channels, png_get_bit_depth(c->png, c->info));
        return 2;
    }
    c->pixels = malloc(row_bytes * height);
    c->rows = malloc(sizeof(png_bytep) * height);
    if (!c->pixels || !c->rows) {
        snprintf(c->message, sizeof c->message, "out of memory for a %ux%u image", (unsigned)width, (unsigned)height);
        return 2;
    }
    for (png_uint_32 y = 0; y < height; y++) c->rows[y] = c->pixels + (size_t)y * row_bytes;
    png_read_image(c->png, c->rows);
    png_read_end(c->png, NULL);

    if (channels == 4) {
        /* Composite on black and pack RGBA to RGB in place (the write index never passes the read). */
        size_t count = (size_t)width * height;
        uint8_t *p = c->pixels;
        for (size_t i = 0; i < count; i++) {
            unsigned a = p[4 * i + 3];
            p[3 * i + 0] = (uint8_t)((p[4 * i + 0] * a + 127) / 255);
            p[3 * i + 1] = (uint8_t)((p[4 * i + 1] * a + 127) / 255);
            p[3 * i + 2] = (uint8_t)((p[4 * i + 2] * a + 127) / 255);
        }
        uint8_t *shrunk = realloc(c->pixels, count * 3);
        if (shrunk) c->pixels = shrunk;
    }
    out->pixels = c->pixels;
    out->width = width;
    out->height = height;
    c->pixels = NULL;
    return 0;
}


static int png_channels(int color_type) {
    switch (color_type) {
    case PNG_COLOR_TYPE_GRAY: return 1;
    case PNG_COLOR_TYPE_RGB: return 3;
    case PNG_COLOR_TYPE_PALETTE: return 1;
    case PNG_COLOR_TYPE_GRAY_ALPHA: return 2;
    case PNG_COLOR_TYPE_RGB_ALPHA: return 4;
    default: return 0;
    }
}

static int png_encode_body(png_context *c, const uint8_t *samples, uint32_t width, uint32_t height, int bit_depth,
                           int color_type, const uint8_t *palette, int palette_entries, const uint8_t *trans,
                           int trans_entries, int interlace) {
    if (setjmp(c->jump)) return 1;
    png_set_write_fn(c->png, c, png_write_memory, png_flush_memory);
    /* png_set_IHDR rejects invalid combinations (say 16-bit palette) through png_error. */
    png_set_IHDR(c->png, c->info, width, height, bit_depth, color_type,
                 interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    if (color_type == PNG_COLOR_TYPE_PALETTE) {
        for (int i = 0; i < palette_entries; i++) {
            c->palette[i].red = palette[3 * i];
            c->palette[i].green = palette[3 * i + 1];
            c->palette[i].blue = palette[3 * i + 2];
        }
        png_set_PLTE(c->png, c->info, c->palette, palette_entries);
        if (trans && trans_entries > 0) png_set_tRNS(c->png, c->info, trans, trans_entries, NULL);
    }
    png_write_info(c->png, c->info);
    size_t row_bytes = ((size_t)width * (size_t)png_channels(color_type) * (size_t)bit_depth + 7) / 8;
    c->rows = malloc(sizeof(png_bytep) * height);
    if (!c->rows) png_error(c->png, "out of memory");
    for (uint32_t y = 0; y < height; y++) c->rows[y] = (png_bytep)(uintptr_t)(samples + (size_t)y * row_bytes);
    png_write_image(c->png, c->rows);
    png_write_end(c->png, NULL);
    return 0;
}

int ba_png_encode(const uint8_t *samples, uint32_t width, uint32_t height, int bit_depth, int color_type,
                  const uint8_t *palette, int palette_entries, const uint8_t *trans, int trans_entries,
                  int interlace, ba_buffer *out, char *error, size_t error_size) {
    if (!out) return ba_fail(error, error_size, "no output buffer");
    memset(out, 0, sizeof *out);
    if (!samples) return ba_fail(error, error_size, "no samples");
    if (ba_check_size(width, height, error, error_size)) return 1;
    if (png_channels(color_type) == 0) return ba_fail(error, error_size, "unknown PNG color type %d", color_type);
    if (color_type == PNG_COLOR_TYPE_PALETTE &&
        (!palette || palette_entries < 1 || palette_entries > 256 || trans_entries < 0 ||
         trans_entries > palette_entries))
        return ba_fail(error, error_size, "a palette PNG needs 1...256 palette entries and at most as many alphas");
    png_context *c = calloc(1, sizeof *c);
    if (!c) return ba_fail(error, error_size, "out of memory");
    int status = 3;
    c->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (c->png) {
        png_set_error_fn(c->png, c, png_error_handler, png_warning_handler);
        c->info = png_create_info_struct(c->png);
        if (c->info)
            status = png_encode_body(c, samples, width, height, bit_depth, color_type, palette, palette_entries,
                                     trans, trans_entries, interlace);
    }
    if (status == 1)
        ba_fail(error, error_size, "cannot encode PNG (libpng: %s)", c->message);
    else if (status == 3)
        ba_fail(error, error_size, "cannot initialize libpng (out of memory or library version mismatch)");
    if (status == 0) {
        *out = c->output;
    } else {
        free(c->output.data);
    }
    if (c->png) png_destroy_write_struct(&c->png, c->info ? &c->info : NULL);
    free(c->rows);
    free(c);
    return status;
}

int ba_png_encode_rgb8(const uint8_t *rgb, uint32_t width, uint32_t height, ba_buffer *out, char *error,
                       size_t error_size) {
    return ba_png_encode(rgb, width, height, 8, PNG_COLOR_TYPE_RGB, NULL, 0, NULL, 0, 0, out, error, error_size);
}

int ba_png_encode_gray8(const uint8_t *gray, uint32_t width, uint32_t height, ba_buffer *out, char *error,
                        size_t error_size) {
    return ba_png_encode(gray, width, height, 8, PNG_COLOR_TYPE_GRAY, NULL, 0, NULL, 0, 0, out, error, error_size);
}

/* 16-bit decoding: 0 on success; 1 after a libpng error; 2 with a message of our own. */
static int png_decode16_body(png_context *c, ba_samples *out) {
    if (setjmp(c->jump)) return 1;
    png_set_read_fn(c->png, c, png_read_memory);
    png_read_info(c->png, c->info);

    png_uint_32 width, height;
    int bit_depth, color_type, interlace;
    png_get_IHDR(c->png, c->info, &width, &height, &bit_depth, &color_type, &interlace, NULL, NULL);
    if (ba_check_size(width, height, c->message, sizeof c->message)) return 2;
    if (bit_depth != 16) {
        snprintf(c->message, sizeof c->message, "not a 16-bit PNG (bit depth %d)", bit_depth);
        return 2;
    }
    if (png_get_valid(c->png, c->info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(c->png);
    png_set_swap(c->png); /* host (little-endian) order */
    (void)png_set_interlace_handling(c->png);
    png_read_update_info(c->png, c->info);

    size_t channels = png_get_channels(c->png, c->info);
    size_t row_bytes = png_get_rowbytes(c->png, c->info);
    if (channels < 1 || channels > 4 || row_bytes != (size_t)width * channels * 2) {
        snprintf(c->message, sizeof c->message, "unsupported 16-bit PNG layout (color type %d, %zu channels)",
                 color_type, channels);
        return 2;
    }
    c->pixels = malloc(row_bytes * height);
    c->rows = malloc(sizeof(png_bytep) * height);
    if (!c->pixels || !c->rows) {
        snprintf(c->message, sizeof c->message, "out of memory for a %ux%u image", (unsigned)width, (unsigned)height);
        return 2;
    }
    for (png_uint_32 y = 0; y < height; y++) c->rows[y] = c->pixels + (size_t)y * row_bytes;
    png_read_image(c->png, c->rows);
    png_read_end(c->png, NULL);

    /* Composite alpha on black and drop it, in place (the write index never passes the read). */
    size_t count = (size_t)width * height;
    size_t color = channels >= 3 ? 3 : 1;
    uint16_t *p = (uint16_t *)(void *)c->pixels;
    if (channels == 2 || channels == 4) {
        for (size_t i = 0; i < count; i++) {
            uint64_t a = p[channels * i + color];
            for (size_t k = 0; k < color; k++)
                p[color * i + k] = (uint16_t)((p[channels * i + k] * a + 32767) / 65535);
        }
    }
    out->samples = p;
    out->width = width;
    out->height = height;
    out->channels = (uint32_t)color;
    out->bits = 16;
    c->pixels = NULL;
    return 0;
}

/* The decoders' shared frame: checks the signature, sets up libpng with our error handlers, runs
 * `body` (png_decode_body or png_decode16_body, on `out`), turns its status into the message, frees
 * what the body left. */
typedef int (*png_body)(png_context *c, void *out);

static int png_decode_with(const uint8_t *data, size_t size, png_body body, void *out, char *error, size_t error_size) {
    if (!data || size < 8 || png_sig_cmp((png_const_bytep)data, 0, 8) != 0)
        return ba_fail(error, error_size, "not a PNG file (bad signature)");
    png_context *c = calloc(1, sizeof *c);
    if (!c) return ba_fail(error, error_size, "out of memory");
    c->data = data;
    c->size = size;
    int status = 3;
    c->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (c->png) {
        png_set_error_fn(c->png, c, png_error_handler, png_warning_handler);
        c->info = png_create_info_struct(c->png);
        if (c->info) status = body(c, out);
    }
    if (status == 1)
        ba_fail(error, error_size, "%s PNG (libpng: %s)", c->truncated ? "truncated" : "corrupt", c->message);
    else if (status == 2)
        ba_fail(error, error_size, "%s", c->message);
    else if (status == 3)
        ba_fail(error, error_size, "cannot initialize libpng (out of memory or library version mismatch)");
    if (c->png) png_destroy_read_struct(&c->png, c->info ? &c->info : NULL, NULL);
    free(c->rows);
    free(c->pixels);
    free(c);
    return status;
}

static int png_body8(png_context *c, void *out) { return png_decode_body(c, out); }
static int png_body16(png_context *c, void *out) { return png_decode16_body(c, out); }

int ba_png_decode(const uint8_t *data, size_t size, ba_image *out, char *error, size_t error_size) {
    if (!out) return ba_fail(error, error_size, "no output image");
    memset(out, 0, sizeof *out);
    return png_decode_with(data, size, png_body8, out, error, error_size);
}

int ba_png_decode16(const uint8_t *data, size_t size, ba_samples *out, char *error, size_t error_size) {
    if (!out) return ba_fail(error, error_size, "no output samples");
    memset(out, 0, sizeof *out);
    return png_decode_with(data, size, png_body16, out, error, error_size);
}
