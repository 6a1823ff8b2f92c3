#!/usr/bin/env bash
# Crash and concurrency trials for Recall's storage (issue 12; results in docs/storage.md).
#
#   Scripts/crash-test.sh [KILL_TRIALS] [GRADES_PER_WRITER]
#
# 1. kill -9 at a random moment of a piped review, KILL_TRIALS times (default 40):
#    every answer the review acknowledged ("Saved: ...") must be in the review
#    log, none twice, and PRAGMA integrity_check must say ok.
# 2. 2, 4 and 8 concurrent writers (`recall grade` on cards of their own) with a
#    `recall stats` loop running: every grade that exited 0 is logged exactly once.
# 3. A write lock held by the sqlite3 shell for 8 s (longer than the 5 s that
#    used to end a review): a `recall grade` waits, says so, and succeeds.
# Needs the debug build (swift build) and the sqlite3 shell. Prints one result
# line per part and exits non-zero if anything was lost, doubled or damaged.
set -euo pipefail
cd "$(dirname "$0")/.."
RECALL=${RECALL_BINARY:-$PWD/.build/debug/recall}
TRIALS=${1:-40}
GRADES=${2:-15}
WORK=$(mktemp -d /tmp/recall-crash-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell" >&2; exit 1; }
[ -x "$RECALL" ] || { echo "build first: $RECALL" >&2; exit 1; }
export TZ=UTC RECALL_NOW=2026-11-29T09:00:00Z
failures=0
sql() { sqlite3 -cmd ".timeout 20000" "$@"; }

# One data folder with the bundled decks already synchronised, copied for each trial,
# so that every kill lands in the review itself rather than in the first start.
template="$WORK/template"; mkdir -p "$template/decks"
RECALL_HOME="$template" "$RECALL" list > /dev/null

# --- 1. kill -9 during a piped review ---------------------------------------
lost=0; doubled=0; broken=0; acknowledged=0
for trial in $(seq 1 "$TRIALS"); do
  home="$WORK/kill-$trial"; cp -R "$template" "$home"
  # Answers arrive a little at a time, so the kill lands anywhere: mid-read, mid-commit, mid-print.
  mkfifo "$home/in"
  RECALL_HOME="$home" "$RECALL" review --limit 200 < "$home/in" > "$home/out" 2>&1 &
  review=$!
  ( while true; do printf '\n5\n'; sleep 0.02; done ) > "$home/in" 2>/dev/null &
  feeder=$!
  sleep "$(awk -v seed="$trial$RANDOM" 'BEGIN { srand(seed); printf "%.2f", 0.8 + rand() * 4 }')"
  kill -9 "$review" 2>/dev/null || true
  wait "$review" 2>/dev/null || true
  kill "$feeder" 2>/dev/null || true
  wait "$feeder" 2>/dev/null || true
  acked=$(grep -c '^Saved:' "$home/out" || true)
  db="$home/recall.sqlite"
  rows=$(sql "$db" "SELECT COUNT(*) FROM review_log" 2>/dev/null || echo 0)
  distinct=$(sql "$db" "SELECT COUNT(DISTINCT card_key) FROM review_log" 2>/dev/null || echo 0)
  check=$(sql "$db" "PRAGMA integrity_check" 2>/dev/null || echo "unreadable")
  acknowledged=$((acknowledged + acked))
  # Each acknowledged answer was committed first, so rows >= acknowledged (one more may be committed, not yet printed).
  [ "$rows" -lt "$acked" ] && lost=$((lost + acked - rows))
  [ "$rows" -gt "$distinct" ] && doubled=$((doubled + rows - distinct))
  [ "$check" != "ok" ] && broken=$((broken + 1))
  rm -rf "$home"
done
echo "kill -9 during a piped review: $TRIALS trials, $acknowledged acknowledged answers; lost $lost, doubled $doubled, integrity failures $broken"
[ $((lost + doubled + broken)) -eq 0 ] || failures=$((failures + 1))

# --- 2. concurrent writers --------------------------------------------------
for writers in 2 4 8; do
  home="$WORK/writers-$writers"; mkdir -p "$home/decks"
  RECALL_HOME="$home" "$RECALL" list | grep -E '^[a-z0-9-]+/[a-z0-9.-]+  \[' | cut -d' ' -f1 > "$home/cards"
  ( while true; do RECALL_HOME="$home" "$RECALL" stats >/dev/null 2>&1 || true; done ) &
  stats=$!
  for w in $(seq 1 "$writers"); do
    ( ok=0
      # Writer w grades cards w, w+writers, ...: its own cards, once each.
      for card in $(awk -v w="$w" -v n="$writers" 'NR % n == w % n' "$home/cards" | head -n "$GRADES"); do
        if RECALL_HOME="$home" "$RECALL" grade "$card" 4 >/dev/null 2>>"$home/errors"; then ok=$((ok + 1)); fi
      done
      echo "$ok" > "$home/ok-$w" ) &
  done
  wait $(jobs -p | grep -v "^$stats$") 2>/dev/null || true
  kill "$stats" 2>/dev/null || true; wait "$stats" 2>/dev/null || true
  succeeded=$(cat "$home"/ok-* | paste -sd+ | bc)
  rows=$(sql "$home/recall.sqlite" "SELECT COUNT(*) FROM review_log")
  distinct=$(sql "$home/recall.sqlite" "SELECT COUNT(DISTINCT card_key) FROM review_log")
  check=$(sql "$home/recall.sqlite" "PRAGMA integrity_check")
  lost=$(( succeeded > rows ? succeeded - rows : 0 )); doubled=$(( rows - distinct ))
  echo "$writers concurrent writers and a stats loop: $succeeded grades acknowledged, $rows logged; lost $lost, doubled $doubled, integrity $check, failed grades $(grep -c . "$home/errors" || true)"
  [ $((lost + doubled)) -eq 0 ] && [ "$check" = ok ] || failures=$((failures + 1))
done

# --- 3. a lock held by sqlite3 ----------------------------------------------
home="$WORK/lock"; mkdir -p "$home/decks"
RECALL_HOME="$home" "$RECALL" list >/dev/null
card=$(RECALL_HOME="$home" "$RECALL" list | awk '/^[a-z0-9-]+\// { if (!found) print $1; found = 1 }')
( echo "BEGIN IMMEDIATE;"; echo "INSERT INTO setting (key, value) VALUES ('lock-test', '1');"; sleep 8; echo "COMMIT;" ) | sqlite3 "$home/recall.sqlite" &
holder=$!
sleep 0.5
start=$(date +%s)
if RECALL_HOME="$home" "$RECALL" grade "$card" 5 > "$home/out" 2> "$home/err"; then status=0; else status=$?; fi
waited=$(( $(date +%s) - start ))
wait $holder || true
rows=$(sql "$home/recall.sqlite" "SELECT COUNT(*) FROM review_log")
said=$(grep -c 'waiting for another process' "$home/err" || true)
echo "write lock held by sqlite3 for 8 s: recall grade exited $status after ${waited}s, said it was waiting $said time(s), answers logged $rows"
[ "$status" -eq 0 ] && [ "$rows" -eq 1 ] && [ "$said" -ge 1 ] || failures=$((failures + 1))

exit $failures
