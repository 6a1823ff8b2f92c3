import Foundation
import RecallKit

/// The daily drill: one prompt, one line in.
///
/// For each card: a header (`3/25 · deck · kind`), the question, a line for
/// the answer (Enter reveals), the answer with its explanation and source, the
/// interval each grade would give, and the grade prompt. Each answer is
/// committed before the next card is shown. After the queue, cards answered
/// below 4 today come back until each is answered 4 or 5.
struct ReviewRunner {
    let library: Library
    let options: QueueOptions
    let console: Console
    let style: Style
    let clock: () -> Date
    let seed: UInt64
    let language: Language

    private(set) var queue: [ReviewQueue.Entry] = []
    private var index = 0
    /// Answers of this session, for undo: the log row and where its card stood in the queue.
    private var answered: [(logID: Int64, queueIndex: Int, passed: Bool)] = []
    private var skipped = 0
    private var suspended = 0
    private var started = Date()

    init(library: Library, options: QueueOptions, console: Console, style: Style, clock: @escaping () -> Date, seed: UInt64,
         language: Language = .default) {
        self.language = language
        self.library = library
        self.options = options
        self.console = console
        self.style = style
        self.clock = clock
        self.seed = seed
    }

    enum Step {
        case next
        case undo
        case quit
        case endOfInput
    }

    mutating func run() throws {
        started = clock()
        queue = try options.queue(library)
        let today = library.today
        let due = queue.filter { $0.kind == .review }.count
        let new = queue.count - due
        var redrill = try options.redrill(library)
        if queue.isEmpty && redrill.isEmpty {
            console.line("Nothing is due today (\(today)).")
            try printNextDue()
            return
        }
        console.line(style.bold("Recall · \(today)") + " · \(due) due, \(new) new" + (redrill.isEmpty ? "" : ", \(redrill.count) to re-drill")
                     + ". Enter reveals; ? at the grade prompt for help.")
        var ended = false
        while !ended {
            while index < queue.count {
                switch try ask(queue[index]) {
                case .next: index += 1
                case .undo: try undo()
                case .quit: ended = true
                case .endOfInput:
                    ended = true
                    console.line("")
                }
                if ended { break }
            }
            if ended { break }
            // The same-day re-drill: every card answered below 4 today, again, until it is answered 4 or 5.
            redrill = try options.redrill(library)
            if redrill.isEmpty { break }
            console.line(style.accent("Re-drill: \(redrill.count) card\(redrill.count == 1 ? "" : "s") answered below 4 today."))
            queue += redrill
        }
        try printSummary()
    }

    // MARK: One card

    private mutating func ask(_ entry: ReviewQueue.Entry) throws -> Step {
        guard let stored = try library.database.card(id: entry.cardID) else { return .next }
        let card = stored.card
        let schedule = stored.schedule
        let kindLabel = entry.kind == .redrill ? "\(card.kind.rawValue), re-drill" : (entry.kind == .new ? "\(card.kind.rawValue), new" : card.kind.rawValue)
        console.line("")
        console.line(style.accent("[\(index + 1)/\(queue.count)] \(card.deckID) · \(kindLabel)"))
        let text = card.text(in: language)
        if text.fellBackToEnglish { console.line(style.dim(Language.fallbackNote)) }
        console.line(style.bold(text.prompt))
        let shownAt = clock()

        var suggestion: Grade?
        switch card.content {
        case .choice(_, let choices):
            let shown = ShuffledChoices(text.choices, seed: seed, cardID: card.qualifiedID)
            shown.lines.forEach(console.line)
            let correct = shown.correct
            let prompt = correct.count > 1 ? "Your choices (letters, e.g. a c; Enter reveals): " : "Your choice (a letter; Enter reveals): "
            while true {
                console.write(prompt)
                guard let line = console.readLine() else { return .endOfInput }
                if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
                guard let picks = Letters.parse(line, count: choices.count) else {
                    console.line("Type the letter\(correct.count > 1 ? "s" : "") of your choice\(correct.count > 1 ? "s" : ""), a to \(Letters.letter(choices.count - 1)).")
                    continue
                }
                let right = picks == correct
                let expected = correct.sorted().map(Letters.letter).joined(separator: ", ")
                console.line(right ? style.good("✓ Right.") : style.bad("✗ Not quite: the answer is \(expected)."))
                suggestion = right ? .perfect : .wrong
                break
            }
        default:
            console.write(card.kind == .typed ? "Your answer: " : "Your answer (Enter reveals): ")
            guard let line = console.readLine() else { return .endOfInput }
            // AnswerGrader.mode(for:) decides which cards are checked; open answers the user compares.
            if !line.trimmingCharacters(in: .whitespaces).isEmpty, let verdict = AnswerGrader.grade(line, for: card) {
                console.line(style.verdict(verdict.outcome, diff: verdict.diff))
                suggestion = verdict.grade
            }
        }

        console.line(style.dim("Answer: ") + text.answer)
        if case .typed(_, _, let alternatives) = card.content, !alternatives.isEmpty {
            console.line(style.dim("Also accepted: ") + alternatives.joined(separator: " | "))
        }
        if let why = text.explanation { console.line(style.dim("Why: ") + why) }
        if let source = card.source { console.line(style.dim("Source: ") + source) }
        if let fsrs = try library.database.fsrsPreview(cardID: entry.cardID, at: Moment(instant: clock(), timeZone: library.moment.timeZone)) {
            // FSRS: every answer, a re-drill too, moves the schedule.
            console.line(style.dim("Next interval (FSRS): ") + Scheduler.previewLine(fsrs))
        } else if entry.kind == .redrill {
            console.line(style.dim("Re-drill: the schedule stays as it is; 4 or 5 clears the card for today."))
        } else {
            console.line(style.dim("Next interval: ") + Scheduler.previewLine(schedule))
        }

        while true {
            let defaultText = suggestion.map { " [\($0)]" } ?? ""
            console.write("Grade 0-5\(defaultText) (? help): ")
            guard let raw = console.readLine() else { return .endOfInput }
            let input = raw.trimmingCharacters(in: .whitespaces)
            switch input {
            case "":
                guard let suggestion else {
                    console.line("Type a grade 0-5: \(Grade.legend).")
                    continue
                }
                return try record(card, grade: suggestion, shownAt: shownAt)
            case "u":
                if answered.isEmpty {
                    console.line("Nothing to undo in this session.")
                    continue
                }
                return .undo
            case "s":
                try library.database.bury(cardID: card.qualifiedID, until: library.today.adding(days: 1))
                skipped += 1
                console.line("Skipped: buried until tomorrow.")
                return .next
            case "!":
                try library.database.setSuspended(cardID: card.qualifiedID, true)
                suspended += 1
                console.line("Suspended. 'recall unsuspend \(card.qualifiedID)' brings it back.")
                return .next
            case "e":
                let path = try library.database.decks().first { $0.deck.id == card.deckID }?.deck.path
                console.line("\(path ?? card.deckID):\(card.line)")
                continue
            case "?":
                printHelp()
                continue
            case "q":
                return .quit
            default:
                if let value = Int(input), let grade = Grade(value) {
                    return try record(card, grade: grade, shownAt: shownAt)
                }
                console.line("'\(input)' is not a grade or a command. \(Self.commandLegend)")
            }
        }
    }

