"""Recall against the Anki engine on the same generated data, in one run.

Run by Scripts/bench.sh (which builds Recall and provides a virtual
environment with PyPI's `anki`); see docs/performance.md.

For each task and size the two tools run alternately, REPS times each, and
the median is reported. Recall is timed as a whole process (start-up
included) except for the answer latency, which `recall-bench` measures in
process; Anki is timed in process (Python's start-up and `import anki`
excluded), as the issue asks.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from anki.collection import Collection, ImportCsvRequest

TODAY = "2026-11-29"
NOW = TODAY + "T10:00:00Z"


def tsv(path, cards):
    """The deck both tools import: the cards recall-bench's history also writes."""
    with open(path, "w", encoding="utf-8") as out:
        out.write("#separator:tab\n#html:false\n#tags column:3\n")
        for i in range(cards):
            out.write(f"Question number {i} about topic {i % 97}?\tAnswer {i}\ttopic{i % 97}\n")


class Recall:
    def __init__(self, binary, bench_binary):
        self.binary = binary
        self.bench = bench_binary

    def run(self, home, args, stdin=subprocess.DEVNULL):
        """Runs recall; returns (seconds, peak resident MB)."""
        env = dict(os.environ, RECALL_HOME=home, RECALL_NOW=NOW, NO_COLOR="1", TZ="UTC")
        cmd = ["/usr/bin/time", "-f", "%M", self.binary] + args + ["--no-bundled"]
        started = time.perf_counter()
        done = subprocess.run(cmd, env=env, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"recall {' '.join(args)} failed: {done.stderr[-2000:]}")
        peak_kb = int(done.stderr.strip().splitlines()[-1])
        return seconds, peak_kb / 1024


