#!/usr/bin/env bash
# Rewrites generated/S and generated/M with what the compiler emits today (C sources and
# manifest of the default configuration: batch 4, 512x512, 3 classes, BreastAI head).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product breastai-compile
for m in S M; do
  .build/release/breastai-compile --model "$m" --out "generated/$m" --emit-only
done
