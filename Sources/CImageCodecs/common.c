#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codecs_internal.h"

void ba_image_free(ba_image *image) {
    if (!image) return;
    free(image->pixels);
    image->pixels = NULL;
    image->width = 0;
    image->height = 0;
}

void ba_samples_free(ba_samples *samples) {
    if (!samples) return;
    free(samples->samples);
    memset(samples, 0, sizeof *samples);
}

void ba_buffer_free(ba_buffer *buffer) {
    if (!buffer) return;
    free(buffer->data);
    buffer->data = NULL;
    buffer->size = 0;
}

int ba_fail(char *error, size_t error_size, const char *format, ...) {
    if (error && error_size > 0) {
        va_list args;
        va_start(args, format);
        vsnprintf(error, error_size, format, args);
        va_end(args);
        /* One line: libraries' messages should not contain newlines, but make sure. */
        for (char *p = error; *p; p++)
            if (*p == '\n' || *p == '\r') *p = ' ';
    }
    return 1;
}

int ba_check_size(uint32_t width, uint32_t height, char *error, size_t error_size) {
    if (width == 0 || height == 0)
        return ba_fail(error, error_size, "image has no pixels (%ux%u)", width, height);
    if (width > BA_IMAGE_MAX_SIDE || height > BA_IMAGE_MAX_SIDE ||
        (uint64_t)width * height > BA_IMAGE_MAX_PIXELS)
        return ba_fail(error, error_size, "image too large (%ux%u; at most %u a side and %u pixels)", width,
                       height, BA_IMAGE_MAX_SIDE, BA_IMAGE_MAX_PIXELS);
    return 0;
}

int ba_buffer_append(ba_buffer *buffer, size_t *capacity, const uint8_t *bytes, size_t count) {
    if (count > SIZE_MAX - buffer->size) return 1;
    if (buffer->size + count > *capacity) {
        size_t wanted = *capacity ? *capacity : 4096;
        while (wanted < buffer->size + count) {
            if (wanted > SIZE_MAX / 2) return 1;
            wanted *= 2;
        }
        uint8_t *grown = realloc(buffer->data, wanted);
        if (!grown) return 1;
        buffer->data = grown;
        *capacity = wanted;
    }
    memcpy(buffer->data + buffer->size, bytes, count);
    buffer->size += count;
    return 0;
}
