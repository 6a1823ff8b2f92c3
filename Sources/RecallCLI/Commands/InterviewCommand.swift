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
        let library = try Library.open(global, context, for: history ? .read : .write("interview"))
        if history {
            try InterviewHistory(library: library, console: context.console).print(json: json)
            return
        }
        try library.requireDecks(deck)
        try library.requireSections(section)
        let filter = CardFilter(deckIDs: deck, sections: section, tags: tag)
        let today = library.today
        let candidates = try library.database.interviewCandidates(today: today).filter { filter.admits($0.subject, today: today) }
        guard !candidates.isEmpty else { throw CLIError("no cards match the filters") }
        let answerClock = try context.answerClock()
        let zone = library.moment.timeZone
        let clock = { Moment(instant: answerClock(), timeZone: zone) }
        let seed = seed ?? UInt64(bitPattern: Int64(library.moment.instant.timeIntervalSince1970 * 1000))
        let questions = InterviewDraw.draw(candidates, count: count, today: today, seed: seed)
        let typed = (deck.map { "--deck \($0)" } + section.map { "--section \"\($0)\"" } + tag.map { "--tag \($0)" }).joined(separator: " ")
        (context.console as? StandardConsole)?.interruptEndsInput()
        // With --json, standard output carries only the JSON document: the questions and feedback go to standard error.
        let transcript: Console = json ? ErrorStreamConsole(context.console) : context.console
        var session = try InterviewSession(
            questions: questions, database: library.database,
            configuration: .init(
                seed: seed, timeLimitSeconds: time.flatMap(Self.seconds), reschedule: reschedule,
                dayStartHour: library.settings.dayStartHour, language: lang.language(library.settings)),
            filter: typed, at: clock())
        let runner = InterviewRunner(
            console: transcript, style: json ? Style(enabled: false) : context.style,
            layout: TextLayout(width: TextLayout.width(environment: context.environment, isTerminal: context.console.isTerminal)),
            language: lang.language(library.settings))
        let result = try runner.run(&session, clock: clock)
        if json {
            context.console.line(try JSONOutput.string(result))
        } else {
            context.console.line("")
            runner.say(result.text)
        }
        if let report {
            do {
                try Data(result.markdown.utf8).write(to: URL(fileURLWithPath: report), options: .atomic)
            } catch {
                throw CLIError("cannot write the report to \(report): \(error.localizedDescription)")
            }
            transcript.line("Report written to \(report).")
        }
    }
}

/// Renders an ``InterviewSession``'s events and turns typed lines into its commands.
struct InterviewRunner {
    let console: Console
    let style: Style
    let layout: TextLayout
    let language: Language

    func run(_ session: inout InterviewSession, clock: () -> Moment) throws -> InterviewReport {
        render(try session.start(at: clock()), current: session.currentCard)
        while session.awaiting != .finished {
            console.write(prompt(session.awaiting, limit: session.configuration.timeLimitSeconds))
            guard let line = console.readLine() else {
                console.line("")
                render(try session.handle(.quit, at: clock()))
                break
            }
            guard let command = command(line, session.awaiting) else { continue }
            let asked = session.currentCard
            render(try session.handle(command, at: clock()), current: asked)
        }
        guard let report = session.report else { throw CLIError("the interview ended without a report") }
        return report
    }

    private func command(_ line: String, _ awaiting: InterviewSession.Awaiting) -> InterviewSession.Command? {
        let acceptsText: Bool
        if case .answer = awaiting { acceptsText = true } else { acceptsText = false }
        switch SessionInput.read(line, acceptsText: acceptsText) {
        case .command(.quit): return .quit
        case .command(.overrule): return .overrule
        case .command(.help):
            console.line(Self.help)
            return nil
        case .command(let other):
            console.line("'\(line.trimmingCharacters(in: .whitespaces))' is a review command; in an interview: \(Self.help)")
            _ = other
            return nil
        case .text(let text):
            switch awaiting {
            case .answer: return .answer(text)
            case .closing: return .close
            case .selfGrade:
                switch SessionInput.fold(text).lowercased() {
                case "r": return .selfGrade(.right)
                case "p": return .selfGrade(.partly)
                case "w": return .selfGrade(.wrong)
                default:
                    console.line("Type r (right), p (partly) or w (wrong), or q to stop.")
                    return nil
                }
            case .finished: return nil
            }
        }
    }

    static let help = "Enter on an empty answer skips (counted wrong; the reference is shown) · :o overrules the last automatic verdict · q or :q stops."

