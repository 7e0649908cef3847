#!/usr/bin/env bash
# Prints the line count of each module (Swift, and C for the codec target), so the size of the
# compiler stays visible.
cd "$(dirname "$0")/.."
for d in Sources/*/; do
  printf '%-28s %6d lines\n' "$d" "$(cat $(find "$d" -name '*.swift' -o -name '*.c' -o -name '*.h') | wc -l)"
done
printf '%-28s %6d lines\n' "Tests/" "$(cat $(find Tests -name '*.swift') | wc -l)"
