#!/usr/bin/env bash
# Walks the 17 items of issue 12 against a built binary, as a user would
# meet them, and prints one PASS/FAIL line per check (results in docs/storage.md).
#
#   Scripts/hostile-walk.sh            the debug build (swift build first)
#   RECALL_BINARY=path Scripts/hostile-walk.sh
#
# Every check also asserts that no raw SQLite error ("SQLite error", "SQLITE_")
# and no Swift trap ("Fatal error", "try!") reached the user, and that the exit
# status is below 128. Parts that need root (a read-only bind mount, a small
# tmpfs for the full-disk trials, running as nobody) are skipped, and say so,
# when not run as root. Needs python3 and the sqlite3 shell. Exits 1 if any
# check failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RECALL=${RECALL_BINARY:-$ROOT/.build/debug/recall}
[ -x "$RECALL" ] || { echo "build first: $RECALL" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell" >&2; exit 1; }
WORK=$(mktemp -d /tmp/recall-walk-XXXXXX)
chmod 755 "$WORK"
MOUNTS=()
cleanup() {
  for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT
export TZ=UTC RECALL_NOW=2026-11-29T09:00:00Z NO_COLOR=
failed=0
is_root() { [ "$(id -u)" = 0 ]; }

pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failed=$((failed + 1)); }
skip() { echo "SKIP  $*"; }
# check NAME CONDITION... : PASS when the command list exits 0.
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }

# run HOME ARGS...: runs recall with RECALL_HOME=HOME; status in $status, output in $out (stdout+stderr).
run() {
  local home=$1; shift
  out=$(RECALL_HOME="$home" timeout 120 "$RECALL" "$@" 2>&1 < /dev/null); status=$?
}
# clean: nothing raw reached the user and the process did not die of a signal.
clean() {
  [ "$status" -lt 128 ] && ! grep -qE 'SQLite error|SQLITE_|Fatal error|try!|could not decode|Double value cannot' <<<"$out"
}
has() { grep -qF -- "$1" <<<"$out"; }
new_home() { local h="$WORK/$1"; mkdir -p "$h/decks"; echo "$h"; }
sql() { sqlite3 -cmd ".timeout 20000" "$@"; }

deck_sample() {
  cat > "$1/decks/sample.md" <<'EOF'
---
id: sample
title: Sample deck
section: Pre-training
---

## bubble
Q: What is the GPipe bubble fraction?
A: (p-1)/(m+p-1)
Source: Huang et al. (2019), arXiv:1811.06965

## zero
C: ZeRO-3 also shards {{parameters}}.
Source: Rajbhandari et al. (2020), arXiv:1910.02054

## awq
Q: What does AWQ protect?
A: Salient weight channels.
Source: Lin et al. (2024)
EOF
}

echo "recall: $RECALL ($(git rev-parse --short HEAD 2>/dev/null), $(date -u +%FT%TZ))"

# --- 1. Due dates past 9999 --------------------------------------------------
h=$(new_home i1); deck_sample "$h"
ok=1
for d in $(seq 0 19); do
  day=$(date -u -d "2026-01-01 + $d days" +%F)
  out=$(RECALL_HOME="$h" RECALL_NOW="${day}T09:00:00Z" "$RECALL" grade --no-bundled sample/bubble 5 2>&1); status=$?
  [ $status -eq 0 ] || ok=0
done
check "1  twenty perfect answers in a row stop at the 36,500-day cap" bash -c '[ '$ok' = 1 ] && grep -q "interval 36500d" <<<"$0"' "$out"
sql "$h/recall.sqlite" "UPDATE card SET due_day = '24777-03-20' WHERE id = 'sample/zero.c1'"
ok=1
for c in "show sample/zero.c1" "list" "export --format json" "stats" "map" "grade sample/zero.c1 4"; do
  run "$h" $c --no-bundled; { [ $status -eq 0 ] && clean; } || { ok=0; echo "      $c: $status ${out:0:200}"; }
done
check "1  a stored due day in the year 24777: show, list, export, stats, map, grade all work" [ $ok = 1 ]

