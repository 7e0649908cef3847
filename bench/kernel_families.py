"""Groups `breastai-run bench kernels --top 0 --json` output by kernel family (from the function
names and fused ops) and prints a markdown table: time, roofline fractions, the floor (each kernel
at its roof: contraction FLOPs at the sgemm rate or bytes at the triad rate, whichever is longer), a
second run (e.g. --precision bf16) next to the first, the contractions' time at the machine's peak
multiply rates (fp32 FMA, bf16 dot products) when the JSON has them, and the floor at those peaks: the
fastest any schedule of these kernels could run here.
  breastai-run bench kernels --model S --phase 4 --top 0 --json > fp32.json
  breastai-run bench kernels --model S --phase 4 --top 0 --json --precision bf16 > bf16.json
  breastai-run bench kernels --model S --phase eval --top 0 --json > eval.json
  python3 bench/kernel_families.py fp32.json [bf16.json]"""
import json, statistics, sys

def family(k):
    f, ops = k["kernel"]["function"], " ".join(k["kernel"]["ops"])
    if any(w in ops for w in ("adamw", "ema", "grad_norm", "global_norm")): return "optimizer (grad norm, AdamW, EMA)"
    if "depthwise" in ops or "depthwise" in f or "dwconv" in f: return "depthwise conv forward / dx / dw"
    kind = "1x1" if "conv1x1" in f else "kxk"
    if "conv" in ops:
        if "bwd_weight" in ops: return f"{kind} conv weight gradient"
        if "bwd_input" in ops: return f"{kind} conv dx"
        return f"{kind} conv forward"
    if "matmul" in ops or "linear" in ops: return "linear / matmul (SE, head)"
    if "bn_bwd" in ops: return "BatchNorm backward"
    if "bn_stats" in ops: return "BatchNorm statistics"
    return "elementwise, SE gating, pooling, loss, other"

runs = [json.load(open(p)) for p in sys.argv[1:3]]
groups = [{} for _ in runs]
for run, g in zip(runs, groups):
    for k in run["kernels"]: g.setdefault(family(k), []).append(k)
m = runs[0]["machine"]
peaks = "".join(f", {name} {m[key]:.0f} GFLOP/s" for name, key in (("peak fp32 FMA", "fma_peak_gflops"), ("bf16 dot products", "bf16_peak_gflops")) if m.get(key))
print(f"machine: sgemm {m['sgemm_gflops']:.0f} GFLOP/s, triad {m['triad_gbps']:.0f} GB/s{peaks}, {m['threads']} threads, {m['blas_core_type']}\n")
second = len(runs) > 1
print("| kernel family | kernels | time | floor | roofline median (min-max) |" + (" second run | second / first |" if second else ""))
print("| --- | --- | --- | --- | --- |" + (" --- | --- |" if second else ""))
total = lambda ks: sum(k["seconds"] for k in ks)
floor = lambda ks: sum(max(k["kernel"]["contraction_flops"] / (m["sgemm_gflops"] * 1e9), k["kernel"]["bytes"] / (m["triad_gbps"] * 1e9)) for k in ks)
for f in sorted(groups[0], key=lambda f: -total(groups[0][f])):
    ks = groups[0][f]; r = [k["roofline"] for k in ks if k.get("roofline") is not None]
    row = f"| {f} | {len(ks)} | {total(ks) * 1000:.0f} ms | {floor(ks) * 1000:.0f} ms | {statistics.median(r) * 100:.0f}% ({min(r) * 100:.0f}-{max(r) * 100:.0f}%) of {ks[0]['bound']} |"
    if second:
        t2 = total(groups[1].get(f, [])); row += f" {t2 * 1000:.0f} ms | {t2 / total(ks):.2f} |"
    print(row)
print(f"| total | {len(runs[0]['kernels'])} | {total(runs[0]['kernels']) * 1000:.0f} ms | {floor(runs[0]['kernels']) * 1000:.0f} ms | |" + (f" {total(runs[1]['kernels']) * 1000:.0f} ms | |" if second else ""))
# The contractions at the machine's peak rates (direct-convolution FLOPs: Winograd kernels need fewer).
flops = sum(k["kernel"]["contraction_flops"] for k in runs[0]["kernels"])
at = lambda key: f"{flops / (m[key] * 1e9) * 1000:.0f} ms" if m.get(key) else "-"
print(f"\ncontractions: {flops / 1e9:.1f} GFLOP; at the sgemm rate {at('sgemm_gflops')}, at the fp32 FMA peak {at('fma_peak_gflops')}, at the bf16 peak {at('bf16_peak_gflops')}")

# The floor at the peak rates, a lower bound for any schedule of these kernels on this machine: every
# compute-bound kernel's products at the peak of the run's precision (stride-1 3x3 convolutions at a
# quarter of their direct FLOPs, as Winograd F(4x4, 3x3) — the most any tile here removes), every
# memory-bound kernel's bytes at the triad rate.
precision = runs[0].get("precision", "fp32")
peak = m.get("bf16_peak_gflops" if precision == "bf16" else "fma_peak_gflops")
if peak:
    kernels = runs[0]["kernels"]
    products = [k for k in kernels if k["bound"] == "compute" and k["kernel"]["contraction_flops"] > 0]
    traffic = [k for k in kernels if k not in products]
    def at_peak(k):
        f = k["kernel"]["function"]
        winograd = "conv3x3" in f and "conv3x3s" not in f and "dwconv" not in f
        return k["kernel"]["contraction_flops"] / (4 if winograd else 1) / (peak * 1e9)
    contractions = sum(at_peak(k) for k in products)
    memory = sum(k["kernel"]["bytes"] for k in traffic) / (m["triad_gbps"] * 1e9)
    whole = contractions + memory
    print(f"floor at the {precision} peak ({peak:.0f} GFLOP/s; stride-1 3x3 at a quarter of their FLOPs) and triad: "
          f"{whole * 1000:.0f} ms ({contractions * 1000:.0f} ms of contractions); the kernels take {total(kernels) * 1000:.0f} ms, "
          f"{whole / total(kernels) * 100:.0f}% of it; the memory-bound ones {total(traffic) * 1000:.0f} ms against "
          f"{memory * 1000:.0f} ms of bytes at triad, the others {total(products) * 1000:.0f} ms")
below = [k for k in runs[0]["kernels"] if k.get("roofline") is not None and k["roofline"] < 0.6]
print(f"\nkernels below 60% of their roof: {len(below)}, {total(below) * 1000:.0f} ms")