    private mutating func record(_ card: Card, grade: Grade, shownAt: Date) throws -> Step {
        let durationMs = Int((clock().timeIntervalSince(shownAt) * 1000).rounded())
        let recorded = try library.database.recordAnswer(cardID: card.qualifiedID, grade: grade, at: library.moment,
                                                         today: library.today, durationMs: durationMs)
        if let logID = recorded.log.id {
            answered.append((logID, index, grade.isPassing))
        }
        if recorded.log.kind != .redrill, let due = recorded.schedule.dueDay {
            console.line(style.dim("Saved: next \(due.relative(to: library.today))."))
        } else {
            console.line(style.dim("Saved."))
        }
        if recorded.becameLeech {
            console.line(style.warn("Leech: this card has lapsed \(recorded.schedule.lapses) times and is now tagged leech. Consider rewriting it (e shows where)."))
        }
        return .next
    }

    private mutating func undo() throws {
        guard let last = answered.popLast() else { return }
        if let log = try library.database.undo(logID: last.logID) {
            console.line("Undone: grade \(log.grade) for \(log.cardID); its state is restored.")
        }
        // Ask the undone card again.
        index = last.queueIndex
    }

    // MARK: Text

    static let commandLegend = "Grades: 0-5. Commands: u undo · s skip · ! suspend · e edit location · ? help · q quit."

    private func printHelp() {
        console.line("Grades (SM-2): \(Grade.legend).")
        console.line("Below 3 restarts the card at 1 day; below 4 brings it back later today.")
        console.line("Enter accepts the grade in [brackets], suggested from your answer.")
        console.line("u undo the previous answer · s skip (bury until tomorrow) · ! suspend · e print the card's file:line · q quit")
    }

    private func printSummary() throws {
        let elapsed = Int((clock().timeIntervalSince(started) * 1000).rounded())
        let right = answered.filter(\.passed).count
        let wrong = answered.count - right
        var line = "Session: \(answered.count) answer\(answered.count == 1 ? "" : "s") (\(right) right, \(wrong) wrong) in \(formatDuration(ms: elapsed))"
        if skipped > 0 { line += ", \(skipped) skipped" }
        if suspended > 0 { line += ", \(suspended) suspended" }
        console.line("")
        console.line(style.bold(line + "."))
        try printNextDue()
    }

    private func printNextDue() throws {
        let today = library.today
        var unlimited = options
        unlimited.limit = nil
        let remaining = try unlimited.queue(library).count + options.redrill(library).count
        if remaining > 0 {
            console.line("\(remaining) card\(remaining == 1 ? " is" : "s are") still waiting today.")
        }
        if let next = try library.database.nextDueDay(after: today) {
            console.line("Next card due: \(next.relative(to: today)).")
        } else if remaining == 0 {
            console.line("No card is scheduled yet.")
        }
    }
}
