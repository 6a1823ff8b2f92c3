#!/usr/bin/env bash
# libFuzzer targets for Recall's file readers (issue 12): the deck parser, the
# TSV/CSV importer, the JSON backup reader and the Anki collection reader.
#
#   Scripts/fuzz.sh build                 build every target into .build/fuzz/
#   Scripts/fuzz.sh run TARGET SECONDS    fuzz one target for SECONDS
#   Scripts/fuzz.sh all SECONDS           fuzz every target in turn (CI: a short time)
#
# Targets: deck-parser, delimited-text, backup, anki-collection. RecallKit's
# sources are compiled once with `swiftc -sanitize=fuzzer -enable-testing` into
# .build/fuzz/libRecallKit.a; each target is Tests/Fuzz/Targets/<Target>Fuzz.swift
# (`@testable import RecallKit`) linked against it and the GRDB and ZIPFoundation
# objects of the debug build (`swift build` first). Seeds are in
# Tests/Fuzz/Corpus/<target>/ (in git); the corpus libFuzzer grows goes to
# .build/fuzz/corpus-<target>/ and a crashing input to .build/fuzz/crash-<target>-*.
# A run ends with status 0 when no input crashed, non-zero otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=.build/fuzz
mkdir -p "$OUT"

source_of() {
  case "$1" in
    deck-parser) echo DeckParserFuzz ;;
    delimited-text) echo DelimitedTextFuzz ;;
    backup) echo BackupFuzz ;;
    anki-collection) echo AnkiCollectionFuzz ;;
    *) echo "unknown target '$1' (deck-parser, delimited-text, backup, anki-collection)" >&2; exit 2 ;;
  esac
}
TARGETS="deck-parser delimited-text backup anki-collection"

INCLUDES=(-I .build/debug/Modules
  -Xcc -fmodule-map-file=.build/checkouts/GRDB.swift/Sources/GRDBSQLite/module.modulemap
  -Xcc -fmodule-map-file=.build/checkouts/ZIPFoundation/Sources/CZLib/module.modulemap)

# RecallKit, instrumented once for every target (the slow part: minutes).
library() {
  [ -d .build/debug/GRDB.build ] || { echo "run 'swift build' first: the fuzz targets link its GRDB objects" >&2; exit 1; }
  # A copy of the sources, so that editing them while the build runs cannot break it.
  rm -rf "$OUT/src" "$OUT/modules" && mkdir -p "$OUT/src" "$OUT/modules" && cp -R Sources/RecallKit "$OUT/src/"
  git rev-parse --short HEAD > "$OUT/RecallKit.commit" 2>/dev/null || true
  mapfile -t kit < <(find "$OUT/src/RecallKit" -name '*.swift' | sort)
  echo "building $OUT/libRecallKit.a" >&2
  swiftc -sanitize=fuzzer -O -g -parse-as-library -enable-testing -module-name RecallKit \
    -emit-module -emit-module-path "$OUT/modules/RecallKit.swiftmodule" -emit-library -static -o "$OUT/libRecallKit.a" \
    "${INCLUDES[@]}" "${kit[@]}"
}

build() {
  local target=$1 name
  name=$(source_of "$target")
  [ -f "$OUT/libRecallKit.a" ] || library
  mapfile -t deps < <(ls .build/debug/GRDB.build/*.o .build/debug/ZIPFoundation.build/*.o)
  echo "building $OUT/$target" >&2
  cp "$OUT/RecallKit.commit" "$OUT/$target.commit" 2>/dev/null || true
  swiftc -sanitize=fuzzer -O -g -parse-as-library -module-name "$name" -I "$OUT/modules" "${INCLUDES[@]}" \
    "Tests/Fuzz/Targets/$name.swift" "$OUT/libRecallKit.a" "${deps[@]}" -lsqlite3 -lz -o "$OUT/$target"
}

run() {
  local target=$1 seconds=$2
  source_of "$target" >/dev/null
  [ -x "$OUT/$target" ] || build "$target"
  mkdir -p "$OUT/corpus-$target"
  echo "fuzzing $target for ${seconds}s" >&2
  "$OUT/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -max_len=65536 \
    -artifact_prefix="$OUT/crash-$target-" -print_final_stats=1 \
    "$OUT/corpus-$target" "Tests/Fuzz/Corpus/$target"
}

case "${1:-}" in
  build) library; for t in ${2:-$TARGETS}; do build "$t"; done ;;
  run) run "$2" "$3" ;;
  all) for t in $TARGETS; do run "$t" "${2:-30}"; done ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
