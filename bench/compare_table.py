#!/usr/bin/env python3
"""The table bench/compare_pytorch.sh ends with: the PyTorch variants' figures (from
bench/pytorch_step.py's lines) and BreastAI's (from `bench step --json`), then every BreastAI
figure as a ratio against each PyTorch variant (PyTorch time / BreastAI time; memory the other
way round: BreastAI peak / PyTorch peak).

    python3 bench/compare_table.py DIR    # DIR holds pytorch_N.{name,txt}, breastai_P_PHASE.json
"""
import json, os, re, sys

folder = sys.argv[1]
columns = []   # (name, {figure: value})
n = 1
while os.path.exists(os.path.join(folder, f"pytorch_{n}.txt")):
    name = open(os.path.join(folder, f"pytorch_{n}.name")).read().strip()
    text = open(os.path.join(folder, f"pytorch_{n}.txt")).read()
    figures = {}
    for key, label in (("step", "full step"), ("frozen", "frozen bb"), ("eval", "eval fwd")):
        m = re.search(label + r"\s+median ([0-9.]+) s", text)
        if m: figures[key] = float(m.group(1))
    m = re.search(r"peak RSS ([0-9.]+) GB", text)
    if m: figures["rss"] = float(m.group(1))
    columns.append(("PyTorch " + name, figures))
    n += 1
pytorch = len(columns)
for precision in ("fp32", "bf16"):
    figures = {}
    for phase, key in (("4", "step"), ("1", "frozen"), ("eval", "eval")):
        path = os.path.join(folder, f"breastai_{precision}_{phase}.json")
        if not os.path.exists(path): continue
        record = json.load(open(path))["phases"][0]
        figures[key] = record["median_s"]
        if phase == "4": figures["rss"] = record["peak_rss_bytes"] / 1e9
    if figures: columns.append(("BreastAI " + precision, figures))

rows = (("step", "full step (phase 4), median s"), ("frozen", "backbone frozen (phase 1), median s"),
        ("eval", "eval forward, median s"), ("rss", "peak RSS of the step, GB"))
print("| figure | " + " | ".join(name for name, _ in columns) + " |")
print("| --- |" + " --- |" * len(columns))
for key, label in rows:
    cells = [f"{f[key]:.3f}" if key in f else "-" for _, f in columns]
    print(f"| {label} | " + " | ".join(cells) + " |")
print()
print("| BreastAI figure | " + " | ".join(f"vs {name}" for name, _ in columns[:pytorch]) + " |")
print("| --- |" + " --- |" * pytorch)
for name, ours in columns[pytorch:]:
    for key, label in rows:
        if key not in ours: continue
        cells = []
        for _, theirs in columns[:pytorch]:
            if key not in theirs: cells.append("-")
            elif key == "rss": cells.append(f"{ours[key] / theirs[key]:.2f}x the memory")
            else: cells.append(f"{theirs[key] / ours[key]:.2f}x")
        print(f"| {name}: {label.split(',')[0]} | " + " | ".join(cells) + " |")
