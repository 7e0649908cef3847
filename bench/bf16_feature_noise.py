#!/usr/bin/env python3
"""How much of the difference between images survives bf16 in a network's pooled features.

For N images of a class-folder dataset (e.g. a demo's data/train), the torchvision EfficientNetV2-S
features (BatchNorm statistics estimated on these images, then eval mode) are computed in float64,
float32 and under torch.autocast("cpu", dtype=torch.bfloat16). Per channel it prints the rounding
error (RMS over images against float64) divided by the between-image spread (std over images in
float64): the fraction of the signal a classifier on these features sees as noise.

    ~/.breastai-ref-venv/bin/python bench/bf16_feature_noise.py DATA/train WEIGHTS.safetensors [--n 24] [--size 128]

WEIGHTS: a safetensors state dict with torchvision names (e.g. `breastai-run export --format
safetensors`, or a random initialisation); only `features.*` is used.
"""
import argparse, glob, os
import numpy as np
import torch
from PIL import Image
from safetensors.torch import load_file
from torchvision.models import efficientnet_v2_s

ap = argparse.ArgumentParser()
ap.add_argument("data"); ap.add_argument("weights")
ap.add_argument("--n", type=int, default=24); ap.add_argument("--size", type=int, default=128)
args = ap.parse_args()
torch.set_num_threads(2)
classes = sorted(d for d in os.listdir(args.data) if os.path.isdir(os.path.join(args.data, d)))
files = [sorted(glob.glob(os.path.join(args.data, c, "*")))[i // len(classes)] for i, c in
         ((i, classes[i % len(classes)]) for i in range(args.n))]
mean = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1); std = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)
x = torch.stack([(torch.from_numpy(np.asarray(Image.open(f).convert("RGB").resize((args.size, args.size), Image.BILINEAR),
                                              dtype=np.float32) / 255.0).permute(2, 0, 1) - mean) / std for f in files])
m = efficientnet_v2_s()
state = {k: v for k, v in load_file(args.weights).items() if k.startswith("features.")}
missing = [k for k in m.state_dict() if k.startswith("features.") and k not in state and not k.endswith("num_batches_tracked")]
assert not missing, f"{args.weights} lacks {missing[:3]}"
m.load_state_dict(state, strict=False)
m.train()
for mod in m.modules():
    if isinstance(mod, torch.nn.BatchNorm2d): mod.momentum = None; mod.reset_running_stats()
with torch.no_grad(): m.features(x)
m.eval()

def pooled(bf16=False, double=False):
    with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        return m.avgpool(m.features(x.double() if double else x)).flatten(1).double()

f32, fbf = pooled(), pooled(bf16=True)
m.double(); f64 = pooled(double=True)
spread = f64.std(0)
print(f"{len(files)} images from {args.data}, {args.size} px, weights {args.weights}")
for name, f in [("fp32", f32), ("autocast bf16", fbf)]:
    r = (f - f64).pow(2).mean(0).sqrt() / spread
    print(f"{name:14s} rounding error / between-image spread, per channel: median {r.median():.3g}, 90th percentile {r.quantile(0.9):.3g}")
