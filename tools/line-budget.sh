#!/usr/bin/env bash
# Prints the line count of each module (Swift, and C for the codec target), one row per SwiftPM
# target (the runtime-side targets live in sub-folders of Sources/Runtime), then the tests per
# test target, so the size of the compiler stays visible. Also lists any Swift file over 500 lines.
cd "$(dirname "$0")/.."
count() { cat $(find "$1" -name '*.swift' -o -name '*.c' -o -name '*.h') /dev/null | wc -l; }
for d in Sources/*/; do
  if [ "$d" = "Sources/Runtime/" ]; then
    for s in Sources/Runtime/*/; do printf '%-30s %6d lines\n' "$s" "$(count "$s")"; done
  else
    printf '%-30s %6d lines\n' "$d" "$(count "$d")"
  fi
done
for d in Tests/*Tests/; do printf '%-30s %6d lines\n' "$d" "$(count "$d")"; done
printf '%-30s %6d lines\n' "Sources/ (total)" "$(count Sources)"
printf '%-30s %6d lines\n' "Tests/ (total)" "$(count Tests)"
over=$(find Sources Tests -name '*.swift' -exec wc -l {} + | awk '$2 != "total" && $1 > 500 { print "  " $2 " (" $1 ")" }')
if [ -n "$over" ]; then echo "Swift files over 500 lines:"; echo "$over"; fi
