#!/usr/bin/env python3
"""Measure the answer grader against a labelled answer set.

Usage: Scripts/measure-answers.py CORPUS.tsv [--recall PATH] [--jobs N] [--out RESULTS.tsv]
       Scripts/measure-answers.py CORPUS.tsv --bench .build/debug/recall-bench [--decks Decks] [--out RESULTS.tsv]

CORPUS.tsv has three tab-separated columns per line, no header: card id
(deck/card, cloze deletions deck/note.cN), the answer as typed, and the label
a strict examiner gives it: right, wrong, partly (a one-word typo in prose) or
self (an open card that must be self-graded).

Each row is graded with `recall grade CARD --answer TEXT --dry-run --json`
in a throw-away RECALL_HOME, so no real data is touched. A card the grader
refuses as self-graded counts as the verdict `self`.

With --bench, every row is graded in one process by `recall-bench grade`
(the same AnswerGrader call on the deck files of --decks): seconds instead of
a process a row; a sample of rows gives the same verdicts both ways.

Prints: wrong answers accepted (verdict right or partly), right answers
rejected (verdict wrong or self), the false-reject rate, partly rows, self
rows, and writes every row with its verdict to RESULTS.tsv.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile


def one_line(text):
    return " ".join(text.split())[:200]


def grade(recall, home, card, answer):
    env = dict(os.environ, RECALL_HOME=home)
    proc = subprocess.run(
        [recall, "grade", card, "--answer=" + answer, "--dry-run", "--json"],
        capture_output=True, text=True, env=env)
    if proc.returncode == 0:
        try:
            obj = json.loads(proc.stdout)
        except json.JSONDecodeError:
            return "error", one_line(proc.stdout)
        return obj.get("verdict", "error"), one_line(str(obj.get("expected", "")))
    message = (proc.stderr or proc.stdout).strip()
    if "self-graded" in message:
        return "self", ""
    return "error", one_line(message)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--recall", default="/work/main/.build/debug/recall")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", default=None)
    parser.add_argument("--bench", default=None, help="recall-bench binary: grade every row in one process")
    parser.add_argument("--decks", default="Decks", help="with --bench: the deck folder")
    args = parser.parse_args()

    rows = []
    with open(args.corpus, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[2] not in ("right", "wrong", "partly", "self"):
                sys.exit(f"{args.corpus}:{number}: expected 'card<TAB>answer<TAB>right|wrong|partly|self'")
            rows.append(tuple(parts))

    if args.bench:
        proc = subprocess.run([args.bench, "grade", args.corpus, args.decks], capture_output=True, text=True, check=True)
        graded = [line.split("\t") for line in proc.stdout.splitlines()]
        if len(graded) != len(rows) or any(g[:3] != list(r) for g, r in zip(graded, rows)):
            sys.exit("recall-bench grade did not return one line per row, in order")
        verdicts = [(g[3], one_line(g[4])) for g in graded]
    else:
        home = tempfile.mkdtemp(prefix="recall-measure-")
        # The first call creates and migrates the database in the fresh data folder;
        # run it alone, since concurrent first runs race on the migration.
        verdicts = [grade(args.recall, home, rows[0][0], rows[0][1])] if rows else []
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            verdicts += list(pool.map(lambda r: grade(args.recall, home, r[0], r[1]), rows[1:]))

    results = [(c, a, l, v, e) for (c, a, l), (v, e) in zip(rows, verdicts)]
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for r in results:
                f.write("\t".join(r) + "\n")

    def show(title, items):
        print(f"\n## {title}: {len(items)}")
        for c, a, l, v, e in items:
            print(f"- {c} | `{a}` | label {l} | verdict {v} | expected `{e}`")

    wrong_rows = [r for r in results if r[2] == "wrong"]
    right_rows = [r for r in results if r[2] == "right"]
    wrong_accepted = [r for r in wrong_rows if r[3] in ("right", "partly")]
    right_rejected = [r for r in right_rows if r[3] != "right"]
    agree = sum(1 for r in results if r[2] == r[3])
    print(f"rows {len(results)}, cards {len({r[0] for r in results})}, agreement {agree}/{len(results)}")
    print(f"wrong answers accepted: {len(wrong_accepted)} of {len(wrong_rows)}")
    rate = 100.0 * len(right_rejected) / max(1, len(right_rows))
    print(f"right answers rejected: {len(right_rejected)} of {len(right_rows)} ({rate:.1f}%)")
    # Rows with CJK or full-width characters: the Chinese bar of issue 15.
    def chinese(text):
        return any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)
    zh_wrong = [r for r in wrong_rows if chinese(r[1])]
    zh_right = [r for r in right_rows if chinese(r[1])]
    zh_rejected = [r for r in zh_right if r[3] != "right"]
    print(f"Chinese or full-width rows: wrong accepted {len([r for r in zh_wrong if r[3] in ('right', 'partly')])} of {len(zh_wrong)}; "
          f"right rejected {len(zh_rejected)} of {len(zh_right)} ({100.0 * len(zh_rejected) / max(1, len(zh_right)):.1f}%)")
    show("Wrong answers accepted", wrong_accepted)
    show("Right answers rejected", right_rejected)
    show("Partly rows not graded partly", [r for r in results if r[2] == "partly" and r[3] != "partly"])
    show("Self rows not refused as self-graded", [r for r in results if r[2] == "self" and r[3] != "self"])
    show("Errors", [r for r in results if r[3] == "error"])


if __name__ == "__main__":
    main()
