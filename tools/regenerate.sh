#!/usr/bin/env bash
# Rewrites generated/S and generated/M with what the compiler emits today (kernels.h, the kernel
# units kernels_kNNN.c, program.c, manifest.json, kernels.json of the default configuration:
# batch 4, 512x512, 3 classes, BreastAI head); units the compiler no longer emits are removed.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product breastai-compile
for m in S M; do
  .build/release/breastai-compile --model "$m" --out "generated/$m" --emit-only
done
