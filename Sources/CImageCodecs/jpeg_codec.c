/* JPEG through libjpeg (libjpeg-turbo's libjpeg API). Errors go through a custom error manager
 * whose error_exit longjmps back to the setjmp in the *_body function; everything that must
 * survive the jump lives in a heap context. Messages are never printed. */
#include <limits.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

#include "codecs_internal.h"

typedef struct {
    struct jpeg_error_mgr manager; /* first, so cinfo->err can be cast back */
    jmp_buf jump;
    int truncated;
    char message[JMSG_LENGTH_MAX];
} jpeg_error_context;

static void jpeg_error_exit_handler(j_common_ptr cinfo) {
    jpeg_error_context *e = (jpeg_error_context *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, e->message);
    longjmp(e->jump, 1);
}

/* Warnings (level -1) are ignored except the end of the data before the end of the image: libjpeg
 * would pad the rest of the image with gray, and training on half an image is worse than an error. */
static void jpeg_emit_message_handler(j_common_ptr cinfo, int level) {
    if (level >= 0) return; /* trace messages */
    jpeg_error_context *e = (jpeg_error_context *)cinfo->err;
    if (cinfo->err->msg_code == JWRN_JPEG_EOF) {
        e->truncated = 1;
        (*cinfo->err->format_message)(cinfo, e->message);
        longjmp(e->jump, 1);
    }
    cinfo->err->num_warnings++;
}

static void jpeg_output_message_handler(j_common_ptr cinfo) { (void)cinfo; }

static void jpeg_install_errors(jpeg_error_context *e) {
    jpeg_std_error(&e->manager);
    e->manager.error_exit = jpeg_error_exit_handler;
    e->manager.emit_message = jpeg_emit_message_handler;
    e->manager.output_message = jpeg_output_message_handler;
}

typedef struct {
    struct jpeg_decompress_struct info;
    jpeg_error_context error;
    uint8_t *pixels;
    uint8_t *scanline;
} jpeg_decode_context;

static inline uint8_t mul255(unsigned a, unsigned b) { return (uint8_t)((a * b + 127) / 255); }

/* 0 on success; 1 after a libjpeg error (message in c->error.message); 2 with a message of our own. */
static int jpeg_decode_body(jpeg_decode_context *c, const uint8_t *data, size_t size, ba_image *out) {
    if (setjmp(c->error.jump)) return 1;
    jpeg_create_decompress(&c->info);
    jpeg_mem_src(&c->info, (unsigned char *)(uintptr_t)data, (unsigned long)size);
    (void)jpeg_read_header(&c->info, TRUE);
    if (ba_check_size(c->info.image_width, c->info.image_height, c->error.message, sizeof c->error.message))
        return 2;
    switch (c->info.jpeg_color_space) {
    case JCS_GRAYSCALE: c->info.out_color_space = JCS_GRAYSCALE; break;
    case JCS_CMYK:
    case JCS_YCCK: c->info.out_color_space = JCS_CMYK; break;
    default: c->info.out_color_space = JCS_RGB; break;
    }
    (void)jpeg_start_decompress(&c->info);
    uint32_t width = c->info.output_width, height = c->info.output_height;
    int components = c->info.output_components;
    if (components != 1 && components != 3 && components != 4) {
        snprintf(c->error.message, sizeof c->error.message, "unsupported JPEG with %d color components", components);
        return 2;
    }
    c->pixels = malloc((size_t)width * height * 3);
    c->scanline = malloc((size_t)width * (size_t)components);
    if (!c->pixels || !c->scanline) {
        snprintf(c->error.message, sizeof c->error.message, "out of memory for a %ux%u image", width, height);
        return 2;
    }
    int adobe = c->info.saw_Adobe_marker;
    while (c->info.output_scanline < height) {
        uint8_t *row = c->pixels + (size_t)c->info.output_scanline * width * 3;
        JSAMPROW target = components == 3 ? row : c->scanline;
        if (jpeg_read_scanlines(&c->info, &target, 1) != 1) {
            snprintf(c->error.message, sizeof c->error.message, "libjpeg returned no scanline");
            return 2;
        }
        if (components == 1) {
            for (uint32_t x = 0; x < width; x++) row[3 * x] = row[3 * x + 1] = row[3 * x + 2] = c->scanline[x];
        } else if (components == 4) {
            /* Adobe files store inverted CMYK: stored = 255 - ink. */
            for (uint32_t x = 0; x < width; x++) {
                const uint8_t *s = c->scanline + 4 * x;
                unsigned k = adobe ? s[3] : 255u - s[3];
                for (int i = 0; i < 3; i++) row[3 * x + i] = mul255(adobe ? s[i] : 255u - s[i], k);
            }
        }
    }
    (void)jpeg_finish_decompress(&c->info);
    out->pixels = c->pixels;
    out->width = width;
    out->height = height;
    c->pixels = NULL;
    return 0;
}

