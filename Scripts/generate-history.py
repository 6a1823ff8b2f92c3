#!/usr/bin/env python3
"""Fills a Recall database with a generated review history, for
`recall stats` / `recall map` demonstrations and the stats benchmark.

The database must already exist with the real schema: run any recall command
once against it first (e.g. `RECALL_HOME=DIR recall decks`), so that the
migrations and the card table are Recall's own. Existing history is replaced.

Two modes:

  simulate  A learner who studies most days: due reviews first, then up to
            --new-per-day new cards, then the same-day re-drill of every card
            answered below 4, with Recall's SM-2 and leech rule (8 lapses);
            new cards come in a random order, not deck by deck. Recall probability falls with the interval and the
            card's difficulty. Card states are the simulation's final states.
            This is the history the README's transcripts were run on.

  bulk      --reviews rows spread evenly over --days days ending on --end,
            on random cards, with grades, kinds and previous intervals drawn
            from a realistic mix; each card's state is then set from its last
            row. Not a learner, but the size and shape the benchmark needs.

    python3 Scripts/generate-history.py DB simulate --days 200 --end 2026-11-29
    python3 Scripts/generate-history.py DB bulk --reviews 1000000 --end 2026-11-29
"""
import argparse
import datetime as dt
import math
import random
import sqlite3
import sys

INITIAL_EF, MIN_EF, LEECH_LAPSES = 2.5, 1.3, 8


def sm2(reps, ef, interval, grade):
    """Recall's SM-2 (Sources/RecallKit/Scheduling/SM2.swift)."""
    if grade >= 3:
        new_interval = 1 if reps == 0 else 6 if reps == 1 else math.ceil(interval * ef)
        new_reps = reps + 1
    else:
        new_interval, new_reps = 1, 0
    q = 5 - grade
    new_ef = max(ef + (0.1 - q * (0.08 + q * 0.02)), MIN_EF)
    return new_reps, new_ef, new_interval


def day_text(day):
    return day.isoformat()


def moment(day, rng):
    # Between 07:00 and 23:59 UTC: inside the study day that starts at 4:00.
    seconds = rng.randrange(7 * 3600, 24 * 3600)
    return f"{day.isoformat()}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}Z"


