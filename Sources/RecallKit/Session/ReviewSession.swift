import Foundation

/// The daily drill as a state machine: commands in, events out.
///
/// The session holds the day's queue, the same-day re-drill and an undo
/// stack; it reads and writes the database through the facade, and reads no
/// clock: every command comes with the moment it was given, so each answer
/// is stamped when it was given and filed under its own study day. The
/// shell renders the events and turns typed lines into commands
/// (``SessionInput``).
///
/// The re-drill (SM-2's same-day rule): a card graded below 4 comes back
/// until it is graded 4 or 5, but only after `redrillGapCards` other cards
/// or `redrillGapMinutes` minutes, whichever comes first; a waiting card is
/// asked early only when nothing else is left, never twice in a row while
/// another card waits, and when it is the only card left the session says so
/// and asks whether to go on (``Awaiting/goOn(cardID:)``).
///
/// Undo is a stack of the last ``undoDepth`` actions of any kind (grade,
/// skip, suspend, overrule), each restored exactly: the database change is
/// reversed and the session goes back to where it stood before the action.
public struct ReviewSession {
    public struct Configuration: Hashable, Sendable {
        public var dayStartHour: Int
        public var redrillGapCards: Int
        public var redrillGapMinutes: Int
        /// Seed for the order of multiple-choice options.
        public var seed: UInt64

        public init(dayStartHour: Int = StudyDay.defaultStartHour, redrillGapCards: Int = 4, redrillGapMinutes: Int = 10, seed: UInt64 = 0) {
            self.dayStartHour = dayStartHour
            self.redrillGapCards = redrillGapCards
            self.redrillGapMinutes = redrillGapMinutes
            self.seed = seed
        }

        public init(settings: Settings, seed: UInt64) {
            self.init(
                dayStartHour: settings.dayStartHour, redrillGapCards: settings.redrillGapCards,
                redrillGapMinutes: settings.redrillGapMinutes, seed: seed)
        }
    }

    /// What the session waits for.
    public enum Awaiting: Hashable, Sendable {
        case answer(AnswerPrompt)
        /// A grade 0–5; `suggestion` is what Enter accepts; `canOverrule` when an automatic verdict was given.
        case grade(suggestion: Grade?, canOverrule: Bool)
        /// Only this card is left, and it was just asked: go on with it, or quit.
        case goOn(cardID: String)
        case finished
    }

    public enum AnswerPrompt: Hashable, Sendable {
        case choice(options: Int, multiple: Bool)
        /// A typed, cloze or short basic answer, graded automatically.
        case typed(required: Bool)
        /// A long answer the user compares with the reference.
        case open
    }

    public enum Command: Hashable, Sendable {
        /// What was typed at the answer prompt; empty reveals.
        case answer(String)
        case grade(Grade)
        /// Enter at the grade prompt: the suggested grade.
        case acceptSuggestion
        case overrule
        case undo
        case skip
        case suspend
        /// Go on with the only card left.
        case goOn
        case quit
    }

    /// A card as shown.
    public struct Shown: Hashable, Sendable {
        public var position: Int
        public var total: Int
        public var card: Card
        public var kind: ReviewQueue.EntryKind
        /// The options in the order shown, for a choice card.
        public var choices: [String]?
        /// `choiceOrder[i]` is the index in the file of the option shown as letter i (to show a translation in the same order).
        public var choiceOrder: [Int]?
        public var prompt: AnswerPrompt
    }

    /// The answer side, shown after the user answers or reveals.
    public struct Reference: Hashable, Sendable {
        public var card: Card
        public var answer: String
        public var alternatives: [String]
        /// What the user typed for an open question, shown beside the reference.
        public var given: String?
        /// nil for a re-drill, which leaves the schedule alone.
        public var preview: IntervalPreview?
    }

    public enum UndoneAction: Hashable, Sendable {
        case grade(cardID: String, grade: Grade)
        case skip(cardID: String)
        case suspend(cardID: String)
        case overrule(cardID: String)
    }

    public struct Summary: Hashable, Sendable {
        public var answers = 0
        public var passed = 0
        public var skipped = 0
        public var suspended = 0
        public var elapsedMs = 0
        public var failed: Int { answers - passed }
    }