def fresh(root, name):
    path = os.path.join(root, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(os.path.join(path, "decks"))
    return path


def anki_import(root, path):
    folder = fresh(root, "anki-import")
    started = time.perf_counter()
    col = Collection(os.path.join(folder, "c.anki2"))
    metadata = col.get_csv_metadata(path=path, delimiter=None)
    col.import_csv(ImportCsvRequest(path=path, metadata=metadata))
    seconds = time.perf_counter() - started
    count = col.card_count()
    col.close()
    return seconds, count


def anki_history(root, cards, reviews):
    """An Anki collection with the same deck and a review log of the same shape as recall-bench's."""
    folder = fresh(root, f"anki-history-{cards}")
    path = os.path.join(folder, "c.anki2")
    source = os.path.join(root, f"bench-{cards}.tsv")
    col = Collection(path)
    metadata = col.get_csv_metadata(path=source, delimiter=None)
    col.import_csv(ImportCsvRequest(path=source, metadata=metadata))
    ids = col.db.list("SELECT id FROM cards ORDER BY nid")
    day_ms = 86_400_000
    today_ms = int(time.mktime(time.strptime(TODAY, "%Y-%m-%d"))) * 1000
    today_days = (today_ms // day_ms) - (col.crt * 1000 // day_ms)
    rows = []
    for i in range(reviews):
        card = ids[i % cards]
        day = 0 if i >= reviews - ANSWERS_TODAY else (i * 365 // max(1, reviews - ANSWERS_TODAY)) - 365
        ms = today_ms + day * day_ms + 36_000_000 + i % 3_600_000
        ease = [4, 3, 3, 2, 1][i % 5]
        rows.append((ms * 1000 + i % 1000, card, -1, ease, 6, 1, 2500, 3000 + i % 5000, 1))
    col.close()
    # Written with Python's sqlite3 straight into the closed collection: Anki's col.db bridge
    # passes rows one by one through the backend and takes many minutes for a million.
    import sqlite3
    db = sqlite3.connect(path)
    with db:
        db.executemany("INSERT OR IGNORE INTO revlog VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        # Half the cards are due (overdue by up to a month), the rest later, as the Recall history leaves them.
        db.execute(f"UPDATE cards SET type = 2, queue = 2, ivl = 6, factor = 2500, reps = 10, "
                   f"due = {today_days} - 30 + (id % 60)")
    db.close()
    return path


def anki_first_card(path):
    started = time.perf_counter()
    col = Collection(path)
    queued = col.sched.get_queued_cards(fetch_limit=1)
    seconds = time.perf_counter() - started
    assert len(queued.cards) == 1
    col.close()
    return seconds


def anki_answers(path, count):
    """Answers `count` due cards, each read by id (as recall-bench reads the next card by id: the
    900 answers of today have used up Anki's default daily limit, so its queue would be empty)."""
    col = Collection(path)
    today = col.sched.today
    ids = col.db.list(f"SELECT id FROM cards WHERE queue = 2 AND due <= {today} ORDER BY due, id LIMIT {count}")
    latencies = []
    for cid in ids:
        started = time.perf_counter()
        card = col.get_card(cid)
        card.start_timer()
        col.sched.answerCard(card, 3)
        latencies.append((time.perf_counter() - started) * 1000)
    col.close()
    latencies.sort()
    return latencies[len(latencies) // 2], latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]


def anki_stats(path):
    started = time.perf_counter()
    col = Collection(path)
    col._backend.graphs(search="", days=365)
    seconds = time.perf_counter() - started
    col.close()
    return seconds


def vacuumed_size(path):
    """The database's size once compacted (a copy is vacuumed), so free pages do not count."""
    import sqlite3
    copy = path + ".vacuum"
    shutil.copy(path, copy)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(path + suffix):
            shutil.copy(path + suffix, copy + suffix)
    db = sqlite3.connect(copy)
    # Anki's collation, so that its indexes can be rebuilt by VACUUM.
    db.create_collation("unicase", lambda a, b: (a.casefold() > b.casefold()) - (a.casefold() < b.casefold()))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("VACUUM")
    page_count = db.execute("PRAGMA page_count").fetchone()[0]
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(copy + suffix):
            os.remove(copy + suffix)
    return page_count * page_size


def median(values):
    return statistics.median(values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--recall", required=True)
    parser.add_argument("--recall-bench", required=True)
    parser.add_argument("--sizes", default="10000:100000,100000:1000000", help="cards:reviews,...")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--answers-today", type=int, default=900, help="answers already given today in the history")
    parser.add_argument("--json", help="also write the results here")
    options = parser.parse_args()
    global ANSWERS_TODAY
    ANSWERS_TODAY = options.answers_today
    recall = Recall(options.recall, options.recall_bench)
    root = tempfile.mkdtemp(prefix="recall-bench-")
    results = []

    def row(task, size, recall_value, anki_value, unit, recall_peak=None):
        ratio = recall_value / anki_value if anki_value else None
        results.append({"task": task, "size": size, "recall": recall_value, "anki": anki_value, "unit": unit,
                        "ratio": ratio, "recall_peak_mb": recall_peak})
        anki_text = f"{anki_value:10.3f} {unit:<3}" if anki_value is not None else f"{'n/a':>10} {'':<3}"
        ratio_text = f"{ratio:6.2f}" if ratio is not None else "   n/a"
        print(f"{task:<46} {size:>20}  recall {recall_value:10.3f} {unit:<3} anki {anki_text} "
              f"ratio {ratio_text}" + (f"  (recall peak {recall_peak:.0f} MB)" if recall_peak else ""), flush=True)

    try:
        for spec in options.sizes.split(","):
            cards, reviews = (int(x) for x in spec.split(":"))
            size = f"{cards // 1000 if cards >= 1000 else cards}{'k' if cards >= 1000 else ''} cards"
            source = os.path.join(root, f"bench-{cards}.tsv")
            tsv(source, cards)

            # Import the TSV: alternate the two tools.
            r_times, a_times, peaks = [], [], []
            for _ in range(options.reps):
                home = fresh(root, "recall-import")
                seconds, peak = recall.run(home, ["import", source, "--deck-id", "bench"])
                r_times.append(seconds)
                peaks.append(peak)
                seconds, count = anki_import(root, source)
                a_times.append(seconds)
                assert count == cards, (count, cards)
            row("import the TSV", size, median(r_times), median(a_times), "s", max(peaks))

            # Start to the first card of a fresh import (all new).
            anki_path = os.path.join(root, "anki-import", "c.anki2")
            r_times, a_times, peaks = [], [], []
            for _ in range(options.reps):
                seconds, peak = recall.run(home, ["review", "--limit", "1"])
                r_times.append(seconds * 1000)
                peaks.append(peak)
                a_times.append(anki_first_card(anki_path) * 1000)
            row("start to first card (new)", size, median(r_times), median(a_times), "ms", max(peaks))

            # A year's history, 900 answers of it today.
            history_home = fresh(root, f"recall-history-{cards}")
            db = os.path.join(history_home, "recall.sqlite")
            subprocess.run([recall.bench, "history", db, os.path.join(history_home, "decks"), str(cards), str(reviews),
                            TODAY, str(ANSWERS_TODAY)], check=True)
            anki_path = anki_history(root, cards, reviews)
            hsize = f"{size}, {reviews // 1000}k rev"
            r_times, a_times, peaks = [], [], []
            for _ in range(options.reps):
                seconds, peak = recall.run(history_home, ["review", "--limit", "1"])
                r_times.append(seconds * 1000)
                peaks.append(peak)
                a_times.append(anki_first_card(anki_path) * 1000)
            row(f"start to first card (due, {ANSWERS_TODAY} answered today)", hsize, median(r_times), median(a_times), "ms", max(peaks))

            # One card of the big deck file edited (same size of file changes): the next start re-reads
            # and re-parses that file and writes the one changed row. Anki has no deck files.
            deck_path = os.path.join(history_home, "decks", "bench.md")
            r_times, peaks = [], []
            for rep in range(options.reps):
                with open(deck_path, encoding="utf-8") as f:
                    text = f.read()
                marker = f"\nA: Answer {cards // 2}"
                assert marker in text
                text = text.replace(marker, marker + f" edit{rep}", 1)
                with open(deck_path, "w", encoding="utf-8") as f:
                    f.write(text)
                seconds, peak = recall.run(history_home, ["review", "--limit", "1"])
                r_times.append(seconds * 1000)
                peaks.append(peak)
            row("start after editing one card of the deck file", hsize, median(r_times), None, "ms", max(peaks))

            # A broken deck file next to it (issue 12: 10k bad headings): the first start parses it and
            # remembers its errors; the starts timed here find it unchanged and report them again.
            broken_path = os.path.join(history_home, "decks", "broken.md")
            with open(broken_path, "w", encoding="utf-8") as f:
                f.write("---\nid: broken\ntitle: Broken\nsection: Bench\n---\n")
                f.write("".join(f"\n## Bad Heading {i}\nQ: q\nA: a\n" for i in range(10_000)))
            recall.run(history_home, ["review", "--limit", "1"])
            r_times, peaks = [], []
            for _ in range(options.reps):
                seconds, peak = recall.run(history_home, ["review", "--limit", "1"])
                r_times.append(seconds * 1000)
                peaks.append(peak)
            os.remove(broken_path)
            row("start with an unchanged broken deck file (10k errors)", hsize, median(r_times), None, "ms", max(peaks))

            r_times, a_times, peaks = [], [], []
            for _ in range(options.reps):
                seconds, peak = recall.run(history_home, ["stats"])
                r_times.append(seconds * 1000)
                peaks.append(peak)
                a_times.append(anki_stats(anki_path) * 1000)
            row("stats over the year", hsize, median(r_times), median(a_times), "ms", max(peaks))

            # The JSON backup of the whole history against sqlite3 -json of Anki's revlog (same rows).
            if shutil.which("sqlite3"):
                r_times, a_times, peaks = [], [], []
                out = os.path.join(root, "backup.json")
                for _ in range(options.reps):
                    seconds, peak = recall.run(history_home, ["export", "--format", "json", "-o", out])
                    r_times.append(seconds)
                    peaks.append(peak)
                    started = time.perf_counter()
                    with open(os.path.join(root, "revlog.json"), "w") as sink:
                        subprocess.run(["sqlite3", "-json", anki_path, "SELECT * FROM revlog"], stdout=sink, check=True)
                    a_times.append(time.perf_counter() - started)
                row("export --format json (sqlite3 -json for Anki)", hsize, median(r_times), median(a_times), "s", max(peaks))

            # Bytes per review: the history database less the same deck without one, compacted.
            plain = os.path.join(fresh(root, "recall-plain"), "recall.sqlite")
            subprocess.run([recall.bench, "history", plain, os.path.join(root, "recall-plain", "decks"), str(cards), "0",
                            TODAY, "0"], check=True)
            anki_plain = os.path.join(fresh(root, "anki-plain"), "c.anki2")
            col = Collection(anki_plain)
            col.import_csv(ImportCsvRequest(path=source, metadata=col.get_csv_metadata(path=source, delimiter=None)))
            col.close()
            recall_bytes = (vacuumed_size(db) - vacuumed_size(plain)) / reviews
            anki_bytes = (vacuumed_size(anki_path) - vacuumed_size(anki_plain)) / reviews
            row("bytes per review in the database", hsize, recall_bytes, anki_bytes, "B")

            # Answer → next card, committed each time (run last: it changes the histories).
            r50, r99, a50, a99 = [], [], [], []
            for _ in range(options.reps):
                done = subprocess.run([recall.bench, "answer", db, TODAY, str(options.answers)], check=True,
                                      capture_output=True, text=True)
                figures = json.loads(done.stdout)
                r50.append(figures["p50_ms"])
                r99.append(figures["p99_ms"])
                p50, p99 = anki_answers(anki_path, options.answers)
                a50.append(p50)
                a99.append(p99)
            row("answer → next card, p50", hsize, median(r50), median(a50), "ms")
            row("answer → next card, p99", hsize, median(r99), median(a99), "ms")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if options.json:
        with open(options.json, "w") as out:
            json.dump(results, out, indent=2)
    print()
    print("| task | size | Recall | Anki | Recall / Anki |")
    print("| --- | --- | ---: | ---: | ---: |")
    for r in results:
        def fmt(v):
            if v is None:
                return "—"
            return f"{v:,.0f}" if v >= 100 else f"{v:.2f}" if v >= 1 else f"{v:.3f}"
        ratio = f"{r['ratio']:.2f}×" if r["ratio"] is not None else "—"
        peak = f" ({r['recall_peak_mb']:.0f} MB peak)" if r["recall_peak_mb"] else ""
        print(f"| {r['task']} | {r['size']} | {fmt(r['recall'])} {r['unit']}{peak} | {fmt(r['anki'])}"
              f"{' ' + r['unit'] if r['anki'] is not None else ''} | {ratio} |")


if __name__ == "__main__":
    main()
