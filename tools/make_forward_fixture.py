#!/usr/bin/env python3
"""Writes Tests/Fixtures/forward_s.safetensors: PyTorch's eval logits of a stock torchvision EfficientNetV2-S.

Run by hand, never by the test suite:

    PY=$(bash ../shared/tools/reference-venv.sh)
    $PY tools/make_forward_fixture.py [--out Tests/Fixtures/forward_s.safetensors]

The full S state dict is 86 MB, too big to commit, so the 21.5 M parameters are not stored: every
parameter is given by an integer formula that the Swift test (Tests/CodegenTests/ForwardStockSTests.swift)
reproduces bit for bit (see PARAMETER_FORMULA). Only what the formula cannot give is stored: the
BatchNorm running statistics, calibrated by PyTorch so that the eval network is well conditioned,
the input and PyTorch's eval-mode logits.
"""

import argparse
import json
import math
import os
import struct
import sys

import numpy as np
import torch
import torchvision
from safetensors.torch import load_file, save_file

FORMAT_VERSION = "1"
GENERATOR = "tools/make_forward_fixture.py"
SEED = 20250611
NUM_CLASSES = 1000
INPUT_SHAPE = (2, 3, 64, 64)
CALIBRATION_BATCH = 16
NUM_PARAMETERS_S_1000 = 21_458_488

PARAMETER_FORMULA = (
    "uint32 arithmetic, lowbias32(x): x^=x>>16; x*=0x7feb352d; x^=x>>15; x*=0x846ca68b; x^=x>>16. "
    "n = FNV-1a 64 of the tensor name (UTF-8); key = lowbias32(lo32(n) ^ lowbias32(hi32(n) ^ seed)); "
    "for flat element index j: h = lowbias32(key ^ lowbias32(j)); "
    "u = float32((h >> 8) - 2^23) * 2^-23 (exact, in [-1, 1)); "
    "rank >= 2 (conv/linear weight): u * float32(sqrt(3 / fan_in)) with fan_in = prod(shape[1:]), sqrt in float64; "
    "rank 1 named *.weight (BatchNorm weight): 1 + 0.25 * u; other rank 1 (biases): float32(0.1) * u; "
    "all products and sums in float32"
)

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)
torch.set_default_dtype(torch.float32)

M32 = 0xFFFF_FFFF


def lowbias32_int(x):
    """lowbias32 on one Python int (uint32 arithmetic by masking)."""
    x &= M32
    x ^= x >> 16
    x = (x * 0x7FEB352D) & M32
    x ^= x >> 15
    x = (x * 0x846CA68B) & M32
    x ^= x >> 16
    return x


def lowbias32(x):
    """lowbias32 on a uint32 array (numpy wraps array multiplication modulo 2^32)."""
    x = x.astype(np.uint32)
    x ^= x >> np.uint32(16)
    x *= np.uint32(0x7FEB352D)
    x ^= x >> np.uint32(15)
    x *= np.uint32(0x846CA68B)
    x ^= x >> np.uint32(16)
    return x


def fnv1a64(name):
    h = 0xCBF29CE484222325
    for b in name.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFF_FFFF_FFFF_FFFF
    return h


def formula_values(name, shape, seed=SEED):
    """The parameter values of PARAMETER_FORMULA as a float32 array of `shape`."""
    n = fnv1a64(name)
    key = lowbias32_int((n & M32) ^ lowbias32_int((n >> 32) ^ seed))
    count = int(np.prod(shape)) if len(shape) else 1
    j = np.arange(count, dtype=np.uint32)
    h = lowbias32(np.uint32(key) ^ lowbias32(j))
    u = ((h >> np.uint32(8)).astype(np.int64) - (1 << 23)).astype(np.float32) * np.float32(2.0 ** -23)
    assert u.dtype == np.float32
    if len(shape) >= 2:
        fan_in = int(np.prod(shape[1:]))
        v = u * np.float32(math.sqrt(3.0 / fan_in))
    elif name.endswith(".weight"):
        v = np.float32(1.0) + np.float32(0.25) * u
    else:
        v = np.float32(0.1) * u
    assert v.dtype == np.float32
    return v.reshape(shape)


def parameter_checksum(named_values):
    """An exact checksum of the parameter bits, to check the Swift reproduction of the formula:
    sum over tensors of (fnv1a64(name) | 1) * sum_j bits_j * (j + 1), everything mod 2^64, where
    bits_j is the float32 bit pattern of element j as an unsigned integer."""
    total = 0
    for name, v in named_values:
        bits = np.ascontiguousarray(v, dtype=np.float32).ravel().view(np.uint32).astype(np.uint64)
        c = int((bits * np.arange(1, bits.size + 1, dtype=np.uint64)).sum(dtype=np.uint64))
        total = (total + c * (fnv1a64(name) | 1)) & 0xFFFF_FFFF_FFFF_FFFF
    return total


def canonicalise_header(path):
    """Rewrite the header with the metadata keys sorted (save_file orders them randomly), so
    re-runs with the same torch version give identical bytes."""
    with open(path, "rb") as f:
        blob = f.read()
    n = struct.unpack("<Q", blob[:8])[0]
    header = json.loads(blob[8:8 + n])
    fixed = dict(header)
    meta = dict(sorted(fixed.pop("__metadata__").items()))
    fixed = {"__metadata__": meta, **fixed}
    text = json.dumps(fixed, separators=(",", ":")).encode("ascii")
    if len(text) > n or json.loads(text) != header:
        raise RuntimeError(f"{path}: cannot canonicalise the safetensors header")
    text += b" " * (n - len(text))
    with open(path, "wb") as f:
        f.write(blob[:8] + text + blob[8 + n:])


