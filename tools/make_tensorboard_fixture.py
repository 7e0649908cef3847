"""Writes the TensorBoard golden fixture: a small events file written by tensorboard's own writer.

Run by hand in the reference venv (the test suite never needs Python):

    PY=~/.breastai-ref-venv/bin/python
    $PY tools/make_tensorboard_fixture.py                  # writes Tests/Fixtures/tensorboard/
    $PY tools/make_tensorboard_fixture.py --out /tmp/tb    # somewhere else

Outputs (format version 1):
- `golden.tfevents`: the file `tensorboard.summary.writer.event_file_writer.EventFileWriter`
  writes (its `RecordWriter` framing and masked CRC32C), with `time.time()` pinned so the first
  record (`file_version` "brain.Event:2" plus `source_metadata.writer`) is reproducible. The other
  events are built with tensorboard's own protos: scalars as `Summary.Value.simple_value` (what
  `torch.utils.tensorboard` writes), text with `tensorboard.plugins.text.summary_v2.text_pb`.
  One event is a `SessionLog.START` (what a resumed run writes first).
- `golden.json`: the inputs of every record in order (wall time, step, and the values: tag, kind
  "scalar" or "text", value; a non-finite scalar as the string "nan", "inf" or "-inf"; or
  `"session_start": true`), so the Swift test rebuilds the same events with its own writer and
  compares record by record.

The script reads the file back with tensorboard's EventAccumulator and checks every value."""
import argparse
import json
import math
import os
import shutil
import tempfile

import tensorboard
from tensorboard.backend.event_processing import event_accumulator
from tensorboard.compat.proto import event_pb2, summary_pb2
from tensorboard.plugins.text import summary_v2 as text_summary
from tensorboard.summary.writer import event_file_writer

FORMAT_VERSION = 1
FIRST_WALL_TIME = 1764800000.25

# (wall time, step, [(tag, kind, value)] or "session_start"): zero and large steps, several values
# in one event, negative, tiny, huge and non-finite floats, text with non-ASCII characters and a
# newline, and a restart (after the last step before it, so it drops nothing).
EVENTS = [
    (1764800001.5, 0, [("train/loss_running", "scalar", 1.0986123)]),
    (1764800002.125, 1, [("train/loss_running", "scalar", 0.6931472), ("train/lr", "scalar", 3e-4),
                         ("train/images_per_sec", "scalar", 12.5)]),
    (1764800003.0, 2, [("train/loss_running", "scalar", -1.5), ("train/lr", "scalar", 1e-38)]),
    (1764800004.75, 3, [("epoch/phase", "text", "Phase 2 \u00b7 epochs 9\u201320\nLR \u00d7 0.5")]),
    (1764800006.0, 7, [("val/nan", "scalar", float("nan")), ("val/inf", "scalar", float("inf")),
                       ("val/ninf", "scalar", float("-inf"))]),
    (1764800007.5, 8, "session_start"),
    (1764800008.0, 8, [("train/loss_running", "scalar", 0.25)]),
    (1764800009.0, 1 << 40, [("val/auc_roc", "scalar", 0.987654321), ("val/big", "scalar", 3.0e38)]),
]


def summary_for(values):
    summary = summary_pb2.Summary()
    for tag, kind, value in values:
        if kind == "scalar":
            summary.value.add(tag=tag, simple_value=value)
        else:
            summary.value.extend(text_summary.text_pb(tag, value).value)
    return summary


def json_value(kind, value):
    if kind == "scalar" and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def write(out):
    os.makedirs(out, exist_ok=True)
    scratch = tempfile.mkdtemp()
    saved = event_file_writer.time.time
    event_file_writer.time.time = lambda: FIRST_WALL_TIME
    try:
        writer = event_file_writer.EventFileWriter(scratch)
    finally:
        event_file_writer.time.time = saved
    for wall_time, step, values in EVENTS:
        if values == "session_start":
            start = event_pb2.SessionLog(status=event_pb2.SessionLog.START)
            writer.add_event(event_pb2.Event(wall_time=wall_time, step=step, session_log=start))
        else:
            writer.add_event(event_pb2.Event(wall_time=wall_time, step=step, summary=summary_for(values)))
    writer.close()
    [name] = os.listdir(scratch)
    shutil.copyfile(os.path.join(scratch, name), os.path.join(out, "golden.tfevents"))
    shutil.rmtree(scratch)
    inputs = {
        "format_version": FORMAT_VERSION,
        "generator": "tools/make_tensorboard_fixture.py",
        "tensorboard": tensorboard.__version__,
        "first": {"wall_time": FIRST_WALL_TIME, "file_version": "brain.Event:2",
                  "writer": "tensorboard.summary.writer.event_file_writer"},
        "events": [{"wall_time": w, "step": s, "session_start": True} if values == "session_start" else
                   {"wall_time": w, "step": s,
                    "values": [{"tag": t, "kind": k, "value": json_value(k, v)} for t, k, v in values]}
                   for w, s, values in EVENTS],
    }
    with open(os.path.join(out, "golden.json"), "w") as f:
        json.dump(inputs, f, indent=1, ensure_ascii=False)
        f.write("\n")


def check(out):
    """Reads the file back with EventAccumulator: every scalar and text value as written."""
    scratch = tempfile.mkdtemp()
    shutil.copyfile(os.path.join(out, "golden.tfevents"), os.path.join(scratch, "events.out.tfevents.0.golden"))
    acc = event_accumulator.EventAccumulator(scratch, size_guidance={"scalars": 0, "tensors": 0})
    acc.Reload()
    shutil.rmtree(scratch)
    summaries = [(step, values) for _, step, values in EVENTS if values != "session_start"]
    for step, values in summaries:
        for tag, kind, value in values:
            if kind == "scalar":
                [got] = [e for e in acc.Scalars(tag) if e.step == step]
                expected = float(__import__("numpy").float32(value))
                same = (math.isnan(got.value) and math.isnan(expected)) or got.value == expected
                assert same, (tag, step, got.value, expected)
            else:
                [got] = [e for e in acc.Tensors(tag) if e.step == step]
                assert got.tensor_proto.string_val == [value.encode("utf-8")], (tag, got)
    print("checked", sum(len(v) for _, v in summaries), "values in", os.path.join(out, "golden.tfevents"),
          "with tensorboard", tensorboard.__version__)


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--out", default=os.path.join(here, "..", "Tests", "Fixtures", "tensorboard"))
    args = p.parse_args()
    write(args.out)
    check(args.out)
