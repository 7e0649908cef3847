/*
 * DICOM reading through DCMTK, for the Data module.
 *
 * DCMTK is C++; this header is plain C so Swift imports it without C++ interoperability. The only
 * global state is the once-only registration of DCMTK's decoders (JPEG, JPEG-LS, RLE) and the
 * silencing of its logger; every call works on its own DCMTK objects, so calls may run on several
 * threads at once. Nothing is printed.
 *
 * Conventions as in image_codecs.h: 0 on success; on failure non-zero, a one-line message (no file
 * name; the caller adds it) in `error` (at most `error_size` bytes, NUL-terminated), `*out` empty.
 */
#ifndef BA_DICOM_SHIM_H
#define BA_DICOM_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BA_DICOM_TEXT 128
#define BA_DICOM_MAX_WINDOWS 16

/* The attributes read without the pixel data. Text is the attribute's first value, trimmed, or ""
 * when absent; numbers are 0 when absent (rescale: slope 1, intercept 0). */
typedef struct {
    char patient_id[BA_DICOM_TEXT];
    char study_instance_uid[BA_DICOM_TEXT];
    char series_instance_uid[BA_DICOM_TEXT];
    char sop_instance_uid[BA_DICOM_TEXT];
    char sop_class_uid[BA_DICOM_TEXT];
    char sop_class_name[BA_DICOM_TEXT]; /* DCMTK's name of the SOP class, or "" */
    char modality[BA_DICOM_TEXT];
    char photometric[BA_DICOM_TEXT];
    char view_position[BA_DICOM_TEXT];
    char image_laterality[BA_DICOM_TEXT];
    char laterality[BA_DICOM_TEXT];
    char transfer_syntax_uid[BA_DICOM_TEXT];
    char transfer_syntax_name[BA_DICOM_TEXT];
    char voi_lut_function[BA_DICOM_TEXT];
    int32_t bits_allocated, bits_stored, high_bit, pixel_representation;
    int32_t rows, columns, samples_per_pixel, planar_configuration, number_of_frames;
    int32_t has_pixel_data, has_modality_lut, has_voi_lut;
    double rescale_slope, rescale_intercept;
    /* Window Center / Width pairs (the smaller of the two value counts, at most BA_DICOM_MAX_WINDOWS). */
    int32_t window_count;
    double window_center[BA_DICOM_MAX_WINDOWS];
    double window_width[BA_DICOM_MAX_WINDOWS];
} ba_dicom_header;

/* A LUT of a VOI LUT or Modality LUT Sequence item: the descriptor's entry count (0 in the file means
 * 65536), first mapped value and bits per entry, and the entries. Inputs below `first` map to
 * data[0], above the last to data[entries - 1] (as pydicom does). */
typedef struct {
    uint32_t entries;
    int32_t first;
    uint32_t bits;
    uint16_t *data;
} ba_dicom_lut;

/* One decoded frame. Monochrome (channels 1): `values` holds the stored values (rows * columns,
 * row-major), shifted down by HighBit + 1 - BitsStored, masked to BitsStored bits and sign-extended
 * when PixelRepresentation is 1 — no rescale, no VOI (the caller applies them). Color (channels 3:
 * RGB, YBR_*, PALETTE COLOR): `rgb` is 8-bit RGB (interleaved) as DCMTK renders it (YBR converted to
 * RGB, palettes applied; more than 8 bits scaled linearly). The first items of the Modality LUT and
 * VOI LUT Sequences, when present, are in modality_lut and voi_lut (data NULL when absent). */
typedef struct {
    ba_dicom_header header;
    uint32_t width, height, channels;
    int32_t *values;
    uint8_t *rgb;
    ba_dicom_lut modality_lut;
    ba_dicom_lut voi_lut;
} ba_dicom_image;

/* Reads the attributes of the DICOM file at `path` without loading large values (pixel data is
 * skipped). Files with or without the 128-byte preamble are accepted. */
int ba_dicom_read_header(const char *path, ba_dicom_header *out, char *error, size_t error_size);

/* Decodes frame `frame` (0-based; -1 = not chosen: a multi-frame file is refused) of the DICOM file
 * in memory. Compressed transfer syntaxes DCMTK decodes (JPEG baseline/extended/lossless, JPEG-LS,
 * RLE) are decompressed; others (JPEG 2000, ...) are refused with the transfer syntax's name. */
int ba_dicom_decode(const uint8_t *data, size_t size, int32_t frame, ba_dicom_image *out, char *error,
                    size_t error_size);

void ba_dicom_image_free(ba_dicom_image *image);

#ifdef __cplusplus
}
#endif

#endif