def batch_norms(model):
    return [m for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(repo, "Tests", "Fixtures", "forward_s.safetensors"))
    args = ap.parse_args()
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__} -> {args.out}")

    model = torchvision.models.efficientnet_v2_s(num_classes=NUM_CLASSES)
    num_parameters = sum(p.numel() for p in model.parameters())
    assert num_parameters == NUM_PARAMETERS_S_1000, num_parameters

    # 1. Every parameter from the formula.
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(torch.from_numpy(formula_values(name, tuple(p.shape))))

    # 2. BatchNorm running statistics: the cumulative average (momentum=None) of one training-mode
    #    forward over a calibration batch, with stochastic depth and dropout off, then a small
    #    deterministic perturbation so the eval network does not sit exactly on the batch statistics.
    gen = torch.Generator().manual_seed(SEED)
    x_cal = torch.randn(CALIBRATION_BATCH, *INPUT_SHAPE[1:], generator=gen)
    x = torch.randn(*INPUT_SHAPE, generator=gen)
    for m in model.modules():
        if isinstance(m, torchvision.ops.StochasticDepth):
            m.p = 0.0
        if isinstance(m, torch.nn.Dropout):
            m.p = 0.0
    bns = batch_norms(model)
    for bn in bns:
        bn.reset_running_stats()
        bn.momentum = None
    model.train()
    with torch.no_grad():
        model(x_cal)
        for bn in bns:
            std = bn.running_var.sqrt()
            bn.running_mean += 0.05 * torch.randn(bn.running_mean.shape, generator=gen) * std
            bn.running_var *= torch.empty(bn.running_var.shape).uniform_(0.8, 1.25, generator=gen)
            bn.momentum = 0.1

    # 3. Eval logits, and the same network in float64 for the float32 noise floor.
    model.eval()
    with torch.no_grad():
        logits = model(x)
        logits64 = model.double()(x.double())
        model.float()
    noise = ((logits.double() - logits64).abs().max() / logits64.abs().max()).item()
    per_class_std = logits.std(dim=1)
    between = ((logits[0] - logits[1]).norm() / logits.norm(dim=1).mean()).item()
    print(f"eval logits: mean {logits.mean().item():.4f}, std across classes {per_class_std.tolist()}, "
          f"max |logit| {logits.abs().max().item():.4f}")
    print(f"|l0 - l1| / mean |l|: {between:.4f}; PyTorch float32 vs float64: max |diff| / max |ref| = {noise:.3e}")
    assert torch.isfinite(logits).all()
    assert per_class_std.min().item() > 0.1, "degenerate logits: no spread across classes"
    assert between > 0.1, "degenerate logits: the two inputs give almost the same logits"
    # float32 rounding alone moves the logits by ~1e-5 of their range (how far depends on summation
    # order); the Swift test allows 1e-4, so keep a margin.
    assert noise < 2.5e-5, "the float32 network is ill conditioned"

    # 4. Write and read back.
    tensors = {"input": x.clone().contiguous(), "eval_logits": logits.clone().contiguous()}
    state = model.state_dict()
    for name, v in state.items():
        if name.endswith("running_mean") or name.endswith("running_var"):
            tensors[name] = v.detach().clone().contiguous()
    for k, v in tensors.items():
        assert v.dtype == torch.float32 and torch.isfinite(v).all(), k
    checksum = parameter_checksum((n, p.detach().numpy()) for n, p in model.named_parameters())
    meta = {
        "format_version": FORMAT_VERSION,
        "generator": GENERATOR,
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "model": f"torchvision.models.efficientnet_v2_s(num_classes={NUM_CLASSES})",
        "num_parameters": str(num_parameters),
        "seed": str(SEED),
        "parameter_formula": PARAMETER_FORMULA,
        "parameter_checksum": str(checksum),
        "buffers": (f"running_mean/running_var: cumulative batch statistics of one training-mode forward "
                    f"(stochastic depth off) of a calibration batch [{CALIBRATION_BATCH},3,64,64] ~ N(0,1), then "
                    f"mean += N(0,0.05)*sqrt(var), var *= U(0.8,1.25)"),
        "input": "N(0,1), NCHW",
        "eval_logits": "model.eval()(input), float32, CPU, one thread",
        "float64_noise": f"{noise:.3e}",
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    save_file(tensors, args.out, metadata=meta)
    canonicalise_header(args.out)
    os.chmod(args.out, 0o644)
    back = load_file(args.out)
    assert set(back) == set(tensors)
    for k in tensors:
        assert torch.equal(back[k], tensors[k]), k
    # The formula must be what the model used (guards against a numpy dtype promotion slip).
    with torch.no_grad():
        for name, p in model.named_parameters():
            assert torch.equal(p, torch.from_numpy(formula_values(name, tuple(p.shape)))), name
    size = os.path.getsize(args.out)
    buffers = len(tensors) - 2
    print(f"parameter checksum {checksum}")
    print(f"{os.path.basename(args.out)}: {len(tensors)} tensors ({buffers} buffers), {size} bytes")
    assert buffers == 2 * len(bns)
    assert size < 1_000_000, "the fixture must stay under 1 MB"


if __name__ == "__main__":
    sys.exit(main())
