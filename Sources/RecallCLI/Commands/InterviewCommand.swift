import ArgumentParser
import Foundation
import RecallKit

struct InterviewCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "A timed mock interview across the map, with a report of where you stand.",
        discussion: """
            Draws --count questions, weighted toward weak, overdue and never-seen cards. Multiple choice is \
            answered by letter, typed and cloze answers are graded automatically (commands by tokens, so \
            flags may be reordered), open questions are answered in free text and then self-graded against \
            the reference. Type :q to stop early. The SM-2 schedule is left alone unless --reschedule is given. \
            Scoring: right 1, partly right 0.5, wrong 0; an answer after --time earns half. See docs/interview.md.
            """
    )

    @Option(help: ArgumentHelp("How many questions.", valueName: "n")) var count = 15
    @Option(help: ArgumentHelp("Only this deck (repeatable).", valueName: "deck-id")) var deck: [String] = []
    @Option(help: ArgumentHelp("Only this section of the map (repeatable).", valueName: "section")) var section: [String] = []
    @Option(help: ArgumentHelp("Only cards with this tag (repeatable).", valueName: "tag")) var tag: [String] = []
    @Option(help: ArgumentHelp("Seed for the draw and the order of choices, to repeat an interview exactly.", valueName: "n"))
    var seed: UInt64?
    @Option(help: ArgumentHelp("Time limit a question, e.g. 60s, 2m or 90 (seconds).", valueName: "limit"))
    var time: String?
    @Flag(help: "Record the answers as reviews too, moving the SM-2 schedule as 'recall review' would.")
    var reschedule = false
    @Option(help: ArgumentHelp("Also write the report as Markdown to this file.", valueName: "file.md")) var report: String?
    @Flag(help: "Print the report (or, with --history, the history) as JSON.") var json = false
    @Flag(help: "List past interviews and their scores per section instead of starting one.") var history = false
    @OptionGroup var lang: LanguageOption
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if count < 1 { throw ValidationError("--count must be at least 1") }
        if let time, Self.seconds(time) == nil { throw ValidationError("--time takes a duration such as 60s, 2m or 90, not '\(time)'") }
    }

    static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let (digits, unit) = trimmed.hasSuffix("m") ? (trimmed.dropLast(), 60) : (trimmed.hasSuffix("s") ? trimmed.dropLast() : Substring(trimmed), 1)
        guard let value = Int(digits), value > 0, value <= 24 * 3600 / unit else { return nil }
        return value * unit
    }

    func run(in context: RecallContext) throws {
        let library = try Library.open(global, context)
        if history {
            try InterviewHistory(library: library, console: context.console).print(json: json)
            return
        }
        try library.requireDecks(deck)
        let candidates = try library.database.interviewCandidates(today: library.today).filter { card in
            (deck.isEmpty || deck.contains(card.deckID))
                && (section.isEmpty || section.contains { $0.caseInsensitiveCompare(card.section) == .orderedSame })
                && (tag.isEmpty || card.tags.contains(where: tag.contains))
        }
        guard !candidates.isEmpty else { throw CLIError("no cards match the filters") }
        let clock = try context.answerClock()
        let seed = seed ?? UInt64(bitPattern: Int64(clock().timeIntervalSince1970 * 1000))
        var runner = InterviewRunner(
            library: library, console: context.console, style: context.style, clock: clock, seed: seed,
            timeLimitSeconds: time.flatMap(Self.seconds), reschedule: reschedule, language: lang.language(library.settings))
        let questions = InterviewDraw.draw(candidates, count: count, today: library.today, seed: seed)
        let filter = (deck.map { "--deck \($0)" } + section.map { "--section \"\($0)\"" } + tag.map { "--tag \($0)" }).joined(separator: " ")
        let result = try runner.run(questions, filter: filter)
        if json {
            context.console.line(try JSONOutput.string(result))
        } else {
            context.console.line("")
            context.console.write(result.text)
        }
        if let report {
            do {
                try Data(result.markdown.utf8).write(to: URL(fileURLWithPath: report), options: .atomic)
            } catch {
                throw CLIError("cannot write the report to \(report): \(error.localizedDescription)")
            }
            if !json { context.console.line("Report written to \(report).") }
        }
    }
}

