#!/usr/bin/env bash
# bf16 against fp32 on this machine, alternated in one run: S phase-4 step and eval forward at
# 512 px, batch 4 (torchvision head), then the GEMM shapes. Run by hand on an idle machine:
#   bash bench/bf16_step.sh [steps] [rounds]
# BIN=path/to/breastai-run skips the release build; OpenBLAS core SkylakeX unless BENCH_CORETYPE is set;
# PHASES="1 4 eval" picks phases; SKIP_GEMM=1 skips the GEMM table;
# THREADS=1 runs everything on one OpenMP thread (steadier ratios on a loaded machine).
set -euo pipefail
cd "$(dirname "$0")/.."
STEPS=${1:-3}; ROUNDS=${2:-2}
export OPENBLAS_CORETYPE=${BENCH_CORETYPE:-SkylakeX}   # the session may preset Haswell
if [ -z "${BIN:-}" ]; then swift build -c release --product breastai-run >/dev/null; BIN=.build/release/breastai-run; fi
[ -n "${THREADS:-}" ] && export OMP_NUM_THREADS=$THREADS
CORES=$(nproc --all)
echo "== $(date -u +%FT%TZ), OMP_NUM_THREADS=${OMP_NUM_THREADS:-unset}, $CORES cores, OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE, load: $(cut -d' ' -f1-3 /proc/loadavg) =="
COMMON=(--model S --image-size 512 --batch 4 --plain-torchvision --steps "$STEPS")
for round in $(seq "$ROUNDS"); do
  for phase in ${PHASES:-4 eval}; do
    for precision in fp32 bf16; do
      echo "-- round $round, phase $phase, $precision"
      "$BIN" bench step "${COMMON[@]}" --phase "$phase" --precision "$precision" | tail -n +2
    done
  done
done
[ -n "${SKIP_GEMM:-}" ] || "$BIN" bench gemm-bf16
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg) =="
