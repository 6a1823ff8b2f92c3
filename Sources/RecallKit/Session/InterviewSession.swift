import Foundation

/// A mock interview as a state machine: commands in, events out.
///
/// Questions are asked in the drawn order. Each answer is checked the same
/// way `recall review` checks it (``AnswerChecking``): choices by letter,
/// typed, cloze and short answers automatically, open questions by the user
/// against the reference. An empty answer is a skip (it counts as wrong) that
/// still shows the reference. After any automatic verdict the user may
/// overrule it (``Command/overrule``) at the next prompt; the report records
/// that it was overruled. Each attempt is committed as soon as it is given,
/// stamped with the moment it was given; the clock and the seed come in.
public struct InterviewSession {
    public struct Configuration: Hashable, Sendable {
        public var seed: UInt64
        public var timeLimitSeconds: Int?
        /// Also record each answer as an SM-2 review.
        public var reschedule: Bool
        public var dayStartHour: Int
        /// The language questions are shown in: the report records the question and reference as shown.
        public var language: Language

        public init(
            seed: UInt64, timeLimitSeconds: Int? = nil, reschedule: Bool = false, dayStartHour: Int = StudyDay.defaultStartHour,
            language: Language = .default
        ) {
            self.seed = seed
            self.timeLimitSeconds = timeLimitSeconds
            self.reschedule = reschedule
            self.dayStartHour = dayStartHour
            self.language = language
        }
    }

    public enum Awaiting: Hashable, Sendable {
        /// An answer to the current question; `canOverrule` when the previous verdict was automatic.
        case answer(ReviewSession.AnswerPrompt, canOverrule: Bool)
        /// Right, partly or wrong, for an open question.
        case selfGrade
        /// After the last question, when its verdict was automatic: Enter for the report, or overrule it.
        case closing
        case finished
    }

    public enum Command: Hashable, Sendable {
        case answer(String)
        case selfGrade(AnswerGrader.Outcome)
        case overrule
        /// Enter at the closing prompt.
        case close
        case quit
    }

    public struct Question: Hashable, Sendable {
        public var position: Int
        public var total: Int
        public var card: Card
        public var choices: [String]?
        /// `choiceOrder[i]` is the index in the file of the option shown as letter i.
        public var choiceOrder: [Int]?
        public var prompt: ReviewSession.AnswerPrompt
        public var timeLimitSeconds: Int?
    }

    public enum Event: Hashable, Sendable {
        case opening(questions: Int, seed: UInt64, timeLimitSeconds: Int?, reschedule: Bool)
        case question(Question)
        case verdict(AnswerGrader.Outcome, diff: String?)
        case choiceVerdict(AnswerGrader.Outcome, correct: [String])
        case invalidChoice(options: Int)
        /// An empty answer: counted wrong, the reference still shown.
        case skipped
        /// An open question answered: what was typed beside the reference, before the self-grade.
        case compare(given: String, reference: String)
        case late(seconds: Int, limitSeconds: Int)
        /// The answer side: shown after every question.
        case reference(card: Card, answer: String, showAnswer: Bool)
        case overruled(position: Int, cardID: String, now: AnswerGrader.Outcome)
        case cannotOverrule
        case finished(InterviewReport)
    }

    struct Current: Hashable, Sendable {
        var index: Int
        var card: Card
        var section: String
        var shownAt: Date
        var choices: ShuffledChoices?
        var mode: AnswerChecking.Mode
        var given = ""
        var answeredAt: Date?
    }

    public let configuration: Configuration
    let database: RecallDatabase
    let interviewID: Int64
    let questions: [InterviewDraw.Candidate]
    var current: Current?
    var nextIndex = 0
    public private(set) var attempts: [InterviewAttempt] = []
    var attemptIDs: [Int64] = []
    /// The attempt whose automatic verdict may still be overruled.
    var overrulable: Int?
    public private(set) var awaiting: Awaiting = .finished
    public private(set) var report: InterviewReport?

