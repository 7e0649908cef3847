"""Converts a torchvision checkpoint (.pth state dict, e.g. efficientnet_v2_s-dd5fe13b.pth) to
safetensors with the same names, for `--init-weights` / `breastai-run forward --weights`.
Run by hand in the reference venv (the runtime never needs PyTorch):

    PY=$(bash ../shared/tools/reference-venv.sh)
    $PY tools/convert_torchvision.py efficientnet_v2_s-dd5fe13b.pth efficientnet_v2_s.safetensors
    $PY tools/convert_torchvision.py --pretrained s efficientnet_v2_s.safetensors   # downloads through torchvision

`num_batches_tracked` is kept (int64); BreastAI ignores it on load."""
import argparse
import torch
from safetensors.torch import save_file

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument("source", help="a .pth state dict, or s|m with --pretrained")
p.add_argument("output", help="the .safetensors file to write")
p.add_argument("--pretrained", action="store_true", help="source is s or m: torchvision's IMAGENET1K_V1 weights")
a = p.parse_args()

if a.pretrained:
    import torchvision
    build = {"s": torchvision.models.efficientnet_v2_s, "m": torchvision.models.efficientnet_v2_m}[a.source.lower()]
    state = build(weights="IMAGENET1K_V1").state_dict()
else:
    state = torch.load(a.source, map_location="cpu", weights_only=True)
    if "state_dict" in state:
        state = state["state_dict"]
tensors = {k: v.detach().contiguous() for k, v in state.items() if isinstance(v, torch.Tensor)}
save_file(tensors, a.output, metadata={"source": a.source, "converter": "tools/convert_torchvision.py"})
print(f"wrote {len(tensors)} tensors to {a.output}")