# --- 2. Absurd values in a backup ----------------------------------------------
ok=1
for f in "$ROOT"/Tests/Malformed/backups/*.json; do
  h=$(new_home "i2-$(basename "$f" .json)")
  run "$h" import "$f" --no-bundled
  { [ $status -eq 1 ] && clean && has "$(basename "$f")" && grep -qE '\.[a-zA-Z]+.*: ' <<<"$out"; } || { ok=0; echo "      $(basename "$f"): $status ${out:0:300}"; }
  [ "$(sql "$h/recall.sqlite" 'SELECT COUNT(*) FROM card' 2>/dev/null || echo 0)" = 0 ] || ok=0
done
check "2  each absurd backup is refused naming the file and the field, nothing stored" [ $ok = 1 ]

# --- 3. Text where a number belongs --------------------------------------------
h=$(new_home i3); deck_sample "$h"
run "$h" grade --no-bundled sample/bubble 4
sql "$h/recall.sqlite" "UPDATE card SET easiness = 'abc', interval_days = 'x', repetitions = 'lots' WHERE id = 'sample/bubble'; UPDATE review_log SET duration_ms = 'slow'"
ok=1
refused=""
for c in stats map list "show sample/bubble" "export --format json" "grade sample/bubble 3" due; do
  run "$h" $c --no-bundled
  { [ "$status" -lt 128 ] && ! grep -qE 'SQLite error|SQLITE_|Fatal error|try!' <<<"$out"; } || { ok=0; echo "      $c: $status ${out:0:200}"; }
  [ "$status" = 0 ] || refused="$refused '$c'"
done
check "3  text in number columns: no command traps (refused in words:${refused:- none})" [ $ok = 1 ]

# --- 4. A closed pipe with SIGPIPE ignored ----------------------------------------
h=$(new_home i4)
RECALL_HOME="$h" "$RECALL" list > /dev/null 2>&1
out=$(RECALL_HOME="$h" bash -c 'trap "" PIPE; "$0" list | head -1 > /dev/null; echo "status ${PIPESTATUS[0]}"' "$RECALL" 2>&1)
check "4  recall list | head -1 with SIGPIPE ignored ends quietly with status 0" bash -c 'grep -q "^status 0$" <<<"$0" && ! grep -qiE "broken pipe|fatal" <<<"$0"' "$out"
out=$(RECALL_HOME="$h" bash -c 'trap "" PIPE; { yes "" 2>/dev/null; } | head -400 | "$0" review | head -2 > /dev/null; echo "status ${PIPESTATUS[2]}"' "$RECALL" 2>&1)
check "4  recall review | head -2 with SIGPIPE ignored ends quietly with status 0" bash -c 'grep -q "^status 0$" <<<"$0" && ! grep -qiE "broken pipe|fatal" <<<"$0"' "$out"

# --- 5. Unreadable entries in the decks folder ---------------------------------------
h=$(new_home i5); deck_sample "$h"
mkdir "$h/decks/notes.md"; ln -s "$h/nothing" "$h/decks/dangling.md"; ln -s loop.md "$h/decks/loop.md"
mkfifo "$h/decks/fifo.md"; ln -s /dev/zero "$h/decks/zero.md"
run "$h" list --no-bundled
check "5  a folder, dangling link, link loop, FIFO and /dev/zero link: each reported, the rest loads" \
  bash -c '[ '$status' = 0 ] && [ $(grep -c "warning: skipped" <<<"$0") = 5 ] && grep -q "sample/bubble" <<<"$0"' "$out"

# --- 6. A write lock held for longer than 5 s -----------------------------------------
h=$(new_home i6); deck_sample "$h"; run "$h" list --no-bundled
( sql "$h/recall.sqlite" "BEGIN IMMEDIATE; SELECT 1;" ".shell sleep 7" "COMMIT;" > /dev/null ) &
holder=$!; sleep 1
start=$(date +%s); run "$h" grade --no-bundled sample/bubble 4; took=$(( $(date +%s) - start )); wait $holder
check "6  recall grade waits out a 7 s lock, says so, and saves (${took}s)" \
  bash -c '[ '$status' = 0 ] && clean_out=$0 && grep -q "waiting for another process" <<<"$0" && grep -q "interval 1d" <<<"$0"' "$out"
# The same during a review: the answer typed while the lock is held is kept.
h=$(new_home i6r); deck_sample "$h"; run "$h" list --no-bundled
mkfifo "$h/in"
RECALL_HOME="$h" "$RECALL" review --no-bundled --limit 1 < "$h/in" > "$h/out" 2>&1 &
review=$!
exec 7> "$h/in"
sleep 1
( sql "$h/recall.sqlite" "BEGIN IMMEDIATE; SELECT 1;" ".shell sleep 7" "COMMIT;" > /dev/null ) &
holder=$!; sleep 1
printf '\n5\n' >&7; exec 7>&-
wait $review; rstatus=$?; wait $holder
out=$(cat "$h/out"); status=$rstatus
check "6  a review answered while another process holds the lock for 7 s keeps the answer" \
  bash -c '[ '$rstatus' = 0 ] && grep -q "^Saved" <<<"$0" && [ "$(sqlite3 '"$h"'/recall.sqlite "SELECT COUNT(*) FROM review_log")" = 1 ]' "$out"

# --- 7. Six processes at once on an empty data folder ------------------------------------
ok=1
for round in 1 2 3; do
  h="$WORK/i7-$round"; mkdir -p "$h"
  pids=()
  for p in 1 2 3 4 5 6; do RECALL_HOME="$h" "$RECALL" list > /dev/null 2> "$h/out-$p" & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid" || ok=0; done
  grep -l "already exists\|SQLite" "$h"/out-* > /dev/null 2>&1 && ok=0
done
check "7  3 rounds of 6 processes started together on an empty data folder all succeed" [ $ok = 1 ]

# --- 8. Two files with one deck id ---------------------------------------------------------
h=$(new_home i8); deck_sample "$h"; run "$h" grade --no-bundled sample/bubble 4
sed 's/title: Sample deck/title: A copy/' "$h/decks/sample.md" > "$h/decks/copy.md"
ok=1
for n in 1 2 3; do
  run "$h" decks --no-bundled
  { has "deck id 'sample' is also used by" && has "Sample deck" && ! has "A copy"; } || ok=0
  [ "$(sql "$h/recall.sqlite" "SELECT retired FROM card WHERE id='sample/bubble'")" = 0 ] || ok=0
done
check "8  two user files with one deck id: an error naming both, the stored deck stays on every run" [ $ok = 1 ]
h=$(new_home i8b)
run "$h" decks --copy "$(RECALL_HOME="$h" "$RECALL" decks --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
first=$(ls "$h/decks" | head -1); id=${first%.md}
sed -i '0,/^title: /s/^title: .*/title: My edited copy/' "$h/decks/$first"
run "$h" decks
check "8  a user deck with a bundled deck's id replaces the bundled one" bash -c 'grep -q "My edited copy" <<<"$0" && ! grep -q "also used by" <<<"$0"' "$out"

