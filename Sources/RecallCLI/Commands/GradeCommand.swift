import ArgumentParser
import RecallKit

struct GradeCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Record an answer of quality 0-5 for a card, as 'review' would.",
        discussion: "The same rules and the same transaction as 'review': a card already answered today gets a re-drill answer, logged without moving its schedule."
    )

    @Argument(help: ArgumentHelp("DECK-ID/CARD-ID, or a unique prefix of it.", valueName: "card")) var card: String
    @Argument(help: ArgumentHelp("The quality of the answer, 0 (blackout) to 5 (perfect).", valueName: "quality")) var quality: Int
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if Grade(quality) == nil { throw ValidationError("quality must be 0 to 5, not \(quality)") }
    }

    func run(in context: RecallContext) throws {
        guard let grade = Grade(quality) else { throw CLIError("quality must be 0 to 5") }
        let library = try Library.open(global, context)
        let id = try library.database.resolveCard(card)
        let recorded = try library.database.recordAnswer(cardID: id, grade: grade, at: library.moment, today: library.today, durationMs: 0)
        let s = recorded.schedule
        let due = s.dueDay.map { $0.relative(to: library.today) } ?? "new"
        if recorded.log.kind == .redrill {
            context.console.line("\(id): grade \(grade) recorded as a re-drill (already answered today); still due \(due)")
        } else {
            context.console.line("\(id): grade \(grade) → interval \(s.sm2.intervalDays)d, due \(due), EF \(String(format: "%.2f", s.sm2.easiness))")
        }
        if recorded.becameLeech {
            context.console.line("\(id) has lapsed \(s.lapses) times and is now tagged leech.")
        }
    }
}
