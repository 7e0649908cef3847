#!/usr/bin/env bash
# One command from a fresh clone: installs the system packages (when it can), builds the
# release binaries, and runs the main job on the embedded default data: the demo (synthetic
# phantoms, EfficientNetV2-S through the four phases, test metrics).
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGES=$(grep -v '^#' tools/system-packages.txt)
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq $PACKAGES
fi
swift build -c release
.build/release/breastai-run demo
