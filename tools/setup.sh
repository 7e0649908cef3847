#!/usr/bin/env bash
# One command from a fresh clone: installs the system packages (when it can), builds the
# release binaries, and runs the main job on the embedded default data: the demo (synthetic
# phantoms, EfficientNetV2-S through the four phases, test metrics).
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  apt-get install -y -qq libopenblas-dev libopenblas-openmp-dev libpng-dev libjpeg-dev libomp-dev
elif command -v apt-get >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo apt-get install -y -qq libopenblas-dev libopenblas-openmp-dev libpng-dev libjpeg-dev libomp-dev
fi
swift build -c release
.build/release/breastai-run demo
