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
    /// The reference answer, shown beside the answer given.
    public var reference: String
    /// The verdict was given by the grader (not by the user, not a skip).
    public var automatic: Bool
    /// The user overruled the automatic verdict; `outcome` is the user's.
    public var overruled: Bool

    public init(
        position: Int, cardID: String, deckID: String, section: String, kind: CardKind, question: String,
        answer: String, outcome: AnswerGrader.Outcome, late: Bool, credit: Double, durationMs: Int,
        reference: String = "", automatic: Bool = false, overruled: Bool = false
    ) {
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
        self.reference = reference
        self.automatic = automatic
        self.overruled = overruled
    }

    /// An empty answer.
    public var skipped: Bool { answer.trimmingCharacters(in: .whitespaces).isEmpty }
}

/// How an interview answer is scored: right 1, partly right 0.5, wrong 0; an
/// answer given after the time limit keeps its outcome but earns half.
public enum InterviewScoring {
    public static let lateFactor = 0.5

    public static func credit(_ outcome: AnswerGrader.Outcome, late: Bool) -> Double {
        let base: Double =
            switch outcome {
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

    /// Missed: not right, or right but late. `review --missed` drills these.
    public static func isMissed(_ outcome: AnswerGrader.Outcome, late: Bool) -> Bool {
        outcome != .right || late
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
///
/// The JSON shape is versioned by ``version`` (docs/json.md).
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

    /// A missed card with what was asked, what was answered and the reference.
    public struct Missed: Hashable, Sendable, Codable {
        public var position: Int
        public var cardID: String
        public var deckID: String
        public var outcome: AnswerGrader.Outcome
        public var late: Bool
        public var overruled: Bool
        public var question: String
        /// Empty when the question was skipped.
        public var answer: String
        public var reference: String
    }

    /// A next step: the exact command and why.
    public struct Step: Hashable, Sendable, Codable {
        public var command: String
        public var why: String
    }

    /// The JSON shape's version: 2 added `missed` with questions, answers and references, `studyNext` as commands, `aborted`.
    public static let version = 2

    public var version = InterviewReport.version
    /// The interview's number in `recall interview --history` (for `recall review --missed ID`).
    public var interviewID: Int64
    public var date: String
    public var seed: UInt64
    public var questionsAsked: Int
    public var timeLimitSeconds: Int?
    /// Stopped before the last question.
    public var aborted: Bool
    public var overall: Group
    public var bySection: [Group]
    public var byDeck: [Group]
    public var byKind: [Group]
    public var averageSeconds: Double
    public var attempts: [InterviewAttempt]
    public var missed: [Missed]
    public var studyNext: [Step]

    /// The weakest decks named in "study next".
    public static let weakestDecksNamed = 3

    public init(date: StudyDay, seed: UInt64, questionsAsked: Int, timeLimitSeconds: Int?, interviewID: Int64 = 0, attempts: [InterviewAttempt]) {
        self.interviewID = interviewID
        self.date = date.description
        self.seed = seed
        self.questionsAsked = questionsAsked
        self.timeLimitSeconds = timeLimitSeconds
        self.attempts = attempts
        aborted = attempts.count < questionsAsked
        overall = Self.group("overall", attempts)
        bySection = Self.groups(attempts, by: \.section)
        byDeck = Self.groups(attempts, by: \.deckID)
        byKind = Self.groups(attempts, by: \.kind.rawValue)
        averageSeconds = attempts.isEmpty ? 0 : Double(attempts.map(\.durationMs).reduce(0, +)) / Double(attempts.count) / 1000
        let ranked = attempts.filter { InterviewScoring.isMissed($0.outcome, late: $0.late) }
            .sorted { (Self.rank($0), $0.position) < (Self.rank($1), $1.position) }
        missed = ranked.map {
            Missed(
                position: $0.position, cardID: $0.cardID, deckID: $0.deckID, outcome: $0.outcome, late: $0.late, overruled: $0.overruled,
                question: $0.question, answer: $0.answer, reference: $0.reference)
        }
        var steps: [Step] = []
        if !missed.isEmpty {
            steps.append(
                Step(
                    command: "recall review --missed \(interviewID)",
                    why: "drill the \(missed.count) missed card\(missed.count == 1 ? "" : "s") now, recorded as reviews"))
        }
        let weakDecks = byDeck.filter { $0.percent < 100 }.sorted { ($0.percent, $0.name) < ($1.percent, $1.name) }.prefix(Self.weakestDecksNamed)
        if !weakDecks.isEmpty {
            steps.append(
                Step(
                    command: "recall review " + weakDecks.map { "--deck \($0.name)" }.joined(separator: " "),
                    why: "today's queue in the weakest deck\(weakDecks.count == 1 ? "" : "s"): "
                        + weakDecks.map { "\($0.name) \($0.percent)%" }.joined(separator: ", ")))
        }
        if bySection.count > 1, let weakest = bySection.min(by: { ($0.percent, $0.name) < ($1.percent, $1.name) }), weakest.percent < 100 {
            steps.append(
                Step(
                    command: "recall interview --section \"\(weakest.name)\"",
                    why: "another interview on the weakest section (\(weakest.percent)%)"))
        }
        studyNext = steps
    }

    private static func rank(_ attempt: InterviewAttempt) -> Int {
        switch attempt.outcome {
        case .wrong: 0
        case .partly: 1
        case .right: 2
        }
    }

    static func group(_ name: String, _ attempts: [InterviewAttempt]) -> Group {
        return Group(
            name: name, answered: attempts.count,
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

    /// `wrong`, `partly, late`, `right (overruled)`.
    static func result(_ outcome: AnswerGrader.Outcome, late: Bool, overruled: Bool, skipped: Bool = false) -> String {
        (skipped ? "skipped" : outcome.label) + (late ? ", late" : "") + (overruled ? " (overruled)" : "")
    }

    public var text: String {
        var lines: [String] = []
        lines.append("Interview report · \(date) · seed \(seed)" + (aborted ? " · stopped after \(attempts.count) of \(questionsAsked)" : ""))
        lines.append(
            "Score: \(overall.percent)% (\(overall.right) right, \(overall.partly) partly, \(overall.wrong) wrong"
                + (overall.late > 0 ? ", \(overall.late) late" : "") + ") over \(overall.answered) of \(questionsAsked) questions")
        lines.append("Time: \(Self.seconds(averageSeconds)) a question on average" + (timeLimitSeconds.map { ", limit \($0)s" } ?? ""))
        for (title, groups) in [("By section", bySection), ("By deck", byDeck), ("By kind", byKind)] where !groups.isEmpty {
            lines.append("\(title):")
            let width = groups.map(\.name.count).max() ?? 0
            for group in groups {
                lines.append(
                    "  \(group.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(group.percent).leftPadded(3))%  \(group.right)/\(group.answered) right"
                )
            }
        }
        if !attempts.isEmpty { lines.append("Questions:") }
        for attempt in attempts {
            let result = Self.result(attempt.outcome, late: attempt.late, overruled: attempt.overruled, skipped: attempt.skipped)
            lines.append(
                "  \(String(attempt.position).leftPadded(2)). \(result + String(repeating: " ", count: max(0, 7 - result.count)))  \(Self.seconds(Double(attempt.durationMs) / 1000))  \(attempt.cardID)"
            )
        }
        if !missed.isEmpty {
            lines.append("Missed:")
            for card in missed {
                lines.append(
                    "  \(card.position). \(card.cardID) · \(Self.result(card.outcome, late: card.late, overruled: card.overruled, skipped: card.answer.isEmpty))"
                )
                lines.append("     Question:  " + card.question.replacingOccurrences(of: "\n", with: " "))
                lines.append("     You:       " + (card.answer.isEmpty ? "(skipped)" : card.answer))
                lines.append("     Reference: " + card.reference.replacingOccurrences(of: "\n", with: " "))
            }
        }
        if !studyNext.isEmpty {
            lines.append("Study next:")
            lines += studyNext.map { "  \($0.command)  — \($0.why)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var markdown: String {
        var lines: [String] = []
        lines.append("# Interview report, \(date)")
        lines.append("")
        lines.append(
            "**Score: \(overall.percent)%** — \(overall.right) right, \(overall.partly) partly right, \(overall.wrong) wrong"
                + (overall.late > 0 ? " (\(overall.late) late)" : "") + ", \(overall.answered) of \(questionsAsked) questions answered"
                + (aborted ? " (stopped early)" : "") + ". "
                + "Average \(Self.seconds(averageSeconds)) a question" + (timeLimitSeconds.map { " (limit \($0)s)" } ?? "")
                + ". Seed \(seed).")
        for (title, groups) in [("By section", bySection), ("By deck", byDeck), ("By card kind", byKind)] where !groups.isEmpty {
            lines += ["", "## \(title)", "", "| \(title.dropFirst(3)) | score | right | partly | wrong | late |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
            lines += groups.map { "| \($0.name) | \($0.percent)% | \($0.right) | \($0.partly) | \($0.wrong) | \($0.late) |" }
        }
        if !attempts.isEmpty {
            lines += ["", "## Questions", "", "| # | card | result | time |", "| ---: | --- | --- | ---: |"]
            lines += attempts.map {
                "| \($0.position) | `\($0.cardID)` | \(Self.result($0.outcome, late: $0.late, overruled: $0.overruled, skipped: $0.skipped)) | \(Self.seconds(Double($0.durationMs) / 1000)) |"
            }
        }
        if !missed.isEmpty {
            lines += ["", "## Missed"]
            for card in missed {
                lines += [
                    "",
                    "### \(card.position). `\(card.cardID)` — \(Self.result(card.outcome, late: card.late, overruled: card.overruled, skipped: card.answer.isEmpty))",
                    "",
                    "- **Question:** " + Self.inline(card.question),
                    "- **Your answer:** " + (card.answer.isEmpty ? "*(skipped)*" : Self.inline(card.answer)),
                    "- **Reference:** " + Self.inline(card.reference),
                ]
            }
        }
        if !studyNext.isEmpty {
            lines += ["", "## Study next", ""]
            lines += studyNext.map { "- `\($0.command)` — \($0.why)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line of Markdown: line breaks become spaces.
    static func inline(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
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
