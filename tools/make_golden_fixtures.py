#!/usr/bin/env python3
"""Writes the PyTorch golden fixtures under Tests/Fixtures (safetensors).

Run by hand, never by the test suite:

    PY=$(bash ../shared/tools/reference-venv.sh)
    $PY tools/make_golden_fixtures.py [--out Tests/Fixtures]

Everything is float32 (labels int64), CPU, one thread, deterministic algorithms and a fixed seed
per file, so re-running it with the same torch version gives the same bytes. Layouts are PyTorch's:
activations NCHW, conv weights OIHW, linear weights [out, in]. Every gradient is the gradient of
`(y * dy).sum()` for a stored random `dy` (or of the scalar loss, for the loss fixtures).
See tools/README.md for the tensor names of each file.
"""

import argparse
import copy
import functools
import json
import os
import struct
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from safetensors.torch import load_file, save_file
from torchvision.models.efficientnet import EfficientNet, FusedMBConvConfig, MBConvConfig

FORMAT_VERSION = "1"
GENERATOR = "tools/make_golden_fixtures.py"

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)
torch.set_default_dtype(torch.float32)


# ---------------------------------------------------------------------------------------------
# helpers


def t(x):
    """Detached, contiguous, independent copy (safetensors refuses shared or strided storage)."""
    return x.detach().clone().contiguous()


def leaf(x):
    return t(x).requires_grad_(True)


def write(out_dir, filename, tensors, extra_meta=None):
    meta = {"format_version": FORMAT_VERSION, "generator": GENERATOR, "torch": torch.__version__}
    for k, v in (extra_meta or {}).items():
        meta[k] = v if isinstance(v, str) else json.dumps(v, sort_keys=True)
    tensors = {k: t(v) for k, v in tensors.items()}
    for k, v in tensors.items():
        assert v.dtype in (torch.float32, torch.int64), (filename, k, v.dtype)
        assert torch.isfinite(v.double()).all(), (filename, k)
    path = os.path.join(out_dir, filename)
    save_file(tensors, path, metadata=meta)
    canonicalise_header(path)
    os.chmod(path, 0o644)
    # Read it back: same names, same bits.
    back = load_file(path)
    assert set(back) == set(tensors), filename
    for k in tensors:
        assert back[k].dtype == tensors[k].dtype and torch.equal(back[k], tensors[k]), (filename, k)
    size = os.path.getsize(path)
    print(f"{filename:28s} {len(tensors):4d} tensors {size:8d} bytes")
    return size


def canonicalise_header(path):
    """save_file writes __metadata__ in hash-map order, which changes between runs. Rewrite the header
    with the metadata keys sorted (same bytes otherwise, same length) so re-runs give identical files."""
    with open(path, "rb") as f:
        blob = f.read()
    n = struct.unpack("<Q", blob[:8])[0]
    raw = blob[8:8 + n]
    header = json.loads(raw)
    fixed = dict(header)
    fixed["__metadata__"] = dict(sorted(header["__metadata__"].items()))
    fixed = {"__metadata__": fixed.pop("__metadata__"), **fixed}
    text = json.dumps(fixed, separators=(",", ":")).encode("ascii")
    if len(text) > n or json.loads(text) != header:
        raise RuntimeError(f"{path}: cannot canonicalise the safetensors header")
    text += b" " * (n - len(text))  # safetensors pads the header with spaces
    with open(path, "wb") as f:
        f.write(blob[:8] + text + blob[8 + n:])


def rand_dy(y):
    return torch.randn(y.shape)


# ---------------------------------------------------------------------------------------------
# 1. convolution


CONV_CASES = [
    # name, (N, Cin, H, W), Cout, kernel, stride, padding, groups
    ("dense_s1", (2, 3, 7, 7), 4, 3, 1, 1, 1),
    ("dense_s2", (2, 3, 8, 8), 5, 3, 2, 1, 1),
    ("dw_s1", (2, 6, 7, 7), 6, 3, 1, 1, 6),
    ("dw_s2", (2, 6, 8, 8), 6, 3, 2, 1, 6),
    ("pw", (2, 8, 5, 5), 4, 1, 1, 0, 1),
    ("k7", (2, 2, 9, 9), 1, 7, 1, 3, 1),
]


