#!/usr/bin/env bash
# Data parallel over MPI on one machine: 2 processes x 1 thread (breastai-run launch -np 2, each
# rank bound to one core, A = 1) against 1 process x 2 threads (A = 2): the same global batch
# (2 micro-batches of 4 per optimizer step), the same images, the same steps. Prints seconds per
# optimizer step, their ratio, validation seconds (sharded over the ranks), the gradient sum per
# step and its bytes, and the thread lines (threads per process from the cores each may use).
# Release build; phantoms from `breastai-run demo`; progressive unfreezing off (every step trains
# the whole network, the gradient block is summed whole). Run on an idle machine:
#   bash bench/mpi_scaling.sh                 (tiny and S at 128 px)
#   MODELS=tiny EPOCHS=4 bash bench/mpi_scaling.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MODELS=${MODELS:-"tiny S"}
SIZE=${SIZE:-128}
EPOCHS=${EPOCHS:-4}             # at least 4 (the phase plan); epoch 1 is a warm-up, the figures are the mean of the others
PER_CLASS=${PER_CLASS:-16,6,2}  # train,val,test phantoms per class: 48 train = 12 micro-batches = 6 steps an epoch
ROUNDS=${ROUNDS:-2}             # rounds of both configurations, alternated (single mpi, mpi single, ...)
WORK=${WORK:-/tmp/breastai-mpi-scaling}
BIN=$PWD/.build/release/breastai-run
command -v mpirun >/dev/null || { echo "mpirun not found: apt-get install openmpi-bin libopenmpi-dev" >&2; exit 1; }
swift build -c release --product breastai-run >/dev/null 2>&1 || swift build -c release --product breastai-run
mkdir -p "$WORK"
ROOT_OPT=(); [ "$(id -u)" = 0 ] && ROOT_OPT=(--mpirun-arg=--allow-run-as-root)
echo "== $(date -u +%FT%TZ), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), $(mpirun --version | head -1)"

# The phantoms (a 4-epoch tiny demo makes them), and a few for the compiling run.
for D in "demo:$PER_CLASS" "few:2,1,1"; do
  [ -d "$WORK/${D%%:*}/data" ] && continue
  "$BIN" demo --dir "$WORK/${D%%:*}" --model tiny --image-size 32 --epochs 4 --per-class "${D#*:}" >"$WORK/${D%%:*}.log" 2>&1 \
    || { tail -5 "$WORK/${D%%:*}.log"; exit 1; }
done

# mean over epochs 2.. of metrics.jsonl's val records: field $2 of $1
mean_field() {
  python3 - "$1" "$2" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
vals = [r[sys.argv[2]] for r in rows if r["split"] == "val" and r["epoch"] >= 2 and r.get(sys.argv[2]) is not None]
print("%.4f" % (sum(vals) / len(vals)) if vals else "n/a")
EOF
}

