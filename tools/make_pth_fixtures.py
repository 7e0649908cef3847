#!/usr/bin/env python3
"""Writes the torch.save (.pth) fixtures under Tests/Fixtures/pth for the native .pth reader.

Run by hand, never by the test suite:

    PY=$(bash ../shared/tools/reference-venv.sh)
    $PY tools/make_pth_fixtures.py [--out Tests/Fixtures/pth]

Every .pth file is written by `torch.save`; every reference is a safetensors file written by
`safetensors.torch.save_file` (an independent writer), so the Swift tests compare the .pth reader
against the safetensors reader bit for bit. Files (see tools/README.md for the details):

  tiny_plain.pth         the tiny torchvision EfficientNet's state_dict (zip format), values taken from
                         Tests/Fixtures/tiny_plain.safetensors (its twin), plus num_batches_tracked
  micro.pth              a micro network (features.0 = conv+BN, features.1 = conv with bias, classifier.1
                         = Linear(6, 3)); twin micro.safetensors
  micro_module.pth       the same keys with a `module.` prefix (DataParallel)
  micro_wrapped.pth      {"epoch", "state_dict": {"model." + key: ...}, "optimizer": {...}, ...}
  micro_legacy.pth       micro's state_dict with _use_new_zipfile_serialization=False (torch < 1.6 format)
  micro_param.pth        micro's named_parameters() as nn.Parameter objects (torch._utils._rebuild_parameter)
  views.pth              fp16, bf16, fp64, int64, int32, bool tensors, a transposed (non-contiguous) tensor,
                         slices into one shared storage (storage offsets), a 0-d scalar, an empty tensor;
                         twin views.safetensors holds each as a contiguous float32 (int64 for integers)
  forbidden.pth          a dict whose value pickles as a call of os.system (posix.system)
  forbidden_class.pth    a dict holding an instance of an arbitrary class (__main__.Config)
"""

import argparse
import functools
import os
import sys

import torch
import torch.nn as nn
from safetensors.torch import load_file, save_file
from torchvision.models.efficientnet import EfficientNet, FusedMBConvConfig, MBConvConfig

GENERATOR = "tools/make_pth_fixtures.py"
FORMAT_VERSION = "1"

# The tiny network of tools/make_golden_fixtures.py (Graph's BackboneSpec.tiny).
TINY_SETTING = [
    FusedMBConvConfig(1, 3, 1, 8, 8, 2),
    FusedMBConvConfig(4, 3, 2, 8, 16, 2),
    MBConvConfig(4, 3, 2, 16, 24, 2),
    MBConvConfig(6, 3, 1, 24, 32, 1),
]
TINY_LAST = 64
FIXTURE_KEYS = ("input", "labels", "logits", "loss", "eval_logits")


