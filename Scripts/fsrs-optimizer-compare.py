#!/usr/bin/env python3
"""Recall's FSRS-6 optimizer against the reference, the Rust optimizer Anki
uses (PyPI's fsrs-rs-python 0.9.3, which wraps fsrs-rs 6.6), on the same
review log, evaluated the same way.

Both fit the 21 parameters on every answer of the log. The log is cut into
study days the same way for both: days start at 04:00 UTC (--time-zone,
--day-starts-at), and each answer after a card's first day is one item, with
same-day answers kept in the histories, as fsrs-rs's own CSV example does.
Both parameter sets are then scored on the same items by the same code:
  * fsrs-rs's FSRS.evaluate (its log loss is recency-weighted), and
  * the plain mean log loss, from fsrs-rs's memory states.
The ratio is Recall's log loss over the reference's; the target is within 1%.
It also checks Recall's own evaluation against the reference's computation:
the log loss `recall optimize` reports for the default parameters must be
the mean log loss fsrs-rs's memory states give them (to 1e-4).

    python3 -m venv .venv-fsrs && .venv-fsrs/bin/pip install fsrs-rs-python==0.9.3
    swift build -c release --product recall
    .venv-fsrs/bin/python Scripts/fsrs-optimizer-compare.py [--log FILE] [--recall .build/release/recall]
"""
import argparse
import csv
import json
import math
import subprocess
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from fsrs_rs_python import FSRS, FSRSItem, FSRSReview

ROOT = Path(__file__).resolve().parent.parent
# shared/ sits beside the repository (or beside the folder of worktrees).
SHARED_LOG = "shared/data/anki-review-log-sample.csv"
DEFAULT_LOG = next((p / SHARED_LOG for p in (ROOT.parent, ROOT.parent.parent) if (p / SHARED_LOG).exists()), ROOT.parent / SHARED_LOG)


def parse_time(text):
    if text.isdigit():
        return datetime.fromtimestamp(int(text) / 1000, tz=timezone.utc)
    return datetime.fromisoformat(text)


def items_from_log(path, zone, start_hour):
    by_card = defaultdict(list)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            rating = int(row["review_rating"])
            if rating == 0:
                continue  # a manual reschedule, not an answer
            instant = parse_time(row["review_time"])
            local = instant.astimezone(zone) - timedelta(hours=start_hour)
            by_card[row["card_id"]].append((instant, local.date(), rating))
    items = []
    for reviews in by_card.values():
        reviews.sort(key=lambda r: r[0])
        history = []
        for index, (instant, day, rating) in enumerate(reviews):
            delta = 0 if index == 0 else (day - reviews[index - 1][1]).days
            history.append((rating, delta))
            if index > 0 and delta > 0:
                items.append((instant, list(history)))
    items.sort(key=lambda item: item[0])
    return [history for _, history in items]


def fsrs_item(history):
    return FSRSItem([FSRSReview(rating, delta) for rating, delta in history])


def mean_log_loss(parameters, items):
    """The plain mean log loss of `parameters` on `items`, from fsrs-rs's memory states."""
    model = FSRS(parameters)
    decay = -parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    total = 0.0
    for history in items:
        state = model.memory_state(fsrs_item(history[:-1]))
        rating, t = history[-1]
        r = (1 + factor * t / state.stability) ** decay
        r = min(max(r, 1e-7), 1 - 1e-7)
        total -= math.log(r) if rating > 1 else math.log(1 - r)
    return total / len(items)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--log", default=str(DEFAULT_LOG))
    parser.add_argument("--recall", default=str(ROOT / ".build/release/recall"))
    parser.add_argument("--time-zone", default="UTC")
    parser.add_argument("--day-starts-at", type=int, default=4)
    args = parser.parse_args()

    histories = items_from_log(args.log, ZoneInfo(args.time_zone), args.day_starts_at)
    items = [fsrs_item(history) for history in histories]
    print(f"{args.log}: {len(items)} items; days start at {args.day_starts_at:02d}:00 {args.time_zone}")

    started = time.perf_counter()
    reference = FSRS([]).compute_parameters(items)
    reference_seconds = time.perf_counter() - started

    command = [args.recall, "optimize", "--csv", args.log, "--time-zone", args.time_zone,
               "--day-starts-at", str(args.day_starts_at), "--json"]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    recall_seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    ours = json.loads(result.stdout)

    print(f"fsrs-rs-python 0.9.3: {reference_seconds:6.2f} s  {[round(w, 4) for w in reference]}")
    print(f"recall optimize:      {recall_seconds:6.2f} s  {[round(w, 4) for w in ours]}")

    ref_eval, our_eval = FSRS(reference).evaluate(items), FSRS(ours).evaluate(items)
    ref_plain, our_plain = mean_log_loss(reference, histories), mean_log_loss(ours, histories)
    print()
    print("evaluation                          reference    recall   recall/reference")
    print(f"fsrs-rs evaluate: log loss           {ref_eval.log_loss:9.5f} {our_eval.log_loss:9.5f}   {our_eval.log_loss / ref_eval.log_loss:.4f}")
    print(f"fsrs-rs evaluate: RMSE (bins)        {ref_eval.rmse_bins:9.5f} {our_eval.rmse_bins:9.5f}   {our_eval.rmse_bins / ref_eval.rmse_bins:.4f}")
    print(f"mean log loss (unweighted)           {ref_plain:9.5f} {our_plain:9.5f}   {our_plain / ref_plain:.4f}")
    print(f"time                                 {reference_seconds:8.2f}s {recall_seconds:8.2f}s   {recall_seconds / reference_seconds:.2f}")
    # Recall's evaluation against the reference's computation, default parameters.
    from fsrs_rs_python import DEFAULT_PARAMETERS
    text = subprocess.run(command[:-1] + ["--iterations", "1"], capture_output=True, text=True, check=True).stdout
    line = next(l for l in text.splitlines() if l.startswith("log loss "))
    recall_default = float(line.split()[2])
    reference_default = mean_log_loss(list(DEFAULT_PARAMETERS), histories)
    agrees = abs(recall_default - reference_default) < 1e-4
    print(f"default parameters: recall's log loss {recall_default:.4f}, fsrs-rs's {reference_default:.5f}: {'agree' if agrees else 'DISAGREE'}")

    ratio = our_eval.log_loss / ref_eval.log_loss
    verdict = "within 1%" if ratio <= 1.01 else "NOT within 1%"
    print(f"\nlog loss ratio {ratio:.4f}: {verdict} of the reference")
    sys.exit(0 if ratio <= 1.01 and agrees else 1)


if __name__ == "__main__":
    main()
