#!/usr/bin/env bash
# The formatter: `swift format` (in the toolchain) with the project's settings
# in .ci/swift-format.json (4-space indent, 160 columns, existing line breaks kept; two rules
# off: ReplaceForEachWithForLoop and OneCasePerLine, as the code uses forEach in pipelines and
# one-line enums of short cases on purpose).
#
#   Scripts/format.sh          format every Swift file in place
#   Scripts/format.sh --lint   report what is not formatted, exit non-zero if anything is (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
files=(Package.swift Sources Tests Plugins)
if [[ "${1:-}" == "--lint" ]]; then
  swift format lint --strict --recursive --configuration .ci/swift-format.json "${files[@]}"
else
  swift format format --in-place --recursive --configuration .ci/swift-format.json "${files[@]}"
fi
