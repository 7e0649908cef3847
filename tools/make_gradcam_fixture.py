#!/usr/bin/env python3
"""Writes Tests/Fixtures/gradcam_tiny.safetensors: PyTorch Grad-CAM of the two tiny networks.

Run by hand, never by the test suite:

    ~/.breastai-ref-venv/bin/python tools/make_gradcam_fixture.py [--out Tests/Fixtures]

The networks are those of tools/make_golden_fixtures.py (tiny_plain: torchvision's EfficientNet
classes with a tiny configuration; tiny_breastai: the same features with CBAM and the BreastAI
head), loaded from their committed fixtures (Tests/Fixtures/tiny_*.safetensors: the initial
parameters and running statistics, and the input batch), in eval mode.

Grad-CAM the standard way, with hooks: a forward hook on `features[-1]` (the last convolutional
stage, before CBAM and pooling) keeps its output A, a full backward hook keeps dlogit/dA for the
backward of sum_n logits[n, c_n]. weights = mean over (h, w) of the gradient;
cam = relu(sum_k weights_k A_k); heatmap = F.interpolate(cam, input size, bilinear,
align_corners=False), then per image (m - min) / (max - min) (0 where max == min).

Tensors per network P in {tiny_plain, tiny_breastai}: P.classes (int64, N), P.logits (N, 3),
P.cam (N, h, w), P.heatmap (N, 32, 32), P.gradient (N, C, h, w).
"""

import argparse
import os
import sys

import torch
import torch.nn.functional as F
from safetensors.torch import load_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_golden_fixtures as golden  # noqa: E402

GENERATOR = "tools/make_gradcam_fixture.py"
# One class per image, all three classes present, so the selection per sample is tested.
CLASSES = [2, 0, 1, 2]


def networks():
    torch.manual_seed(0)
    norm = golden.functools.partial(torch.nn.BatchNorm2d, eps=1e-3)
    plain = golden.EfficientNet(golden.TINY_SETTING, dropout=0.0, stochastic_depth_prob=0.0,
                                num_classes=golden.NUM_CLASSES, norm_layer=norm, last_channel=golden.TINY_LAST)
    breast = golden.BreastAINet(golden.copy.deepcopy(plain.features), golden.TINY_LAST, golden.NUM_CLASSES, p=0.0)
    return {"tiny_plain": plain, "tiny_breastai": breast}


def gradcam(model, x, classes):
    model.eval()
    kept = {}
    layer = model.features[-1]
    h1 = layer.register_forward_hook(lambda m, i, o: kept.__setitem__("A", o))
    h2 = layer.register_full_backward_hook(lambda m, gi, go: kept.__setitem__("G", go[0]))
    logits = model(x)
    onehot = F.one_hot(torch.tensor(classes), logits.shape[1]).to(logits.dtype)
    model.zero_grad(set_to_none=True)
    (logits * onehot).sum().backward()
    h1.remove(); h2.remove()
    a, g = kept["A"].detach(), kept["G"].detach()
    weights = g.mean(dim=(2, 3), keepdim=True)
    cam = torch.relu((weights * a).sum(dim=1))
    up = F.interpolate(cam[:, None], size=x.shape[2:], mode="bilinear", align_corners=False)[:, 0]
    flat = up.reshape(up.shape[0], -1)
    lo, hi = flat.min(dim=1, keepdim=True).values, flat.max(dim=1, keepdim=True).values
    norm = torch.where(hi > lo, (flat - lo) / torch.where(hi > lo, hi - lo, torch.ones_like(hi)), torch.zeros_like(flat))
    return logits.detach(), cam, norm.reshape(up.shape), g


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--out", default=os.path.join(root, "Tests", "Fixtures"))
    args = parser.parse_args()
    tensors = {}
    for name, model in networks().items():
        state = load_file(os.path.join(args.out, f"{name}.safetensors"))
        own = model.state_dict()
        missing = [k for k in own if k not in state and not k.endswith("num_batches_tracked")]
        assert not missing, (name, missing)
        model.load_state_dict({k: state[k] for k in own if k in state}, strict=False)
        x = state["input"]
        logits, cam, heatmap, grad = gradcam(model, x, CLASSES)
        eval_logits = state["eval_logits"]
        assert torch.allclose(logits, eval_logits, rtol=1e-5, atol=1e-5), (name, logits, eval_logits)
        assert (cam.flatten(1).max(dim=1).values > 0).all(), (name, "a map with no positive evidence")
        tensors[f"{name}.classes"] = torch.tensor(CLASSES, dtype=torch.int64)
        tensors[f"{name}.logits"] = logits
        tensors[f"{name}.cam"] = cam
        tensors[f"{name}.heatmap"] = heatmap
        tensors[f"{name}.gradient"] = grad
        print(f"{name}: cam {tuple(cam.shape)}, max {cam.max().item():.4g}")
    golden.FORMAT_VERSION = "1"
    golden.GENERATOR = GENERATOR
    golden.write(args.out, "gradcam_tiny.safetensors", tensors, {"classes": CLASSES, "layer": "features[-1]",
                                                                 "interpolation": "bilinear, align_corners=False"})


if __name__ == "__main__":
    main()
