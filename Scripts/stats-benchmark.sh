#!/usr/bin/env bash
# How fast `recall stats` answers over a history of one million reviews,
# side by side with a named reference: the same aggregate queries run
# directly by the sqlite3 command-line shell on the same database.
#
#   Scripts/stats-benchmark.sh            # 1,000,000 reviews, 10 runs each
#   REVIEWS=200000 RUNS=5 Scripts/stats-benchmark.sh
#
# Needs: swift, python3, sqlite3; hyperfine if installed (apt-get install
# hyperfine), else plain timing with date. The numbers measured on the
# development machine are in docs/stats.md.
set -euo pipefail
cd "$(dirname "$0")/.."

REVIEWS=${REVIEWS:-1000000}
RUNS=${RUNS:-10}
NOW=2026-11-29T20:00:00Z
WORK=$(mktemp -d "${TMPDIR:-/tmp}/recall-stats-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

for tool in swift python3 sqlite3; do
  command -v "$tool" >/dev/null || { echo "stats-benchmark: $tool is not on PATH" >&2; exit 1; }
done

echo "== building recall (release)"
swift build -c release --product recall >/dev/null
RECALL="$(swift build -c release --show-bin-path)/recall"

export RECALL_HOME="$WORK/home" RECALL_NOW="$NOW" NO_COLOR=1 LANG=C.UTF-8
DB="$RECALL_HOME/recall.sqlite"

echo "== creating the database with Recall's own schema (recall decks), then $REVIEWS reviews"
"$RECALL" decks >/dev/null
python3 Scripts/generate-history.py "$DB" bulk --reviews "$REVIEWS" --end 2026-11-29
"$RECALL" stats >/dev/null # first open: nothing left to migrate or sync afterwards
printf 'database: %s MB, %s review_log rows\n' "$(( $(stat -c %s "$DB") / 1048576 ))" \
  "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM review_log')"

# The reference: the aggregate queries `recall stats` runs
# (Sources/RecallKit/Storage/RecallDatabase+Stats.swift), with today's
# parameters written in as day numbers (days since 1970-01-01): today
# 2026-11-29 = 20786, heatmap from 2025-11-24 = 20416, the default 365-day
# period from 2025-11-30 = 20422, forecast to 2026-12-28 = 20815.
cat > "$WORK/reference.sql" <<'SQL'
SELECT l.day, l.kind, l.grade, COUNT(*), SUM(l.previous_interval_days >= 21), SUM(l.duration_ms)
  FROM review_log AS l WHERE l.day BETWEEN 20416 AND 20786
  GROUP BY l.day, l.kind, l.grade;
WITH RECURSIVE days(day) AS (
    SELECT MIN(day) FROM review_log
    UNION ALL
    SELECT (SELECT MIN(day) FROM review_log WHERE day > days.day) FROM days WHERE days.day IS NOT NULL)
  SELECT day FROM days WHERE day IS NOT NULL;
SELECT card.deck_id, COUNT(*), SUM(l.grade >= 3), SUM(l.previous_interval_days >= 21),
       SUM(l.previous_interval_days >= 21 AND l.grade >= 3)
  FROM card CROSS JOIN review_log AS l ON l.card_key = card.key
  WHERE l.kind = 1 AND l.day BETWEEN 20422 AND 20786 GROUP BY card.deck_id;
SELECT due_day, COUNT(*) FROM card WHERE retired = 0 AND suspended = 0 AND due_day IS NOT NULL AND due_day <= 20815 GROUP BY due_day;
SELECT interval_days, COUNT(*) FROM card WHERE retired = 0 AND suspended = 0 AND due_day IS NOT NULL GROUP BY interval_days;
SELECT easiness, COUNT(*) FROM card WHERE retired = 0 AND suspended = 0 AND due_day IS NOT NULL GROUP BY easiness;
SELECT deck_id, SUM(suspended = 0 AND due_day IS NULL), SUM(suspended = 0 AND due_day IS NOT NULL AND interval_days < 21 AND repetitions < 2),
       SUM(suspended = 0 AND due_day IS NOT NULL AND interval_days < 21 AND repetitions >= 2),
       SUM(suspended = 0 AND due_day IS NOT NULL AND interval_days >= 21), SUM(suspended = 1), SUM(leech = 1)
  FROM card WHERE retired = 0 GROUP BY deck_id;
SELECT COUNT(*) FROM card WHERE retired = 0 AND suspended = 0 AND (buried_until IS NULL OR buried_until <= 20786) AND due_day <= 20786;
SELECT COUNT(*) FROM card WHERE retired = 0 AND suspended = 0 AND (buried_until IS NULL OR buried_until <= 20786) AND due_day IS NULL;
SQL

RESULTS="$WORK/results"
if command -v hyperfine >/dev/null; then
  echo "== timing with hyperfine ($RUNS runs each, 2 warm-up runs)"
  hyperfine --warmup 2 --runs "$RUNS" --export-csv "$RESULTS.csv" \
    -n "recall stats" "'$RECALL' stats" \
    -n "recall stats --deck infra-commands" "'$RECALL' stats --deck infra-commands" \
    -n "recall decks (start-up and deck sync only)" "'$RECALL' decks" \
    -n "sqlite3 reference queries" "sqlite3 '$DB' < '$WORK/reference.sql'"
  # name,mean,stddev,median,user,system,min,max → name|mean seconds
  tail -n +2 "$RESULTS.csv" | awk -F, '{print $1 "|" $2}' > "$RESULTS"
else
  echo "== timing with date ($RUNS runs each, 2 warm-up runs; install hyperfine for statistics)"
  time_runs() { # name, command...
    local name=$1; shift
    "$@" >/dev/null; "$@" >/dev/null
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$RUNS"); do "$@" >/dev/null; done
    end=$(date +%s%N)
    echo "$name|$(awk -v ns=$((end - start)) -v n="$RUNS" 'BEGIN {printf "%.6f", ns / n / 1e9}')" >> "$RESULTS"
  }
  : > "$RESULTS"
  time_runs "recall stats" "$RECALL" stats
  time_runs "recall stats --deck infra-commands" "$RECALL" stats --deck infra-commands
  time_runs "recall decks (start-up and deck sync only)" "$RECALL" decks
  time_runs "sqlite3 reference queries" sh -c "sqlite3 '$DB' < '$WORK/reference.sql'"
fi

echo
echo "== mean time per run over $REVIEWS reviews"
awk -F'|' '{printf "  %-44s %8.1f ms\n", $1, $2 * 1000; t[$1] = $2}
  END {
    r = t["sqlite3 reference queries"]
    if (r > 0) printf "\n  recall stats / sqlite3 reference: %.2fx (the same aggregates, plus start-up, deck sync and drawing)\n", t["recall stats"] / r
    verdict = t["recall stats"] < 1 ? "under" : "NOT under"
    printf "  recall stats: %s one second\n", verdict
  }' "$RESULTS"
