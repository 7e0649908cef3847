#!/usr/bin/env python3
"""Writes Tests/Fixtures/forward_l.safetensors: PyTorch's eval logits of a stock torchvision EfficientNetV2-L.

Run by hand, never by the test suite:

    PY=$(bash ../shared/tools/reference-venv.sh)
    $PY tools/make_forward_fixture_l.py [--out Tests/Fixtures/forward_l.safetensors]

The same scheme as tools/make_forward_fixture.py (S), whose parameter formula it imports: the 118.5 M
parameters are given by the integer formula the Swift test (Tests/CodegenTests/ForwardStockLTests.swift)
reproduces bit for bit. L's 217 BatchNorms have 512,576 running-statistic floats (2 MB as float32), so
they are stored as one byte each, as indices into two fixed float32 codebooks (255 signed log-spaced
means, 256 log-spaced variances). The file stores the uint8 codes under the buffer's name and the two
codebooks, so the Swift side rebuilds the statistics by table look-up, bit for bit, with no arithmetic.

Calibration differs from S's because 79 blocks amplify what 40 do not: S's recipe (stats of one
training-mode forward of a separate calibration batch) gives an L whose eval logits reach |300| and whose
float32 result is off its float64 one by 5e-4, too close to the 1e-4 test tolerance. Here the statistics
come from ONE eval-mode forward over cat(input, calibration batch), in which every BatchNorm, just
before it runs, sets its running statistics from its actual input (batch mean, unbiased variance),
perturbs them as for S, multiplies the running_var of each residual branch's last BatchNorm by 16 (the
branch then adds about a quarter of its normalised output, as in a trained network, so the residual
stream stays bounded over 25-block stages), and snaps them to the codebooks. So every later BatchNorm is
calibrated on what the snapped earlier ones produce.
"""

import argparse
import os
import sys

import numpy as np
import torch
import torchvision
from safetensors.torch import load_file, save_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_forward_fixture import (  # noqa: E402  (the S fixture's formula, shared on purpose)
    PARAMETER_FORMULA, SEED, batch_norms, canonicalise_header, formula_values, parameter_checksum)

FORMAT_VERSION = "1"
GENERATOR = "tools/make_forward_fixture_l.py"
NUM_CLASSES = 1000
INPUT_SHAPE = (2, 3, 64, 64)
CALIBRATION_BATCH = 16
NUM_PARAMETERS_L_1000 = 118_515_272
RESIDUAL_VAR_SCALE = 16.0  # running_var factor of each residual branch's last BatchNorm
# Fixed codebooks: |mean| levels 1e-6..1e2 (127 per sign, step 13.7%, plus 0), variances 1e-6..1e4
# (256 levels, step 9.5%); a value is replaced by its nearest entry (in log for the variance).
MEAN_CODEBOOK = np.concatenate([-np.geomspace(1e-6, 1e2, 127)[::-1], [0.0], np.geomspace(1e-6, 1e2, 127)]).astype(np.float32)
VAR_CODEBOOK = np.geomspace(1e-6, 1e4, 256).astype(np.float32)

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)
torch.set_default_dtype(torch.float32)


