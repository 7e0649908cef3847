#!/bin/sh
# Times the convolution templates, naive twin against fast, on EfficientNetV2-S shapes at batch 4
# and 512x512 input (forward, dx, dw), in GFLOP/s (2 FLOPs per multiply-add). The table is printed
# by ConvTemplateTests.testBenchmark, which is skipped unless BREASTAI_BENCH=1.
#
#   bash bench/conv_templates.sh                                # every shape, naive and fast (~5 min)
#   BREASTAI_BENCH_ONLY=features.3 bash bench/conv_templates.sh  # shapes whose name contains it
#   BREASTAI_BENCH_NAIVE_RUNS=0 bash bench/conv_templates.sh     # fast templates only
#
# The first line of the table says which OpenBLAS core is used: OPENBLAS_CORETYPE, when set in the
# environment, wins over the runtime's choice from the CPU (SkylakeX on AVX-512 machines). Each
# figure is the best of several runs; run on an otherwise idle machine.
set -eu
cd "$(dirname "$0")/.."
swift build --build-tests
BREASTAI_BENCH=1 swift test --skip-build --filter ConvTemplateTests/testBenchmark 2>&1 \
    | sed -n '/^=== conv templates/,/^=== end/p'