    public enum Event: Hashable, Sendable {
        case opening(today: StudyDay, due: Int, new: Int, redrill: Int)
        case nothingDue(today: StudyDay)
        case question(Shown)
        case verdict(AnswerGrader.Outcome, diff: String?)
        /// A choice answered: the outcome and the right letters.
        case choiceVerdict(AnswerGrader.Outcome, correct: [String])
        case invalidChoice(options: Int, multiple: Bool)
        case reference(Reference)
        case needGrade
        case overruled(AnswerGrader.Outcome, suggestion: Grade)
        case cannotOverrule
        case saved(next: StudyDay?, today: StudyDay, redrill: Bool)
        case becameLeech(lapses: Int)
        case skipped(cardID: String, until: StudyDay)
        case suspended(cardID: String)
        case undone(UndoneAction)
        case nothingToUndo
        /// The database refused to undo (a later answer to the card exists).
        case cannotUndo(cardID: String)
        /// The only card left is the one just asked.
        case onlyCardLeft(cardID: String)
        case summary(Summary)
    }

    /// How many actions undo remembers.
    public static let undoDepth = 30

    struct Redrill: Hashable, Sendable {
        var cardID: String
        /// Available once this many cards have been shown in the session…
        var afterShown: Int
        /// …or from this instant, whichever comes first.
        var afterInstant: Date
    }

    struct Current: Hashable, Sendable {
        var entry: ReviewQueue.Entry
        var card: Card
        var schedule: CardSchedule
        var shownAt: Date
        var today: StudyDay
        var choices: ShuffledChoices?
        var mode: AnswerChecking.Mode
        var answered = false
        var verdict: AnswerGrader.Outcome?
        var suggestion: Grade?
    }

    /// Everything undo restores.
    struct Progress: Hashable, Sendable {
        var queue: [ReviewQueue.Entry]
        var pool: [Redrill] = []
        var shown = 0
        var lastCardID: String?
        var current: Current?
        var awaiting: Awaiting = .finished
        var summary = Summary()
    }

    enum Action: Hashable, Sendable {
        case graded(logID: Int64, cardID: String, grade: Grade)
        case skipped(cardID: String, previous: StudyDay?)
        case suspended(cardID: String)
        case overruled(cardID: String)
    }

    public let configuration: Configuration
    let database: RecallDatabase
    let startedAt: Date
    var progress: Progress
    var undoStack: [(action: Action, before: Progress)] = []

    public var awaiting: Awaiting { progress.awaiting }
    /// The card being asked, if any (for `e`, which the shell handles).
    public var currentCard: Card? { progress.current?.card }
    public var summary: Summary { progress.summary }

    /// A session over `queue` (reviews and new cards, from ``ReviewQueue``) and
    /// `redrill` (cards already answered below 4 today, asked when their turn comes).
    public init(
        queue: [ReviewQueue.Entry], redrill: [String], database: RecallDatabase,
        configuration: Configuration, at moment: Moment
    ) {
        self.configuration = configuration
        self.database = database
        startedAt = moment.instant
        progress = Progress(queue: queue.filter { $0.kind != .redrill })
        let queued = Set(progress.queue.map(\.cardID))
        progress.pool = redrill.filter { !queued.contains($0) }
            .map { Redrill(cardID: $0, afterShown: 0, afterInstant: moment.instant) }
    }

    func today(_ moment: Moment) -> StudyDay { moment.studyDay(startHour: configuration.dayStartHour) }

    /// The opening line and the first card.
    public mutating func start(at moment: Moment) throws -> [Event] {
        let due = progress.queue.filter { $0.kind == .review }.count
        if progress.queue.isEmpty && progress.pool.isEmpty {
            progress.awaiting = .finished
            return [.nothingDue(today: today(moment))]
        }
        var events: [Event] = [.opening(today: today(moment), due: due, new: progress.queue.count - due, redrill: progress.pool.count)]
        try advance(at: moment, &events)
        return events
    }

    /// Applies one command given at `moment`.
    public mutating func handle(_ command: Command, at moment: Moment) throws -> [Event] {
        var events: [Event] = []
        switch (command, progress.awaiting) {
        case (_, .finished):
            return []
        case (.quit, _):
            finish(at: moment, &events)
        case (.undo, _):
            try undo(at: moment, &events)
        case (.goOn, .goOn(let cardID)):
            progress.pool.removeAll { $0.cardID == cardID }
            try present(ReviewQueue.Entry(cardID: cardID, kind: .redrill), at: moment, &events)
        case (_, .goOn):
            events.append(.onlyCardLeft(cardID: progress.lastCardID ?? ""))
        case (.answer(let text), .answer):
            answer(text, &events)
        case (.skip, _):
            try skip(at: moment, &events)
        case (.suspend, _):
            try suspend(at: moment, &events)
        case (.overrule, .grade):
            overrule(&events)
        case (.overrule, _):
            events.append(.cannotOverrule)
        case (.grade(let grade), .grade):
            try record(grade, at: moment, &events)
        case (.acceptSuggestion, .grade(let suggestion, _)):
            if let suggestion { try record(suggestion, at: moment, &events) } else { events.append(.needGrade) }
        case (.grade, .answer), (.acceptSuggestion, .answer):
            // A grade before the answer side was shown: reveal first.
            answer("", &events)
        case (.answer, .grade):
            events.append(.needGrade)
        case (.goOn, _):
            break
        }
        return events
    }

