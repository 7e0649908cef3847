// DICOM reading through DCMTK (see include/dicom_shim.h for the contract).
#include "dcmtk/config/osconfig.h"

#include "dcmtk/dcmdata/dcdict.h"
#include "dcmtk/dcmdata/dcistrmb.h"
#include "dcmtk/dcmdata/dcrledrg.h"
#include "dcmtk/dcmdata/dctk.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmimage/diregist.h"
#include "dcmtk/dcmimgle/dcmimage.h"
#include "dcmtk/dcmjpeg/djdecode.h"
#include "dcmtk/dcmjpls/djdecode.h"
#include "dcmtk/oflog/oflog.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "dicom_shim.h"

namespace {

std::once_flag registration;

/// The process-wide DCMTK setup, once: decoders registered, logging off (nothing printed).
void registerOnce() {
    std::call_once(registration, [] {
        OFLog::configure(OFLogger::OFF_LOG_LEVEL);
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
    });
}

int fail(char *error, size_t size, const char *format, ...) __attribute__((format(printf, 3, 4)));
int fail(char *error, size_t size, const char *format, ...) {
    if (error && size > 0) {
        va_list args;
        va_start(args, format);
        vsnprintf(error, size, format, args);
        va_end(args);
        for (char *p = error; *p; p++)
            if (*p == '\n' || *p == '\r') *p = ' ';
    }
    return 1;
}

/// 0 when the data dictionary is loaded, else a message (implicit-VR files cannot be read without it).
int checkDictionary(char *error, size_t size) {
    if (dcmDataDict.isDictionaryLoaded()) return 0;
    return fail(error, size, "DCMTK's data dictionary is not loaded (looked in %s; install the libdcmtk package "
                "or set DCMDICTPATH)", DCM_DICT_DEFAULT_PATH);
}

void copyText(DcmItem *item, const DcmTagKey &tag, char *out) {
    OFString value;
    out[0] = 0;
    if (item->findAndGetOFString(tag, value).good()) {
        snprintf(out, BA_DICOM_TEXT, "%s", value.c_str());
        // Trim the padding spaces DICOM strings carry.
        size_t n = strlen(out);
        while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == 0)) out[--n] = 0;
    }
}

int32_t integer(DcmItem *item, const DcmTagKey &tag) {
    Uint16 u = 0;
    if (item->findAndGetUint16(tag, u).good()) return u;
    Sint32 s = 0;
    if (item->findAndGetSint32(tag, s).good()) return s;
    OFString text;
    if (item->findAndGetOFString(tag, text).good()) return atoi(text.c_str());
    return 0;
}

void fillHeader(DcmFileFormat &file, ba_dicom_header *h) {
    memset(h, 0, sizeof *h);
    DcmDataset *d = file.getDataset();
    copyText(d, DCM_PatientID, h->patient_id);
    copyText(d, DCM_StudyInstanceUID, h->study_instance_uid);
    copyText(d, DCM_SeriesInstanceUID, h->series_instance_uid);
    copyText(d, DCM_SOPInstanceUID, h->sop_instance_uid);
    copyText(d, DCM_SOPClassUID, h->sop_class_uid);
    if (!h->sop_class_uid[0]) copyText(file.getMetaInfo(), DCM_MediaStorageSOPClassUID, h->sop_class_uid);
    if (h->sop_class_uid[0]) {
        const char *name = dcmFindNameOfUID(h->sop_class_uid, "");
        snprintf(h->sop_class_name, BA_DICOM_TEXT, "%s", name ? name : "");
    }
    copyText(d, DCM_Modality, h->modality);
    copyText(d, DCM_PhotometricInterpretation, h->photometric);
    copyText(d, DCM_ViewPosition, h->view_position);
    copyText(d, DCM_ImageLaterality, h->image_laterality);
    copyText(d, DCM_Laterality, h->laterality);
    copyText(d, DCM_VOILUTFunction, h->voi_lut_function);
    copyText(file.getMetaInfo(), DCM_TransferSyntaxUID, h->transfer_syntax_uid);
    DcmXfer xfer(d->getOriginalXfer());
    if (!h->transfer_syntax_uid[0]) snprintf(h->transfer_syntax_uid, BA_DICOM_TEXT, "%s", xfer.getXferID());
    DcmXfer named(h->transfer_syntax_uid);
    snprintf(h->transfer_syntax_name, BA_DICOM_TEXT, "%s", named.getXferName());

    h->bits_allocated = integer(d, DCM_BitsAllocated);
    h->bits_stored = integer(d, DCM_BitsStored);
    h->high_bit = integer(d, DCM_HighBit);
    h->pixel_representation = integer(d, DCM_PixelRepresentation);
    h->rows = integer(d, DCM_Rows);
    h->columns = integer(d, DCM_Columns);
    h->samples_per_pixel = integer(d, DCM_SamplesPerPixel);
    h->planar_configuration = integer(d, DCM_PlanarConfiguration);
    h->number_of_frames = d->tagExists(DCM_NumberOfFrames) ? integer(d, DCM_NumberOfFrames) : 1;
    h->has_pixel_data = d->tagExists(DCM_PixelData) ? 1 : 0;
    h->has_modality_lut = d->tagExists(DCM_ModalityLUTSequence) ? 1 : 0;
    DcmItem *voi = nullptr;
    h->has_voi_lut = d->findAndGetSequenceItem(DCM_VOILUTSequence, voi, 0).good() && voi ? 1 : 0;

    h->rescale_slope = 1;
    h->rescale_intercept = 0;
    Float64 value;
    if (d->findAndGetFloat64(DCM_RescaleSlope, value).good()) h->rescale_slope = value;
    if (d->findAndGetFloat64(DCM_RescaleIntercept, value).good()) h->rescale_intercept = value;

    DcmElement *centers = nullptr, *widths = nullptr;
    if (d->findAndGetElement(DCM_WindowCenter, centers).good() && d->findAndGetElement(DCM_WindowWidth, widths).good()) {
        unsigned long count = centers->getVM() < widths->getVM() ? centers->getVM() : widths->getVM();
        if (count > BA_DICOM_MAX_WINDOWS) count = BA_DICOM_MAX_WINDOWS;
        for (unsigned long i = 0; i < count; i++) {
            Float64 c = 0, w = 0;
            if (centers->getFloat64(c, i).bad() || widths->getFloat64(w, i).bad()) break;
            h->window_center[i] = c;
            h->window_width[i] = w;
            h->window_count = (int32_t)(i + 1);
        }
    }
}

