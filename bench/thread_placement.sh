#!/usr/bin/env bash
# OpenMP thread placement on `bench step`: OMP_PROC_BIND/OMP_PLACES unset, close+cores,
# spread+cores, run alternately (A B C A B C ...) so slow drifts of the machine's load hit all alike.
# Usage: bash bench/thread_placement.sh [MODEL SIZE BATCH PHASE ROUNDS STEPS]   (default S 512 4 4 3 3)
# Prints one line per run (median s of the step) and the median per placement; each run reports
# the placement the OpenMP runtime really took (omp_get_proc_bind, places) in its "threads:" line.
set -euo pipefail
BIN=${BIN:-.build/release/breastai-run}
MODEL=${1:-S}; SIZE=${2:-512}; BATCH=${3:-4}; PHASE=${4:-4}; ROUNDS=${5:-3}; STEPS=${6:-3}
echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg); OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}; $MODEL $SIZE px batch $BATCH phase $PHASE"
"$BIN" bench step --model "$MODEL" --image-size "$SIZE" --batch "$BATCH" --phase "$PHASE" --steps 1 --warmup 0 >/dev/null 2>&1  # compile once
declare -A all
for round in $(seq "$ROUNDS"); do
  for placement in unset close spread; do
    if [ "$placement" = unset ]; then envs=(env -u OMP_PROC_BIND -u OMP_PLACES)
    else envs=(env OMP_PROC_BIND="$placement" OMP_PLACES=cores); fi
    out=$("${envs[@]}" "$BIN" bench step --model "$MODEL" --image-size "$SIZE" --batch "$BATCH" --phase "$PHASE" --steps "$STEPS" --warmup 1)
    median=$(echo "$out" | awk -v p="$PHASE" '$1 == p { print $2 }')
    bind=$(echo "$out" | grep -o "proc_bind [a-z]*, [0-9]* places")
    echo "round $round  $placement  $median s  ($bind; load $(cut -d' ' -f1 /proc/loadavg))"
    all[$placement]+="$median "
  done
done
for placement in unset close spread; do
  echo "$placement: median $(echo "${all[$placement]}" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') s of ${all[$placement]}"
done