def make_conv(out_dir):
    torch.manual_seed(1001)
    tensors, cases = {}, {}
    for name, (n, cin, h, w_), cout, k, s, p, g in CONV_CASES:
        x = leaf(torch.randn(n, cin, h, w_))
        fan_in = (cin // g) * k * k
        w = leaf(torch.randn(cout, cin // g, k, k) / fan_in**0.5)
        y = F.conv2d(x, w, None, stride=s, padding=p, groups=g)
        dy = rand_dy(y)
        (y * dy).sum().backward()
        tensors.update({f"{name}.x": x, f"{name}.w": w, f"{name}.y": y, f"{name}.dy": dy,
                        f"{name}.dx": x.grad, f"{name}.dw": w.grad})
        cases[name] = {"stride": s, "padding": p, "groups": g, "kernel": k}
    return write(out_dir, "conv.safetensors", tensors, {"cases": cases})


# ---------------------------------------------------------------------------------------------
# 2. batch norm


def bn_case(bn, x0, prefix):
    c = bn.num_features
    with torch.no_grad():
        bn.weight.copy_(torch.empty(c).uniform_(0.5, 1.5))
        bn.bias.copy_(torch.randn(c) * 0.3)
        bn.running_mean.copy_(torch.randn(c) * 0.5)
        bn.running_var.copy_(torch.empty(c).uniform_(0.5, 2.0))
    init = {k: t(v) for k, v in bn.state_dict().items() if k != "num_batches_tracked"}

    # training mode: batch statistics, running buffers updated (running_var with unbiased variance)
    bn.train()
    x = leaf(x0)
    y = bn(x)
    dy = rand_dy(y)
    (y * dy).sum().backward()
    out = {  # t() copies now: the eval pass below overwrites the buffers and accumulates into .grad
        "x": t(x), "weight": init["weight"], "bias": init["bias"],
        "running_mean": init["running_mean"], "running_var": init["running_var"],
        "y": t(y), "dy": dy, "dx": t(x.grad), "dweight": t(bn.weight.grad), "dbias": t(bn.bias.grad),
        "new_running_mean": t(bn.running_mean), "new_running_var": t(bn.running_var),
    }

    # eval mode with the initial buffers, same dy
    bn.load_state_dict({**init, "num_batches_tracked": torch.tensor(0)})
    bn.eval()
    bn.zero_grad(set_to_none=True)
    xe = leaf(x0)
    ye = bn(xe)
    (ye * dy).sum().backward()
    out["eval_y"] = ye
    out["eval_dx"] = xe.grad
    return {prefix + k: v for k, v in out.items()}


def make_batchnorm(out_dir):
    torch.manual_seed(1002)
    bn2 = nn.BatchNorm2d(5, eps=1e-3, momentum=0.1)
    offset = torch.randn(1, 5, 1, 1) * 2.0
    scale = torch.empty(1, 5, 1, 1).uniform_(0.5, 3.0)
    x2 = torch.randn(3, 5, 4, 4) * scale + offset
    tensors = bn_case(bn2, x2, "")

    bn1 = nn.BatchNorm1d(6, eps=1e-5, momentum=0.1)
    offset = torch.randn(1, 6) * 2.0
    scale = torch.empty(1, 6).uniform_(0.5, 3.0)
    x1 = torch.randn(4, 6) * scale + offset
    tensors.update(bn_case(bn1, x1, "bn1d."))

    cases = {
        "bn2d": {"prefix": "", "eps": bn2.eps, "momentum": bn2.momentum, "x_shape": [3, 5, 4, 4]},
        "bn1d": {"prefix": "bn1d.", "eps": bn1.eps, "momentum": bn1.momentum, "x_shape": [4, 6]},
    }
    meta = {"cases": cases, "eps": repr(bn2.eps), "bn1d_eps": repr(bn1.eps), "momentum": repr(0.1),
            "running_var_update": "unbiased batch variance (n/(n-1)); normalisation uses biased",
            "eval": "eval_y/eval_dx use the initial running buffers and the same dy"}
    return write(out_dir, "batchnorm.safetensors", tensors, meta)


# ---------------------------------------------------------------------------------------------
# 3. activations


def make_activations(out_dir):
    torch.manual_seed(1003)
    tensors = {}
    for prefix, fn in (("", F.silu), ("sigmoid.", torch.sigmoid), ("relu.", F.relu)):
        x0 = torch.randn(3, 7) * 2.0
        # keep clear of ReLU's kink at 0
        x0 = torch.where(x0.abs() < 0.05, x0.sign() * 0.05 + (x0 == 0).float() * 0.05, x0)
        x = leaf(x0)
        y = fn(x)
        dy = rand_dy(y)
        (y * dy).sum().backward()
        tensors.update({prefix + "x": x, prefix + "y": y, prefix + "dy": dy, prefix + "dx": x.grad})
    meta = {"cases": {"silu": {"prefix": ""}, "sigmoid": {"prefix": "sigmoid."}, "relu": {"prefix": "relu."}}}
    return write(out_dir, "silu.safetensors", tensors, meta)


# ---------------------------------------------------------------------------------------------
# 4. squeeze-excitation (MBConv's)


def make_se(out_dir):
    torch.manual_seed(1004)
    se = torchvision.ops.SqueezeExcitation(8, 2, activation=nn.SiLU)
    x = leaf(torch.randn(2, 8, 5, 5))
    params = {k: t(v) for k, v in se.state_dict().items()}
    y = se(x)
    dy = rand_dy(y)
    (y * dy).sum().backward()
    tensors = {"x": x, **params, "y": y, "dy": dy, "dx": x.grad}
    for k, p in se.named_parameters():
        tensors["grad." + k] = t(p.grad)
    meta = {"module": "torchvision.ops.SqueezeExcitation(8, 2, activation=SiLU)",
            "formula": "y = x * sigmoid(fc2(silu(fc1(avgpool(x))))); fc1/fc2 are 1x1 Conv2d with bias (OIHW)"}
    return write(out_dir, "se.safetensors", tensors, meta)


# ---------------------------------------------------------------------------------------------
# 5. focal loss with label smoothing (the BreastAI loss)


def focal_loss(logits, labels, alpha, gamma, eps, class_weights=None):
    """p = softmax(z); q = (1-eps)*onehot(y) + eps/K;
    l_i = sum_c q_c * alpha_c * (1-p_c)^gamma * (-log p_c);
    L = sum_i w[y_i] l_i / sum_i w[y_i]  (weighted)  or  mean_i l_i."""
    k = logits.shape[1]
    logp = F.log_softmax(logits, dim=1)
    p = logp.exp()
    q = (1.0 - eps) * F.one_hot(labels, k).to(logits.dtype) + eps / k
    per = (q * alpha.view(1, k) * torch.pow(1.0 - p, gamma) * (-logp)).sum(dim=1)
    if class_weights is None:
        return per.mean()
    wi = class_weights[labels]
    return (wi * per).sum() / wi.sum()


FOCAL_LOSS = {"alpha": [0.25, 0.5, 0.25], "gamma": 2.5, "eps": 0.12}


def make_focal(out_dir):
    torch.manual_seed(1005)
    labels = torch.tensor([0, 1, 2, 2, 1, 0], dtype=torch.int64)
    alpha = torch.tensor(FOCAL_LOSS["alpha"])
    cases_def = [
        # name, alpha, gamma, eps, class weights
        ("focal", alpha, 2.5, 0.12, None),
        ("focal_weighted", alpha, 2.5, 0.12, torch.tensor([1.0, 2.0, 0.5])),
        ("ce_smooth", torch.ones(3), 0.0, 0.1, None),
        ("focal_nosmooth", alpha, 2.0, 0.0, None),
    ]
    tensors, cases = {}, {}
    for name, a, gamma, eps, cw in cases_def:
        z0 = torch.randn(6, 3) * 2.0
        z = leaf(z0)
        loss = focal_loss(z, labels, a, gamma, eps, cw)
        loss.backward()

        if name == "ce_smooth":
            ref = F.cross_entropy(z0, labels, label_smoothing=0.1)
            assert torch.allclose(loss, ref, rtol=1e-6, atol=1e-6), (loss.item(), ref.item())
        if name == "focal_nosmooth":
            ce = F.cross_entropy(z0, labels, reduction="none")
            ref = (a[labels] * (1.0 - torch.exp(-ce)) ** gamma * ce).mean()
            assert torch.allclose(loss, ref, rtol=1e-6, atol=1e-7), (loss.item(), ref.item())
        # gradient sanity check in float64 against finite differences
        assert torch.autograd.gradcheck(
            lambda zz: focal_loss(zz, labels, a.double(), gamma, eps, None if cw is None else cw.double()),
            (z0.double().requires_grad_(True),))

        tensors.update({
            f"{name}.logits": z, f"{name}.labels": labels, f"{name}.alpha": a,
            f"{name}.class_weights": torch.ones(3) if cw is None else cw,
            f"{name}.loss": loss.reshape([]), f"{name}.dlogits": z.grad,
        })
        cases[name] = {"gamma": gamma, "eps": eps, "weighted": cw is not None,
                       "alpha": [float(v) for v in a]}
    meta = {"cases": cases,
            "formula": "p=softmax(z); q=(1-eps)*onehot(y)+eps/K; l_i=sum_c q_c*alpha_c*(1-p_c)^gamma*(-log p_c); "
                       "L=sum_i w[y_i]*l_i/sum_i w[y_i] if weighted else mean_i l_i"}
    return write(out_dir, "focal.safetensors", tensors, meta)


# ---------------------------------------------------------------------------------------------
# 6. AdamW


ADAMW = {"lr": 1e-2, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.1,
         "amsgrad": False, "maximize": False, "steps": 3}


def make_adamw(out_dir):
    torch.manual_seed(1006)
    p0 = torch.randn(5, 4)
    grads = [torch.randn(5, 4) * s for s in (1.0, 0.5, 2.0)]
    p = nn.Parameter(t(p0))
    opt = torch.optim.AdamW([p], lr=ADAMW["lr"], betas=(ADAMW["beta1"], ADAMW["beta2"]), eps=ADAMW["eps"],
                            weight_decay=ADAMW["weight_decay"], amsgrad=False, maximize=False, foreach=False)
    tensors = {"p0": p0}
    for i, g in enumerate(grads, start=1):
        p.grad = t(g)
        opt.step()
        tensors[f"g{i}"] = g
        tensors[f"p{i}"] = t(p)
    st = opt.state[p]
    tensors["exp_avg"] = st["exp_avg"]
    tensors["exp_avg_sq"] = st["exp_avg_sq"]
    meta = {"hyperparameters": ADAMW, "lr": repr(ADAMW["lr"]), "betas": json.dumps([0.9, 0.999]),
            "eps": repr(ADAMW["eps"]), "weight_decay": repr(ADAMW["weight_decay"]),
            "update": "p *= 1-lr*wd; m = b1*m+(1-b1)*g; v = b2*v+(1-b2)*g^2; "
                      "p -= (lr/(1-b1^t)) * m / (sqrt(v)/sqrt(1-b2^t) + eps)"}
    return write(out_dir, "adamw.safetensors", tensors, meta)


# ---------------------------------------------------------------------------------------------
# 7. tiny EfficientNetV2-like networks


TINY_SETTING = [
    FusedMBConvConfig(1, 3, 1, 8, 8, 2),
    FusedMBConvConfig(4, 3, 2, 8, 16, 2),
    MBConvConfig(4, 3, 2, 16, 24, 2),
    MBConvConfig(6, 3, 1, 24, 32, 1),
]
TINY_LAST = 64
NUM_CLASSES = 3


class ChannelAttention(nn.Module):
    def __init__(self, channels, reduction=16, min_mid=8):
        super().__init__()
        mid = max(channels // reduction, min_mid)
        self.avg_pool = nn.AdaptiveAvgPool2d(1)
        self.max_pool = nn.AdaptiveMaxPool2d(1)
        self.fc = nn.Sequential(nn.Conv2d(channels, mid, 1, bias=False), nn.ReLU(),
                                nn.Conv2d(mid, channels, 1, bias=False))

    def forward(self, x):
        return x * torch.sigmoid(self.fc(self.avg_pool(x)) + self.fc(self.max_pool(x)))


class SpatialAttention(nn.Module):
    def __init__(self, kernel_size=7):
        super().__init__()
        self.conv = nn.Conv2d(2, 1, kernel_size, padding=kernel_size // 2, bias=False)

    def forward(self, x):
        s = torch.cat([x.mean(dim=1, keepdim=True), x.amax(dim=1, keepdim=True)], dim=1)
        return x * torch.sigmoid(self.conv(s))


class CBAM(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.channel_attention = ChannelAttention(channels)
        self.spatial_attention = SpatialAttention(7)

    def forward(self, x):
        return self.spatial_attention(self.channel_attention(x))


class BreastAINet(nn.Module):
    """features -> CBAM -> avgpool -> flatten -> MLP head (the BreastAI model)."""

    def __init__(self, features, channels, num_classes, p=0.0):
        super().__init__()
        self.features = features
        self.cbam = CBAM(channels)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Sequential(
            nn.Dropout(p), nn.Linear(channels, 32), nn.BatchNorm1d(32), nn.ReLU(),
            nn.Dropout(0.5 * p), nn.Linear(32, 16), nn.BatchNorm1d(16), nn.ReLU(),
            nn.Dropout(0.3 * p), nn.Linear(16, num_classes))

    def forward(self, x):
        x = self.cbam(self.features(x))
        x = torch.flatten(self.avgpool(x), 1)
        return self.classifier(x)


def batch_norms(module):
    return [m for m in module.modules() if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d))]


def redraw_norms_and_biases(model):
    """BN affine not identity; biases (which torchvision zeroes) small and non-zero.
    Running stats are drawn as N(0, 0.1) / U(0.5, 1.5) here and then calibrated (see below)."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
                m.weight.uniform_(0.5, 1.5)
                m.bias.normal_(0.0, 0.1)
                m.running_mean.normal_(0.0, 0.1)
                m.running_var.uniform_(0.5, 1.5)
            elif isinstance(m, (nn.Conv2d, nn.Linear)) and m.bias is not None:
                m.bias.normal_(0.0, 0.1)


def calibrate_running_stats(model, bns, x_cal):
    """With torchvision's init (kaiming fan_out, tiny depthwise weights) the real activation scales
    shrink ~20x per MBConv, so running stats of N(0,0.1)/U(0.5,1.5) make the eval-mode network
    almost input-independent (eval logits equal across the batch to ~1e-3). So: measure the batch
    statistics on a separate calibration batch (train-mode forward, cumulative average), then perturb
    them (mean += N(0,0.05)*std, var *= U(0.8,1.25)) so eval mode differs from train mode but keeps
    the signal."""
    for bn in bns:
        bn.reset_running_stats()
        bn.momentum = None
    model.train()
    for bn in batch_norms(model):
        if not any(bn is b for b in bns):
            bn.eval()  # leave the other buffers alone (and feed eval-mode activations forward)
    with torch.no_grad():
        model(x_cal)
    model.train()
    with torch.no_grad():
        for bn in bns:
            bn.momentum = 0.1
            bn.num_batches_tracked.zero_()
            std = bn.running_var.sqrt()
            bn.running_mean.add_(torch.randn(bn.num_features) * 0.05 * std)
            bn.running_var.mul_(torch.empty(bn.num_features).uniform_(0.8, 1.25))


def tiny_spec(breastai):
    stages = []
    for c in TINY_SETTING:
        stages.append({"block": "FusedMBConv" if isinstance(c, FusedMBConvConfig) else "MBConv",
                       "expand_ratio": c.expand_ratio, "kernel": c.kernel, "stride": c.stride,
                       "input_channels": c.input_channels, "out_channels": c.out_channels,
                       "num_layers": c.num_layers})
    spec = {"stem": {"in": 3, "out": TINY_SETTING[0].input_channels, "kernel": 3, "stride": 2},
            "stages": stages,
            "head_conv": {"in": TINY_SETTING[-1].out_channels, "out": TINY_LAST, "kernel": 1},
            "bn_eps": 1e-3, "bn_momentum": 0.1, "num_classes": NUM_CLASSES,
            "se_squeeze": "max(1, block input_channels // 4)", "input": [4, 3, 32, 32],
            "mode": "train (batch statistics), dropout 0, stochastic depth 0",
            "init": "torchvision init; BN weight U(0.5,1.5), bias N(0,0.1); conv/linear biases N(0,0.1); "
                    "running stats = calibration-batch statistics, mean += N(0,0.05)*std, var *= U(0.8,1.25)"}
    if breastai:
        spec["cbam"] = {"channels": TINY_LAST, "mid": max(TINY_LAST // 16, 8), "spatial_kernel": 7,
                        "spatial_input": "cat([mean_c, max_c])"}
        spec["classifier"] = {"widths": [TINY_LAST, 32, 16, NUM_CLASSES], "bn1d_eps": 1e-5, "dropout": 0.0}
    else:
        spec["classifier"] = {"widths": [TINY_LAST, NUM_CLASSES], "dropout": 0.0}
    return spec


def run_tiny(model, x, labels, filename, out_dir, breastai):
    init_state = {k: t(v) for k, v in model.state_dict().items()}
    tensors = {k: v for k, v in init_state.items() if not k.endswith("num_batches_tracked")}
    tensors["input"] = x
    tensors["labels"] = labels

    model.train()
    model.zero_grad(set_to_none=True)
    logits = model(x)
    alpha = torch.tensor(FOCAL_LOSS["alpha"])
    loss = focal_loss(logits, labels, alpha, FOCAL_LOSS["gamma"], FOCAL_LOSS["eps"])
    loss.backward()
    tensors["logits"] = logits
    tensors["loss"] = loss.reshape([])
    for k, p in model.named_parameters():
        assert p.grad is not None, k
        tensors["grad." + k] = t(p.grad)
    for k, b in model.named_buffers():
        if k.endswith("running_mean") or k.endswith("running_var"):
            tensors["after." + k] = t(b)

    # eval forward with the initial buffers
    after_state = {k: t(v) for k, v in model.state_dict().items()}
    model.load_state_dict(init_state)
    model.eval()
    with torch.no_grad():
        tensors["eval_logits"] = model(x)
    model.load_state_dict(after_state)

    n_params = sum(p.numel() for p in model.parameters())
    meta = {"spec": tiny_spec(breastai), "loss": FOCAL_LOSS, "num_parameters": str(n_params)}
    size = write(out_dir, filename, tensors, meta)
    return size, n_params


def make_tiny(out_dir):
    torch.manual_seed(1007)
    norm = functools.partial(nn.BatchNorm2d, eps=1e-3)
    plain = EfficientNet(TINY_SETTING, dropout=0.0, stochastic_depth_prob=0.0, num_classes=NUM_CLASSES,
                         norm_layer=norm, last_channel=TINY_LAST)
    redraw_norms_and_biases(plain)
    assert len(plain.features) == 6
    x_cal = torch.randn(8, 3, 32, 32)
    calibrate_running_stats(plain, batch_norms(plain), x_cal)

    # BreastAI: the same (initial) backbone weights and buffers, then its own CBAM and head.
    breast = BreastAINet(copy.deepcopy(plain.features), TINY_LAST, NUM_CLASSES, p=0.0)
    redraw_norms_and_biases(breast.classifier)
    calibrate_running_stats(breast, batch_norms(breast.classifier), x_cal)

    x = torch.randn(4, 3, 32, 32)
    labels = torch.tensor([0, 1, 2, 1], dtype=torch.int64)

    s1, n1 = run_tiny(plain, x, labels, "tiny_plain.safetensors", out_dir, breastai=False)
    s2, n2 = run_tiny(breast, x, labels, "tiny_breastai.safetensors", out_dir, breastai=True)
    print(f"tiny_plain parameters: {n1}")
    print(f"tiny_breastai parameters: {n2}")
    return s1 + s2


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(repo, "Tests", "Fixtures"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__} -> {args.out}")
    total = 0
    for fn in (make_conv, make_batchnorm, make_activations, make_se, make_focal, make_adamw, make_tiny):
        total += fn(args.out)
    print(f"total {total} bytes")
    assert total < 1_000_000, "fixtures must stay well under 1 MB"


if __name__ == "__main__":
    sys.exit(main())
