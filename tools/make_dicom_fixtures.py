#!/usr/bin/env python3
"""Writes the small DICOM fixtures of Tests/Fixtures/dicom and their expected 8-bit pixels.

Run with the reference venv (pydicom 3.x, numpy, pylibjpeg, pyjpegls) and DCMTK's command-line
tools on PATH (dcmcjpeg, dcmcjpls, dcmcrle):

    ~/.breastai-ref-venv/bin/python tools/make_dicom_fixtures.py

The expected output of every fixture is computed here, independently of BreastAI, from pydicom's
`pixel_array` (pydicom's own decoders or pylibjpeg/pyjpegls for the compressed files), then
`apply_modality_lut`, then the VOI step (pydicom's `apply_voi_lut` for a VOI LUT, scaled from its
output range to 0-255; the LINEAR window formula of PS3.3 C.11.2.1.2.1 with an output range of
0-255; or numpy's percentile rule), then MONOCHROME1 inversion, with rounding floor(y + 0.5).
It is written to expected.json: one entry per case (a file can have several, e.g. window 1 and 2).
"""
import json
import os
import subprocess
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.pixels import apply_modality_lut, apply_voi_lut
from pydicom.sequence import Sequence
from pydicom.uid import (ExplicitVRLittleEndian, ImplicitVRLittleEndian, RLELossless, generate_uid)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "dicom")
ROWS, COLS = 20, 24
# The patient identity every fixture carries; tests check it never appears in messages.
PATIENT_ID = "PAT-SECRET-4711"
MG_SOP = "1.2.840.10008.5.1.4.1.1.1.2"  # Digital Mammography X-Ray Image Storage - For Presentation
US_SOP = "1.2.840.10008.5.1.4.1.1.6.1"  # Ultrasound Image Storage
SR_SOP = "1.2.840.10008.5.1.4.1.1.88.11"  # Basic Text SR


def base(sop=MG_SOP, modality="MG"):
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = sop
    ds.file_meta.MediaStorageSOPInstanceUID = generate_uid(entropy_srcs=[sop, modality, str(base.counter)])
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    base.counter += 1
    ds.SOPClassUID = sop
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID
    ds.PatientID = PATIENT_ID
    ds.PatientName = "Secret^Patient"
    ds.StudyInstanceUID = "1.2.826.0.1.3680043.8.498.1"
    ds.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.2"
    ds.Modality = modality
    ds.ViewPosition = "CC"
    ds.ImageLaterality = "L"
    return ds


base.counter = 0


def image(ds, pixels, bits_stored, signed=False, photometric="MONOCHROME2"):
    pixels = np.asarray(pixels)
    ds.Rows, ds.Columns = pixels.shape[-2], pixels.shape[-1]
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = photometric
    ds.BitsAllocated = 8 if bits_stored <= 8 else 16
    ds.BitsStored = bits_stored
    ds.HighBit = bits_stored - 1
    ds.PixelRepresentation = 1 if signed else 0
    dtype = {(8, False): np.uint8, (16, False): "<u2", (16, True): "<i2"}[(ds.BitsAllocated, signed)]
    if pixels.ndim == 3:
        ds.NumberOfFrames = pixels.shape[0]
    ds.PixelData = pixels.astype(dtype).tobytes()
    return ds