/// Reads the LUT of the first item of `sequence` (absent: left empty); 0, or 1 with a message.
/// `signedInput`: the first mapped value is signed (the LUT's input can be negative).
int readLUT(DcmDataset *d, const DcmTagKey &sequence, const char *what, bool signedInput, ba_dicom_lut *out, char *error,
            size_t size) {
    DcmItem *item = nullptr;
    if (d->findAndGetSequenceItem(sequence, item, 0).bad() || !item) return 0;
    DcmElement *descriptor = nullptr;
    if (item->findAndGetElement(DCM_LUTDescriptor, descriptor).bad() || descriptor->getVM() < 3)
        return fail(error, size, "the %s's LUT Descriptor is missing or has fewer than 3 values", what);
    Uint16 entries = 0, first = 0, bits = 0;
    descriptor->getUint16(entries, 0);
    descriptor->getUint16(first, 1);
    descriptor->getUint16(bits, 2);
    bool signedFirst = descriptor->getVR() == EVR_SS || signedInput;
    out->entries = entries == 0 ? 65536u : entries;
    out->first = signedFirst ? (int32_t)(int16_t)first : (int32_t)first;
    out->bits = bits;
    if (bits < 1 || bits > 16) return fail(error, size, "the %s has %u bits per entry (expected 8 to 16)", what, bits);
    const Uint16 *data = nullptr;
    unsigned long count = 0;
    if (item->findAndGetUint16Array(DCM_LUTData, data, &count).bad() || !data)
        return fail(error, size, "the %s has no LUT Data", what);
    out->data = (uint16_t *)malloc(sizeof(uint16_t) * out->entries);
    if (!out->data) return fail(error, size, "out of memory");
    if (count >= out->entries) {
        memcpy(out->data, data, sizeof(uint16_t) * out->entries);
    } else if (bits <= 8 && 2 * count >= out->entries) {
        // 8-bit entries packed two a word (low byte first).
        for (uint32_t i = 0; i < out->entries; i++) out->data[i] = (uint16_t)((data[i / 2] >> (8 * (i % 2))) & 0xFF);
    } else {
        return fail(error, size, "the %s has %lu data values for %u entries", what, count, out->entries);
    }
    return 0;
}

