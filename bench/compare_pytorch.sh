#!/usr/bin/env bash
# The same training steps in PyTorch (eager, and torch.compile when it works) and in BreastAI,
# side by side on this machine. Run by hand; creates a venv outside the repository.
#   bash bench/compare_pytorch.sh [S|M] [image_size] [batch] [steps]
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=${1:-S}; SIZE=${2:-512}; BATCH=${3:-4}; STEPS=${4:-5}
THREADS=$(nproc)
PY=$(bash ../shared/tools/reference-venv.sh 2>/dev/null || true)
if [ -z "$PY" ] || ! "$PY" -c "import torch, torchvision" 2>/dev/null; then
  V=${BREASTAI_BENCH_VENV:-$HOME/.breastai-bench-venv}
  [ -x "$V/bin/python" ] || python3 -m venv "$V"
  "$V/bin/pip" install -q torch torchvision
  PY="$V/bin/python"
fi
OUT=$(mktemp -d "${TMPDIR:-/tmp}/breastai-compare.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
echo "== PyTorch ($($PY -c 'import torch; print(torch.__version__)')), $THREADS threads, efficientnet_v2_$(echo $MODEL | tr A-Z a-z), ${SIZE}x${SIZE}, batch $BATCH =="
# One process per variant (each prints its own peak). COMPILE=1 adds torch.compile (minutes to compile).
N=0
for VARIANT in "eager NCHW:" "eager channels_last:--channels-last" "autocast bf16, channels_last:--channels-last --bf16" \
               ${COMPILE:+"torch.compile, channels_last:--channels-last --compile"}; do
  N=$((N + 1))
  echo "-- PyTorch ${VARIANT%%:*}"
  echo "${VARIANT%%:*}" > "$OUT/pytorch_$N.name"
  OMP_NUM_THREADS=$THREADS "$PY" bench/pytorch_step.py --model "$MODEL" --image-size "$SIZE" --batch "$BATCH" --steps "$STEPS" \
    --threads "$THREADS" ${VARIANT#*:} | tee "$OUT/pytorch_$N.txt"
done
echo "== BreastAI =="
swift build -c release --product breastai-run >/dev/null
PRECISIONS=fp32
# bf16 contractions (AVX512-BF16 CPUs only; elsewhere the script says so and goes on).
if grep -q avx512_bf16 /proc/cpuinfo; then PRECISIONS="fp32 bf16"; else echo "== BreastAI bf16: skipped, this CPU has no avx512_bf16 =="; fi
for P in $PRECISIONS; do
  for PHASE in 4 1 eval; do
    .build/release/breastai-run bench step --model "$MODEL" --image-size "$SIZE" --batch "$BATCH" --plain-torchvision \
      --steps "$STEPS" --phase $PHASE --precision $P --json > "$OUT/breastai_${P}_$PHASE.json"
  done
done
echo "== Side by side (PyTorch time / BreastAI time: above 1 means BreastAI is faster) =="
python3 bench/compare_table.py "$OUT"
