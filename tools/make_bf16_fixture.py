#!/usr/bin/env python3
"""Writes Tests/Fixtures/tiny_bf16_autocast.safetensors: the tiny torchvision-head network of
tiny_plain.safetensors (same weights, input and labels, read from that file) through one training
step under torch.autocast("cpu", dtype=torch.bfloat16): logits, loss and every parameter gradient.

Run by hand, never by the test suite:

    ~/.breastai-ref-venv/bin/python tools/make_bf16_fixture.py [--out Tests/Fixtures]

Autocast runs convolutions and linear layers with bfloat16 inputs and fp32 accumulation (oneDNN),
and also returns their OUTPUTS in bfloat16, so BatchNorm and SiLU then see bf16 activations;
BreastAI keeps every activation in fp32 and rounds only the contraction inputs. The loss is
computed in fp32 on the fp32-cast logits, as in a usual autocast training loop.
"""

import argparse
import functools
import os
import sys

import torch
import torch.nn as nn
from safetensors.torch import load_file
from torchvision.models.efficientnet import EfficientNet

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_golden_fixtures as golden  # noqa: E402  (the tiny spec, focal loss and writer)

GENERATOR = "tools/make_bf16_fixture.py"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures"))
    args = ap.parse_args()
    torch.set_num_threads(1)
    source = load_file(os.path.join(args.out, "tiny_plain.safetensors"))
    norm = functools.partial(nn.BatchNorm2d, eps=1e-3)
    model = EfficientNet(golden.TINY_SETTING, dropout=0.0, stochastic_depth_prob=0.0, num_classes=golden.NUM_CLASSES,
                         norm_layer=norm, last_channel=golden.TINY_LAST)
    state = {k: v for k, v in source.items() if k in model.state_dict()}
    missing = [k for k in model.state_dict() if k not in state and not k.endswith("num_batches_tracked")]
    assert not missing, missing
    model.load_state_dict(state, strict=False)
    x, labels = source["input"], source["labels"]

    model.train()
    model.zero_grad(set_to_none=True)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        logits = model(x)
    assert logits.dtype == torch.bfloat16, logits.dtype  # autocast really ran the head in bf16
    logits = logits.float()
    alpha = torch.tensor(golden.FOCAL_LOSS["alpha"])
    loss = golden.focal_loss(logits, labels, alpha, golden.FOCAL_LOSS["gamma"], golden.FOCAL_LOSS["eps"])
    loss.backward()
    tensors = {"logits": logits, "loss": loss.reshape([])}
    for k, p in model.named_parameters():
        tensors["grad." + k] = p.grad.float()
    golden.GENERATOR = GENERATOR
    size = golden.write(args.out, "tiny_bf16_autocast.safetensors", tensors,
                        {"source": "tiny_plain.safetensors", "autocast": "cpu bfloat16", "loss": golden.FOCAL_LOSS})
    print(f"tiny_bf16_autocast.safetensors: {size} bytes, loss {loss.item():.6f} (fp32 fixture {source['loss'].item():.6f})")


if __name__ == "__main__":
    main()
