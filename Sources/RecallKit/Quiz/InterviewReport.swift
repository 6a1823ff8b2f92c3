import Foundation

/// One answered question of a mock interview.
public struct InterviewAttempt: Hashable, Sendable, Codable {
    public var position: Int
    public var cardID: String
    public var deckID: String
    public var section: String
    public var kind: CardKind
    public var question: String
    public var answer: String
    public var outcome: AnswerGrader.Outcome
    public var late: Bool
    public var credit: Double
    public var durationMs: Int

    public init(position: Int, cardID: String, deckID: String, section: String, kind: CardKind, question: String,
                answer: String, outcome: AnswerGrader.Outcome, late: Bool, credit: Double, durationMs: Int) {
        self.position = position
        self.cardID = cardID
        self.deckID = deckID
        self.section = section
        self.kind = kind
        self.question = question
        self.answer = answer
        self.outcome = outcome
        self.late = late
        self.credit = credit
        self.durationMs = durationMs
    }
}

/// How an interview answer is scored: right 1, partly right 0.5, wrong 0; an
/// answer given after the time limit keeps its outcome but earns half.
public enum InterviewScoring {
    public static let lateFactor = 0.5

    public static func credit(_ outcome: AnswerGrader.Outcome, late: Bool) -> Double {
        let base: Double = switch outcome {
        case .right: 1
        case .partly: AnswerGrader.partialCredit
        case .wrong: 0
        }
        return late ? base * lateFactor : base
    }

    /// The SM-2 grade an interview answer is recorded with under `--reschedule`:
    /// right 5 (4 when late), partly 3, wrong 1.
    /// Credit earned over questions answered, as a whole percentage (0 when none were answered).
    public static func percent(_ credits: [Double]) -> Int {
        credits.isEmpty ? 0 : Int((100 * credits.reduce(0, +) / Double(credits.count)).rounded())
    }

    public static func reviewGrade(_ outcome: AnswerGrader.Outcome, late: Bool) -> Grade {
        switch outcome {
        case .right: late ? Grade(4) ?? .hard : .perfect
        case .partly: .hard
        case .wrong: .wrong
        }
    }
}

/// The closing report of a mock interview: built from the attempts, rendered as
/// text, Markdown or JSON. Pure, so the same attempts give the same bytes.
public struct InterviewReport: Hashable, Sendable, Codable {
    public struct Group: Hashable, Sendable, Codable {
        public var name: String
        public var answered: Int
        public var right: Int
        public var partly: Int
        public var wrong: Int
        public var late: Int
        /// Credit earned over questions answered, 0–100.
        public var percent: Int
    }

    public var date: String
    public var seed: UInt64
    public var questionsAsked: Int
    public var timeLimitSeconds: Int?
    public var overall: Group
    public var bySection: [Group]
    public var byDeck: [Group]
    public var byKind: [Group]
    public var averageSeconds: Double
    public var attempts: [InterviewAttempt]
    public var missed: [String]
    public var studyNext: [String]

    public init(date: StudyDay, seed: UInt64, questionsAsked: Int, timeLimitSeconds: Int?, attempts: [InterviewAttempt]) {
        self.date = date.description
        self.seed = seed
        self.questionsAsked = questionsAsked
        self.timeLimitSeconds = timeLimitSeconds
        self.attempts = attempts
        overall = Self.group("overall", attempts)
        bySection = Self.groups(attempts, by: \.section)
        byDeck = Self.groups(attempts, by: \.deckID)
        byKind = Self.groups(attempts, by: \.kind.rawValue)
        averageSeconds = attempts.isEmpty ? 0 : Double(attempts.map(\.durationMs).reduce(0, +)) / Double(attempts.count) / 1000
        let ranked = attempts.filter { $0.outcome != .right || $0.late }
            .sorted { (Self.rank($0), $0.position) < (Self.rank($1), $1.position) }
        missed = ranked.map(\.cardID)
        var next = ranked.prefix(5).map { "\($0.cardID) — \($0.question)" }
        if bySection.count > 1, let weakest = bySection.min(by: { ($0.percent, $0.name) < ($1.percent, $1.name) }), weakest.percent < 100 {
            next.append("the \(weakest.name) section (\(weakest.percent)%): `recall review --deck` its decks, or `recall interview --section \"\(weakest.name)\"`")
        }
        studyNext = next
    }

