#!/bin/sh
# Prints the review and interview transcripts shown in README.md, from real runs of the
# debug binary on a fresh data folder at RECALL_NOW=2026-11-29T09:00:00Z, the answers piped in.
# Usage: swift build && Scripts/session-transcripts.sh
set -eu
cd "$(dirname "$0")/.."
recall="$PWD/.build/debug/recall"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export RECALL_NOW=2026-11-29T09:00:00Z COLUMNS=80
r() { home_name=$1; shift; RECALL_HOME="$home/$home_name" "$recall" "$@"; }

echo '$ recall review --tag docker --limit 2'
printf '\n4\ndocker run -it ubuntu bash\n\n\ndocker run -it --rm ubuntu bash\n\n' | r a review --tag docker --limit 2
echo
echo '$ recall interview --count 3 --seed 24 --deck infra-commands --deck quantization-methods --time 60s'
printf 'deploy\n1003\nsecnds\n:o\n' | r b interview --count 3 --seed 24 --deck infra-commands --deck quantization-methods --time 60s
echo '$ recall interview --history'
r b interview --history
echo '$ recall review --missed'
printf '\n5\n\n5\n' | r b review --missed
echo '$ recall due'
r c due | head -4
