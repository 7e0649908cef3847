#!/usr/bin/env bash
# Compile times of the C of S and M (issue 13), in one run, old and new alternated:
#   cold   - an empty --out folder: every unit compiles
#   warm   - the same command again, nothing changed: every object is reused (new) / everything recompiles (old)
#   one    - one unit changed: the largest object is removed first, so exactly one unit compiles (new)
# and the phase-4 step time of both builds (bench step, 128x128, batch 4), since one translation
# unit allowed cross-kernel inlining and units do not.
#
# Usage: bash bench/compile_times.sh [OLD_BIN_DIR]
#   OLD_BIN_DIR holds breastai-compile and breastai-run of the one-translation-unit build (for
#   example a release build of the commit before issue 13, copied aside); without it only the
#   new build is timed. The new binaries are .build/release/ (swift build -c release first).
#   MODELS="S M" and STEP=1 (0 skips the step timing) are environment settings.
set -euo pipefail
cd "$(dirname "$0")/.."
NEW=.build/release
OLD=${1:-}
MODELS=${MODELS:-"S M"}
STEP=${STEP:-1}
work=$(mktemp -d /tmp/breastai-compile-times.XXXXXX)
echo "work folder: $work (remove it when done)"
echo "cores: $(nproc), $(uptime)"

# Runs a command, prints its wall seconds and the "built ... in X s: ..." line of its log.
timed() {
  local log="$work/log" start end
  start=$(date +%s%N)
  if ! "$@" > "$log" 2>&1; then cat "$log"; exit 1; fi
  end=$(date +%s%N)
  local built
  built=$(grep -o 'in [0-9.]* s.*' "$log" | grep -v emitted | tail -1 || true)
  printf '%6.1f s   (%s)\n' "$(echo "$start $end" | awk '{print ($2 - $1) / 1e9}')" "${built:-one translation unit}"
}

for m in $MODELS; do
  echo "== model $m"
  if [ -n "$OLD" ]; then echo -n "old cold:  "; timed "$OLD/breastai-compile" --model "$m" --out "$work/old-$m"; fi
  echo -n "new cold:  "; timed "$NEW/breastai-compile" --model "$m" --out "$work/new-$m"
  if [ -n "$OLD" ]; then echo -n "old again: "; timed "$OLD/breastai-compile" --model "$m" --out "$work/old-$m"; fi
  echo -n "new warm:  "; timed "$NEW/breastai-compile" --model "$m" --out "$work/new-$m"
  largest=$(ls -S "$work/new-$m/objects"/*.o | head -1)
  rm -f "$largest"
  echo -n "new one:   "; timed "$NEW/breastai-compile" --model "$m" --out "$work/new-$m"
done

if [ "$STEP" = 1 ]; then
  args=(bench step --model S --image-size 128 --batch 4 --phase 4 --steps 5)
  for round in 1 2; do
    for side in old new; do
      bin=$NEW; [ "$side" = old ] && bin=$OLD
      [ -z "$bin" ] && continue
      echo "== step, $side, round $round: breastai-run ${args[*]}"
      "$bin/breastai-run" "${args[@]}" --artifact "$work/step-$side" 2>&1 | grep -vE '^(compiling|rebuilding|OPENBLAS|threads)' | tail -3
    done
  done
fi
echo "$(uptime)"
