import ArgumentParser
import RecallKit

struct DecksCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "decks",
        abstract: "List the decks with their section, English and Chinese titles and card counts."
    )

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var lang: LanguageOption
    @OptionGroup var global: GlobalOptions

    struct DeckJSON: Encodable {
        var id, title, section: String
        var titleZh, sectionZh: String?
        var cards: Int
        var path: String
    }

    func run(in context: RecallContext) throws {
        let library = try Library.open(global, context)
        let decks = try library.database.decks()
        if json {
            context.console.line(try JSONOutput.string(decks.map {
                DeckJSON(id: $0.deck.id, title: $0.deck.title, section: $0.deck.section, titleZh: $0.deck.titleZh,
                         sectionZh: $0.deck.sectionZh, cards: $0.cards, path: $0.deck.path)
            }))
            return
        }
        let style = context.style
        let language = lang.language(library.settings)
        /// English then Chinese (the default, as ever); in zh the Chinese; in both the Chinese, then the English.
        func names(_ english: String, _ chinese: String?) -> String {
            language == .en ? [english, chinese].compactMap { $0 }.joined(separator: " · ") : MapLabels.pick(english: english, chinese: chinese, language)
        }
        var section: String?
        for (deck, cards) in decks {
            if deck.section != section {
                section = deck.section
                context.console.line(style.bold(names(deck.section, deck.sectionZh)))
            }
            let titles = names(deck.title, deck.titleZh)
            context.console.line("  \(deck.id.padding(toLength: 26, withPad: " ", startingAt: 0)) \(String(cards).leftPadded(5)) cards  \(titles)")
        }
        let total = decks.reduce(0) { $0 + $1.cards }
        context.console.line("\(decks.count) decks, \(total) cards")
    }
}

extension String {
    /// The text padded on the left to `width` terminal columns (a CJK character takes two).
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - TextWidth.columns(self))) + self }
}
