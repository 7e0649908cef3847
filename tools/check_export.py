"""Loads a safetensors file written by `breastai-run export --format safetensors` into the PyTorch
BreastAI model (torchvision EfficientNetV2 features, CBAM, the original's 1280-512-256 head) with
`load_state_dict(strict=True)` and compares its eval logits with `breastai-run forward`.

    breastai-run export --checkpoint best --format safetensors --out model.safetensors
    breastai-run forward --model S --weights model.safetensors --input x.safetensors --output y.safetensors
    PY=$(bash ../shared/tools/reference-venv.sh)
    $PY tools/check_export.py model.safetensors --model s --input x.safetensors --reference y.safetensors

Exits 1 when max |diff| / max |ref| exceeds --tolerance (default 1e-4).
"""
import argparse
import pathlib
import sys

import torch
import torch.nn as nn
import torchvision
from safetensors.torch import load_file

# The CBAM definitions of the fixture generator (the original's modules).
source = (pathlib.Path(__file__).parent / "make_golden_fixtures.py").read_text().split("if __name__")[0]
fixtures = {}
exec(compile(source, "make_golden_fixtures.py", "exec"), fixtures)

p = argparse.ArgumentParser()
p.add_argument("weights")
p.add_argument("--model", choices=["s", "m"], default="s")
p.add_argument("--classes", type=int, default=3)
p.add_argument("--dropout", type=float, default=0.45)
p.add_argument("--input", required=True, help="safetensors with an NCHW float32 `input`")
p.add_argument("--reference", required=True, help="safetensors with `logits` (breastai-run forward --output)")
p.add_argument("--tolerance", type=float, default=1e-4)
a = p.parse_args()


class BreastAI(nn.Module):
    """features -> CBAM -> avgpool -> flatten -> Dropout/Linear(1280,512)/BN/ReLU/... (the original)."""

    def __init__(self, features, classes, dropout):
        super().__init__()
        self.features = features
        self.cbam = fixtures["CBAM"](1280)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Sequential(
            nn.Dropout(dropout), nn.Linear(1280, 512), nn.BatchNorm1d(512), nn.ReLU(),
            nn.Dropout(0.5 * dropout), nn.Linear(512, 256), nn.BatchNorm1d(256), nn.ReLU(),
            nn.Dropout(0.3 * dropout), nn.Linear(256, classes))

    def forward(self, x):
        return self.classifier(torch.flatten(self.avgpool(self.cbam(self.features(x))), 1))


backbone = torchvision.models.efficientnet_v2_s() if a.model == "s" else torchvision.models.efficientnet_v2_m()
model = BreastAI(backbone.features, a.classes, a.dropout)
print("load_state_dict(strict=True):", model.load_state_dict(load_file(a.weights), strict=True))
model.eval()
x = load_file(a.input)["input"]
y = load_file(a.reference)["logits"]
with torch.no_grad():
    z = model(x)
diff = (z - y).abs().max().item()
ref = y.abs().max().item()
print(f"PyTorch vs reference logits: max |diff| = {diff:.3e}, max |ref| = {ref:.3e}, ratio {diff / ref:.3e}")
sys.exit(0 if diff / ref <= a.tolerance else 1)