/// Extracts one monochrome frame's stored values from uncompressed little-endian pixel data.
int readMonochrome(DcmDataset *d, int32_t frame, ba_dicom_image *out, char *error, size_t size) {
    const ba_dicom_header &h = out->header;
    if (h.bits_allocated != 8 && h.bits_allocated != 16)
        return fail(error, size, "%d bits allocated per sample is not supported (8 or 16)", h.bits_allocated);
    int bitsStored = h.bits_stored > 0 ? h.bits_stored : h.bits_allocated;
    int highBit = h.high_bit > 0 ? h.high_bit : bitsStored - 1;
    if (bitsStored > h.bits_allocated || highBit >= h.bits_allocated || highBit + 1 < bitsStored)
        return fail(error, size, "inconsistent Bits Stored %d / High Bit %d for %d bits allocated", bitsStored, highBit,
                    h.bits_allocated);
    DcmElement *pixel = nullptr;
    Uint8 *bytes = nullptr;
    if (d->findAndGetElement(DCM_PixelData, pixel).bad() || pixel->getUint8Array(bytes).bad() || !bytes)
        return fail(error, size, "cannot read the Pixel Data");
    size_t count = (size_t)h.rows * (size_t)h.columns;
    size_t bytesPer = (size_t)h.bits_allocated / 8;
    size_t offset = (size_t)frame * count * bytesPer;
    if (offset + count * bytesPer > pixel->getLength())
        return fail(error, size, "Pixel Data holds %lu bytes, fewer than %zu needed for frame %d of %dx%d at %d bits",
                    (unsigned long)pixel->getLength(), offset + count * bytesPer, frame + 1, h.columns, h.rows,
                    h.bits_allocated);
    out->values = (int32_t *)malloc(sizeof(int32_t) * count);
    if (!out->values) return fail(error, size, "out of memory for a %dx%d image", h.columns, h.rows);
    const uint8_t *p = bytes + offset;
    int shift = highBit + 1 - bitsStored;
    uint32_t mask = bitsStored >= 32 ? 0xFFFFFFFFu : ((1u << bitsStored) - 1);
    uint32_t signBit = 1u << (bitsStored - 1);
    for (size_t i = 0; i < count; i++) {
        uint32_t raw = bytesPer == 1 ? p[i] : (uint32_t)p[2 * i] | ((uint32_t)p[2 * i + 1] << 8);
        uint32_t v = (raw >> shift) & mask;
        out->values[i] = (h.pixel_representation == 1 && (v & signBit)) ? (int32_t)v - (int32_t)(mask + 1) : (int32_t)v;
    }
    out->channels = 1;
    return 0;
}

/// Renders one color frame to 8-bit RGB with DicomImage.
int readColor(DcmDataset *d, int32_t frame, ba_dicom_image *out, char *error, size_t size) {
    DicomImage image(d, EXS_LittleEndianExplicit, CIF_UsePartialAccessToPixelData, (unsigned long)frame, 1);
    if (image.getStatus() != EIS_Normal)
        return fail(error, size, "DCMTK cannot render the color image (%s)", DicomImage::getString(image.getStatus()));
    const void *rgb = image.getOutputData(8, 0, 0);
    size_t count = (size_t)image.getWidth() * (size_t)image.getHeight();
    if (!rgb || image.getOutputDataSize(8) != count * 3)
        return fail(error, size, "DCMTK cannot render the color image as 8-bit RGB");
    out->rgb = (uint8_t *)malloc(count * 3);
    if (!out->rgb) return fail(error, size, "out of memory");
    memcpy(out->rgb, rgb, count * 3);
    out->channels = 3;
    return 0;
}

