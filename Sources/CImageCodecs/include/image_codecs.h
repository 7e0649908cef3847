/*
 * PNG and JPEG decoding and encoding through libpng and libjpeg, for the Runtime module.
 *
 * Both libraries report errors with setjmp/longjmp, which Swift cannot use, so every call into
 * them happens here. Each function works on its own library structures (nothing global), so the
 * functions may run on several threads at once. None of them prints or calls exit().
 *
 * Conventions: functions return 0 on success. On failure they return non-zero, write a one-line
 * message (no file name; the caller adds it) into `error` (at most `error_size` bytes, always
 * NUL-terminated when error_size > 0), and leave `*out` empty ({NULL, 0, ...}). Memory handed out
 * comes from malloc and is released with ba_image_free / ba_buffer_free.
 */
#ifndef BA_IMAGE_CODECS_H
#define BA_IMAGE_CODECS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A decoded image: 8-bit RGB, interleaved, row-major, no row padding (width * 3 bytes a row). */
typedef struct {
    uint8_t *pixels;
    uint32_t width;
    uint32_t height;
} ba_image;

/* Encoded file contents. */
typedef struct {
    uint8_t *data;
    size_t size;
} ba_buffer;

/* The largest image the decoders accept: each side and the pixel count (a limit against corrupt
 * headers that would make us allocate gigabytes). 2^28 pixels is 768 MiB of RGB. */
#define BA_IMAGE_MAX_SIDE 65535u
#define BA_IMAGE_MAX_PIXELS (1u << 28)

/* Samples of 8 or 16 bits: `channels` (1 gray, 3 RGB) interleaved, row-major, no padding. */
typedef struct {
    uint16_t *samples;
    uint32_t width;
    uint32_t height;
    uint32_t channels;
    uint32_t bits;
} ba_samples;

void ba_image_free(ba_image *image);
void ba_samples_free(ba_samples *samples);
void ba_buffer_free(ba_buffer *buffer);

/* Decodes any PNG (1/2/4/8/16-bit; gray, gray+alpha, RGB, RGBA, palette; interlaced or not) to
 * 8-bit RGB. Gray is replicated to three channels, 16-bit samples are scaled to 8 bits with
 * rounding (png_set_scale_16), alpha (an alpha channel or tRNS) is composited on black:
 * c' = round(c * a / max). Gamma and color-profile chunks are ignored (samples are used as stored).
 * The whole file is checked, including the CRCs up to IEND. */
int ba_png_decode(const uint8_t *data, size_t size, ba_image *out, char *error, size_t error_size);

/* Decodes a 16-bit PNG (gray, gray+alpha, RGB, RGBA) to 16-bit samples: 1 channel for gray, 3 for
 * RGB; alpha (a channel or tRNS) is composited on black, c' = round(c * a / 65535). Refuses PNGs of
 * other bit depths (ba_png_decode handles those). */
int ba_png_decode16(const uint8_t *data, size_t size, ba_samples *out, char *error, size_t error_size);

/* Decodes a single-page TIFF through libtiff. 16-bit gray or RGB (strips or tiles, chunky or
 * planar) go to `samples` (bits 16); everything libtiff's RGBA interface reads (8-bit and fewer
 * bits gray, RGB, palette, YCbCr, CMYK; alpha composited on black) goes to `rgb8`. Exactly one of
 * the two is filled. Multi-page files are refused ("N pages"). */
int ba_tiff_decode(const uint8_t *data, size_t size, ba_image *rgb8, ba_samples *samples, char *error,
                   size_t error_size);

/* Decodes a baseline or progressive 8-bit JPEG (gray, YCbCr/RGB, CMYK/YCCK) to 8-bit RGB. Gray is
 * replicated; CMYK is converted naively without a color profile (R = (255-C)(255-K)/255, with the
 * inverted Adobe convention when the file has an Adobe marker). A file that ends before its image
 * data does is an error ("Premature end of JPEG file"); other libjpeg warnings (for example
 * extraneous bytes before a marker) are ignored, as most viewers do. */
int ba_jpeg_decode(const uint8_t *data, size_t size, ba_image *out, char *error, size_t error_size);

/* Encodes raw PNG samples. `samples` holds `height` rows of ceil(width * channels * bit_depth / 8)
 * bytes each (16-bit samples big-endian, sub-byte samples packed most significant bits first),
 * where channels follows from color_type (PNG_COLOR_TYPE_*: 0 gray, 2 RGB, 3 palette, 4 gray+alpha,
 * 6 RGBA). For palette images, `palette` holds `palette_entries` RGB triples and `trans`, if not
 * NULL, `trans_entries` alpha values. `interlace` non-zero writes Adam7. Mostly for tests. */
int ba_png_encode(const uint8_t *samples, uint32_t width, uint32_t height, int bit_depth, int color_type,
                  const uint8_t *palette, int palette_entries, const uint8_t *trans, int trans_entries,
                  int interlace, ba_buffer *out, char *error, size_t error_size);

/* 8-bit RGB (width * 3 bytes a row) and 8-bit gray (width bytes a row) PNGs, not interlaced. */
int ba_png_encode_rgb8(const uint8_t *rgb, uint32_t width, uint32_t height, ba_buffer *out, char *error,
                       size_t error_size);
int ba_png_encode_gray8(const uint8_t *gray, uint32_t width, uint32_t height, ba_buffer *out, char *error,
                        size_t error_size);

/* A baseline JPEG at `quality` (1...100) of `components` interleaved 8-bit samples a pixel:
 * 1 gray, 3 RGB (stored as YCbCr, 4:2:0), 4 CMYK (stored as given, with an Adobe marker, so
 * Adobe-convention inverted values). ba_jpeg_encode_rgb8 is components = 3. */
int ba_jpeg_encode(const uint8_t *samples, uint32_t width, uint32_t height, int components, int quality,
                   ba_buffer *out, char *error, size_t error_size);
int ba_jpeg_encode_rgb8(const uint8_t *rgb, uint32_t width, uint32_t height, int quality, ba_buffer *out,
                        char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