def encode(values, codebook, log_domain):
    """The index of the nearest codebook entry (in log space for the variance)."""
    v = values.astype(np.float64)
    c = codebook.astype(np.float64)
    assert np.abs(v).max() <= c.max() * 1.05, "a statistic above the codebook's range"
    if log_domain:
        v, c = np.log(np.maximum(v, c[0])), np.log(c)
    i = np.clip(np.searchsorted(c, v), 1, len(c) - 1)
    left_closer = (v - c[i - 1]) <= (c[i] - v)
    codes = np.where(left_closer, i - 1, i)
    assert codes.min() >= 0 and codes.max() < 256
    return codes.astype(np.uint8)


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(repo, "Tests", "Fixtures", "forward_l.safetensors"))
    args = ap.parse_args()
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__} -> {args.out}")

    model = torchvision.models.efficientnet_v2_l(num_classes=NUM_CLASSES)
    num_parameters = sum(p.numel() for p in model.parameters())
    assert num_parameters == NUM_PARAMETERS_L_1000, num_parameters

    # 1. Every parameter from the formula (the same as the S fixture's).
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(torch.from_numpy(formula_values(name, tuple(p.shape))))

    # 2. BatchNorm running statistics, calibrated in one eval-mode forward (see the docstring).
    gen = torch.Generator().manual_seed(SEED)
    x_cal = torch.randn(CALIBRATION_BATCH, *INPUT_SHAPE[1:], generator=gen)
    x = torch.randn(*INPUT_SHAPE, generator=gen)
    books = {"running_mean": MEAN_CODEBOOK, "running_var": VAR_CODEBOOK}
    bns = batch_norms(model)
    residual_last = {id(m.block[-1][1]) for m in model.modules()
                     if isinstance(m, (torchvision.models.efficientnet.MBConv, torchvision.models.efficientnet.FusedMBConv))
                     and m.use_res_connect}
    assert len(residual_last) == 79 - 6, len(residual_last)  # all but the first of stages 2-7

    def calibrate(bn, inputs):
        t = inputs[0]
        mean = t.mean(dim=(0, 2, 3))
        var = t.var(dim=(0, 2, 3), unbiased=True)
        mean = mean + 0.05 * torch.randn(mean.shape, generator=gen) * var.sqrt()
        var = var * torch.empty(var.shape).uniform_(0.8, 1.25, generator=gen)
        if id(bn) in residual_last:
            var = var * RESIDUAL_VAR_SCALE
        for kind, v in (("running_mean", mean), ("running_var", var)):
            snapped = books[kind][encode(v.numpy(), books[kind], log_domain=(kind == "running_var")).astype(np.int64)]
            getattr(bn, kind).copy_(torch.from_numpy(snapped))

    model.eval()
    hooks = [bn.register_forward_pre_hook(calibrate) for bn in bns]
    with torch.no_grad():
        model(torch.cat([x, x_cal]))
    for h in hooks:
        h.remove()
    state = model.state_dict()
    buffer_names = [n for n in state if n.endswith("running_mean") or n.endswith("running_var")]
    codes = {}
    for name in buffer_names:
        kind = name.rsplit(".", 1)[1]
        c = encode(state[name].numpy(), books[kind], log_domain=(kind == "running_var"))
        assert np.array_equal(books[kind][c.astype(np.int64)], state[name].numpy()), name
        codes[name] = torch.from_numpy(c)
    used = {k: sorted({int(v) for n, c in codes.items() if n.endswith(k) for v in c.unique()}) for k in books}
    print(f"codes used: mean {used['running_mean'][0]}..{used['running_mean'][-1]}, "
          f"var {used['running_var'][0]}..{used['running_var'][-1]}")

    # 3. Eval logits with the snapped statistics, and the float64 noise floor.
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
    assert noise < 2.5e-5, "the float32 network is ill conditioned"

    # 4. Write and read back.
    tensors = {"input": x.clone().contiguous(), "eval_logits": logits.clone().contiguous(),
               "codebook.running_mean": torch.from_numpy(books["running_mean"]),
               "codebook.running_var": torch.from_numpy(books["running_var"])}
    tensors.update(codes)
    checksum = parameter_checksum((n, p.detach().numpy()) for n, p in model.named_parameters())
    meta = {
        "format_version": FORMAT_VERSION,
        "generator": GENERATOR,
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "model": f"torchvision.models.efficientnet_v2_l(num_classes={NUM_CLASSES})",
        "num_parameters": str(num_parameters),
        "seed": str(SEED),
        "parameter_formula": PARAMETER_FORMULA,
        "parameter_checksum": str(checksum),
        "buffers": (f"running_mean/running_var: one eval-mode forward of cat(input, calibration batch "
                    f"[{CALIBRATION_BATCH},3,64,64] ~ N(0,1)); each BatchNorm, before it runs, takes its input's batch "
                    f"mean and unbiased variance, mean += N(0,0.05)*sqrt(var), var *= U(0.8,1.25), the last BatchNorm "
                    f"of each residual branch var *= {RESIDUAL_VAR_SCALE:g}, then each value replaced by the nearest "
                    f"codebook entry (var: nearest in log)"),
        "buffer_encoding": ("each <bn>.running_mean / <bn>.running_var is U8 codes; the value is "
                            "codebook.running_mean[code] / codebook.running_var[code] (float32, exact)"),
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
    for name in buffer_names:
        book = back["codebook." + name.rsplit(".", 1)[1]]
        assert torch.equal(book[back[name].long()], model.state_dict()[name]), name
    with torch.no_grad():
        for name, p in model.named_parameters():
            assert torch.equal(p, torch.from_numpy(formula_values(name, tuple(p.shape)))), name
    size = os.path.getsize(args.out)
    print(f"parameter checksum {checksum}")
    print(f"{os.path.basename(args.out)}: {len(tensors)} tensors ({len(codes)} buffers), {size} bytes")
    assert len(codes) == 2 * len(bns)
    assert size < 1_000_000, "the fixture must stay under 1 MB"


if __name__ == "__main__":
    sys.exit(main())