    private func prompt(_ awaiting: InterviewSession.Awaiting, limit: Int?) -> String {
        let time = limit.map { "\($0)s" }
        switch awaiting {
        case .answer(let kind, let canOverrule):
            let what = if case .choice(_, let multiple) = kind { multiple ? "Your choices" : "Your choice" } else { "Your answer" }
            let notes = [time, canOverrule ? ":o overrules the last verdict" : nil].compactMap { $0 }
            return what + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))") + ": "
        case .selfGrade: return "Self-grade: r right · p partly · w wrong: "
        case .closing: return "Enter for the report (:o overrules the last verdict): "
        case .finished: return ""
        }
    }

    func say(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            layout.wrap(String(line), indent: Self.hangingIndent(line)).forEach { console.line($0) }
        }
    }

    /// Where a wrapped report line continues: under the text after a `Label:` near its start, else two in.
    static func hangingIndent(_ line: Substring) -> Int {
        let leading = line.prefix { $0 == " " }.count
        if let colon = line.prefix(24).firstIndex(of: ":") {
            let after = line[line.index(after: colon)...]
            let spaces = after.prefix { $0 == " " }.count
            if spaces > 0 { return line.distance(from: line.startIndex, to: colon) + 1 + spaces }
        }
        return leading + 2
    }

    private func field(_ label: String, _ text: String) {
        let lines = layout.wrap(label + text, indent: 2)
        guard let first = lines.first else { return }
        console.line(style.dim(label) + first.dropFirst(label.count))
        lines.dropFirst().forEach { console.line($0) }
    }

    private func render(_ events: [InterviewSession.Event], current: Card? = nil) {
        for event in events {
            switch event {
            case .opening(let questions, let seed, let limit, let reschedule):
                console.line(
                    style.bold("Mock interview · \(questions) questions · seed \(seed)")
                        + (limit.map { " · \($0)s a question" } ?? "")
                        + (reschedule ? " · answers are recorded as reviews" : "") + ". q stops; Enter skips.")
            case .question(let question):
                console.line("")
                console.line(
                    style.accent(
                        "Question \(question.position)/\(question.total) · \(question.card.deckID) · \(question.card.kind.rawValue)"
                            + (question.timeLimitSeconds.map { " · \($0)s" } ?? "")))
                let text = question.card.text(in: language)
                if text.fellBackToEnglish { console.line(style.dim(Language.fallbackNote)) }
                layout.wrap(text.prompt).forEach { console.line(style.bold($0)) }
                for (index, option) in ReviewRunner.options(question.choiceOrder, text).enumerated() {
                    layout.wrap("  \(Letters.letter(index))) \(option)", indent: 5).forEach { console.line($0) }
                }
            case .verdict(let outcome, let diff):
                layout.wrap(style.verdict(outcome, diff: diff)).forEach { console.line($0) }
            case .choiceVerdict(let outcome, let correct):
                console.line(style.verdict(outcome) + (outcome == .right ? "" : " The answer: \(correct.joined(separator: ", "))."))
            case .invalidChoice(let options):
                console.line("Type letters a to \(Letters.letter(options - 1)).")
            case .skipped:
                console.line(style.bad("✗ Skipped (counted wrong)."))
            case .compare(let given, let reference):
                field("Yours:     ", given)
                field("Reference: ", current.map { $0.text(in: language).answer } ?? reference)
            case .late(let seconds, let limit):
                console.line(style.warn("⏱ Late: \(seconds)s against a \(limit)s limit, so half credit."))
            case .reference(let card, _, let showAnswer):
                let text = card.text(in: language)
                if showAnswer { field("Answer: ", text.answer) }
                if let why = text.explanation { field("Why: ", why) }
                if let source = card.source { field("Source: ", source) }
            case .overruled(let position, let cardID, let now):
                console.line("Overruled: question \(position) (\(cardID)) now counts as \(now.label).")
            case .cannotOverrule:
                console.line("Nothing to overrule: only the last automatic verdict can be overruled, once.")
            case .finished:
                break
            }
        }
    }
}

/// A console whose writes go to standard error: the transcript of `interview --json`.
final class ErrorStreamConsole: Console {
    let base: Console
    init(_ base: Console) { self.base = base }
    func readLine(echoingToErrors: Bool) -> String? { base.readLine(echoingToErrors: true) }
    func write(_ text: String) { base.writeError(text) }
    func writeError(_ text: String) { base.writeError(text) }
    var isTerminal: Bool { base.isTerminal }
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
        var id: Int64
        var filter: String
        var sections: [String: Int]
        /// Stopped before the last question.
        var aborted: Bool
        /// Attempts whose automatic verdict the user overruled.
        var overruled: Int
    }

    func print(json: Bool) throws {
        let sections = try library.database.cardSections()
        let attempts = Dictionary(grouping: try library.database.interviewAttempts(), by: \.interviewID)
        let entries = try library.database.interviews().map { interview -> Entry in
            let rows = attempts[interview.id ?? -1] ?? []
            let bySection = Dictionary(grouping: rows) { sections[$0.cardID]?.section ?? "?" }
            func percent(_ rows: [InterviewAttemptRecord]) -> Int { InterviewScoring.percent(rows.map(\.credit)) }
            return Entry(
                date: interview.studyDay.description, questions: interview.questionCount, answered: rows.count,
                percent: percent(rows), id: interview.id ?? 0, filter: interview.filter, sections: bySection.mapValues(percent),
                aborted: rows.count < interview.questionCount, overruled: rows.filter(\.overruled).count)
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
            let status =
                (entry.aborted ? "aborted after \(entry.answered)/\(entry.questions)" : "\(entry.answered)/\(entry.questions) answered")
                + (entry.overruled > 0 ? ", \(entry.overruled) overruled" : "")
            console.line(
                "#\(entry.id)  \(entry.date)  \(String(entry.percent).leftPadded(3))%  \(status)"
                    + (sectionText.isEmpty ? "" : "  \(sectionText)") + (entry.filter.isEmpty ? "" : "  [\(entry.filter)]"))
        }
    }
}