    /// Starts an interview over the drawn `questions`, recording it (with `filter`, the options as typed).
    public init(
        questions: [InterviewDraw.Candidate], database: RecallDatabase, configuration: Configuration,
        filter: String, at moment: Moment
    ) throws {
        self.configuration = configuration
        self.database = database
        self.questions = questions
        let record = try database.startInterview(
            InterviewRecord(
                id: nil, startedAt: moment.iso8601, studyDay: moment.studyDay(startHour: configuration.dayStartHour),
                seed: Int64(bitPattern: configuration.seed), questionCount: questions.count,
                timeLimitSeconds: configuration.timeLimitSeconds, rescheduled: configuration.reschedule, filter: filter))
        interviewID = record.id ?? 0
    }

    public var currentCard: Card? { current?.card }

    public mutating func start(at moment: Moment) throws -> [Event] {
        var events: [Event] = [
            .opening(
                questions: questions.count, seed: configuration.seed,
                timeLimitSeconds: configuration.timeLimitSeconds, reschedule: configuration.reschedule)
        ]
        try advance(at: moment, &events)
        return events
    }

    public mutating func handle(_ command: Command, at moment: Moment) throws -> [Event] {
        var events: [Event] = []
        switch (command, awaiting) {
        case (_, .finished):
            return []
        case (.quit, _):
            finish(at: moment, &events)
        case (.overrule, _):
            try overrule(at: moment, &events)
        case (.answer(let text), .answer):
            try answer(text, at: moment, &events)
        case (.selfGrade(let outcome), .selfGrade):
            try conclude(outcome, automatic: false, at: moment, &events)
        case (.close, .closing), (.answer, .closing):
            finish(at: moment, &events)
        case (.selfGrade, _), (.close, _), (.answer, .selfGrade):
            break
        }
        return events
    }

    private mutating func answer(_ text: String, at moment: Moment, _ events: inout [Event]) throws {
        guard var current else { return }
        let given = text.trimmingCharacters(in: .whitespaces)
        current.given = given
        current.answeredAt = moment.instant
        self.current = current
        if given.isEmpty {
            events.append(.skipped)
            try conclude(.wrong, automatic: false, at: moment, &events)
            return
        }
        switch current.mode {
        case .choice:
            guard let choices = current.choices, let picks = choices.picks(given) else {
                events.append(.invalidChoice(options: current.choices?.choices.count ?? 0))
                return
            }
            let outcome = choices.outcome(picks)
            self.current?.given = picks.sorted().map(Letters.letter).joined(separator: " ")
            events.append(.choiceVerdict(outcome, correct: choices.correct.sorted().map(Letters.letter)))
            try conclude(outcome, automatic: true, at: moment, &events)
        case .automatic:
            let result = AnswerChecking.grade(given, card: current.card)
            events.append(.verdict(result.outcome, diff: result.diff))
            try conclude(result.outcome, automatic: true, at: moment, &events)
        case .selfGraded(let reference):
            events.append(.compare(given: given, reference: reference))
            awaiting = .selfGrade
        }
    }