int decodeBody(const uint8_t *data, size_t size, int32_t frame, ba_dicom_image *out, char *error, size_t esize) {
    DcmInputBufferStream stream;
    stream.setBuffer(data, (offile_off_t)size);
    stream.setEos();
    DcmFileFormat file;
    file.transferInit();
    OFCondition status = file.read(stream, EXS_Unknown, EGL_noChange, 0xFFFFFFFFu);
    file.transferEnd();
    if (status.bad()) {
        bool truncated = status == EC_StreamNotifyClient || status == EC_PrematureSequDelimitationItem ||
                         status == EC_InvalidStream;
        return fail(error, esize, "%s DICOM file (DCMTK: %s)", truncated ? "truncated" : "unreadable", status.text());
    }
    fillHeader(file, &out->header);
    const ba_dicom_header &h = out->header;
    DcmDataset *d = file.getDataset();
    if (!h.has_pixel_data && (h.rows > 0 || h.columns > 0 || h.bits_allocated > 0))
        return fail(error, esize, "DICOM image attributes (%dx%d, %d bits) but no Pixel Data: the file is truncated or "
                    "damaged", h.columns, h.rows, h.bits_allocated);
    if (!h.has_pixel_data) {
        if (h.sop_class_uid[0])
            return fail(error, esize, "DICOM file without Pixel Data: SOP class %s (%s) is not an image",
                        h.sop_class_name[0] ? h.sop_class_name : "unknown", h.sop_class_uid);
        return fail(error, esize, "DICOM file without Pixel Data (not an image)");
    }
    if (h.rows <= 0 || h.columns <= 0)
        return fail(error, esize, "DICOM image without Rows/Columns (%dx%d)", h.columns, h.rows);
    if (frame < 0 && h.number_of_frames > 1)
        return fail(error, esize, "%d frames; set data.dicom.frame to choose one", h.number_of_frames);
    if (frame < 0) frame = 0;
    if (frame >= (h.number_of_frames > 0 ? h.number_of_frames : 1))
        return fail(error, esize, "data.dicom.frame is %d but the file has %d frame(s) (frames count from 0)", frame,
                    h.number_of_frames);

    DcmXfer original(d->getOriginalXfer());
    if (original.isEncapsulated()) {
        OFCondition converted = d->chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
        if (converted.bad() || !d->canWriteXfer(EXS_LittleEndianExplicit))
            return fail(error, esize, "transfer syntax %s (%s) cannot be decoded: DCMTK has no decoder for it here (%s)",
                        original.getXferName(), original.getXferID(), converted.bad() ? converted.text() : "no codec");
        // The decoders may change Photometric Interpretation (YBR to RGB) and Planar Configuration.
        copyText(d, DCM_PhotometricInterpretation, out->header.photometric);
        out->header.planar_configuration = integer(d, DCM_PlanarConfiguration);
    }
    out->width = (uint32_t)h.columns;
    out->height = (uint32_t)h.rows;
    int samples = h.samples_per_pixel > 0 ? h.samples_per_pixel : 1;
    bool mono = strcmp(h.photometric, "MONOCHROME1") == 0 || strcmp(h.photometric, "MONOCHROME2") == 0;
    if (samples == 1 && mono) {
        if (readMonochrome(d, frame, out, error, esize)) return 1;
        if (readLUT(d, DCM_ModalityLUTSequence, "Modality LUT Sequence", h.pixel_representation == 1, &out->modality_lut,
                    error, esize))
            return 1;
        // The VOI LUT's input is the modality output: signed when the stored values are, or when
        // Rescale Intercept can make them negative.
        bool signedVOI = h.pixel_representation == 1 || (!h.has_modality_lut && h.rescale_intercept < 0);
        return readLUT(d, DCM_VOILUTSequence, "VOI LUT Sequence", signedVOI, &out->voi_lut, error, esize);
    }
    // RGB, YBR_* and PALETTE COLOR: DCMTK renders them to 8-bit RGB.
    if (samples == 3 || (samples == 1 && strcmp(h.photometric, "PALETTE COLOR") == 0))
        return readColor(d, frame, out, error, esize);
    return fail(error, esize, "Photometric Interpretation '%s' with %d samples per pixel is not supported",
                h.photometric, samples);
}

}  // namespace

extern "C" int ba_dicom_read_header(const char *path, ba_dicom_header *out, char *error, size_t error_size) {
    if (!out) return fail(error, error_size, "no output header");
    memset(out, 0, sizeof *out);
    registerOnce();
    if (checkDictionary(error, error_size)) return 1;
    DcmFileFormat file;
    // Values longer than 1 KiB (the pixel data) stay in the file: the header read stays cheap.
    OFCondition status = file.loadFile(path, EXS_Unknown, EGL_noChange, 1024, ERM_autoDetect);
    if (status.bad()) return fail(error, error_size, "not a readable DICOM file (DCMTK: %s)", status.text());
    fillHeader(file, out);
    return 0;
}

extern "C" int ba_dicom_decode(const uint8_t *data, size_t size, int32_t frame, ba_dicom_image *out, char *error,
                               size_t error_size) {
    if (!out) return fail(error, error_size, "no output image");
    memset(out, 0, sizeof *out);
    if (!data || size == 0) return fail(error, error_size, "empty DICOM file");
    registerOnce();
    if (checkDictionary(error, error_size)) return 1;
    int status;
    try {
        status = decodeBody(data, size, frame, out, error, error_size);
    } catch (...) {
        status = fail(error, error_size, "DCMTK failed while decoding (out of memory?)");
    }
    if (status) {
        ba_dicom_header header = out->header;
        ba_dicom_image_free(out);
        out->header = header;
    }
    return status;
}

extern "C" void ba_dicom_image_free(ba_dicom_image *image) {
    if (!image) return;
    free(image->values);
    free(image->rgb);
    free(image->modality_lut.data);
    free(image->voi_lut.data);
    memset(image, 0, sizeof *image);
}