# --- 9. Many cloze deletions ----------------------------------------------------------------
h=$(new_home i9); cp "$ROOT/Tests/Malformed/decks/cloze-27-deletions.md" "$ROOT/Tests/Malformed/decks/choices-27.md" "$h/decks/"
run "$h" check "$h/decks"
check "9  27 deletions and 27 choices are errors naming file and line" bash -c 'grep -q "cloze-27-deletions.md:[0-9]*:" <<<"$0" && grep -q "choices-27.md:[0-9]*:" <<<"$0"' "$out"
h=$(new_home i9b)
python3 - "$h/decks/big.md" <<'EOF'
import sys
words = " ".join("word%d" % i for i in range(8000))  # ~70 KB of note text
deletions = " ".join("{{d%d}}" % i for i in range(26))
open(sys.argv[1], "w").write("---\nid: big\ntitle: Big\nsection: Hostile\n---\n\n## note\nC: %s %s\nSource: test\n" % (deletions, words))
EOF
run "$h" list --no-bundled
size=$(stat -c %s "$h/recall.sqlite"); note=$(stat -c %s "$h/decks/big.md")
check "9  a $((note / 1024)) KB cloze note with 26 deletions makes a $((size / 1024)) KB database (content stored once)" \
  bash -c '[ '$status' = 0 ] && [ '$size' -lt $(( 4 * '$note' + 300000 )) ]'

