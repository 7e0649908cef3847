"""Checks an ONNX file written by BreastAI against logits of the compiled program (or a fixture).

Run by hand in the reference venv (onnx + onnxruntime; the test suite never needs them):

    PY=$(bash ../shared/tools/reference-venv.sh)
    # a checkpoint's export against `breastai-run forward` on the same input and weights:
    breastai-run export --checkpoint best --format onnx --out model.onnx
    breastai-run forward --model S --weights W.safetensors --input X.safetensors --output Y.safetensors
    $PY tools/check_onnx.py model.onnx --input X.safetensors --reference Y.safetensors

    # the tiny fixtures (PyTorch's eval logits are stored in the fixture itself):
    BREASTAI_ONNX_OUT=/tmp swift test --filter ONNXExportTests/testWriteFixtureModels
    $PY tools/check_onnx.py /tmp/tiny_breastai.onnx --input Tests/Fixtures/tiny_breastai.safetensors \\
        --reference Tests/Fixtures/tiny_breastai.safetensors --reference-key eval_logits

It runs `onnx.checker.check_model(full_check=True)` (structure and shape inference), prints the
declared inputs, outputs and metadata, runs onnxruntime on the CPU on `--input-key` (NCHW
float32, default `input`), and prints the first logits side by side, max |diff| and
max |diff| / max |ref| against `--reference-key` (default `logits`, what `breastai-run forward
--output` writes). It also runs the first sample alone to check the batch dimension is dynamic.
Exits 1 when the relative difference exceeds `--tolerance` (default 1e-4)."""
import argparse
import sys

import numpy as np
import onnx
import onnxruntime as ort
from safetensors.numpy import load_file

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument("model", help="the .onnx file")
p.add_argument("--input", required=True, help="safetensors holding the NCHW float32 input")
p.add_argument("--input-key", default="input")
p.add_argument("--reference", required=True, help="safetensors holding the reference logits")
p.add_argument("--reference-key", default="logits")
p.add_argument("--tolerance", type=float, default=1e-4, help="largest accepted max|diff| / max|ref|")
a = p.parse_args()

model = onnx.load(a.model)
onnx.checker.check_model(model, full_check=True)
print(f"{a.model}: valid ONNX (ir_version {model.ir_version}, opset "
      + ", ".join(f"{o.domain or 'ai.onnx'} {o.version}" for o in model.opset_import)
      + f", {len(model.graph.node)} nodes, {len(model.graph.initializer)} initializers, producer {model.producer_name})")


def describe(v):
    dims = [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
    return f"{v.name} {onnx.TensorProto.DataType.Name(v.type.tensor_type.elem_type)}{dims}"


print("inputs: ", ", ".join(describe(v) for v in model.graph.input))
print("outputs:", ", ".join(describe(v) for v in model.graph.output))
for prop in model.metadata_props:
    print(f"  metadata {prop.key} = {prop.value}")

x = load_file(a.input)[a.input_key].astype(np.float32)
ref = load_file(a.reference)[a.reference_key].astype(np.float32)
options = ort.SessionOptions()
options.intra_op_num_threads = 1
session = ort.InferenceSession(a.model, options, providers=["CPUExecutionProvider"])
name_in, name_out = session.get_inputs()[0].name, session.get_outputs()[0].name
y = session.run([name_out], {name_in: x})[0]
if y.shape != ref.shape:
    sys.exit(f"onnxruntime gives shape {y.shape}, the reference {ref.shape}")

diff = np.abs(y.astype(np.float64) - ref)
scale = float(np.abs(ref).max())
ratio = float(diff.max()) / scale if scale > 0 else float(diff.max())
print("first logits (onnxruntime | reference):")
for i in range(min(4, y.shape[0])):
    print("  " + "  ".join(f"{u:+.6f} | {r:+.6f}" for u, r in zip(y[i][:6], ref[i][:6])))
print(f"max |diff| = {diff.max():.3e}, max |ref| = {scale:.3e}, max |diff| / max |ref| = {ratio:.3e} "
      f"(tolerance {a.tolerance:g})")

one = session.run([name_out], {name_in: x[:1]})[0]
print(f"batch of 1 against the same sample in the batch: max |diff| = {np.abs(one - y[:1]).max():.3e}")
if ratio > a.tolerance:
    sys.exit(f"FAIL: relative difference {ratio:.3e} exceeds {a.tolerance:g}")
print("OK")
