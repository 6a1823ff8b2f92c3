#!/usr/bin/env python3
"""Builds the ten-day history behind the README's `recall plan` transcript,
through Recall's own `recall grade` (so the review log is exactly what a
user's answers write): 20 new cards a day from the Compression section,
each answered again 1, 3 and 7 days after it was first seen; grades drawn
with a fixed seed (a recall a little likelier on later answers).

    RECALL_HOME=/tmp/plan-demo python3 Scripts/plan-demo-history.py .build/debug/recall
    RECALL_HOME=/tmp/plan-demo RECALL_NOW=2026-11-29T21:00:00Z recall plan --until 2026-12-13 --section Compression
"""
import json
import os
import random
import subprocess
import sys
from datetime import date, timedelta

recall = sys.argv[1] if len(sys.argv) > 1 else "recall"
start = date(2026, 11, 20)
rng = random.Random(13)
env = dict(os.environ)

cards = json.loads(subprocess.run([recall, "list", "--json"], capture_output=True, text=True, check=True, env=env).stdout)
ids = [c["id"] for c in cards if c["deck"] in ("pruning-distillation", "quantization-methods")]
rng.shuffle(ids)
first_day = {}
for offset in range(10):
    day = start + timedelta(days=offset)
    todo = [card for card, seen in first_day.items() if (day - seen).days in (1, 3, 7)]
    new = ids[offset * 20:(offset + 1) * 20]
    for card in new:
        first_day[card] = day
    for index, card in enumerate(todo + new):
        seen = first_day[card]
        p = 0.6 + 0.1 * min(3, (day - seen).days // 2)
        grade = rng.choice([4, 4, 5, 3]) if rng.random() < p else rng.choice([1, 2])
        env["RECALL_NOW"] = f"{day.isoformat()}T{18 + index // 60:02d}:{index % 60:02d}:00Z"
        subprocess.run([recall, "grade", card, str(grade)], capture_output=True, check=True, env=env)
print(f"{len(first_day)} cards seen")
