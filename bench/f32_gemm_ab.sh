#!/usr/bin/env bash
# The fp32 packed GEMM of the tiled convolutions (gemm_f32.c) against the sgemm tiles before it,
# old and new binary ALTERNATED in one run (the machine is shared): the GEMM table on S's tile
# shapes, `bench kernels` per family (bench/kernel_families.py), and `bench step` phase 4.
#   OLD=/path/to/old/breastai-run bash bench/f32_gemm_ab.sh [rounds] [models]
# NEW defaults to .build/release/breastai-run (built if missing); each binary compiles its own
# artifacts under ${OUT:-/tmp/f32-gemm-ab} (never build/). OPENBLAS_CORETYPE is unset (autodetect)
# unless BENCH_CORETYPE is set. Writes old-<model>-<round>.json / new-... kernel timings there.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}; MODELS=${2:-S}
: "${OLD:?set OLD to the breastai-run built before the change}"
if [ -z "${NEW:-}" ]; then [ -x .build/release/breastai-run ] || swift build -c release --product breastai-run >/dev/null; NEW=.build/release/breastai-run; fi
if [ -n "${BENCH_CORETYPE:-}" ]; then export OPENBLAS_CORETYPE=$BENCH_CORETYPE; else unset OPENBLAS_CORETYPE; fi
OUT=${OUT:-/tmp/f32-gemm-ab}; mkdir -p "$OUT"
echo "== $(date -u +%FT%TZ), OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}, $(nproc --all) cores, load: $(cut -d' ' -f1-3 /proc/loadavg) =="
"$NEW" bench gemm-f32
for model in $MODELS; do
  for round in $(seq "$ROUNDS"); do
    for which in old new; do
      bin=$OLD; [ "$which" = new ] && bin=$NEW
      "$bin" bench kernels --model "$model" --phase 4 --top 0 --json --artifact "$OUT/$which-$model" > "$OUT/$which-$model-$round.json"
      echo "-- $model round $round $which step (load $(cut -d' ' -f1 /proc/loadavg))"
      "$bin" bench step --model "$model" --phase 4 --steps "${STEPS:-6}" --artifact "$OUT/$which-$model" | tail -n +2
    done
    python3 bench/kernel_families.py "$OUT/old-$model-$round.json" "$OUT/new-$model-$round.json"
  done
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg) =="