class Micro(nn.Module):
    """Names like torchvision's: features.N.M.*, classifier.1.* (Dropout at classifier.0)."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Sequential(nn.Conv2d(3, 4, 3, bias=False), nn.BatchNorm2d(4, eps=1e-3)),
            nn.Sequential(nn.Conv2d(4, 6, 1)))
        self.classifier = nn.Sequential(nn.Dropout(0.2), nn.Linear(6, 3))


class Config:
    """An arbitrary class: a reader that only reads state dicts must refuse it."""

    def __init__(self):
        self.lr = 0.1


class Shell:
    """Pickles as a call of os.system: the classic malicious checkpoint."""

    def __reduce__(self):
        return (os.system, ("echo pwned",))


def save_twin(tensors, path):
    save_file({k: v.detach().contiguous().clone() for k, v in tensors.items()}, path,
              metadata={"format_version": FORMAT_VERSION, "generator": GENERATOR, "torch": torch.__version__})


def report(path):
    os.chmod(path, 0o644)
    print(f"{os.path.basename(path):24s} {os.path.getsize(path):8d} bytes")


def tiny_plain(out, fixtures):
    norm = functools.partial(nn.BatchNorm2d, eps=1e-3)
    model = EfficientNet(TINY_SETTING, dropout=0.0, stochastic_depth_prob=0.0, num_classes=3,
                         norm_layer=norm, last_channel=TINY_LAST)
    golden = load_file(os.path.join(fixtures, "tiny_plain.safetensors"))
    state = {k: v for k, v in golden.items()
             if k not in FIXTURE_KEYS and not k.startswith(("grad.", "after."))}
    missing, unexpected = model.load_state_dict(state, strict=False)
    assert not unexpected, unexpected
    assert all(k.endswith("num_batches_tracked") for k in missing), missing
    with torch.no_grad():
        for name, buf in model.named_buffers():
            if name.endswith("num_batches_tracked"):
                buf.fill_(7)
    path = os.path.join(out, "tiny_plain.pth")
    torch.save(model.state_dict(), path)
    back = torch.load(path, weights_only=True)
    for k, v in state.items():
        assert torch.equal(back[k], v), k
    report(path)


def micro_state():
    torch.manual_seed(2024)
    m = Micro()
    with torch.no_grad():
        bn = m.features[0][1]
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.normal_(0, 0.1)
        bn.running_mean.normal_(0, 0.1)
        bn.running_var.uniform_(0.5, 1.5)
        bn.num_batches_tracked.fill_(123456789012)  # needs 64 bits
    return m, m.state_dict()


def micro(out):
    model, state = micro_state()
    save_twin(state, os.path.join(out, "micro.safetensors"))
    report(os.path.join(out, "micro.safetensors"))
    files = {
        "micro.pth": (state, {}),
        "micro_module.pth": ({"module." + k: v for k, v in state.items()}, {}),
        "micro_legacy.pth": (state, {"_use_new_zipfile_serialization": False}),
        "micro_param.pth": (dict(model.named_parameters()), {}),
    }
    wrapped = {
        "epoch": 12,
        "arch": "micro",
        "state_dict": {"model." + k: v for k, v in state.items()},
        "optimizer": {"state": {}, "param_groups": [{"lr": 3e-4, "betas": (0.9, 0.999), "eps": 1e-8,
                                                     "weight_decay": 1e-4, "amsgrad": False, "maximize": False,
                                                     "foreach": None, "params": [0, 1, 2, 3, 4, 5]}]},
        "best_auc": 0.875,
        "seen_images": 2 ** 70,  # a LONG1 integer that does not fit 64 bits
        "note": "wrapped by a training script \u00e9\u00e8",
        "flags": [True, False, None],
    }
    files["micro_wrapped.pth"] = (wrapped, {})
    for name, (obj, kwargs) in files.items():
        path = os.path.join(out, name)
        torch.save(obj, path, **kwargs)
        back = torch.load(path, weights_only=True)
        assert back.keys() == obj.keys(), name
        report(path)


def views(out):
    torch.manual_seed(77)
    base = torch.randn(5, 7)
    shared = torch.randn(40)
    tensors = {
        "half": torch.randn(3, 4).half(),
        "bfloat16": torch.randn(2, 5).bfloat16(),
        "double": torch.randn(4, 3, dtype=torch.float64),
        "transposed": base.t(),                      # [7, 5], strides (1, 7)
        "sliced": base[1:4, ::2],                    # [3, 4], offset 7, strides (7, 2)
        "shared_a": shared[3:15].view(3, 4),         # offset 3 into one storage
        "shared_b": shared[20:38].view(2, 3, 3),     # offset 20 into the same storage
        "permuted": torch.randn(2, 3, 4, 5).permute(0, 2, 3, 1),  # NCHW -> NHWC view
        "expanded": torch.randn(3, 1).expand(3, 4),  # stride 0
        "long": torch.tensor([-3, 0, 2 ** 40], dtype=torch.int64),
        "int": torch.tensor([[7, -8], [9, 10]], dtype=torch.int32),
        "bool": torch.tensor([True, False, True]),
        "scalar": torch.tensor(2.5),
        "empty": torch.zeros(0, 3),
    }
    assert not tensors["transposed"].is_contiguous() and not tensors["sliced"].is_contiguous()
    path = os.path.join(out, "views.pth")
    torch.save(tensors, path)
    report(path)
    twin = {}
    for k, v in tensors.items():
        twin[k] = v.to(torch.int64) if not v.is_floating_point() else v.float()
    save_twin(twin, os.path.join(out, "views.safetensors"))
    report(os.path.join(out, "views.safetensors"))


def forbidden(out):
    w = torch.ones(2)
    for name, obj in (("forbidden.pth", {"w": w, "payload": Shell()}),
                      ("forbidden_class.pth", {"w": w, "config": Config()})):
        path = os.path.join(out, name)
        torch.save(obj, path)
        try:
            torch.load(path, weights_only=True)
            raise AssertionError(f"{name}: torch.load(weights_only=True) accepted it")
        except Exception as e:  # torch refuses it as well
            assert "weights_only" in str(e) or "Unsupported global" in str(e), e
        report(path)


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(repo, "Tests", "Fixtures", "pth"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    print(f"torch {torch.__version__} -> {args.out}")
    tiny_plain(args.out, os.path.join(repo, "Tests", "Fixtures"))
    micro(args.out)
    views(args.out)
    forbidden(args.out)
    total = sum(os.path.getsize(os.path.join(args.out, f)) for f in os.listdir(args.out))
    print(f"total {total} bytes")
    assert total < 400_000, "the .pth fixtures must stay small"


if __name__ == "__main__":
    sys.exit(main())
