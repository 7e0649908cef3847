#!/usr/bin/env python3
"""One S training step's gradients in bf16 against fp32, BreastAI and PyTorch autocast side by side.

Builds a batch from a class-folder dataset and a torchvision state dict (its `features.*`; a
seeded torchvision classifier), runs `breastai-run step --plain-torchvision --grads` in fp32 and
bf16, and PyTorch fp32 and torch.autocast("cpu", dtype=torch.bfloat16) on the same batch (dropout
and stochastic depth off, the focal loss of tools/make_golden_fixtures.py), then prints the
relative L2 error of every gradient tensor: BreastAI bf16 against BreastAI fp32 next to autocast
against PyTorch fp32, per stage, the cosine of the whole gradient and BreastAI fp32 against PyTorch.

    ~/.breastai-ref-venv/bin/python bench/bf16_gradients.py DATA/train WEIGHTS.safetensors [--breastai-run PATH] [--n 8] [--size 128]
"""
import argparse, glob, os, re, subprocess, sys, tempfile
import numpy as np
import torch
from PIL import Image
from safetensors.numpy import load_file as load_np
from safetensors.torch import load_file, save_file
from torchvision.models import efficientnet_v2_s

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import make_golden_fixtures as golden  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("data"); ap.add_argument("weights")
ap.add_argument("--breastai-run", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "release", "breastai-run"))
ap.add_argument("--n", type=int, default=8); ap.add_argument("--size", type=int, default=128)
args = ap.parse_args()
torch.set_num_threads(2)
classes = sorted(d for d in os.listdir(args.data) if os.path.isdir(os.path.join(args.data, d)))
mean = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1); std = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)
files = [(sorted(glob.glob(os.path.join(args.data, classes[i % len(classes)], "*")))[i // len(classes)], i % len(classes))
         for i in range(args.n)]
x = torch.stack([(torch.from_numpy(np.asarray(Image.open(f).convert("RGB").resize((args.size, args.size), Image.BILINEAR),
                                              dtype=np.float32) / 255.0).permute(2, 0, 1) - mean) / std for f, _ in files]).contiguous()
y = torch.tensor([label for _, label in files], dtype=torch.int64)
torch.manual_seed(0)
model = efficientnet_v2_s(num_classes=len(classes), dropout=0.0, stochastic_depth_prob=0.0)
state = model.state_dict()
source = load_file(args.weights)
for k in state:
    if k.startswith("features."): state[k] = source[k]

with tempfile.TemporaryDirectory(prefix="breastai-bf16-gradients.") as tmp:
    path = lambda name: os.path.join(tmp, name)
    save_file({"input": x}, path("input.safetensors")); save_file({"labels": y}, path("labels.safetensors"))
    save_file({k: v.contiguous() for k, v in state.items()}, path("weights.safetensors"))
    ours = {}
    for precision in ["fp32", "bf16"]:
        subprocess.run([args.breastai_run, "step", "--model", "S", "--plain-torchvision", "--classes", str(len(classes)),
                        "--weights", path("weights.safetensors"), "--input", path("input.safetensors"),
                        "--labels", path("labels.safetensors"), "--precision", precision, "--grads", path(f"{precision}.safetensors")],
                       check=True, stdout=subprocess.DEVNULL)
        ours[precision] = load_np(path(f"{precision}.safetensors"))
theirs = {}
for mode in ["fp32", "autocast"]:
    model.load_state_dict(state); model.train(); model.zero_grad()
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=(mode == "autocast")):
        logits = model(x)
    golden.focal_loss(logits.float(), y, torch.tensor([0.25, 0.5, 0.25]), 2.5, 0.12).backward()
    theirs[mode] = {k: p.grad.double().numpy() for k, p in model.named_parameters()}

rel = lambda a, b: np.linalg.norm(a - b) / max(np.linalg.norm(b), 1e-30)
names = [k for k in ours["fp32"] if k in theirs["fp32"]]
largest = max(np.abs(theirs["fp32"][k]).max() for k in names)
live = [k for k in names if np.abs(theirs["fp32"][k]).max() > 1e-6 * largest]   # not 0 in exact arithmetic
rows = [(k, rel(ours["bf16"][k], ours["fp32"][k]), rel(theirs["autocast"][k], theirs["fp32"][k])) for k in live]
print(f"{args.n} images at {args.size} px from {args.data}; {len(live)} gradient tensors ({len(names) - len(live)} vanish in exact arithmetic)")
print("BreastAI fp32 against PyTorch fp32: largest relative L2 error %.2e" % max(rel(ours["fp32"][k], theirs["fp32"][k]) for k in live))
print("relative L2 error of each gradient tensor, median (90th percentile): BreastAI bf16 vs fp32 %.4f (%.4f), autocast vs fp32 %.4f (%.4f)" % (
    np.median([r[1] for r in rows]), np.quantile([r[1] for r in rows], 0.9), np.median([r[2] for r in rows]), np.quantile([r[2] for r in rows], 0.9)))
stage = lambda k: (re.match(r"features\.\d+", k) or re.match(r"\w+", k)).group(0)
print("| stage | tensors | BreastAI bf16 vs fp32 | autocast vs fp32 |\n| --- | --- | --- | --- |")
for s in dict.fromkeys(stage(r[0]) for r in rows):
    rs = [r for r in rows if stage(r[0]) == s]
    print(f"| {s} | {len(rs)} | {np.median([r[1] for r in rs]):.4f} | {np.median([r[2] for r in rs]):.4f} |")
flat = lambda d: np.concatenate([np.asarray(d[k], dtype=np.float64).ravel() for k in live])
cos = lambda a, b: a @ b / np.linalg.norm(a) / np.linalg.norm(b)
print("cosine of the whole gradient with fp32's: BreastAI bf16 %.6f, autocast %.6f" % (
    cos(flat(ours["bf16"]), flat(ours["fp32"])), cos(flat(theirs["autocast"]), flat(theirs["fp32"]))))
