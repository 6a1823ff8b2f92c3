#!/bin/sh
# Regenerates docs/recall.1 from the commands' own help, with swift-argument-parser's
# GenerateManual plugin, so the man page cannot drift from `recall help`.
# Read it with: man ./docs/recall.1
set -eu
cd "$(dirname "$0")/.."
swift package --allow-writing-to-package-directory generate-manual --configuration debug \
    --date "${MANUAL_DATE:-2026-12-01}" --authors "Recall contributors"
cp .build/plugins/GenerateManual/outputs/recall/recall.1 docs/recall.1
echo "wrote docs/recall.1"