    private static func rank(_ attempt: InterviewAttempt) -> Int {
        switch attempt.outcome {
        case .wrong: 0
        case .partly: 1
        case .right: 2
        }
    }

    static func group(_ name: String, _ attempts: [InterviewAttempt]) -> Group {
        return Group(name: name, answered: attempts.count,
                     right: attempts.filter { $0.outcome == .right }.count,
                     partly: attempts.filter { $0.outcome == .partly }.count,
                     wrong: attempts.filter { $0.outcome == .wrong }.count,
                     late: attempts.filter(\.late).count,
                     percent: InterviewScoring.percent(attempts.map(\.credit)))
    }

    static func groups(_ attempts: [InterviewAttempt], by key: (InterviewAttempt) -> String) -> [Group] {
        Dictionary(grouping: attempts, by: key).map { group($0.key, $0.value) }.sorted { $0.name < $1.name }
    }

    // MARK: Rendering

    public var text: String {
        var lines: [String] = []
        lines.append("Interview report · \(date) · seed \(seed)")
        lines.append("Score: \(overall.percent)% (\(overall.right) right, \(overall.partly) partly, \(overall.wrong) wrong"
                     + (overall.late > 0 ? ", \(overall.late) late" : "") + ") over \(overall.answered) of \(questionsAsked) questions")
        lines.append("Time: \(Self.seconds(averageSeconds)) a question on average" + (timeLimitSeconds.map { ", limit \($0)s" } ?? ""))
        for (title, groups) in [("By section", bySection), ("By deck", byDeck), ("By kind", byKind)] {
            lines.append("\(title):")
            let width = groups.map(\.name.count).max() ?? 0
            for group in groups {
                lines.append("  \(group.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(group.percent).leftPadded(3))%  \(group.right)/\(group.answered) right")
            }
        }
        lines.append("Questions:")
        for attempt in attempts {
            lines.append("  \(String(attempt.position).leftPadded(2)). \(attempt.outcome.label.padding(toLength: 6, withPad: " ", startingAt: 0))\(attempt.late ? " late" : "")  \(Self.seconds(Double(attempt.durationMs) / 1000))  \(attempt.cardID)")
        }
        if !missed.isEmpty { lines.append("Missed: " + missed.joined(separator: ", ")) }
        if !studyNext.isEmpty {
            lines.append("Study next:")
            lines += studyNext.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var markdown: String {
        var lines: [String] = []
        lines.append("# Interview report, \(date)")
        lines.append("")
        lines.append("**Score: \(overall.percent)%** — \(overall.right) right, \(overall.partly) partly right, \(overall.wrong) wrong"
                     + (overall.late > 0 ? " (\(overall.late) late)" : "") + ", \(overall.answered) of \(questionsAsked) questions answered. "
                     + "Average \(Self.seconds(averageSeconds)) a question" + (timeLimitSeconds.map { " (limit \($0)s)" } ?? "")
                     + ". Seed \(seed).")
        for (title, groups) in [("By section", bySection), ("By deck", byDeck), ("By card kind", byKind)] {
            lines += ["", "## \(title)", "", "| \(title.dropFirst(3)) | score | right | partly | wrong | late |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
            lines += groups.map { "| \($0.name) | \($0.percent)% | \($0.right) | \($0.partly) | \($0.wrong) | \($0.late) |" }
        }
        lines += ["", "## Questions", "", "| # | card | result | time |", "| ---: | --- | --- | ---: |"]
        lines += attempts.map { "| \($0.position) | `\($0.cardID)` | \($0.outcome.label)\($0.late ? ", late" : "") | \(Self.seconds(Double($0.durationMs) / 1000)) |" }
        if !studyNext.isEmpty {
            lines += ["", "## Study next", ""]
            lines += studyNext.map { "- \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.1fs", value)
    }
}

extension AnswerGrader.Outcome {
    public var label: String {
        switch self {
        case .right: "right"
        case .partly: "partly"
        case .wrong: "wrong"
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
