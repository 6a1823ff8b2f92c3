#!/usr/bin/env python3
"""Records the transcripts of `recall review --lang zh` and `recall interview
--lang both` that docs/transcripts-zh.md shows, on the bundled decks.

Run from the repository root after `swift build` (it uses .build/debug/recall):

    python3 Scripts/chinese-transcripts.py [--review-deck parallelism-strategies]
        [--interview-deck distributed-training] [--out docs/transcripts-zh.md]

Each run uses a fresh data folder and a fixed moment (RECALL_NOW), so the
output is the same every time for the same decks. The answers typed are the
cards' own: the Chinese answer of a cloze or typed card where it has one (so
the transcript shows a Chinese answer accepted), the reference of an open
question, followed by a self-grade; a multiple-choice card is revealed with
Enter. Re-run it after the decks change and commit the file it writes.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "debug", "recall")
NOW = "2026-11-29T09:00:00Z"


def run(home, args, lines=()):
    env = dict(os.environ, RECALL_HOME=home, RECALL_NOW=NOW, TZ="UTC", NO_COLOR="1")
    stdin = "".join(line + "\n" for line in lines)
    result = subprocess.run([BINARY, *args], env=env, input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"recall {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def cards_by_id(home, deck):
    return {card["id"]: card for card in json.loads(run(home, ["list", "--deck", deck, "--json"]))}


def typed_answer(card):
    """What a user who knows the card types: its Chinese term where it has one."""
    zh = card.get("zh") or {}
    if card["kind"] in ("cloze", "typed"):
        return zh.get("answer") or card["answer"]
    return None


def review(deck, limit):
    with tempfile.TemporaryDirectory(prefix="recall-zh-") as home:
        cards = cards_by_id(home, deck)
        queue = json.loads(run(home, ["due", "--deck", deck, "--json"]))[:limit]
        lines = []
        for entry in queue:
            answer = typed_answer(cards[entry["id"]])
            lines += [answer or "", "4"]
        lines.append("q")
        args = ["review", "--lang", "zh", "--deck", deck, "--limit", str(limit)]
        return "$ recall " + " ".join(args) + "\n" + run(home, args, lines)


def interview(deck, count, seed):
    args = ["interview", "--lang", "both", "--deck", deck, "--count", str(count), "--seed", str(seed)]
    with tempfile.TemporaryDirectory(prefix="recall-zh-") as home:
        # A first, silent run learns which cards the seed draws, in order.
        report = run(home, args + ["--json"], [""] * (count * 2))
        order = [attempt["cardID"] for attempt in json.loads(report[report.index("{\n"):])["attempts"]]
    with tempfile.TemporaryDirectory(prefix="recall-zh-") as home:
        cards = cards_by_id(home, deck)
        lines = []
        for card_id in order:
            card = cards[card_id]
            if card["kind"] == "basic":
                lines += [(card.get("zh") or {}).get("answer") or card["answer"], "r"]
            else:
                lines.append(typed_answer(card) or "")
        return "$ recall " + " ".join(args) + "\n" + run(home, args, lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--review-deck", default="parallelism-strategies")
    parser.add_argument("--interview-deck", default="distributed-training")
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "transcripts-zh.md"))
    options = parser.parse_args()
    text = f"""# Transcripts in Chinese

Recorded by `python3 Scripts/chinese-transcripts.py` on the
bundled decks at RECALL_NOW={NOW}, in a fresh data folder. The answers typed
are the cards' own (see the script); a multiple-choice card is revealed with
Enter.

## `recall review --lang zh`

```text
{review(options.review_deck, 4).rstrip()}
```

## `recall interview --lang both`

```text
{interview(options.interview_deck, 4, 7).rstrip()}
```
"""
    with open(options.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {options.out}")


if __name__ == "__main__":
    main()
