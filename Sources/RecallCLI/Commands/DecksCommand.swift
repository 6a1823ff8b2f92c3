import ArgumentParser
import Foundation
import RecallKit

struct DecksCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "decks",
        abstract: "List the decks with their section, English and Chinese titles and card counts."
    )

    @Flag(help: "Print JSON.") var json = false
    @Option(
        help: ArgumentHelp(
            "Copy this bundled deck into your decks folder to edit it; the copy keeps the deck and card ids, so the history, and replaces the bundled deck.",
            valueName: "deck-id"))
    var copy: String?
    @OptionGroup var lang: LanguageOption
    @OptionGroup var global: GlobalOptions

    struct DeckJSON: Encodable {
        var id, title, section: String
        var titleZh, sectionZh: String?
        var cards: Int
        var path: String
    }

    func run(in context: RecallContext) throws {
        if let copy {
            try copyBundled(copy, context)
            return
        }
        let library = try Library.open(global, context, for: .read)
        let decks = try library.database.decks()
        if json {
            context.console.line(
                try JSONOutput.string(
                    decks.map {
                        DeckJSON(
                            id: $0.deck.id, title: $0.deck.title, section: $0.deck.section, titleZh: $0.deck.titleZh,
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

extension DecksCommand {
    /// Writes the bundled deck's file, byte for byte, to the first deck folder as `<id>.md`.
    func copyBundled(_ id: String, _ context: RecallContext) throws {
        guard let bundled = context.bundledDeckFiles.first(where: { $0.name == "\(id).md" }) else {
            let names = context.bundledDeckFiles.map { String($0.name.dropLast(3)) }.filter { $0 != "README" }.sorted()
            throw CLIError("no bundled deck '\(id)'; the bundled decks are: \(names.joined(separator: ", "))")
        }
        guard let folder = global.deckFolders(context).first else { throw CLIError("no deck folder to copy into") }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create the deck folder \(folder.path): \(error.localizedDescription)")
        }
        let target = folder.appending(path: bundled.name)
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw CLIError("\(target.path) already exists; edit it, or move it away to copy the bundled deck again")
        }
        do {
            try Data(bundled.bytes).write(to: target, options: .withoutOverwriting)
        } catch {
            throw CLIError("cannot write \(target.path): \(error.localizedDescription)")
        }
        context.console.line("Copied \(id) to \(target.path); it replaces the bundled deck, with the same card ids and history.")
    }
}

extension String {
    /// The text padded on the left to `width` terminal columns (a CJK character takes two).
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - TextWidth.columns(self))) + self }
}
