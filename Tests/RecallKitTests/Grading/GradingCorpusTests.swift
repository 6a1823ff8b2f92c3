import Foundation
import Testing

@testable import RecallKit

/// The labelled corpus (`Corpus/answers-*.tsv`): answers engineers type for
/// the bundled cards, each labelled right, partly, wrong or self (the card is
/// self-graded). A row `ref:COMMAND` grades against that command alone (for
/// tools the bundled typed cards do not use). `answers-a.tsv` was written
/// before the grader, `answers-b.tsv` after it, fresh; `answers-zh.tsv` holds
/// Chinese answers, written before the Chinese rules.
///
/// Rerun: `swift test --filter GradingCorpusTests` prints the figures.
@Suite struct GradingCorpusTests {
    struct Row {
        var file: String
        var line: Int
        var card: String
        var answer: String
        var label: String
    }

    static let corpusFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
    static let decksFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Decks")

    static func rows() throws -> [Row] {
        var rows: [Row] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path).filter { $0.hasSuffix(".tsv") }.sorted()
        for file in files {
            let text = try String(contentsOf: corpusFolder.appendingPathComponent(file), encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 3 else {
                    Issue.record("\(file):\(index + 1): expected 3 tab-separated fields, found \(fields.count)")
                    continue
                }
                rows.append(Row(file: file, line: index + 1, card: fields[0], answer: fields[1], label: fields[2]))
            }
        }
        return rows
    }

    static func bundledCards() throws -> [String: Card] {
        var cards: [String: Card] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: decksFolder.path) where file.hasSuffix(".md") && file != "README.md" {
            let text = try String(contentsOf: decksFolder.appendingPathComponent(file), encoding: .utf8)
            let result = DeckParser.parse(text, file: file)
            for card in result.deck?.cards ?? [] { cards[card.qualifiedID] = card }
        }
        return cards
    }

    struct Figures: CustomStringConvertible {
        var right = 0, wrong = 0, selfGraded = 0
        var wrongAccepted = 0, rightRejected = 0, partlyAsRight = 0, selfMismatch = 0
        var rejectRate: Double { right == 0 ? 0 : Double(rightRejected) / Double(right) }
        var description: String {
            "\(right + wrong + selfGraded) answers: \(wrong) wrong, \(wrongAccepted) of them accepted; \(right) right or partly, "
                + "\(rightRejected) of them rejected (\(String(format: "%.1f", rejectRate * 100))%); \(selfGraded) self-graded, \(selfMismatch) mis-routed"
        }
    }

    /// The edit-distance grader this one replaced, on the same typed and cloze answers (it graded
    /// nothing else automatically): the new grader must do better on both counts.
    @Test func theOldGraderDidWorseOnTheSameAnswers() throws {
        let cards = try Self.bundledCards()
        var old = Figures()
        var new = Figures()
        for row in try Self.rows() where row.label != "self" {
            let accepted: [String]
            var tags: [String] = []
            var card: Card?
            if row.card.hasPrefix("ref:") {
                accepted = [String(row.card.dropFirst(4))]
            } else {
                guard let found = cards[row.card], found.kind == .typed || found.kind == .cloze else { continue }
                card = found
                tags = found.tags
                if case .typed(_, let answer, let alternatives) = found.content { accepted = [answer] + alternatives } else { accepted = [found.answerText] }
            }
            let before = EditDistanceGrader.grade(
                row.answer, accepted: accepted,
                isCommand: EditDistanceGrader.looksLikeCommand(accepted, tags: tags)
            ).outcome
            let after =
                card.flatMap { AnswerGrader.grade(row.answer, for: $0)?.outcome }
                ?? AnswerGrader.grade(row.answer, accepted: accepted, as: .command).outcome
            if row.label == "wrong" {
                old.wrong += 1
                new.wrong += 1
                if before != .wrong { old.wrongAccepted += 1 }
                if after != .wrong { new.wrongAccepted += 1 }
            } else {
                old.right += 1
                new.right += 1
                if before == .wrong { old.rightRejected += 1 }
                if after == .wrong { new.rightRejected += 1 }
            }
        }
        print("grading corpus, typed and cloze answers, old edit-distance grader: \(old)")
        print("grading corpus, typed and cloze answers, this grader: \(new)")
        #expect(new.wrongAccepted < old.wrongAccepted)
        #expect(new.rightRejected < old.rightRejected)
    }

    @Test func noWrongAnswerIsAcceptedAndFewRightOnesAreRejected() throws {
        let cards = try Self.bundledCards()
        let rows = try Self.rows()
        var figures: [String: Figures] = [:]
        var usedCards = Set<String>()
        for row in rows {
            var outcome: AnswerGrader.Outcome?
            if row.card.hasPrefix("ref:") {
                outcome = AnswerGrader.grade(row.answer, accepted: [String(row.card.dropFirst(4))], as: .command).outcome
            } else {
                guard let card = cards[row.card] else {
                    Issue.record("\(row.file):\(row.line): no bundled card \(row.card)")
                    continue
                }
                usedCards.insert(card.qualifiedID)
                outcome = AnswerGrader.grade(row.answer, for: card)?.outcome
            }
            for key in [row.file, "all"] {
                var f = figures[key, default: Figures()]
                switch row.label {
                case "wrong":
                    f.wrong += 1
                    if let outcome, outcome != .wrong {
                        f.wrongAccepted += 1
                        if key == "all" { Issue.record("\(row.file):\(row.line): wrong answer graded \(outcome): \(row.card) ← \(row.answer)") }
                    }
                case "right", "partly":
                    f.right += 1
                    if outcome == nil || outcome == .wrong {
                        f.rightRejected += 1
                        if key == "all" { print("rejected \(row.file):\(row.line): \(row.card) ← \(row.answer) (\(row.label))") }
                    }
                case "self":
                    f.selfGraded += 1
                    if outcome != nil { f.selfMismatch += 1 }
                default:
                    Issue.record("\(row.file):\(row.line): unknown label '\(row.label)'")
                }
                figures[key] = f
            }
        }
        for (key, f) in figures.sorted(by: { $0.key < $1.key }) { print("grading corpus \(key): \(f)") }
        print("grading corpus: \(usedCards.count) bundled cards")
        let all = figures["all", default: Figures()]
        #expect(all.wrongAccepted == 0)
        #expect(all.selfMismatch == 0)
        #expect(all.rejectRate < 0.05, "right answers rejected: \(all.rightRejected) of \(all.right)")
        #expect(rows.count >= 400)
        #expect(usedCards.count >= 100)
    }
}
