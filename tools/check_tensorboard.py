"""Loads a run's TensorBoard folder with tensorboard's own EventAccumulator and prints what it holds.

Run by hand in the reference venv (the test suite never needs Python):

    PY=~/.breastai-ref-venv/bin/python
    $PY tools/check_tensorboard.py logs/tensorboard/<run id>     # one run's folder
    $PY tools/check_tensorboard.py logs/tensorboard              # every run folder under it

For each run folder (a folder holding `*tfevents*` files): the event files, then every scalar tag
with its number of points, step range and last value, and every text tag with its points (the
phase texts). Exits 1 if it finds no events files, a folder without scalars, or a file
tensorboard stops reading before its end at a damaged record (a CRC or framing error); a torn
last record (a crash mid-write) is reported and tolerated, as TensorBoard does."""
import argparse
import os
import struct
import sys

from tensorboard.backend.event_processing import event_accumulator, event_file_loader


def run_folders(root):
    for folder, _, files in sorted(os.walk(root)):
        names = sorted(f for f in files if "tfevents" in f)
        if names:
            yield folder, names


def check(folder, names):
    ok = True
    print(f"{folder}: {len(names)} events file(s)")
    for name in names:
        path = os.path.join(folder, name)
        # tensorboard's loader stops quietly at a bad record, so the bytes it read are compared
        # with the file's size: what is left is a torn last record (shorter than the length its
        # header gives, as a crash mid-write leaves it: tolerated) or damage (an error).
        records = list(event_file_loader.RawEventFileLoader(path).Load())
        read, size = sum(len(r) + 16 for r in records), os.path.getsize(path)
        print(f"  {name}: {len(records)} records, {size} bytes")
        if read < size:
            with open(path, "rb") as f:
                f.seek(read)
                rest = f.read()
            torn = len(rest) < 12 or struct.unpack("<Q", rest[:8])[0] + 16 > len(rest)
            print(f"  {name}: {len(rest)} bytes after the last readable record at byte {read}: "
                  + ("a torn last record (tolerated)" if torn else "a damaged record (CRC or framing)"))
            ok = ok and torn
    acc = event_accumulator.EventAccumulator(folder, size_guidance={"scalars": 0, "tensors": 0})
    acc.Reload()
    tags = acc.Tags()
    if not tags["scalars"]:
        print("  no scalars")
        ok = False
    for tag in sorted(tags["scalars"]):
        points = acc.Scalars(tag)
        print(f"  scalar {tag}: {len(points)} points, steps {points[0].step}..{points[-1].step}, last {points[-1].value:.6g}")
    for tag in sorted(tags["tensors"]):
        for e in acc.Tensors(tag):
            texts = [s.decode("utf-8") for s in e.tensor_proto.string_val]
            print(f"  text {tag} @ step {e.step}: {' | '.join(texts)}")
    return ok


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("logdir")
    args = p.parse_args()
    found = list(run_folders(args.logdir))
    if not found:
        print(f"{args.logdir}: no *tfevents* files", file=sys.stderr)
        return 1
    ok = all([check(folder, names) for folder, names in found])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
