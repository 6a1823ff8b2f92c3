#!/usr/bin/env python3
"""Checks Recall's exports and imports against the real Anki engine.

Run it with a Python that has PyPI's `anki` installed (CI: .ci/run makes a
virtual environment with anki==26.9.3), from the repository root:

    .venv-anki/bin/python Scripts/anki-roundtrip.py

It builds recall (`swift build --product recall`), then, in temporary folders:

1. grades a few bundled cards under RECALL_NOW, suspends one, exports the
   bundled decks as .apkg and .tsv, imports each into a fresh Anki collection
   and asserts the card and note counts, deck names, fields, tags, the reviewed
   cards' interval, ease and due day, suspension, and the revlog rows;
2. copies a deck, exports it, imports it into Anki, edits a card, exports
   again at a later moment, imports into the same collection and asserts that
   the note was updated, not duplicated;
3. builds a package with the Anki library (with reviews, a suspended card, a
   cloze and a typed note), imports it with `recall import` and asserts the
   cards, SM-2 states and review log in Recall; and checks that a package in
   Anki's newer compressed format is refused with a clear message.

Exit status 0 and a last line "N passed, 0 failed" when everything holds.
"""

import datetime
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSED = 0
FAILED = 0


def check(condition, what):
    global PASSED, FAILED
    if condition:
        PASSED += 1
    else:
        FAILED += 1
        print(f"FAIL: {what}", file=sys.stderr)


def equal(actual, expected, what):
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