def ramp(low, high, seed):
    """A ramp over the image plus a fixed pseudo-random texture, in [low, high]."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:ROWS, 0:COLS]
    base_ = low + (high - low) * (x + y * COLS) / (ROWS * COLS - 1)
    noise = rng.integers(-(high - low) // 40, (high - low) // 40 + 1, size=(ROWS, COLS))
    return np.clip(np.round(base_ + noise), low, high).astype(np.int64)


def round8(y):
    return np.clip(np.floor(np.asarray(y, dtype=np.float64) + 0.5), 0, 255).astype(int)


def linear_window(x, center, width):
    """PS3.3 C.11.2.1.2.1 LINEAR with output 0..255 (before rounding)."""
    x = np.asarray(x, dtype=np.float64)
    y = ((x - (center - 0.5)) / (width - 1) + 0.5) * 255.0
    y = np.where(x <= center - 0.5 - (width - 1) / 2, 0.0, y)
    y = np.where(x > center - 0.5 + (width - 1) / 2, 255.0, y)
    return y


def expected(ds, window_index=0, frame=None, stored_8bit_as_is=False):
    """The 8-bit result and a description of the rule, from pydicom."""
    arr = ds.pixel_array
    if frame is not None:
        arr = arr[frame]
    if ds.SamplesPerPixel == 3:
        return arr.astype(int).reshape(-1).tolist(), "rgb", None, None
    modality = apply_modality_lut(arr, ds).astype(np.float64)
    if "VOILUTSequence" in ds:
        item = ds.VOILUTSequence[0]
        bits = int(item.LUTDescriptor[2])
        out = apply_voi_lut(arr if "RescaleSlope" not in ds else modality, ds, index=0).astype(np.float64)
        first = int(item.LUTDescriptor[1])
        entries = int(item.LUTDescriptor[0]) or 65536
        y = round8(out / (2**bits - 1) * 255.0)
        rule, low, high = "voi-lut", first, first + entries - 1
    elif "WindowCenter" in ds:
        centers = ds.WindowCenter if ds["WindowCenter"].VM > 1 else [ds.WindowCenter]
        widths = ds.WindowWidth if ds["WindowWidth"].VM > 1 else [ds.WindowWidth]
        c, w = float(centers[window_index]), float(widths[window_index])
        y = round8(linear_window(modality, c, w))
        rule, low, high = "window", c - 0.5 - (w - 1) / 2, c - 0.5 + (w - 1) / 2
    elif stored_8bit_as_is:
        y = round8(modality)
        rule, low, high = "as-stored", 0, 255
    else:
        low, high = np.percentile(modality, [0.5, 99.5])
        y = round8((modality - low) / (high - low) * 255.0)
        rule = "percentile"
    if ds.PhotometricInterpretation == "MONOCHROME1":
        y = 255 - y
    return y.reshape(-1).tolist(), rule, float(low), float(high)


def save(ds, name, implicit=False):
    path = os.path.join(OUT, name)
    if implicit:
        ds.file_meta.TransferSyntaxUID = ImplicitVRLittleEndian
    ds.save_as(path, enforce_file_format=True)
    return path


def dcmtk(tool, options, source, name):
    path = os.path.join(OUT, name)
    subprocess.run([tool, *options, source, path], check=True)
    return path


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = []

    def case(name, window_index=0, frame=None, as_is=False, note=""):
        ds = pydicom.dcmread(os.path.join(OUT, name))
        pixels, rule, low, high = expected(ds, window_index, frame, as_is)
        cases.append({"file": name, "window_index": window_index, "frame": frame, "rule": rule,
                      "window_low": low, "window_high": high, "width": int(ds.Columns), "height": int(ds.Rows),
                      "channels": int(ds.SamplesPerPixel), "note": note, "pixels": pixels})

    # 8-bit MONOCHROME2, no window: used as stored.
    save(image(base(), ramp(0, 255, 1), 8), "mono2_8bit.dcm")
    case("mono2_8bit.dcm", as_is=True, note="8-bit without a window is used as stored")

    # 12-bit stored in 16 with Rescale Slope/Intercept and one window.
    ds = image(base(), ramp(0, 4095, 2), 12)
    ds.RescaleSlope, ds.RescaleIntercept = "0.5", "-100"
    ds.WindowCenter, ds.WindowWidth = "900", "1500"
    save(ds, "mono2_12bit_rescale.dcm")
    case("mono2_12bit_rescale.dcm")

    # 16-bit unsigned, no window: the percentile rule.
    save(image(base(), ramp(1000, 60000, 3), 16), "mono2_16bit_nowindow.dcm")
    case("mono2_16bit_nowindow.dcm", note="no window: percentile 0.5-99.5 of the modality values")

    # Signed 16-bit with negative values and a window.
    ds = image(base("1.2.840.10008.5.1.4.1.1.2", "CT"), ramp(-2000, 2500, 4), 16, signed=True)
    ds.RescaleSlope, ds.RescaleIntercept = "1", "0"
    ds.WindowCenter, ds.WindowWidth = "40", "400"
    save(ds, "signed_16bit.dcm")
    case("signed_16bit.dcm")

    # Signed 12-bit in 16 (sign extension from bit 11).
    save(image(base(), ramp(-2048, 2047, 5), 12, signed=True), "signed_12bit_nowindow.dcm")
    case("signed_12bit_nowindow.dcm")

    # MONOCHROME1, 12-bit, one window.
    ds = image(base(), ramp(0, 4095, 6), 12, photometric="MONOCHROME1")
    ds.WindowCenter, ds.WindowWidth = "2048", "4096"
    save(ds, "mono1_12bit.dcm")
    case("mono1_12bit.dcm")

    # Two windows: both indices.
    ds = image(base(), ramp(0, 4095, 7), 12)
    ds.WindowCenter, ds.WindowWidth = ["1000", "3000"], ["800", "2000"]
    save(ds, "two_windows.dcm")
    case("two_windows.dcm", window_index=0)
    case("two_windows.dcm", window_index=1)

    # A VOI LUT (it takes precedence over the window also present).
    ds = image(base(), ramp(0, 4095, 8), 12)
    ds.WindowCenter, ds.WindowWidth = "2000", "100"
    item = Dataset()
    entries, first = 3000, 500
    lut = np.clip(np.round(4095 * np.sqrt(np.arange(entries) / (entries - 1))), 0, 4095).astype("<u2")
    item.LUTDescriptor = [entries, first, 12]
    item.LUTData = lut.tolist()
    item["LUTDescriptor"].VR = "US"
    item["LUTData"].VR = "OW"
    item.LUTData = lut.tobytes()
    ds.VOILUTSequence = Sequence([item])
    save(ds, "voi_lut.dcm")
    case("voi_lut.dcm")

    # A Modality LUT (replaces Rescale Slope/Intercept), not monotonic, and no window: the percentile
    # rule on the LUT's output.
    ds = image(base(), ramp(0, 4095, 20), 12)
    item = Dataset()
    item.LUTDescriptor = [4096, 0, 16]
    item["LUTDescriptor"].VR = "US"
    item.LUTData = ((np.arange(4096) * 37) % 4096 * 16).astype("<u2").tobytes()
    item["LUTData"].VR = "OW"
    item.ModalityLUTType = "US"
    ds.ModalityLUTSequence = Sequence([item])
    save(ds, "modality_lut.dcm")
    case("modality_lut.dcm", note="percentile rule on the Modality LUT's output")

    # RGB (ultrasound), 8-bit, interleaved.
    ds = base(US_SOP, "US")
    rgb = np.stack([ramp(0, 255, 9), ramp(0, 255, 10)[::-1], np.full((ROWS, COLS), 77)], axis=-1).astype(np.uint8)
    ds.Rows, ds.Columns = ROWS, COLS
    ds.SamplesPerPixel, ds.PhotometricInterpretation, ds.PlanarConfiguration = 3, "RGB", 0
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.PixelData = rgb.tobytes()
    save(ds, "rgb.dcm")
    case("rgb.dcm")

    # The same RGB pixels stored color-by-plane (Planar Configuration 1).
    ds.PlanarConfiguration = 1
    ds.PixelData = np.ascontiguousarray(rgb.transpose(2, 0, 1)).tobytes()
    save(ds, "rgb_planar.dcm")
    case("rgb_planar.dcm")

    # PALETTE COLOR (8-bit indices, 16-bit palette entries that are multiples of 257, so scaling
    # to 8 bits by / 257 or by >> 8 gives the same value).
    ds = base(US_SOP, "US")
    index = ramp(0, 255, 19).astype(np.uint8)
    ds.Rows, ds.Columns = ROWS, COLS
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "PALETTE COLOR"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    levels = np.arange(256)
    for name, table in (("Red", levels), ("Green", 255 - levels), ("Blue", (levels * 7) % 256)):
        setattr(ds, f"{name}PaletteColorLookupTableDescriptor", [256, 0, 16])
        setattr(ds, f"{name}PaletteColorLookupTableData", (table * 257).astype("<u2").tobytes())
    ds.PixelData = index.tobytes()
    save(ds, "palette.dcm")
    ds = pydicom.dcmread(os.path.join(OUT, "palette.dcm"))
    from pydicom.pixels import apply_color_lut
    rgb16 = apply_color_lut(ds.pixel_array, ds)
    cases.append({"file": "palette.dcm", "window_index": 0, "frame": None, "rule": "rgb", "window_low": None,
                  "window_high": None, "width": COLS, "height": ROWS, "channels": 3,
                  "note": "PALETTE COLOR through pydicom's apply_color_lut, / 257",
                  "pixels": (rgb16.astype(int) // 257).reshape(-1).tolist()})

    # Multi-frame: refused unless a frame is chosen.
    frames = np.stack([ramp(0, 4095, 11 + i) for i in range(3)])
    ds = image(base(), frames, 12)
    ds.WindowCenter, ds.WindowWidth = "2048", "3000"
    save(ds, "multiframe.dcm")
    case("multiframe.dcm", frame=1)

    # No extension (preamble + DICM), implicit VR.
    ds = image(base(), ramp(0, 4095, 14), 12)
    ds.WindowCenter, ds.WindowWidth = "1500", "2500"
    save(ds, "IM0001", implicit=True)
    case("IM0001")

    # A structured report: no pixel data.
    ds = base(SR_SOP, "SR")
    ds.ValueType = "CONTAINER"
    save(ds, "report_sr.dcm")

    # Compressed from uncompressed sources by DCMTK's tools; expected values from pydicom's decoders.
    src16 = save(image(base(), ramp(0, 4095, 15), 12), "src_12bit.tmp")
    dcmtk("dcmcrle", [], src16, "rle_12bit.dcm")
    case("rle_12bit.dcm")
    dcmtk("dcmcjpls", ["+el"], src16, "jpegls_12bit.dcm")
    case("jpegls_12bit.dcm")
    dcmtk("dcmcjpeg", ["+e1"], src16, "jpeg_lossless_12bit.dcm")
    case("jpeg_lossless_12bit.dcm")
    src8 = save(image(base(), ramp(0, 255, 16), 8), "src_8bit.tmp")
    dcmtk("dcmcjpeg", ["+eb", "+q", "95"], src8, "jpeg_baseline_8bit.dcm")
    case("jpeg_baseline_8bit.dcm", as_is=True, note="lossy: DCMTK's IJG decoder may differ by 1 from pylibjpeg")
    # RGB through lossy JPEG (stored as YBR_FULL_422): only checked against rgb.dcm with a tolerance.
    dcmtk("dcmcjpeg", ["+eb", "+q", "95"], os.path.join(OUT, "rgb.dcm"), "rgb_jpeg_baseline.dcm")
    os.remove(src16)
    os.remove(src8)

    # A bare data set: no preamble, no meta header, implicit VR little endian.
    ds = image(base(), ramp(0, 4095, 18), 12)
    ds.WindowCenter, ds.WindowWidth = "2000", "3000"
    del ds.file_meta
    ds.save_as(os.path.join(OUT, "bare_dataset.raw"), implicit_vr=True, little_endian=True, enforce_file_format=False)
    ds = pydicom.dcmread(os.path.join(OUT, "bare_dataset.raw"), force=True)
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ImplicitVRLittleEndian
    pixels, rule, low, high = expected(ds)
    cases.append({"file": "bare_dataset.raw", "window_index": 0, "frame": None, "rule": rule, "window_low": low,
                  "window_high": high, "width": COLS, "height": ROWS, "channels": 1,
                  "note": "no preamble, no meta header", "pixels": pixels})

    # JPEG 2000 (no decoder in DCMTK): a valid header with an encapsulated fragment.
    from pydicom.encaps import encapsulate
    ds = image(base(), ramp(0, 4095, 17), 12)
    ds.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.4.90"
    ds.PixelData = encapsulate([b"\xff\x4f\xff\x51" + bytes(60)])
    ds["PixelData"].VR = "OB"
    ds.save_as(os.path.join(OUT, "jpeg2000.dcm"), enforce_file_format=True)

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"format": 1, "generator": "tools/make_dicom_fixtures.py", "pydicom": pydicom.__version__,
                   "patient_id": PATIENT_ID, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    sys.exit(main())