for MODEL in $MODELS; do
  ART="$WORK/artifact-$MODEL-$SIZE"
  COMMON=(--model "$MODEL" --image-size "$SIZE" --batch-size 4 --epochs "$EPOCHS"
          --cache-dir "$WORK/cache" --artifact "$ART" --workers 1
          --set model.progressive_unfreezing.enabled=false --set model.pretrained=false
          --set training.early_stopping.enabled=false --set inference.tta_enabled=false
          --set inference.temperature_scaling=false --set training.warmup_epochs=1 --set "training.restart_epochs=[]")
  if [ ! -f "$ART/libbreastai.so" ]; then   # compile once (not timed): a first run
    echo "-- compiling $MODEL at $SIZE px (once)"
    "$BIN" train "${COMMON[@]}" --data "$WORK/few/data" --set system.num_threads=2 --set data.gradient_accumulation_steps=2 \
      --checkpoint-dir "$WORK/compile-$MODEL/checkpoints" --logs-dir "$WORK/compile-$MODEL/logs" --overwrite-run >/dev/null 2>"$WORK/compile-$MODEL.stderr" || { cat "$WORK/compile-$MODEL.stderr"; exit 1; }
  fi
  # A and B alternated (ABBA...), so a load that changes during the script touches both.
  single_ALL=""; mpi_ALL=""
  for ROUND in $(seq 1 "$ROUNDS"); do
    ORDER="single mpi"; [ $((ROUND % 2)) = 0 ] && ORDER="mpi single"
    for MODE in $ORDER; do
      RUN="$WORK/$MODEL-$MODE-$ROUND"
      [ -d "$RUN" ] && mv "$RUN" "$RUN.old-$(date +%s)"
      START=$(date +%s)
      if [ $MODE = single ]; then
        "$BIN" train "${COMMON[@]}" --data "$WORK/demo/data" --set system.num_threads=2 --set data.gradient_accumulation_steps=2 \
          --checkpoint-dir "$RUN/checkpoints" --logs-dir "$RUN/logs" >/dev/null 2>"$RUN.stderr" || { cat "$RUN.stderr"; exit 1; }
      else
        # system.num_threads 0 = the cores each rank may use: bound to one core each, 1 thread.
        "$BIN" launch -np 2 "${ROOT_OPT[@]}" --mpirun-arg=--bind-to --mpirun-arg=core --mpirun-arg=--map-by --mpirun-arg=core \
          -- train "${COMMON[@]}" --data "$WORK/demo/data" --set system.num_threads=0 --set data.gradient_accumulation_steps=1 \
          --checkpoint-dir "$RUN/checkpoints" --logs-dir "$RUN/logs" >/dev/null 2>"$RUN.stderr" || { cat "$RUN.stderr"; exit 1; }
      fi
      WALL=$(( $(date +%s) - START ))
      STEP=$(mean_field "$RUN/logs/metrics.jsonl" step_seconds)   # seconds per micro-batch (global count)
      PER_STEP=$(python3 -c "print('%.3f' % (2 * $STEP))")
      EVAL=$(mean_field "$RUN/logs/metrics.jsonl" eval_seconds)
      eval "${MODE}_ALL=\"\$${MODE}_ALL $PER_STEP\""
      echo "-- $MODEL $MODE (round $ROUND): $PER_STEP s per optimizer step (8 images), validation $EVAL s per epoch, whole run $WALL s (start, BatchNorm estimate, checkpoints included); load $(cut -d' ' -f1 /proc/loadavg)"
      if [ "$ROUND" = 1 ]; then
        grep -h "threads: " "$RUN/logs/training.log" | head -1 | sed 's/^.*threads: /   rank 0 threads: /'
        if [ $MODE = mpi ]; then   # rank 1 logs under the temporary directory
          R1=$(ls -td "${TMPDIR:-/tmp}"/breastai-rank1-* 2>/dev/null | head -1)
          [ -n "$R1" ] && grep -h "threads: " "$R1/training.log" | head -1 | sed 's/^.*threads: /   rank 1 threads: /'
        fi
      fi
      if [ $MODE = mpi ]; then
        grep -h "MPI: 2 ranks summed" "$RUN/logs/training.log" | tail -n +2 | sed 's/^.*MPI: /   /'
        grep -h "MPI: val evaluated" "$RUN/logs/training.log" | tail -1 | sed 's/^.*MPI: /   /'
      fi
    done
  done
  mean() { python3 -c "import sys; v=[float(x) for x in sys.argv[1:]]; print('%.3f' % (sum(v)/len(v)))" $1; }
  S1=$(mean "$single_ALL"); S2=$(mean "$mpi_ALL")
  echo "== $MODEL at $SIZE px, mean of $ROUNDS rounds: 2 processes x 1 thread $S2 s/step, 1 process x 2 threads $S1 s/step," \
       "ratio (1x2 / 2x1) $(python3 -c "print('%.2f' % ($S1 / $S2))")"
done