    // MARK: Answers

    private mutating func answer(_ text: String, _ events: inout [Event]) {
        guard var current = progress.current else { return }
        let given = text.trimmingCharacters(in: .whitespaces)
        var shownGiven: String?
        switch current.mode {
        case .choice:
            if !given.isEmpty, let choices = current.choices {
                guard let picks = choices.picks(given) else {
                    events.append(.invalidChoice(options: choices.choices.count, multiple: choices.correct.count > 1))
                    return
                }
                let outcome = choices.outcome(picks)
                current.verdict = outcome
                current.suggestion = AnswerChecking.suggestedGrade(outcome)
                events.append(.choiceVerdict(outcome, correct: choices.correct.sorted().map(Letters.letter)))
            }
        case .automatic:
            if !given.isEmpty {
                let result = AnswerChecking.grade(given, card: current.card)
                current.verdict = result.outcome
                current.suggestion = AnswerChecking.suggestedGrade(result.outcome)
                events.append(.verdict(result.outcome, diff: result.diff))
            }
        case .selfGraded:
            if !given.isEmpty { shownGiven = given }
        }
        current.answered = true
        progress.current = current
        var alternatives: [String] = []
        if case .typed(_, _, let alts) = current.card.content { alternatives = alts }
        let preview = current.entry.kind == .redrill ? nil : IntervalPreview(current.schedule, today: current.today)
        events.append(
            .reference(
                Reference(
                    card: current.card, answer: current.card.answerText, alternatives: alternatives,
                    given: shownGiven, preview: preview)))
        progress.awaiting = .grade(suggestion: current.suggestion, canOverrule: current.verdict != nil)
    }

    private mutating func overrule(_ events: inout [Event]) {
        guard var current = progress.current, let verdict = current.verdict else {
            events.append(.cannotOverrule)
            return
        }
        let before = progress
        let outcome = AnswerChecking.overruled(verdict)
        let suggestion = AnswerChecking.suggestedGrade(outcome)
        current.verdict = outcome
        current.suggestion = suggestion
        progress.current = current
        progress.awaiting = .grade(suggestion: suggestion, canOverrule: true)
        push(.overruled(cardID: current.card.qualifiedID), before: before)
        events.append(.overruled(outcome, suggestion: suggestion))
    }

    private mutating func record(_ grade: Grade, at moment: Moment, _ events: inout [Event]) throws {
        guard let current = progress.current else { return }
        let before = progress
        let day = today(moment)
        let durationMs = max(0, Int((moment.instant.timeIntervalSince(current.shownAt) * 1000).rounded()))
        let recorded = try database.recordAnswer(cardID: current.card.qualifiedID, grade: grade, at: moment, today: day, durationMs: durationMs)
        if let logID = recorded.log.id {
            push(.graded(logID: logID, cardID: current.card.qualifiedID, grade: grade), before: before)
        }
        progress.summary.answers += 1
        if grade.isPassing { progress.summary.passed += 1 }
        progress.shown += 1
        progress.lastCardID = current.card.qualifiedID
        if grade.needsRedrill {
            progress.pool.append(
                Redrill(
                    cardID: current.card.qualifiedID, afterShown: progress.shown + configuration.redrillGapCards,
                    afterInstant: moment.instant.addingTimeInterval(Double(configuration.redrillGapMinutes * 60))))
        }
        events.append(.saved(next: recorded.schedule.dueDay, today: day, redrill: recorded.log.kind == .redrill))
        if recorded.becameLeech { events.append(.becameLeech(lapses: recorded.schedule.lapses)) }
        progress.current = nil
        try advance(at: moment, &events)
    }

    private mutating func skip(at moment: Moment, _ events: inout [Event]) throws {
        guard let current = progress.current else { return }
        let before = progress
        let until = today(moment).adding(days: 1)
        let previous = try database.bury(cardID: current.card.qualifiedID, until: until)
        push(.skipped(cardID: current.card.qualifiedID, previous: previous), before: before)
        progress.summary.skipped += 1
        progress.lastCardID = current.card.qualifiedID
        progress.current = nil
        events.append(.skipped(cardID: current.card.qualifiedID, until: until))
        try advance(at: moment, &events)
    }