/// Asks the drawn questions one by one and records each answer as it comes.
struct InterviewRunner {
    let library: Library
    let console: Console
    let style: Style
    let clock: () -> Date
    let seed: UInt64
    let timeLimitSeconds: Int?
    let reschedule: Bool
    var language: Language = .default

    static let quitCommand = ":q"

    mutating func run(_ questions: [InterviewDraw.Candidate], filter: String) throws -> InterviewReport {
        let interview = try library.database.startInterview(InterviewRecord(
            id: nil, startedAt: library.moment.iso8601, studyDay: library.today, seed: Int64(bitPattern: seed),
            questionCount: questions.count, timeLimitSeconds: timeLimitSeconds, rescheduled: reschedule, filter: filter))
        console.line(style.bold("Mock interview · \(questions.count) questions · seed \(seed)")
                     + (timeLimitSeconds.map { " · \($0)s a question" } ?? "")
                     + (reschedule ? " · answers are recorded as reviews" : "") + ". Type :q to stop.")
        var attempts: [InterviewAttempt] = []
        for (index, question) in questions.enumerated() {
            guard let stored = try library.database.card(id: question.cardID) else { continue }
            guard let attempt = try ask(stored.card, position: index + 1, of: questions.count, section: question.section) else { break }
            try library.database.recordInterviewAttempt(
                InterviewAttemptRecord(id: nil, interviewID: interview.id ?? 0, position: attempt.position, cardID: attempt.cardID,
                                       answer: attempt.answer, outcome: attempt.outcome, credit: attempt.credit, late: attempt.late,
                                       durationMs: attempt.durationMs, answeredAt: library.moment.iso8601, reviewLogID: nil),
                review: reschedule ? (InterviewScoring.reviewGrade(attempt.outcome, late: attempt.late), library.moment, library.today) : nil)
            attempts.append(attempt)
        }
        return InterviewReport(date: library.today, seed: seed, questionsAsked: questions.count,
                               timeLimitSeconds: timeLimitSeconds, attempts: attempts)
    }

    /// Asks one question; nil when the user stops (`:q` or end of input).
    private func ask(_ card: Card, position: Int, of total: Int, section: String) throws -> InterviewAttempt? {
        console.line("")
        console.line(style.accent("Question \(position)/\(total) · \(card.deckID) · \(card.kind.rawValue)" + (timeLimitSeconds.map { " · \($0)s" } ?? "")))
        let text = card.text(in: language)
        if text.fellBackToEnglish { console.line(style.dim(Language.fallbackNote)) }
        console.line(style.bold(text.prompt))
        let limit = timeLimitSeconds.map { " (\($0)s)" } ?? ""
        let shownAt = clock()
        var given = ""
        var outcome = AnswerGrader.Outcome.wrong
        var answeredAt = shownAt

        switch card.content {
        case .choice(_, let choices):
            let shown = ShuffledChoices(text.choices, seed: seed, cardID: card.qualifiedID)
            shown.lines.forEach(console.line)
            let correct = shown.correct
            while true {
                console.write("Your choice\(correct.count > 1 ? "s" : "")\(limit): ")
                guard let line = console.readLine(), line != Self.quitCommand else { return nil }
                answeredAt = clock()
                if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
                guard let picks = Letters.parse(line, count: choices.count) else {
                    console.line("Type letters a to \(Letters.letter(choices.count - 1)).")
                    continue
                }
                given = picks.sorted().map(Letters.letter).joined(separator: " ")
                outcome = picks == correct ? .right : (picks.isSubset(of: correct) ? .partly : .wrong)
                break
            }
            console.line(style.verdict(outcome))
        case .basic where AnswerGrader.mode(for: card) == .selfGraded:
            console.write("Your answer\(limit): ")
            guard let line = console.readLine(), line != Self.quitCommand else { return nil }
            answeredAt = clock()
            given = line
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                console.line(style.bad("✗ Skipped."))
            } else {
                console.line(style.dim("Yours:     ") + line)
                console.line(style.dim("Reference: ") + text.answer)
                while true {
                    console.write("Self-grade: r right · p partly · w wrong: ")
                    guard let grade = console.readLine(), grade != Self.quitCommand else { return nil }
                    switch grade.trimmingCharacters(in: .whitespaces).lowercased() {
                    case "r": outcome = .right
                    case "p": outcome = .partly
                    case "w": outcome = .wrong
                    default:
                        console.line("Type r, p or w.")
                        continue
                    }
                    break
                }
            }
        default:
            console.write("Your answer\(limit): ")
            guard let line = console.readLine(), line != Self.quitCommand else { return nil }
            answeredAt = clock()
            given = line
            let verdict = AnswerGrader.grade(line, for: card)
            outcome = verdict?.outcome ?? .wrong
            console.line(style.verdict(outcome, diff: verdict?.diff))
        }