# Recall's review-log layout since the migration v4-compact-review-log: the
# card's integer key, Unix milliseconds and UTC offset, day numbers (days since
# 1970-01-01), the kind as 0 new / 1 review / 2 re-drill, and a UUIDv7 as two
# signed 64-bit halves (docs/storage.md).
INSERT = """INSERT INTO review_log (uuid_hi, uuid_lo, card_key, answered_ms, utc_offset_minutes, day, grade, duration_ms, kind,
    previous_repetitions, new_repetitions, previous_easiness, new_easiness,
    previous_interval_days, new_interval_days, previous_due_day, new_due_day,
    previous_lapses, new_lapses, previous_leech, new_leech)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""

KIND_CODES = {"new": 0, "review": 1, "redrill": 2}
EPOCH = dt.date(1970, 1, 1)


def day_number(text):
    return None if text is None else (dt.date.fromisoformat(text) - EPOCH).days


def stored(row, keys, rng):
    """One generated row (text values) in the stored layout."""
    card, at, day, grade, duration, kind, *rest = row
    ms = int(dt.datetime.fromisoformat(at.replace("Z", "+00:00")).timestamp() * 1000)
    high = (ms << 16) | 0x7000 | rng.getrandbits(12)
    low = (1 << 63) | rng.getrandbits(62)
    to_signed = lambda v: v - (1 << 64) if v >= 1 << 63 else v
    rest[6], rest[7] = day_number(rest[6]), day_number(rest[7])
    return (to_signed(high), to_signed(low), keys[card], ms, 0, day_number(day), grade, duration, KIND_CODES[kind], *rest)


class State:
    __slots__ = ("reps", "ef", "interval", "due", "lapses", "leech", "difficulty")

    def __init__(self, difficulty):
        self.reps, self.ef, self.interval, self.due = 0, INITIAL_EF, 0, None
        self.lapses, self.leech, self.difficulty = 0, 0, difficulty


def answer(state, card, day, grade, kind, rng, rows, max_interval=None):
    """Appends the log row for one answer and moves the state (unless a re-drill)."""
    before = (state.reps, state.ef, state.interval, state.due, state.lapses, state.leech)
    if kind != "redrill":
        state.reps, state.ef, state.interval = sm2(state.reps, state.ef, state.interval, grade)
        if max_interval:
            state.interval = min(state.interval, max_interval)
        state.due = day + dt.timedelta(days=state.interval)
        if grade < 3:
            state.lapses += 1
            if state.lapses >= LEECH_LAPSES:
                state.leech = 1
    rows.append((card, moment(day, rng), day_text(day), grade, rng.randrange(2000, 40000), kind,
                 before[0], state.reps, before[1], state.ef, before[2], state.interval,
                 day_text(before[3]) if before[3] else None, day_text(state.due) if state.due else None,
                 before[4], state.lapses, before[5], state.leech))


def passing_grade(rng):
    return rng.choices([3, 4, 5], weights=[2, 5, 3])[0]


def failing_grade(rng):
    return rng.choices([0, 1, 2], weights=[1, 3, 2])[0]


def simulate(cards, args, rng):
    states = {card: State(rng.betavariate(2, 5)) for card in cards}
    order = list(cards)
    rng.shuffle(order)
    new_queue = iter(order)
    start = args.end - dt.timedelta(days=args.days - 1)
    rows = []
    for offset in range(args.days):
        day = start + dt.timedelta(days=offset)
        if offset != args.days - 1 and rng.random() < args.skip:
            continue
        due = sorted((c for c, s in states.items() if s.due is not None and s.due <= day), key=lambda c: states[c].due)
        today = due[: args.reviews_per_day]
        for card in new_queue:
            today.append(card)
            if len(today) >= len(due[: args.reviews_per_day]) + args.new_per_day:
                break
        redrill = []
        for card in today:
            state = states[card]
            kind = "new" if state.due is None else "review"
            overdue = (day - state.due).days if state.due else 0
            stability = max(1.0, state.interval) * (1.6 - state.difficulty) * (state.ef / 2.0) * 9
            p = math.exp(-(max(1, state.interval) + overdue) / stability) if kind == "review" else 0.75 - state.difficulty / 2
            grade = passing_grade(rng) if rng.random() < p else failing_grade(rng)
            answer(state, card, day, grade, kind, rng, rows)
            if grade < 4:
                redrill.append(card)
        while redrill:
            card = redrill.pop(0)
            grade = rng.choices([2, 3, 4, 5], weights=[1, 2, 4, 2])[0]
            answer(states[card], card, day, grade, "redrill", rng, rows)
            if grade < 4:
                redrill.append(card)
    return rows, states


def bulk(cards, args, rng):
    states = {card: State(0.3) for card in cards}
    start = args.end - dt.timedelta(days=args.days - 1)
    rows = []
    per_day = args.reviews / args.days
    made = 0
    for offset in range(args.days):
        day = start + dt.timedelta(days=offset)
        target = round(per_day * (offset + 1)) - made
        for _ in range(target):
            card = rng.choice(cards)
            state = states[card]
            roll = rng.random()
            if state.due is None:
                kind = "new"
            elif roll < 0.1:
                kind = "redrill"
            else:
                kind = "review"
                # A card whose interval has grown long in this dense history
                # stands in for the long-interval reviews of a real one.
                if rng.random() < 0.4:
                    state.interval = int(math.exp(rng.uniform(0, math.log(400))))
                    state.reps = max(state.reps, 2)
            p = 0.9 if state.interval >= 21 else 0.82
            grade = passing_grade(rng) if rng.random() < p else failing_grade(rng)
            answer(state, card, day, grade, kind, rng, rows, max_interval=400)
        made += target
    return rows, states


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db")
    parser.add_argument("mode", choices=["simulate", "bulk"])
    parser.add_argument("--end", type=dt.date.fromisoformat, default=dt.date(2026, 11, 29), help="the last study day (default 2026-11-29)")
    parser.add_argument("--days", type=int, help="days of history (simulate: 200, bulk: 1095)")
    parser.add_argument("--reviews", type=int, default=1_000_000, help="bulk: rows to write")
    parser.add_argument("--new-per-day", type=int, default=15)
    parser.add_argument("--reviews-per-day", type=int, default=200)
    parser.add_argument("--skip", type=float, default=0.08, help="simulate: chance of missing a day")
    parser.add_argument("--decks", help="simulate: comma-separated deck ids to study (default all)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.days = args.days or (200 if args.mode == "simulate" else 1095)
    rng = random.Random(args.seed)

    db = sqlite3.connect(args.db)
    try:
        cards = [row[0] for row in db.execute("SELECT id FROM card WHERE retired = 0 ORDER BY id")]
    except sqlite3.OperationalError as error:
        sys.exit(f"{args.db}: {error}; run a recall command against it first so that it has Recall's schema")
    if args.decks:
        wanted = set(args.decks.split(","))
        cards = [c for c in cards if c.split("/", 1)[0] in wanted]
    if not cards:
        sys.exit(f"{args.db}: no cards; run a recall command against it first (with the bundled decks)")

    rows, states = (simulate if args.mode == "simulate" else bulk)(cards, args, rng)
    with db:
        db.execute("DELETE FROM review_log")
        db.execute("UPDATE card SET repetitions = 0, easiness = 2.5, interval_days = 0, due_day = NULL, lapses = 0, leech = 0, suspended = 0, buried_until = NULL")
        keys = dict(db.execute("SELECT id, key FROM card"))
        db.executemany(INSERT, (stored(row, keys, rng) for row in rows))
        db.executemany("UPDATE card SET repetitions = ?, easiness = ?, interval_days = ?, due_day = ?, lapses = ?, leech = ? WHERE id = ?",
                       [(s.reps, s.ef, s.interval, day_number(day_text(s.due)) if s.due else None, s.lapses, s.leech, c)
                        for c, s in states.items() if s.due is not None])
        if args.mode == "simulate":
            # A few cards the learner set aside.
            for card in rng.sample(cards, min(3, len(cards))):
                db.execute("UPDATE card SET suspended = 1 WHERE id = ?", (card,))
    db.close()
    print(f"{args.db}: {len(rows)} review_log rows over {args.days} days ending {args.end}, {sum(s.due is not None for s in states.values())} cards seen")


if __name__ == "__main__":
    main()