# --- 10. Moving the data folder while a deck has an error ------------------------------------------
h=$(new_home i10); deck_sample "$h"; run "$h" grade --no-bundled sample/bubble 4
mv "$h" "$WORK/i10-moved"; h="$WORK/i10-moved"
printf '\n## broken\nQ:\n' >> "$h/decks/sample.md"
run "$h" list --no-bundled
check "10 moving the data folder while its deck has an error keeps the deck and its history" \
  bash -c 'grep -q "sample/bubble" <<<"$0" && [ "$(sqlite3 '"$h"'/recall.sqlite "SELECT retired FROM card WHERE id=\"sample/bubble\"")" = 0 ]' "$out"

# --- 11. A file that is not a database -------------------------------------------------------------
ok=1
for f in "$ROOT"/Tests/Malformed/databases/*; do
  h=$(new_home "i11-$(basename "$f")"); cp "$f" "$h/recall.sqlite"
  run "$h" list --no-bundled
  { [ $status = 1 ] && clean && { has "is not a Recall database" || has "is damaged"; } && cmp -s "$f" "$h/recall.sqlite"; } || { ok=0; echo "      $(basename "$f"): ${out:0:200}"; }
done
check "11 an empty, text or truncated recall.sqlite is refused (not a Recall database / damaged) and left byte for byte" [ $ok = 1 ]

# --- 12. Undo after another process answered -----------------------------------------------------------
h=$(new_home i12); deck_sample "$h"; run "$h" list --no-bundled
mkfifo "$h/in"
RECALL_HOME="$h" "$RECALL" review --no-bundled --limit 2 < "$h/in" > "$h/out" 2>&1 &
review=$!
exec 7> "$h/in"
printf '\n5\n' >&7
for _ in $(seq 50); do grep -q '^Saved' "$h/out" && break; sleep 0.1; done
graded=$(sqlite3 "$h/recall.sqlite" "SELECT card.id FROM review_log JOIN card ON card.key = review_log.card_key")
RECALL_HOME="$h" "$RECALL" grade --no-bundled "$graded" 2 > /dev/null 2>&1
# Enter reveals the next card; u at its grade prompt undoes the answer before.
printf '\nu\n\nq\n' >&7; exec 7>&-
wait $review; out=$(cat "$h/out")
check "12 undo after another process answered the card says so" bash -c 'grep -q "Cannot undo" <<<"$0"' "$out"

# --- 13. Escape sequences in cards, on a real terminal ------------------------------------------------------
h=$(new_home i13)
python3 - "$h/decks/esc.md" <<'EOF'
import sys
pal = "".join("\x1b[%sm" % c for c in ["0", "1", "2", "31", "32", "33", "36", "1;31"])
text = ("---\nid: esc\ntitle: T%s\nsection: S%s\n---\n\n## c\nQ: Q%s \x1b]0;pwned\x07 \x1b[2J \x1b]8;;http://x\x1b\\l\x1b]8;;\x1b\\ \x9b31m \u202etxt\nA: A%s\nSource: test\n"
        % (pal, pal, pal, pal))
open(sys.argv[1], "w", encoding="utf-8").write(text)
EOF
ok=1
for c in "review --limit 1" "show esc/c" "list" "decks" "map" "interview --count 1 --seed 1" "export --format md"; do
  # script(1) gives recall a terminal, so it styles its own text; input is typed through it.
  printf '\n5\n\n\n' | RECALL_HOME="$h" NO_COLOR= script -qfec "$RECALL $c --no-bundled" /dev/null > "$h/tty" 2>&1
  python3 - "$h/tty" "$c" <<'EOF' || ok=0
import re, sys
data = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
own = {"\x1b[%sm" % c for c in ["0", "1", "2", "31", "32", "33", "36"]}
bad = [m.group(0) for m in re.finditer(r"\x1b(\[[0-9;?]*[A-Za-z]|\][^\x07\x1b]*|.)", data) if m.group(0) not in own]
c1 = [ch for ch in data if 0x80 <= ord(ch) <= 0x9f or ch in "\x07\u202e"]
if bad or c1 or "\u241b[31m" not in data:
    print("      %s: foreign sequences %r, C1/BEL/bidi %r" % (sys.argv[2], bad[:5], c1[:5]))
    sys.exit(1)
EOF
done
check "13 on a terminal only Recall's own SGR codes are sent (review, show, list, decks, map, interview, export md)" [ $ok = 1 ]
cp "$ROOT/Tests/Malformed/text/escapes.tsv" "$h/"
run "$h" import "$h/escapes.tsv" --deck-id escapes --no-bundled
check "13 the importer removes control characters and says so" bash -c 'grep -q "control character" <<<"$0" && ! grep -qP "\x1b" '"$h"'/decks/escapes.md' "$out"
run "$h" check "$h/decks/esc.md"
check "13 recall check reports control characters with line and column" bash -c 'grep -q "esc.md:[0-9]*:[0-9]*: warning: control character" <<<"$0"' "$out"

# --- 14. CRLF and a byte-order mark ------------------------------------------------------------------
ok=1
for f in crlf bom bom-crlf; do
  h=$(new_home "i14-$f"); cp "$ROOT/Tests/Malformed/decks/$f.md" "$h/decks/"
  run "$h" list --no-bundled
  { [ $status = 0 ] && has "endings/kv"; } || ok=0
done
check "14 CRLF, BOM and BOM+CRLF deck files load" [ $ok = 1 ]

# --- 15. Zip CRCs ------------------------------------------------------------------------------
h=$(new_home i15); deck_sample "$h"; run "$h" export --format apkg --output "$h/deck.apkg" --no-bundled
python3 - "$h/deck.apkg" "$h/bad.apkg" <<'EOF'
import struct, sys, zipfile
data = bytearray(open(sys.argv[1], "rb").read())
info = zipfile.ZipFile(sys.argv[1]).infolist()[0]
name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
start = info.header_offset + 30 + name_len + extra_len
data[start + info.compress_size // 2] ^= 0x55  # one byte of the entry's data, so only its CRC can tell
open(sys.argv[2], "wb").write(data)
EOF
h2=$(new_home i15b); run "$h2" import "$h/bad.apkg" --no-bundled
check "15 an .apkg whose entry fails its CRC-32 is refused, nothing imported" \
  bash -c '[ '$status' = 1 ] && [ -z "$(ls '"$h2"'/decks)" ]'

# --- 16. Costs linear in bad input --------------------------------------------------------------------
bad_headings() { python3 -c "import sys; n=int(sys.argv[1]); print('---\nid: bad\ntitle: Bad\nsection: Hostile\n---\n' + ''.join('\n## h%d\nQ:\n' % i for i in range(n)))" "$1" > "$2"; }
seconds() { local s; s=$(date +%s.%N); "$@" > /dev/null 2>&1; echo "$(date +%s.%N) - $s" | bc; }
h=$(new_home i16a); bad_headings 10000 "$h/decks/bad.md"; t10=$(RECALL_HOME="$h" seconds "$RECALL" list --no-bundled)
h=$(new_home i16b); bad_headings 20000 "$h/decks/bad.md"; t20=$(RECALL_HOME="$h" seconds "$RECALL" list --no-bundled)
ratio=$(echo "scale=2; $t20 / $t10" | bc)
check "16 10k bad headings ${t10}s, 20k ${t20}s: ratio $ratio (linear ~2, quadratic ~4)" bash -c '[ "$(echo "'"$ratio"' < 3" | bc)" = 1 ]'
h=$(new_home i16c); deck_sample "$h"; run "$h" list --no-bundled
# The answer line: half a word, half backticks and brackets (each once quadratic somewhere).
# RECALL_WALK_LINE_KB sets the smaller size (default 400 KB; the issue's 10 MB is 10000 with a release build).
small=${RECALL_WALK_LINE_KB:-400}
line() { python3 -c "import sys; n=int(sys.argv[1])*1024; sys.stdout.write(('x' * (n // 2)) + ('\`(a) ' * (n // 10)) + '\n')" "$1" > "$WORK/line-$1"; }
line "$small"; line $((small * 2))
answer_seconds() { local s; s=$(date +%s.%N); RECALL_HOME="$h" "$RECALL" review --no-bundled --limit 1 < "$WORK/line-$1" > /dev/null 2>&1; echo "$(date +%s.%N) - $s" | bc; }
t1=$(answer_seconds "$small"); t2=$(answer_seconds $((small * 2)))
ratio=$(echo "scale=2; $t2 / $t1" | bc)
check "16 a ${small} KB answer line ${t1}s, $((small * 2)) KB ${t2}s: ratio $ratio (linear ~2, quadratic ~4)" bash -c '[ "$(echo "'"$ratio"' < 3" | bc)" = 1 ]'

# --- 17. Storage faults in words -----------------------------------------------------------------------
# A backup whose interview answer names a card the backup does not hold (a foreign-key failure).
h=$(new_home i17fk); deck_sample "$h"; run "$h" grade --no-bundled sample/bubble 4
RECALL_HOME="$h" "$RECALL" export --format json --no-bundled > "$WORK/backup.json" 2>/dev/null
python3 - "$WORK/backup.json" "$WORK/fk.json" <<'EOF'
import json, sys
backup = json.load(open(sys.argv[1]))
backup["interviews"] = [{"startedAt": "2026-11-29T09:00:00.000Z", "studyDay": "2026-11-29", "seed": 1, "questionCount": 1,
    "rescheduled": False, "filter": "", "attempts": [{"position": 0, "card": "nowhere/card", "answer": "x", "outcome": "wrong",
    "credit": 0, "late": False, "durationMs": 1, "answeredAt": "2026-11-29T09:00:00.000Z"}]}]
json.dump(backup, open(sys.argv[2], "w"))
EOF
h=$(new_home i17fk-restore); run "$h" import "$WORK/fk.json" --no-bundled
check "17 a backup pointing at a card it does not hold: refused in words, nothing stored" \
  bash -c '[ '$status' = 1 ] && ! grep -qE "SQLite error|FOREIGN KEY constraint failed$" <<<"$0" && [ "$(sqlite3 '"$h"'/recall.sqlite "SELECT COUNT(*) FROM review_log")" = 0 ]' "$out"
echo "      ${out:0:300}"

if is_root; then
  # Read-only: as nobody (permissions), and on a read-only bind mount.
  h=$(new_home i17ro); deck_sample "$h"; run "$h" grade --no-bundled sample/bubble 4
  chmod -R a+rX "$h"
  # nobody must be able to run the binary: a clean clone in a 0700 mktemp folder is out of its reach.
  cp "$RECALL" "$h/recall-walk" && chmod 755 "$h/recall-walk"
  RECALL=$h/recall-walk
  ok=1
  for c in list "show sample/bubble" stats map "export --format md" "export --format json" decks "check" due "config get"; do
    out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups env RECALL_HOME="$h" RECALL_NOW=$RECALL_NOW "$RECALL" $c --no-bundled 2>&1 < /dev/null); status=$?
    { [ $status = 0 ] && clean && ! has "error:"; } || { ok=0; echo "      nobody $c: $status ${out:0:200}"; }
  done
  check "17 as nobody on a database it may not write: list, show, stats, map, export, decks, check, due, config get work" [ $ok = 1 ]
  ok=1
  for c in "review" "grade sample/bubble 5" "import $WORK/backup.json" "config set new-per-day 5"; do
    out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups env RECALL_HOME="$h" RECALL_NOW=$RECALL_NOW "$RECALL" $c --no-bundled 2>&1 < /dev/null); status=$?
    { [ $status = 1 ] && clean && has "$h/recall.sqlite is read-only" && has "nothing was changed"; } || { ok=0; echo "      nobody $c: $status ${out:0:200}"; }
  done
  check "17 as nobody: review, grade, import, config set are refused naming the file and what to do" [ $ok = 1 ]
  printf '\n## added\nQ: New?\nA: Yes.\nSource: test\n' >> "$h/decks/sample.md"
  out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups env RECALL_HOME="$h" RECALL_NOW=$RECALL_NOW "$RECALL" list --no-bundled 2>&1 < /dev/null); status=$?
  check "17 as nobody, decks changed since the last sync: one line says it is shown as last synced" \
    bash -c '[ '$status' = 0 ] && [ $(grep -c "shown as last synced" <<<"$0") = 1 ] && ! grep -q "sample/added" <<<"$0"' "$out"
  mnt="$WORK/ro-mount"; mkdir -p "$mnt"
  if mount --bind -o ro "$h" "$mnt" 2>/dev/null; then
    MOUNTS+=("$mnt")
    run "$mnt" stats --no-bundled; s1=$status; o1=$out
    run "$mnt" grade --no-bundled sample/bubble 5
    check "17 on a read-only bind mount: stats works, grade is refused (read-only file system)" \
      bash -c '[ '$s1' = 0 ] && [ '$status' = 1 ] && grep -q "read-only file system" <<<"$0"' "$out"
    umount "$mnt"; MOUNTS=()
  else
    skip "17 read-only bind mount (mount --bind -o ro not permitted here)"
  fi

  # A full disk: a small tmpfs, filled up with a review running.
  full="$WORK/full"; mkdir -p "$full"
  if mount -t tmpfs -o size=1200k tmpfs "$full" 2>/dev/null; then
    MOUNTS+=("$full")
    ok=1; acked_total=0; trials=0
    for slack in 16 32 48 64 96 128; do
      rm -rf "${full:?}"/*; h="$full/home"; mkdir -p "$h/decks"
      python3 -c "
import sys
print('---\nid: many\ntitle: Many\nsection: Hostile\n---')
for i in range(150): print('\n## c%d\nQ: Question %d?\nA: Answer %d.\nSource: test' % (i, i, i))" > "$h/decks/many.md"
      run "$h" list --no-bundled
      # Fill the disk, leaving SLACK KB for the review's commits.
      dd if=/dev/zero of="$full/filler" bs=4k 2>/dev/null
      rm -f "$full/filler"; avail=$(df -k --output=avail "$full" | tail -1)
      dd if=/dev/zero of="$full/filler" bs=1k count=$((avail - slack)) 2>/dev/null
      out=$( (yes $'\n5' | head -300) | RECALL_HOME="$h" RECALL_NOW=$RECALL_NOW timeout 120 "$RECALL" review --no-bundled --limit 150 2>&1); status=$?
      acked=$(grep -c '^Saved' <<<"$out")
      rm -f "$full/filler"
      rows=$(sql "$h/recall.sqlite" "SELECT COUNT(*) FROM review_log")
      integrity=$(sql "$h/recall.sqlite" "PRAGMA integrity_check")
      trials=$((trials + 1)); acked_total=$((acked_total + acked))
      echo "      slack ${slack}K: status $status, acknowledged $acked, logged $rows, integrity $integrity, summary $(has "Session:" && echo yes || echo no)"
      # With too little room even to open the database (its -shm and -wal), the command is refused at start, in words.
      started=1; has "cannot open the database" && started=0
      if [ $status -ge 128 ] || ! clean || [ "$rows" -lt "$acked" ] || [ "$integrity" != ok ] \
         || { [ $status = 1 ] && ! { has "disk is full" || has "input/output error"; }; } || { [ $started = 1 ] && ! has "Session:"; }; then
        ok=0; echo "      slack ${slack}K: status $status, acknowledged $acked, logged $rows, integrity $integrity; $(grep -E 'error|Session' <<<"$out" | head -3)"
      fi
    done
    check "17 a disk that fills during a review: $trials trials, $acked_total acknowledged answers all kept, each started one ends with the summary, in words" [ $ok = 1 ]
    # A disk already full when a command starts (the WAL cannot grow).
    rm -rf "${full:?}"/*; h="$full/home"; mkdir -p "$h/decks"; deck_sample "$h"; run "$h" list --no-bundled
    dd if=/dev/zero of="$full/filler" bs=4k 2>/dev/null
    run "$h" grade --no-bundled sample/bubble 4
    check "17 a full disk at start: refused in words ($(grep -o 'the disk[^;]*' <<<"$out" | head -1))" \
      bash -c '[ '$status' = 1 ] && grep -qE "disk is full|input/output error" <<<"$0" && ! grep -qE "SQLite error|disk I/O error" <<<"$0"' "$out"
    run "$h" list --no-bundled
    check "17 a full disk at start: list works or is refused in words (status $status)" bash -c '[ '$status' -lt 2 ] && ! grep -qE "SQLite error|disk I/O error" <<<"$0"' "$out"
    rm -f "$full/filler"
    umount "$full"; MOUNTS=()
  else
    skip "17 full disk (cannot mount a tmpfs here)"
  fi
else
  skip "17 read-only database as nobody, read-only mount, full disk (need root to set up)"
fi

echo "walk: $failed check(s) failed"
[ $failed = 0 ]