        let durationMs = max(0, Int((answeredAt.timeIntervalSince(shownAt) * 1000).rounded()))
        let late = timeLimitSeconds.map { durationMs > $0 * 1000 } ?? false
        if late, let timeLimitSeconds {
            console.line(style.warn("⏱ Late: \(durationMs / 1000)s against a \(timeLimitSeconds)s limit, so half credit."))
        }
        if card.kind != .basic || AnswerGrader.mode(for: card) != .selfGraded {
            console.line(style.dim("Answer: ") + text.answer)
        }
        if let why = text.explanation { console.line(style.dim("Why: ") + why) }
        if let source = card.source { console.line(style.dim("Source: ") + source) }
        return InterviewAttempt(position: position, cardID: card.qualifiedID, deckID: card.deckID, section: section, kind: card.kind,
                                question: text.prompt.firstLine, answer: given, outcome: outcome, late: late,
                                credit: InterviewScoring.credit(outcome, late: late), durationMs: durationMs)
    }
}

/// Past interviews and their scores, for `recall interview --history`.
struct InterviewHistory {
    let library: Library
    let console: Console

    struct Entry: Encodable {
        var date: String
        var questions: Int
        var answered: Int
        var percent: Int
        var filter: String
        var sections: [String: Int]
    }

    func print(json: Bool) throws {
        let sections = try library.database.cardSections()
        let attempts = Dictionary(grouping: try library.database.interviewAttempts(), by: \.interviewID)
        let entries = try library.database.interviews().map { interview -> Entry in
            let rows = attempts[interview.id ?? -1] ?? []
            let bySection = Dictionary(grouping: rows) { sections[$0.cardID]?.section ?? "?" }
            func percent(_ rows: [InterviewAttemptRecord]) -> Int { InterviewScoring.percent(rows.map(\.credit)) }
            return Entry(date: interview.studyDay.description, questions: interview.questionCount, answered: rows.count,
                         percent: percent(rows), filter: interview.filter, sections: bySection.mapValues(percent))
        }
        if json {
            console.line(try JSONOutput.string(entries))
            return
        }
        guard !entries.isEmpty else {
            console.line("No interviews yet: 'recall interview' starts one.")
            return
        }
        for entry in entries {
            let sectionText = entry.sections.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)%" }.joined(separator: " · ")
            console.line("\(entry.date)  \(String(entry.percent).leftPadded(3))%  \(entry.answered)/\(entry.questions) answered  \(sectionText)"
                         + (entry.filter.isEmpty ? "" : "  [\(entry.filter)]"))
        }
    }
}