    /// Records the attempt, shows the lateness and the reference, and moves on.
    private mutating func conclude(_ outcome: AnswerGrader.Outcome, automatic: Bool, at moment: Moment, _ events: inout [Event]) throws {
        guard let current else { return }
        let answeredAt = current.answeredAt ?? moment.instant
        let durationMs = max(0, Int((answeredAt.timeIntervalSince(current.shownAt) * 1000).rounded()))
        let late = configuration.timeLimitSeconds.map { durationMs > $0 * 1000 } ?? false
        if late, let limit = configuration.timeLimitSeconds {
            events.append(.late(seconds: durationMs / 1000, limitSeconds: limit))
        }
        let card = current.card
        let shown = card.text(in: configuration.language)
        let attempt = InterviewAttempt(
            position: current.index + 1, cardID: card.qualifiedID, deckID: card.deckID, section: current.section, kind: card.kind,
            question: shown.prompt, answer: current.given, outcome: outcome, late: late,
            credit: InterviewScoring.credit(outcome, late: late), durationMs: durationMs,
            reference: shown.answer, automatic: automatic)
        let today = moment.studyDay(startHour: configuration.dayStartHour)
        let answeredMoment = Moment(instant: answeredAt, timeZone: moment.timeZone)
        let record = try database.recordInterviewAttempt(
            InterviewAttemptRecord(
                id: nil, interviewID: interviewID, position: attempt.position, cardID: attempt.cardID,
                answer: attempt.answer, outcome: outcome, credit: attempt.credit, late: late,
                durationMs: durationMs, answeredAt: answeredMoment.iso8601, reviewLogID: nil),
            review: configuration.reschedule ? (InterviewScoring.reviewGrade(outcome, late: late), answeredMoment, today) : nil)
        attempts.append(attempt)
        attemptIDs.append(record.id ?? 0)
        overrulable = automatic ? attempts.count - 1 : nil
        events.append(.reference(card: card, answer: card.answerText, showAnswer: !(current.mode.isSelfGraded && !current.given.isEmpty)))
        self.current = nil
        try advance(at: moment, &events)
    }

    private mutating func overrule(at moment: Moment, _ events: inout [Event]) throws {
        guard let index = overrulable, index < attempts.count else {
            events.append(.cannotOverrule)
            return
        }
        var attempt = attempts[index]
        let outcome = AnswerChecking.overruled(attempt.outcome)
        attempt.outcome = outcome
        attempt.credit = InterviewScoring.credit(outcome, late: attempt.late)
        attempt.overruled = true
        let today = moment.studyDay(startHour: configuration.dayStartHour)
        try database.overruleInterviewAttempt(
            id: attemptIDs[index], outcome: outcome, credit: attempt.credit,
            review: configuration.reschedule ? (InterviewScoring.reviewGrade(outcome, late: attempt.late), moment, today) : nil)
        attempts[index] = attempt
        overrulable = nil
        if case .answer(let prompt, _) = awaiting { awaiting = .answer(prompt, canOverrule: false) }
        events.append(.overruled(position: attempt.position, cardID: attempt.cardID, now: outcome))
        if awaiting == .closing { finish(at: moment, &events) }
    }

    private mutating func advance(at moment: Moment, _ events: inout [Event]) throws {
        while nextIndex < questions.count {
            let question = questions[nextIndex]
            let index = nextIndex
            nextIndex += 1
            guard let stored = try database.card(id: question.cardID) else { continue }
            let card = stored.card
            let (mode, choices, prompt) = AnswerChecking.presentation(of: card, seed: configuration.seed, typedRequired: true)
            current = Current(index: index, card: card, section: question.section, shownAt: moment.instant, choices: choices, mode: mode)
            awaiting = .answer(prompt, canOverrule: overrulable != nil)
            events.append(
                .question(
                    Question(
                        position: index + 1, total: questions.count, card: card, choices: choices?.texts,
                        choiceOrder: choices?.order, prompt: prompt, timeLimitSeconds: configuration.timeLimitSeconds)))
            return
        }
        if overrulable != nil {
            awaiting = .closing
        } else {
            finish(at: moment, &events)
        }
    }

    private mutating func finish(at moment: Moment, _ events: inout [Event]) {
        current = nil
        awaiting = .finished
        let report = InterviewReport(
            date: moment.studyDay(startHour: configuration.dayStartHour), seed: configuration.seed,
            questionsAsked: questions.count, timeLimitSeconds: configuration.timeLimitSeconds,
            interviewID: interviewID, attempts: attempts)
        self.report = report
        events.append(.finished(report))
    }
}

extension AnswerChecking.Mode {
    var isSelfGraded: Bool {
        if case .selfGraded = self { return true }
        return false
    }
}
