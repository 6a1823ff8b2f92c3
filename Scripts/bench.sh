#!/usr/bin/env bash
# Recall against the Anki engine (PyPI anki 26.9.3, in process) on the same
# generated data: the 10k- and 100k-card TSV and a year's history of 100k and
# 1M reviews. Prints one line per task and size with both figures and the
# ratio (Recall / Anki: below 1 is faster than Anki). See docs/performance.md.
#
#   Scripts/bench.sh            release build, full sizes, 3 runs each (medians)
#   Scripts/bench.sh --small    debug build, 200 cards, 1 run: what CI runs so the script cannot rot
set -euo pipefail
cd "$(dirname "$0")/.."

small=false
if [[ "${1:-}" == "--small" ]]; then small=true; shift; fi

if $small; then
  swift build --product recall >/dev/null
  swift build --product recall-bench >/dev/null
  bin=.build/debug
  args=(--sizes 200:2000 --reps 1 --answers 20 --answers-today 20)
else
  swift build -c release --product recall >/dev/null
  swift build -c release --product recall-bench >/dev/null
  bin=.build/release
  args=(--sizes 10000:100000,100000:1000000 --reps 3 --answers 200)
fi

venv=.venv-anki
if [[ ! -x "$venv/bin/python" ]]; then
  venv=.venv-bench
  [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
  "$venv/bin/pip" install -q anki==26.9.3
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$venv/bin/python" Scripts/bench.py --recall "$bin/recall" --recall-bench "$bin/recall-bench" "${args[@]}" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