class Recall:
    def __init__(self, binary, home, now):
        self.binary = binary
        self.home = home
        self.now = now

    def run(self, *args, ok=True):
        env = dict(os.environ, RECALL_HOME=self.home, RECALL_NOW=self.now, TZ="UTC", NO_COLOR="1")
        result = subprocess.run([self.binary, *args], env=env, capture_output=True, text=True)
        if ok and result.returncode != 0:
            raise SystemExit(f"recall {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result

    def json(self, *args):
        return json.loads(self.run(*args).stdout)


def anki_html(text):
    """What Recall's export puts in a field for plain text."""
    return html.escape(text, quote=True).replace("&#x27;", "'").replace("\n", "<br>")


def due_date(col, card):
    """The calendar day an Anki review card is due on."""
    created = datetime.datetime.fromtimestamp(col.crt, datetime.timezone.utc).date()
    return created + datetime.timedelta(days=card.due)


def fresh_collection(folder, name):
    os.makedirs(folder, exist_ok=True)
    return Collection(os.path.join(folder, f"{name}.anki2"))


def import_apkg(col, path):
    request = ImportAnkiPackageRequest(package_path=path, options=ImportAnkiPackageOptions(with_scheduling=True))
    return col.import_anki_package(request)


def notes_with_guid(col, guid):
    return col.db.list("SELECT id FROM notes WHERE guid = ?", guid)


def expected_notes(cards):
    return {(c["deck"], c["note"]) for c in cards}


def deck_names(backup):
    return {d["id"]: "Recall::" + d["section"].replace("::", ":") + "::" + d["title"].replace("::", ":") for d in backup["decks"]}


# The cards graded in part 1, with the grades, on two days.
GRADED = [
    ("2026-11-20T09:00:00Z", "parallelism-strategies/ddp-what-is-communicated", 4),
    ("2026-11-20T09:00:00Z", "infra-commands/docker-run-detached", 2),
    ("2026-11-20T09:00:00Z", "rag-components/rag-three-stages.c2", 5),
    ("2026-11-20T09:05:00Z", "infra-commands/docker-run-detached", 4),  # a same-day re-drill
    ("2026-11-21T09:00:00Z", "parallelism-strategies/ddp-what-is-communicated", 5),
]
SUSPENDED = "rag-components/rag-sequence-vs-token"


def part1_exports(binary, work):
    recall = Recall(binary, os.path.join(work, "home1"), GRADED[0][0])
    for now, card, grade in GRADED:
        recall.now = now
        recall.run("grade", card, str(grade))
    recall.run("suspend", SUSPENDED)
    recall.now = "2026-11-22T09:00:00Z"
    cards = recall.json("list", "--json")
    backup = recall.json("export", "--format", "json")
    by_id = {c["id"]: c for c in cards}
    names = deck_names(backup)
    histories = {card: recall.json("show", card, "--json")["history"] for _, card, _ in GRADED}
    review_count = sum(len(h) for h in histories.values())
    equal(len(backup["reviewLog"]), review_count, "Recall's review log")

    apkg = os.path.join(work, "bundled.apkg")
    tsv = os.path.join(work, "bundled.tsv")
    recall.run("export", "-o", apkg)
    recall.run("export", "-o", tsv)

    # --- the package
    col = fresh_collection(os.path.join(work, "anki-apkg"), "collection")
    result = import_apkg(col, apkg)
    equal(len(result.log.new), len(expected_notes(cards)), "apkg: notes reported new by the importer")
    equal(col.note_count(), len(expected_notes(cards)), "apkg: note count")
    equal(col.card_count(), len(cards), "apkg: card count")
    anki_decks = {d.name for d in col.decks.all_names_and_ids()}
    check(set(names.values()) <= anki_decks, f"apkg: deck names {sorted(set(names.values()) - anki_decks)} missing")

    def note_of(card_id):
        deck, _, rest = card_id.partition("/")
        note = by_id[card_id]["note"]
        found = notes_with_guid(col, f"recall:{deck}/{note}")
        equal(len(found), 1, f"apkg: one note with guid recall:{deck}/{note}")
        return col.get_note(found[0])

    def card_of(card_id):
        note = note_of(card_id)
        ordinal = 0
        if by_id[card_id]["kind"] == "cloze":
            ordinal = int(card_id.rsplit(".c", 1)[1]) - 1
        return next(c for c in note.cards() if c.ord == ordinal)

    basic = by_id["parallelism-strategies/ddp-what-is-communicated"]
    note = note_of(basic["id"])
    equal(note.note_type()["name"], "Recall Basic", "apkg: basic note type")
    equal(note["Front"], anki_html(basic["question"]), "apkg: basic Front")
    equal(note["Back"], anki_html(basic["answer"]), "apkg: basic Back")
    equal(note["Source"], anki_html(basic["source"]), "apkg: basic Source")
    equal(note["Explanation"], anki_html(basic.get("explanation") or ""), "apkg: basic Explanation")
    equal(sorted(note.tags), sorted(basic["tags"]), "apkg: basic tags")
    equal(col.decks.name(card_of(basic["id"]).did), names["parallelism-strategies"], "apkg: basic card's deck")
    # The Chinese rides in fields of its own, shown under the English.
    zh = basic.get("zh") or {}
    check(bool(zh.get("question")), f"apkg: {basic['id']} has Chinese to check")
    equal(note["Front.zh"], anki_html(zh.get("question") or ""), "apkg: basic Front.zh")
    equal(note["Back.zh"], anki_html(zh.get("answer") or ""), "apkg: basic Back.zh")
    equal(note["Explanation.zh"], anki_html(zh.get("explanation") or ""), "apkg: basic Explanation.zh")
    rendered = card_of(basic["id"]).answer()
    for part, what in [(basic["question"], "English question"), (zh.get("question"), "Chinese question"),
                       (basic["answer"], "English answer"), (zh.get("answer"), "Chinese answer")]:
        check(part is not None and anki_html(part) in rendered, f"apkg: the {what} renders in Anki")

    typed = by_id["infra-commands/docker-run-detached"]
    note = note_of(typed["id"])
    equal(note.note_type()["name"], "Recall Typed", "apkg: typed note type")
    check("{{type:Back}}" in note.note_type()["tmpls"][0]["qfmt"], "apkg: typed template asks with {{type:Back}}")
    equal(note["Back"], anki_html(typed["answer"]), "apkg: typed Back")

    cloze_cards = [c for c in cards if c["deck"] == "rag-components" and c["note"] == "rag-three-stages"]
    note = note_of("rag-components/rag-three-stages.c1")
    equal(note.note_type()["name"], "Recall Cloze", "apkg: cloze note type")
    equal(len(note.cards()), len(cloze_cards), "apkg: one card per deletion")
    for n in range(1, len(cloze_cards) + 1):
        check(f"{{{{c{n}::" in note["Text"], f"apkg: cloze text has c{n}")
    if (cloze_cards[0].get("zh") or {}).get("question"):
        for n in range(1, len(cloze_cards) + 1):
            check(f"{{{{c{n}::" in note["Text.zh"], f"apkg: Chinese cloze text has c{n}")
        check("[...]" in note.cards()[0].question() or "cloze" in note.cards()[0].question(), "apkg: the Chinese cloze renders")

    # Each option is on the front once, lettered a, b, c … in an order fixed per card (not the deck
    # file's, whose first option is mostly the right one); the back names the right ones by those letters.
    choices = [c for c in cards if c["kind"] == "choice"]
    right_listed_first = 0
    for choice in choices:
        note = note_of(choice["id"])
        lines = note["Front"].split("<br>")
        listed = [line for line in lines if len(line) > 3 and line[1:3] == ". " and line[0] in "abcdefghijklmnopqrstuvwxyz"]
        equal([line[0] for line in listed], list("abcdefghijklmnopqrstuvwxyz"[:len(choice["choices"])]),
              f"apkg: {choice['id']} letters its options a, b, c … in turn")
        letter_of = {line[3:]: line[0] for line in listed}
        equal(sorted(letter_of), sorted(anki_html(o["text"]) for o in choice["choices"]), f"apkg: {choice['id']} lists every option once")
        correct = [f"{letter_of[anki_html(o['text'])]}. {o['text']}" for o in choice["choices"] if o["correct"]]
        equal(note["Back"].split("<br>"), sorted(anki_html(c) for c in correct), f"apkg: {choice['id']} Back holds the correct options")
        right_texts = {anki_html(o["text"]) for o in choice["choices"] if o["correct"]}
        right_listed_first += listed[0][3:] in right_texts
    # In the deck files the right option comes first in about nine cards in ten; in the export near chance.
    check(right_listed_first <= len(choices) // 2, f"apkg: right option listed first in {right_listed_first} of {len(choices)} choice cards")

    # Scheduling and the review log.
    for card_id in {c for _, c, _ in GRADED}:
        state = by_id[card_id]["state"]
        card = card_of(card_id)
        equal(card.ivl, state["intervalDays"], f"apkg: {card_id} interval")
        equal(card.factor, round(state["easiness"] * 1000), f"apkg: {card_id} ease")
        equal(due_date(col, card).isoformat(), state["due"], f"apkg: {card_id} due day")
        equal(card.type, 2, f"apkg: {card_id} is a review card")
        equal(card.lapses, state["lapses"], f"apkg: {card_id} lapses")
        equal(card.reps, len(histories[card_id]), f"apkg: {card_id} reps")
        rows = col.db.all("SELECT ease, ivl, lastIvl, factor FROM revlog WHERE cid = ? ORDER BY id", card.id)
        ease = {0: 1, 1: 1, 2: 1, 3: 2, 4: 3, 5: 4}
        expected_rows = [[ease[h["grade"]], h["newIntervalDays"], h["previousIntervalDays"], round(h["newEasiness"] * 1000)]
                         for h in histories[card_id]]
        equal(rows, expected_rows, f"apkg: {card_id} revlog rows")
    equal(col.db.scalar("SELECT count() FROM revlog"), review_count, "apkg: revlog rows in all")
    equal(card_of(SUSPENDED).queue, -1, "apkg: suspended card stays suspended")
    new_card = card_of("parallelism-strategies/zero-stages.c1") if "parallelism-strategies/zero-stages.c1" in by_id else None
    if new_card is not None:
        equal(new_card.type, 0, "apkg: an unreviewed card is new")
    col.close()

    # --- the text file
    col = fresh_collection(os.path.join(work, "anki-tsv"), "collection")
    metadata = col.get_csv_metadata(path=tsv, delimiter=None)
    col.import_csv(ImportCsvRequest(path=tsv, metadata=metadata))
    equal(col.note_count(), len(expected_notes(cards)), "tsv: note count")
    equal(col.card_count(), len(cards), "tsv: card count")
    anki_decks = {d.name for d in col.decks.all_names_and_ids()}
    check(set(names.values()) <= anki_decks, f"tsv: deck names {sorted(set(names.values()) - anki_decks)} missing")
    found = notes_with_guid(col, "recall:parallelism-strategies/ddp-what-is-communicated")
    equal(len(found), 1, "tsv: the basic note by guid")
    note = col.get_note(found[0])
    equal(note.note_type()["name"], "Basic", "tsv: stock Basic note type")
    equal(note["Front"], anki_html(basic["question"]), "tsv: Front")
    check(note["Back"].startswith(anki_html(basic["answer"])), "tsv: Back starts with the answer")
    check(("Source: " + anki_html(basic["source"])) in note["Back"], "tsv: Back ends with the source")
    equal(sorted(note.tags), sorted(basic["tags"]), "tsv: tags")
    found = notes_with_guid(col, "recall:rag-components/rag-three-stages")
    equal(len(found), 1, "tsv: the cloze note by guid")
    cloze = col.get_note(found[0])
    equal(cloze.note_type()["name"], "Cloze", "tsv: stock Cloze note type")
    equal(len(cloze.cards()), len(cloze_cards), "tsv: one card per deletion")
    found = notes_with_guid(col, "recall:infra-commands/docker-run-detached")
    equal(col.get_note(found[0]).note_type()["name"] if found else None, "Basic (type in the answer)", "tsv: typed note type")
    col.close()
    print(f"part 1: {len(cards)} cards, {len(expected_notes(cards))} notes, {review_count} reviews checked in Anki")


def part2_update(binary, work):
    decks = os.path.join(work, "own-decks")
    os.makedirs(decks)
    shutil.copy(os.path.join(ROOT, "Decks", "parallelism-strategies.md"), decks)
    recall = Recall(binary, os.path.join(work, "home2"), "2026-11-20T09:00:00Z")
    flags = ["--no-bundled", "--decks", decks]
    recall.run("grade", "parallelism-strategies/ddp-what-is-communicated", "4", *flags)
    first = os.path.join(work, "first.apkg")
    recall.run("export", "-o", first, *flags)
    col = fresh_collection(os.path.join(work, "anki-update"), "collection")
    import_apkg(col, first)
    notes_before, cards_before = col.note_count(), col.card_count()

    path = os.path.join(decks, "parallelism-strategies.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    heading = text.index("## ddp-what-is-communicated")
    answer = text.index("\nA: ", heading) + 4
    edited = text[:answer] + "EDITED. " + text[answer:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(edited)
    recall.now = "2026-11-21T09:00:00Z"
    answer_now = recall.json("show", "parallelism-strategies/ddp-what-is-communicated", "--json", *flags)["card"]["answer"]
    check(answer_now.startswith("EDITED. "), "recall sees the edited answer")
    second = os.path.join(work, "second.apkg")
    recall.run("export", "-o", second, *flags)
    result = import_apkg(col, second)
    equal(col.note_count(), notes_before, "update: no note added")
    equal(col.card_count(), cards_before, "update: no card added")
    equal(len(result.log.new), 0, "update: importer reports no new note")
    found = notes_with_guid(col, "recall:parallelism-strategies/ddp-what-is-communicated")
    equal(len(found), 1, "update: still one note for the card")
    equal(col.get_note(found[0])["Back"], anki_html(answer_now), "update: the note has the edited answer")
    check(any(n.id == found[0] for n in [col.get_note(x) for x in found]), "update: same note id")
    col.close()
    print(f"part 2: {notes_before} notes updated in place")


def part3_import(binary, work):
    folder = os.path.join(work, "anki-source")
    col = fresh_collection(folder, "collection")
    deck = col.decks.id("Interview::Systems")
    basic = col.models.by_name("Basic")
    rows = [("What does TCP's three-way handshake exchange?", "SYN, SYN-ACK, ACK", ["networking"]),
            ("What is a B-tree's fan-out?", "The number of children per node", ["databases", "trees::b"]),
            ("What does <b>CAP</b> stand for?", "Consistency, Availability, Partition tolerance", [])]
    notes = []
    for front, back, tags in rows:
        note = col.new_note(basic)
        note["Front"], note["Back"] = front, back
        note.tags = tags
        col.add_note(note, deck)
        notes.append(note)
    cloze_note = col.new_note(col.models.by_name("Cloze"))
    cloze_note["Text"] = "Raft elects a {{c1::leader}} by {{c2::majority vote::how}}."
    cloze_note["Back Extra"] = "Ongaro and Ousterhout, 2014"
    col.add_note(cloze_note, deck)
    typed_note = col.new_note(col.models.by_name("Basic (type in the answer)"))
    typed_note["Front"], typed_note["Back"] = "Port of HTTPS?", "443"
    col.add_note(typed_note, deck)

    today = col.sched.today
    created = datetime.datetime.fromtimestamp(col.crt, datetime.timezone.utc).date()
    now_ms = int(time.time() * 1000)
    day_ms = 86_400_000

    def review(card, ivl, factor, due_in, reps, lapses, log):
        card.type, card.queue, card.ivl, card.factor = 2, 2, ivl, factor
        card.due, card.reps, card.lapses = today + due_in, reps, lapses
        col.update_card(card)
        for days_ago, ease, new_ivl, last_ivl, new_factor, kind in log:
            col.db.execute("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?,?,?,?,?,?,?,?,?)",
                           now_ms - days_ago * day_ms, card.id, -1, ease, new_ivl, last_ivl, new_factor, 6000, kind)

    tcp = notes[0].cards()[0]
    review(tcp, 12, 2350, 5, 4, 1, [(30, 3, 1, 0, 2500, 0), (29, 1, 1, 1, 2300, 1), (20, 3, 6, 1, 2300, 1), (7, 3, 12, 6, 2350, 1)])
    raft2 = next(c for c in cloze_note.cards() if c.ord == 1)
    review(raft2, 3, 2500, 2, 1, 0, [(1, 4, 3, 0, 2500, 0)])
    col.sched.suspend_cards([notes[1].cards()[0].id])
    legacy = os.path.join(work, "from-anki.apkg")
    col.export_anki_package(out_path=legacy, options=ExportAnkiPackageOptions(with_scheduling=True, with_media=False, legacy=True), limit=None)
    modern = os.path.join(work, "from-anki-modern.apkg")
    col.export_anki_package(out_path=modern, options=ExportAnkiPackageOptions(with_scheduling=True, with_media=False, legacy=False), limit=None)
    col.close()

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    recall = Recall(binary, os.path.join(work, "home3"), now)
    flags = ["--no-bundled"]
    refused = recall.run("import", modern, "--deck-id", "modern", *flags, ok=False)
    equal(refused.returncode, 1, "import: the compressed (anki21b) package is refused")
    check("Support older Anki versions" in refused.stderr, f"import: refusal says how to export ({refused.stderr.strip()})")
    recall.run("import", legacy, "--deck-id", "interview", *flags)
    cards = recall.json("list", "--deck", "interview", "--json", *flags)
    equal(len(cards), 3 + 2 + 1, "import: cards (3 basic, 2 cloze deletions, 1 typed)")
    by_question = {c["question"]: c for c in cards}
    tcp_card = by_question[rows[0][0]]
    state = tcp_card["state"]
    equal(state["intervalDays"], 12, "import: interval")
    equal(state["easiness"], 2.35, "import: ease as EF")
    equal(state["due"], (created + datetime.timedelta(days=today + 5)).isoformat(), "import: due day")
    equal(state["lapses"], 1, "import: lapses")
    equal(state["repetitions"], 2, "import: repetitions since the last lapse")
    equal(sorted(tcp_card["tags"]), ["networking"], "import: tags")
    history = recall.json("show", tcp_card["id"], "--json", *flags)["history"]
    equal([h["grade"] for h in history], [4, 1, 4, 4], "import: review log grades (Good 4, Again 1)")
    equal([h["newIntervalDays"] for h in history], [1, 1, 6, 12], "import: review log intervals")
    equal(history[-1]["newEasiness"], 2.35, "import: last answer's EF")
    fanout = by_question[rows[1][0]]
    equal(fanout["state"]["suspended"], True, "import: suspended card")
    equal(sorted(fanout["tags"]), ["databases", "trees-b"], "import: Anki's '::' tag kept as a valid tag")
    check(rows[2][0].replace("<b>", "").replace("</b>", "") in by_question, "import: HTML dropped from fields")
    clozes = [c for c in cards if c["kind"] == "cloze"]
    equal(len(clozes), 2, "import: cloze note gives one card per deletion")
    equal(sorted(c["answer"] for c in clozes), ["leader", "majority vote"], "import: cloze answers")
    raft = next(c for c in clozes if c["answer"] == "majority vote")
    equal(raft["state"]["intervalDays"], 3, "import: cloze deletion 2 keeps its own schedule")
    equal(raft.get("explanation"), "Ongaro and Ousterhout, 2014", "import: Back Extra becomes the explanation")
    typed = next(c for c in cards if c["kind"] == "typed")
    equal(typed["answer"], "443", "import: typed answer")
    deck_file = os.path.join(recall.home, "decks", "interview.md")
    check(os.path.exists(deck_file), "import: the deck file is in the user's decks folder")
    check_run = recall.run("check", deck_file, ok=False)
    equal(check_run.returncode, 0, f"import: recall check passes on the new deck file ({check_run.stdout.strip()})")
    again = recall.run("import", legacy, "--deck-id", "interview", *flags, ok=False)
    equal(again.returncode, 1, "import: importing over an existing deck is refused")
    equal(len(recall.json("list", "--deck", "interview", "--json", *flags)), 6, "import: the refused import changed nothing")
    print(f"part 3: {len(cards)} cards imported from an Anki-built package")


ENGLISH_ONLY = """---
id: plain
title: Plain
section: Mine
---

## q
Q: What does DDP all-reduce?
A: Gradients.
Why: Only gradients cross the network.
Source: PyTorch docs

## c
C: ZeRO-3 also shards {{parameters}}.
Source: Rajbhandari et al. (2020)
"""


def part4_english_only(binary, work):
    """A deck without Chinese: its notes leave the Chinese fields empty and render as before."""
    decks = os.path.join(work, "plain-decks")
    os.makedirs(decks)
    with open(os.path.join(decks, "plain.md"), "w", encoding="utf-8") as f:
        f.write(ENGLISH_ONLY)
    recall = Recall(binary, os.path.join(work, "home4"), "2026-11-20T09:00:00Z")
    path = os.path.join(work, "plain.apkg")
    recall.run("export", "-o", path, "--no-bundled", "--decks", decks)
    col = fresh_collection(os.path.join(work, "anki-plain"), "collection")
    import_apkg(col, path)
    equal(col.card_count(), 2, "english only: cards")
    note = col.get_note(notes_with_guid(col, "recall:plain/q")[0])
    equal(note["Front.zh"], "", "english only: Front.zh is empty")
    answer = note.cards()[0].answer()
    check("What does DDP all-reduce?" in answer and "Gradients." in answer, "english only: the card renders")
    check("class=zh" not in answer, "english only: no empty Chinese block")
    cloze = col.get_note(notes_with_guid(col, "recall:plain/c")[0])
    check("parameters" in cloze.cards()[0].answer(), "english only: the cloze renders")
    col.close()
    print("part 4: an English-only deck renders in Anki")


def main():
    binary = os.path.join(ROOT, ".build", "debug", "recall")
    subprocess.run(["swift", "build", "--product", "recall"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory(prefix="recall-anki-") as work:
        part1_exports(binary, work)
        part2_update(binary, work)
        part3_import(binary, work)
        part4_english_only(binary, work)
    print(f"anki-roundtrip: {PASSED} passed, {FAILED} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
