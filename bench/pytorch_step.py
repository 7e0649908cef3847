"""One training step of torchvision's EfficientNetV2 in PyTorch: forward, cross-entropy, backward,
AdamW; the same for the backbone frozen, and the eval forward. Prints median step times and the
peak resident memory. Used by bench/compare_pytorch.sh, one process per variant (the peak is the
process's): --channels-last (NHWC memory format), --bf16 (torch.autocast("cpu", bfloat16)),
--compile (torch.compile of the model)."""
import argparse, resource, statistics, time
import torch, torchvision

p = argparse.ArgumentParser()
p.add_argument("--model", default="S"); p.add_argument("--image-size", type=int, default=512)
p.add_argument("--batch", type=int, default=4); p.add_argument("--steps", type=int, default=5)
p.add_argument("--threads", type=int, default=2); p.add_argument("--compile", action="store_true")
p.add_argument("--channels-last", action="store_true"); p.add_argument("--bf16", action="store_true")
a = p.parse_args()
torch.set_num_threads(a.threads)
net = {"S": torchvision.models.efficientnet_v2_s, "M": torchvision.models.efficientnet_v2_m}[a.model.upper()](num_classes=3)
x = torch.randn(a.batch, 3, a.image_size, a.image_size); y = torch.arange(a.batch) % 3
if a.channels_last:
    net = net.to(memory_format=torch.channels_last); x = x.contiguous(memory_format=torch.channels_last)
model = torch.compile(net) if a.compile else net
autocast = lambda: torch.autocast("cpu", dtype=torch.bfloat16, enabled=a.bf16)
opt = torch.optim.AdamW(net.parameters(), lr=1e-4, weight_decay=1e-4)
loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.12)

def peak_gb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e9

def timed(fn, steps):
    fn()
    t = []
    for _ in range(steps):
        s = time.perf_counter(); fn(); t.append(time.perf_counter() - s)
    return statistics.median(t), min(t), max(t)

def train_step():
    opt.zero_grad(set_to_none=True)
    with autocast():
        loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()

net.train()
med, lo, hi = timed(train_step, a.steps)
print(f"full step   median {med:.3f} s  min {lo:.3f}  max {hi:.3f}  images/s {a.batch / med:.2f}  peak RSS {peak_gb():.2f} GB")
for prm in net.features.parameters():
    prm.requires_grad_(False)
med, lo, hi = timed(train_step, a.steps)
print(f"frozen bb   median {med:.3f} s  min {lo:.3f}  max {hi:.3f}")
net.eval()
with torch.no_grad():
    with autocast():
        med, lo, hi = timed(lambda: model(x), a.steps)
print(f"eval fwd    median {med:.3f} s  min {lo:.3f}  max {hi:.3f}")