    private mutating func suspend(at moment: Moment, _ events: inout [Event]) throws {
        guard let current = progress.current else { return }
        let before = progress
        try database.setSuspended(cardID: current.card.qualifiedID, true)
        push(.suspended(cardID: current.card.qualifiedID), before: before)
        progress.summary.suspended += 1
        progress.lastCardID = current.card.qualifiedID
        progress.current = nil
        events.append(.suspended(cardID: current.card.qualifiedID))
        try advance(at: moment, &events)
    }

    // MARK: Undo

    private mutating func push(_ action: Action, before: Progress) {
        undoStack.append((action, before))
        if undoStack.count > Self.undoDepth { undoStack.removeFirst(undoStack.count - Self.undoDepth) }
    }

    private mutating func undo(at moment: Moment, _ events: inout [Event]) throws {
        guard let (action, before) = undoStack.last else {
            events.append(.nothingToUndo)
            return
        }
        switch action {
        case .graded(let logID, let cardID, let grade):
            guard try database.undo(logID: logID) != nil else {
                events.append(.cannotUndo(cardID: cardID))
                return
            }
            events.append(.undone(.grade(cardID: cardID, grade: grade)))
        case .skipped(let cardID, let previous):
            _ = try database.bury(cardID: cardID, until: previous)
            events.append(.undone(.skip(cardID: cardID)))
        case .suspended(let cardID):
            try database.setSuspended(cardID: cardID, false)
            events.append(.undone(.suspend(cardID: cardID)))
        case .overruled(let cardID):
            undoStack.removeLast()
            progress = before
            events.append(.undone(.overrule(cardID: cardID)))
            return
        }
        undoStack.removeLast()
        progress = before
        // Ask the card again from its question, as it was first shown.
        if let current = progress.current {
            progress.current = nil
            try present(current.entry, at: moment, &events)
        }
    }

    // MARK: The next card

    private mutating func finish(at moment: Moment, _ events: inout [Event]) {
        progress.current = nil
        progress.awaiting = .finished
        progress.summary.elapsedMs = max(0, Int((moment.instant.timeIntervalSince(startedAt) * 1000).rounded()))
        events.append(.summary(progress.summary))
    }

    /// Shows the next card: a re-drill whose gap has passed, else the next
    /// queued card, else a waiting re-drill that was not just asked; when
    /// the only card left is the one just asked, asks whether to go on.
    private mutating func advance(at moment: Moment, _ events: inout [Event]) throws {
        while true {
            let last = progress.lastCardID
            let entry: ReviewQueue.Entry
            if let index = progress.pool.firstIndex(where: {
                $0.cardID != last && (progress.shown >= $0.afterShown || moment.instant >= $0.afterInstant)
            }) {
                entry = ReviewQueue.Entry(cardID: progress.pool.remove(at: index).cardID, kind: .redrill)
            } else if !progress.queue.isEmpty {
                entry = progress.queue.removeFirst()
            } else if let index = progress.pool.indices.filter({ progress.pool[$0].cardID != last })
                .min(by: { progress.pool[$0].afterShown < progress.pool[$1].afterShown })
            {
                entry = ReviewQueue.Entry(cardID: progress.pool.remove(at: index).cardID, kind: .redrill)
            } else if let only = progress.pool.first {
                progress.awaiting = .goOn(cardID: only.cardID)
                events.append(.onlyCardLeft(cardID: only.cardID))
                return
            } else {
                finish(at: moment, &events)
                return
            }
            if try present(entry, at: moment, &events) { return }
        }
    }

    /// Shows `entry`'s card; false when the card is gone (retired since the queue was built).
    @discardableResult
    private mutating func present(_ entry: ReviewQueue.Entry, at moment: Moment, _ events: inout [Event]) throws -> Bool {
        guard let stored = try database.card(id: entry.cardID), !stored.record.retired else { return false }
        let card = stored.card
        let (mode, choices, prompt) = AnswerChecking.presentation(of: card, seed: configuration.seed, typedRequired: card.kind == .typed)
        progress.current = Current(
            entry: entry, card: card, schedule: stored.schedule, shownAt: moment.instant, today: today(moment),
            choices: choices, mode: mode)
        progress.awaiting = .answer(prompt)
        let total = progress.shown + 1 + progress.queue.count + progress.pool.count
        events.append(
            .question(
                Shown(
                    position: progress.shown + 1, total: total, card: card, kind: entry.kind,
                    choices: choices?.texts, choiceOrder: choices?.order, prompt: prompt)))
        return true
    }
}