int ba_jpeg_decode(const uint8_t *data, size_t size, ba_image *out, char *error, size_t error_size) {
    if (!out) return ba_fail(error, error_size, "no output image");
    memset(out, 0, sizeof *out);
    if (!data || size < 2 || data[0] != 0xFF || data[1] != 0xD8)
        return ba_fail(error, error_size, "not a JPEG file (no start-of-image marker)");
#if SIZE_MAX > ULONG_MAX
    if (size > ULONG_MAX) return ba_fail(error, error_size, "JPEG file too large");
#endif
    jpeg_decode_context *c = calloc(1, sizeof *c);
    if (!c) return ba_fail(error, error_size, "out of memory");
    jpeg_install_errors(&c->error);
    c->info.err = &c->error.manager;
    int status = jpeg_decode_body(c, data, size, out);
    if (status == 1)
        ba_fail(error, error_size, "%s JPEG (libjpeg: %s)", c->error.truncated ? "truncated" : "corrupt",
                c->error.message);
    else if (status == 2)
        ba_fail(error, error_size, "%s", c->error.message);
    jpeg_destroy_decompress(&c->info); /* safe on a partly created struct: it checks for the memory manager */
    free(c->pixels);
    free(c->scanline);
    free(c);
    return status;
}

/* Our own memory destination (jpeg_mem_dest's buffer cannot be freed safely after an error once it
 * has grown): libjpeg fills `chunk`, which is appended to `output` whenever it is full. */
typedef struct {
    struct jpeg_compress_struct info;
    jpeg_error_context error;
    struct jpeg_destination_mgr destination;
    ba_buffer output;
    size_t capacity;
    JOCTET chunk[65536];
} jpeg_encode_context;

static jpeg_encode_context *jpeg_encode_context_of(j_compress_ptr cinfo) {
    return (jpeg_encode_context *)((char *)cinfo - offsetof(jpeg_encode_context, info));
}

static void jpeg_init_destination(j_compress_ptr cinfo) {
    jpeg_encode_context *c = jpeg_encode_context_of(cinfo);
    c->destination.next_output_byte = c->chunk;
    c->destination.free_in_buffer = sizeof c->chunk;
}

static boolean jpeg_empty_output_buffer(j_compress_ptr cinfo) {
    jpeg_encode_context *c = jpeg_encode_context_of(cinfo);
    if (ba_buffer_append(&c->output, &c->capacity, c->chunk, sizeof c->chunk)) ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 0);
    jpeg_init_destination(cinfo);
    return TRUE;
}

static void jpeg_term_destination(j_compress_ptr cinfo) {
    jpeg_encode_context *c = jpeg_encode_context_of(cinfo);
    size_t used = sizeof c->chunk - c->destination.free_in_buffer;
    if (ba_buffer_append(&c->output, &c->capacity, c->chunk, used)) ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 0);
}

static int jpeg_encode_body(jpeg_encode_context *c, const uint8_t *samples, uint32_t width, uint32_t height,
                            int components, int quality) {
    if (setjmp(c->error.jump)) return 1;
    jpeg_create_compress(&c->info);
    c->destination.init_destination = jpeg_init_destination;
    c->destination.empty_output_buffer = jpeg_empty_output_buffer;
    c->destination.term_destination = jpeg_term_destination;
    c->info.dest = &c->destination;
    c->info.image_width = width;
    c->info.image_height = height;
    c->info.input_components = components;
    c->info.in_color_space = components == 1 ? JCS_GRAYSCALE : components == 3 ? JCS_RGB : JCS_CMYK;
    jpeg_set_defaults(&c->info);
    jpeg_set_quality(&c->info, quality, TRUE);
    jpeg_start_compress(&c->info, TRUE);
    size_t stride = (size_t)width * (size_t)components;
    while (c->info.next_scanline < height) {
        JSAMPROW row = (JSAMPROW)(uintptr_t)(samples + (size_t)c->info.next_scanline * stride);
        (void)jpeg_write_scanlines(&c->info, &row, 1);
    }
    jpeg_finish_compress(&c->info);
    return 0;
}

int ba_jpeg_encode(const uint8_t *samples, uint32_t width, uint32_t height, int components, int quality,
                   ba_buffer *out, char *error, size_t error_size) {
    if (!out) return ba_fail(error, error_size, "no output buffer");
    memset(out, 0, sizeof *out);
    if (!samples) return ba_fail(error, error_size, "no samples");
    if (ba_check_size(width, height, error, error_size)) return 1;
    if (components != 1 && components != 3 && components != 4)
        return ba_fail(error, error_size, "a JPEG is encoded from 1, 3 or 4 components, not %d", components);
    if (quality < 1 || quality > 100) return ba_fail(error, error_size, "JPEG quality %d is not in 1...100", quality);
    jpeg_encode_context *c = calloc(1, sizeof *c);
    if (!c) return ba_fail(error, error_size, "out of memory");
    jpeg_install_errors(&c->error);
    c->info.err = &c->error.manager;
    int status = jpeg_encode_body(c, samples, width, height, components, quality);
    if (status != 0) ba_fail(error, error_size, "cannot encode JPEG (libjpeg: %s)", c->error.message);
    jpeg_destroy_compress(&c->info);
    if (status == 0) {
        *out = c->output;
    } else {
        free(c->output.data);
    }
    free(c);
    return status;
}

int ba_jpeg_encode_rgb8(const uint8_t *rgb, uint32_t width, uint32_t height, int quality, ba_buffer *out,
                        char *error, size_t error_size) {
    return ba_jpeg_encode(rgb, width, height, 3, quality, out, error, error_size);
}
