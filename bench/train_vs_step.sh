#!/usr/bin/env bash
# The real path against the benchmark: `breastai-run train`'s measured training seconds per epoch
# (metrics.jsonl: train_seconds, images_per_second, compute/data wait/host) next to the same
# epoch projected from `bench schedule` (the same artifact's step and update programs timed alone:
# micro-batches x step + optimizer steps x update), per phase.
#
# Usage: bash bench/train_vs_step.sh [CONFIG ...]     CONFIG = model:size:batch:accumulation
#        default: S:128:8:4 tiny:32:8:4 ; each config well under 3 minutes on 2 idle cores
#        (S: about 35 s C build the first time, BatchNorm estimate, 6 short epochs).
# Environment: BIN (default .build/release/breastai-run), WORK (default /tmp/breastai-train-vs-step,
#   reused: the phantoms are made once), PER_CLASS (train,val,test phantoms per class; default
#   120,10,1), WORKERS (data.num_workers; default the configuration's 2), EXTRA (more train flags,
#   e.g. "--set system.num_threads=2").
# Every config trains 6 epochs: 1-2 phase 1, 3 phase 2, 4 phase 3, 5-6 phase 4 (random init,
# ULTRA-S defaults otherwise: augmentation, oversampling, EMA; validation without TTA).
set -euo pipefail
BIN=${BIN:-.build/release/breastai-run}
WORK=${WORK:-/tmp/breastai-train-vs-step}
PER_CLASS=${PER_CLASS:-120,10,1}
CONFIGS=("$@"); [ ${#CONFIGS[@]} -eq 0 ] && CONFIGS=(S:128:8:4 tiny:32:8:4)
mkdir -p "$WORK"
echo "# $(date -u +%FT%TZ) $(uname -n), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg); OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}"
if [ ! -d "$WORK/data/train" ]; then
  # The demo writes its phantoms first; 4 tiny epochs at 32 px (one per phase) are the cheapest way to get them.
  "$BIN" demo --dir "$WORK/phantoms" --per-class "$PER_CLASS" --model tiny --image-size 32 --epochs 4 >/dev/null 2>&1
  mv "$WORK/phantoms/data" "$WORK/data"
fi
for cfg in "${CONFIGS[@]}"; do
  IFS=: read -r model size batch accum <<<"$cfg"
  tag="$model-$size-b$batch-a$accum"
  run="$WORK/run-$tag"
  common=(--model "$model" --image-size "$size" --batch-size "$batch" --epochs 6
          --set data.gradient_accumulation_steps="$accum" --set model.pretrained=false
          --set model.progressive_unfreezing.phase1_epochs=2 --set model.progressive_unfreezing.phase2_epochs=3
          --set model.progressive_unfreezing.phase3_epochs=4 --set model.progressive_unfreezing.phase4_epochs=6
          --set training.warmup_epochs=1 --set training.restart_epochs=[] --set training.early_stopping.enabled=false
          --set inference.tta_enabled=false --set logging.tensorboard=false --set checkpoints.save_every_n_epochs=0)
  [ -n "${WORKERS:-}" ] && common+=(--set data.num_workers="$WORKERS")
  # shellcheck disable=SC2206
  [ -n "${EXTRA:-}" ] && common+=($EXTRA)
  mv "$run" "$run.old-$(date +%s)" 2>/dev/null || true
  echo "## $tag"
  start=$(date +%s)
  "$BIN" train --data "$WORK/data" "${common[@]}" --random-init --cache-dir "$WORK/cache" \
    --checkpoint-dir "$run/checkpoints" --logs-dir "$run/logs" >"$run.train.out" 2>&1 || { tail -5 "$run.train.out"; exit 1; }
  echo "train: $(( $(date +%s) - start )) s wall (start, compile, BatchNorm estimate, 6 epochs, test)"
  grep -h "threads\|placement" "$run/logs/training.log" | sed 's/^[^ ]* \[run [^]]*\] /  /' | head -4
  images=$(python3 -c "import json,sys; r=[json.loads(l) for l in open('$run/logs/metrics.jsonl')]; print([x for x in r if x['split']=='val'][0]['train_images'])")
  "$BIN" bench schedule "${common[@]}" --train "$images" --val 0 --test 0 --steps 3 --json >"$run.schedule.json" 2>"$run.schedule.err" \
    || { tail -5 "$run.schedule.err"; exit 1; }
  python3 - "$run/logs/metrics.jsonl" "$run.schedule.json" <<'PY'
import json, sys
records = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
val = [r for r in records if r.get("split") == "val"]
bench = {p["phase"]: p for p in json.load(open(sys.argv[2]))["phases"]}
print("| epoch | phase | train s | bench s | train / bench | img/s | s per optimizer step | compute | data wait | host | loader CPU (of a core) | validation s |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for r in val:
    b = bench[r["phase"]]["train_seconds_per_epoch"]
    t = r["train_seconds"]
    print(f"| {r['epoch']} | {r['phase']} | {t:.2f} | {b:.2f} | {t / b:.3f} | {r['images_per_second']:.2f} | "
          f"{r['seconds_per_optimizer_step']:.3f} | {100 * r['compute_seconds'] / t:.1f}% | {100 * r['data_wait_seconds'] / t:.1f}% | "
          f"{100 * r['host_seconds'] / t:.1f}% | {100 * r.get('loader_cpu_seconds', 0) / t:.1f}% | {r['eval_seconds']:.2f} |")
PY
done
