/* Helpers shared by the PNG and JPEG codecs (not part of the public header). */
#ifndef BA_CODECS_INTERNAL_H
#define BA_CODECS_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "image_codecs.h"

/* Writes a printf-style message into error (if any room), always NUL-terminated. Returns 1. */
int ba_fail(char *error, size_t error_size, const char *format, ...) __attribute__((format(printf, 3, 4)));

/* Checks width and height against BA_IMAGE_MAX_*; 0 if acceptable, else writes the error, 1. */
int ba_check_size(uint32_t width, uint32_t height, char *error, size_t error_size);

/* A growable malloc buffer for encoders. Returns 0, or 1 when out of memory. */
int ba_buffer_append(ba_buffer *buffer, size_t *capacity, const uint8_t *bytes, size_t count);

#endif
