import ArgumentParser
import Foundation
import RecallKit

struct ShowCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a card, its state and its review history."
    )

    @Argument(help: ArgumentHelp("DECK-ID/CARD-ID, or a unique prefix of it.", valueName: "card")) var card: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var lang: LanguageOption
    @OptionGroup var global: GlobalOptions

    struct ShowJSON: Encodable {
        var card: CardJSON
        var history: [ReviewJSON]
    }

    func run(in context: RecallContext) throws {
        let library = try Library.open(global, context, for: .read)
        let id = try library.database.resolveCard(card)
        guard let stored = try library.database.card(id: id) else { throw CLIError("no card '\(card)'") }
        let history = try library.database.history(cardID: id)
        if json {
            context.console.line(try JSONOutput.string(ShowJSON(card: CardJSON(stored), history: history.map(ReviewJSON.init))))
            return
        }
        let out = context.console
        let style = context.style
        let c = stored.card
        let text = c.text(in: lang.language(library.settings))
        out.line(style.bold(c.qualifiedID) + "  [\(c.kind.rawValue)]" + (stored.record.retired ? "  (retired)" : ""))
        if text.fellBackToEnglish { out.line(style.dim(Language.fallbackNote)) }
        out.line("Q: " + text.prompt)
        for (index, choice) in text.choices.enumerated() {
            out.line("   \(Character(UnicodeScalar(UInt8(97 + index % 26)))). \(choice.text)\(choice.isCorrect ? "  ✓" : "")")
        }
        out.line("A: " + text.answer)
        if case .typed(_, _, let alternatives) = c.content, !alternatives.isEmpty {
            out.line("Also accepted: " + alternatives.joined(separator: " | "))
        }
        if let why = text.explanation { out.line("Why: " + why) }
        if !c.related.isEmpty { out.line("Related: " + c.related.joined(separator: ", ")) }
        if let source = c.source { out.line("Source: " + source) }
        if !stored.allTags.isEmpty { out.line("Tags: " + stored.allTags.joined(separator: ", ")) }
        let s = stored.schedule
        let due = s.dueDay.map { $0.relative(to: library.today) } ?? "new"
        out.line(
            "State: repetitions \(s.sm2.repetitions) · easiness \(String(format: "%.2f", s.sm2.easiness)) · interval \(s.sm2.intervalDays)d · due \(due) · lapses \(s.lapses)"
                + (stored.isSuspended ? " · suspended" : "") + (s.isLeech ? " · leech" : ""))
        let own = try library.database.fsrsParameters()
        let parameters = own ?? .defaults
        let answers = history.map { ($0.grade, $0.studyDay, $0.answeredAt.instant) }
        if let memory = CardMemory(answers: answers, parameters: parameters) {
            let r = memory.retrievability(on: library.today, parameters: parameters)
            out.line(
                "Memory (FSRS-6, \(own == nil ? "default" : "your") parameters): "
                    + String(format: "recall today %.0f%% · stability %.1fd · difficulty %.1f", r * 100, memory.memory.stability, memory.memory.difficulty))
        }
        if history.isEmpty {
            out.line("History: none")
        } else {
            out.line("History:")
            for log in history {
                out.line(
                    "  \(log.studyDay)  grade \(log.grade)  \(log.kind.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  ivl \(log.previousIntervalDays)d → \(log.newIntervalDays)d  EF \(String(format: "%.2f", log.previousEasiness)) → \(String(format: "%.2f", log.newEasiness))  \(formatDuration(ms: log.durationMs))"
                )
            }
        }
    }
}

func formatDuration(ms: Int) -> String {
    let seconds = ms / 1000
    if seconds < 60 { return "\(seconds)s" }
    let minutes = seconds / 60
    if minutes < 60 { return "\(minutes)m \(String(format: "%02d", seconds % 60))s" }
    return "\(minutes / 60)h \(String(format: "%02d", minutes % 60))m"
}
