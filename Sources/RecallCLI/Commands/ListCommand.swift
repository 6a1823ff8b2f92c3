import ArgumentParser
import RecallKit

struct ListCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List cards with their state and content."
    )

    @Option(help: ArgumentHelp("Only this deck.", valueName: "deck-id")) var deck: String?
    @Option(help: ArgumentHelp("Only cards with this tag ('leech' lists leeches).", valueName: "tag")) var tag: String?
    @Flag(help: "Print JSON: every card with its content (English, and Chinese under \"zh\") and state.") var json = false
    @OptionGroup var lang: LanguageOption
    @OptionGroup var global: GlobalOptions

    func run(in context: RecallContext) throws {
        let library = try Library.open(global, context, for: .read)
        try library.requireDecks(deck.map { [$0] } ?? [])
        let filter = CardFilter(deckIDs: deck.map { [$0] } ?? [], tags: tag.map { [$0] } ?? [])
        let decks = Dictionary(try library.database.decks().map { ($0.deck.id, $0.deck) }) { first, _ in first }
        let today = library.today
        let cards = try library.database.cards(deckID: deck).filter { stored in
            decks[stored.card.deckID].map { filter.admits(CardFilter.Subject(stored, deck: $0), today: today) } ?? false
        }
        if json {
            context.console.line(try JSONOutput.string(cards.map(CardJSON.init)))
            return
        }
        let language = lang.language(library.settings)
        for stored in cards {
            let schedule = stored.schedule
            let state: String
            if stored.isSuspended {
                state = "suspended"
            } else if let due = schedule.dueDay {
                state = "due \(due)  ivl \(schedule.sm2.intervalDays)d  EF \(String(format: "%.2f", schedule.sm2.easiness))" + (due <= today ? " *" : "")
            } else {
                state = "new"
            }
            context.console.line("\(stored.card.qualifiedID)  [\(stored.card.kind.rawValue)]  \(state)")
            context.console.line("    \(stored.card.text(in: language).prompt.firstLine)")
        }
        context.console.line("\(cards.count) card(s)")
    }
}

extension String {
    var firstLine: String {
        let line = split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return TextWidth.truncate(line, to: 100)
    }
}
