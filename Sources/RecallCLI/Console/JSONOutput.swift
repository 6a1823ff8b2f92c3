import Foundation
import RecallKit

/// JSON as the commands print it: pretty, keys sorted, so output is stable for scripts and diffs.
enum JSONOutput {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A card's state as `show --json` and `list --json` print it.
struct CardStateJSON: Encodable {
    var repetitions: Int
    var easiness: Double
    var intervalDays: Int
    var due: String?
    var lapses: Int
    var suspended: Bool
    var leech: Bool
    var retired: Bool
    var isNew: Bool

    init(_ stored: StoredCard) {
        let schedule = stored.schedule
        repetitions = schedule.sm2.repetitions
        easiness = schedule.sm2.easiness
        intervalDays = schedule.sm2.intervalDays
        due = schedule.dueDay?.description
        lapses = schedule.lapses
        suspended = stored.record.suspended
        leech = schedule.isLeech
        retired = stored.record.retired
        isNew = schedule.isNew
    }
}

/// A card's content and state, for `list --json` and `show --json`.
struct CardJSON: Encodable {
    var id: String
    var deck: String
    var note: String
    var kind: String
    var question: String
    var answer: String
    var choices: [ChoiceJSON]?
    var alternatives: [String]?
    var explanation: String?
    var source: String?
    var tags: [String]
    var line: Int
    var state: CardStateJSON
    /// The Chinese text, field by field; absent when the card has none.
    var zh: ChineseJSON?
    /// `Related:` notes as `deck/note`; absent when there are none.
    var related: [String]?

    struct ChoiceJSON: Encodable {
        var text: String
        var correct: Bool
    }

    struct ChineseJSON: Encodable {
        var question: String?
        var answer: String?
        var choices: [ChoiceJSON]?
        var explanation: String?
    }

    init(_ stored: StoredCard) {
        let card = stored.card
        id = card.qualifiedID
        deck = card.deckID
        note = card.noteID
        kind = card.kind.rawValue
        question = card.prompt
        answer = card.answerText
        if case .choice(_, let options) = card.content { choices = options.map { ChoiceJSON(text: $0.text, correct: $0.isCorrect) } }
        if case .typed(_, _, let alts) = card.content { alternatives = alts }
        explanation = card.explanation
        source = card.source
        tags = stored.allTags
        line = card.line
        state = CardStateJSON(stored)
        if let chinese = card.chinese {
            zh = ChineseJSON(
                question: card.promptZh, answer: card.answerTextZh,
                choices: chinese.choices.isEmpty ? nil : chinese.choices.map { ChoiceJSON(text: $0.text, correct: $0.isCorrect) },
                explanation: chinese.explanation)
        }
        related = card.related.isEmpty ? nil : card.related
    }
}

/// One review-log row, for `show --json`.
struct ReviewJSON: Encodable {
    var date: String
    var reviewedAt: String
    var grade: Int
    var kind: String
    var durationMs: Int
    var previousRepetitions: Int
    var newRepetitions: Int
    var previousEasiness: Double
    var newEasiness: Double
    var previousIntervalDays: Int
    var newIntervalDays: Int
    var previousDue: String?
    var newDue: String?
    var previousLapses: Int
    var newLapses: Int

    init(_ log: ReviewLogRecord) {
        date = log.studyDay.description
        reviewedAt = log.reviewedAt
        grade = log.grade.value
        kind = log.kind.rawValue
        durationMs = log.durationMs
        previousRepetitions = log.previousRepetitions
        newRepetitions = log.newRepetitions
        previousEasiness = log.previousEasiness
        newEasiness = log.newEasiness
        previousIntervalDays = log.previousIntervalDays
        newIntervalDays = log.newIntervalDays
        previousDue = log.previousDueDay?.description
        newDue = log.newDueDay?.description
        previousLapses = log.previousLapses
        newLapses = log.newLapses
    }
}

extension StudyDay {
    /// `2026-12-01 (tomorrow)`, `2026-12-05 (in 6 days)`.
    func relative(to today: StudyDay) -> String {
        let days = today.distance(to: self)
        switch days {
        case ..<0: return "\(self) (\(-days) day\(days == -1 ? "" : "s") overdue)"
        case 0: return "\(self) (today)"
        case 1: return "\(self) (tomorrow)"
        default: return "\(self) (in \(days) days)"
        }
    }
}
