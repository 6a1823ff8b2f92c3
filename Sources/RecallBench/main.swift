// The Swift side of Scripts/bench.sh: what cannot be timed from outside a
// process. Not part of Recall; the script builds and runs it.
//
//   recall-bench history DB DECK-DIR CARDS REVIEWS TODAY ANSWERS-TODAY
//       a deck of CARDS basic cards and REVIEWS answers over the year before
//       TODAY (YYYY-MM-DD, ANSWERS-TODAY of them on TODAY), written through
//       the facade's bulk import in one transaction
//   recall-bench answer DB TODAY COUNT
//       answers COUNT queued cards as the review loop does (record the answer,
//       read the next card); prints the latencies' p50 and p99 in ms as JSON
//   recall-bench grade ANSWERS.tsv DECK-DIR
//       grades each row (card id, answer, label) of a labelled answer set
//       against the decks in DECK-DIR, with AnswerGrader as `recall grade
//       --answer` calls it, in one process (Scripts/measure-answers.py --bench);
//       prints the row with the verdict and the accepted answer, tab-separated
import Foundation
import RecallKit

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("recall-bench: \(message)\n".utf8))
    exit(2)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail("usage: recall-bench history|answer ...") }

/// The card text the TSV generator of Scripts/bench-data.py writes, so that both tools hold the same deck.
func benchCard(_ index: Int) -> Card {
    Card(
        deckID: "bench", id: "q-\(index)", noteID: "q-\(index)",
        content: .basic(question: "Question number \(index) about topic \(index % 97)?", answer: "Answer \(index)"),
        tags: ["topic\(index % 97)"])
}

switch arguments[1] {
case "history":
    guard arguments.count == 8, let cards = Int(arguments[4]), let reviews = Int(arguments[5]),
        let today = StudyDay(arguments[6]), let answersToday = Int(arguments[7]), cards > 0
    else { fail("usage: recall-bench history DB DECK-DIR CARDS REVIEWS TODAY ANSWERS-TODAY") }
    let database = try RecallDatabase(path: arguments[2])
    let path = URL(fileURLWithPath: arguments[3]).appending(path: "bench.md").path
    let deck = Deck(id: "bench", title: "Bench", section: "Bench", cards: (0..<cards).map(benchCard))
    let draft = try DeckFileDraft(deck, path: path)
    var generator = SeededGenerator(seed: 11)
    var log: [ReviewLogRecord] = []
    log.reserveCapacity(reviews)
    var states: [String: ImportedCardState] = [:]
    var schedules = [CardSchedule](repeating: .new, count: cards)
    let start = today.adding(days: -365)
    for index in 0..<reviews {
        let card = index % cards
        let day = index >= reviews - answersToday ? today : start.adding(days: index * 365 / max(1, reviews - answersToday))
        let grade = Grade([5, 4, 4, 3, 2][index % 5]) ?? .perfect
        let before = schedules[card]
        let after = Scheduler.answer(before, grade: grade, today: day).schedule
        schedules[card] = after
        let ms = Int64(day.daysSinceEpoch) * 86_400_000 + 36_000_000 + Int64(index % 3_600_000)
        log.append(
            ReviewLogRecord(
                uuid: AnswerID(unixMilliseconds: ms, using: &generator), cardID: "bench/q-\(card)",
                answeredAt: AnswerTime(unixMilliseconds: ms, utcOffsetMinutes: 0), studyDay: day, grade: grade,
                durationMs: 3_000 + index % 5_000, kind: before.isNew ? .new : .review,
                previousRepetitions: before.sm2.repetitions, newRepetitions: after.sm2.repetitions,
                previousEasiness: before.sm2.easiness, newEasiness: after.sm2.easiness,
                previousIntervalDays: before.sm2.intervalDays, newIntervalDays: after.sm2.intervalDays,
                previousDueDay: before.dueDay, newDueDay: after.dueDay, previousLapses: before.lapses, newLapses: after.lapses,
                previousLeech: before.isLeech, newLeech: after.isLeech))
    }
    for (index, schedule) in schedules.enumerated() where !schedule.isNew {
        states["q-\(index)"] = ImportedCardState(schedule: schedule)
    }
    try database.importDeck(
        draft.loaded, states: states, reviews: log,
        writeFile: {
            try Data(draft.text.utf8).write(to: URL(fileURLWithPath: path))
        }, removeFile: { try? FileManager.default.removeItem(atPath: path) })
case "answer":
    guard arguments.count == 5, let today = StudyDay(arguments[3]), let count = Int(arguments[4]) else {
        fail("usage: recall-bench answer DB TODAY COUNT")
    }
    let database = try RecallDatabase(path: arguments[2])
    let queue = ReviewQueue.build(
        try database.queueCandidates(today: today, dueLimit: count, newPerDeck: count), today: today,
        limits: .init(newCards: count, reviews: count, total: count))
    guard var current = try queue.first.flatMap({ try database.card(id: $0.cardID) }) else { fail("nothing to answer") }
    var latencies: [Double] = []
    for index in 0..<queue.count {
        let started = DispatchTime.now().uptimeNanoseconds
        let moment = Moment(instant: Date(), timeZone: .current)
        try database.recordAnswer(cardID: current.card.qualifiedID, grade: Grade(4) ?? .perfect, at: moment, today: today, durationMs: 1_000)
        if index + 1 < queue.count, let next = try database.card(id: queue[index + 1].cardID) { current = next }
        latencies.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
    }
    latencies.sort()
    func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.down)))] }
    print("{\"answers\": \(latencies.count), \"p50_ms\": \(percentile(0.5)), \"p99_ms\": \(percentile(0.99))}")
case "grade":
    guard arguments.count == 4 else { fail("usage: recall-bench grade ANSWERS.tsv DECK-DIR") }
    let folder = URL(fileURLWithPath: arguments[3])
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
    let files = try names.map { DeckFile(path: $0, bytes: Array(try Data(contentsOf: folder.appending(path: $0)))) }
    let cards = Dictionary(DeckLoader.load(files).decks.flatMap(\.deck.cards).map { ($0.qualifiedID, $0) }) { first, _ in first }
    let rows = try String(contentsOfFile: arguments[2], encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
    var out = ""
    for row in rows {
        let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3 else { continue }
        // One line each: tabs and newlines cannot occur in the fields the set holds, nor in the verdict.
        let (verdict, expected): (String, String)
        if let card = cards[fields[0]] {
            if let graded = AnswerGrader.grade(fields[1], for: card) {
                (verdict, expected) = (graded.outcome.rawValue, graded.expected)
            } else {
                (verdict, expected) = ("self", "")
            }
        } else {
            (verdict, expected) = ("error", "no card \(fields[0])")
        }
        out += fields.joined(separator: "\t") + "\t" + verdict + "\t" + expected.replacingOccurrences(of: "\n", with: " ") + "\n"
    }
    FileHandle.standardOutput.write(Data(out.utf8))
default:
    fail("unknown command \(arguments[1])")
}
