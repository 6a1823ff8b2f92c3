import ArgumentParser
import Foundation
import RecallKit

struct ExportCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export cards: an Anki package, TSV/CSV for Anki's text import, a Markdown study sheet, or a JSON backup.",
        discussion: """
            apkg: an Anki package with decks Recall::<Section>::<Deck>, tags, explanation and source fields, \
            and each card's interval, ease, due day, repetitions, lapses, suspension and review log. Importing \
            a later export into Anki updates the notes instead of adding copies.
            tsv, csv: Anki's text-import format with its #headers (note types Basic, Basic (type in the answer) \
            and Cloze), so Anki needs no settings in its import dialog; the Chinese goes in columns \
            Front.zh, Back.zh and Explanation.zh after the tags (empty for a card without it).
            md: a study sheet by section and deck; --due or --weak keep only what needs work.
            json: a complete backup (decks, cards, states, review log, settings); 'recall import' restores it.
            The format is taken from -o's extension when --format is not given.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case apkg, tsv, csv, md, json
    }

    @Option(help: ArgumentHelp("apkg, tsv, csv, md or json.", valueName: "format")) var format: Format?
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (default: standard output; required for apkg).", valueName: "file"))
    var output: String?
    @Option(help: ArgumentHelp("Only this deck (repeatable).", valueName: "deck-id")) var deck: [String] = []
    @Option(help: ArgumentHelp("Only this section (repeatable).", valueName: "section")) var section: [String] = []
    @Option(help: ArgumentHelp("Only cards with this tag (repeatable).", valueName: "tag")) var tag: [String] = []
    @Flag(help: "md: only cards due today or overdue.") var due = false
    @Flag(help: "md: only weak cards: lapsed at least once, easiness below 2.3, or a leech.") var weak = false
    @Flag(help: "md: only the cards missed in the last mock interview.") var missed = false
    @OptionGroup var lang: LanguageOption
    @OptionGroup var global: GlobalOptions

    func resolvedFormat() throws -> Format {
        if let format { return format }
        if let output, let guessed = Format(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) { return guessed }
        throw ValidationError("give --format (apkg, tsv, csv, md or json), or -o FILE with one of those extensions")
    }

    func validate() throws {
        let format = try resolvedFormat()
        if format == .apkg && output == nil { throw ValidationError("an Anki package is binary: give -o FILE.apkg") }
        if format == .json && !(deck.isEmpty && section.isEmpty && tag.isEmpty && !due && !weak && !missed) {
            throw ValidationError("a JSON backup is always complete; --deck, --section, --tag, --due, --weak and --missed do not apply")
        }
        if (due || weak || missed) && format != .md { throw ValidationError("--due, --weak and --missed apply to the md study sheet") }
        if lang.lang != nil && format != .md { throw ValidationError("--lang applies to the md study sheet; the other formats carry both languages") }
    }

    func run(in context: RecallContext) throws {
        let format = try resolvedFormat()
        let library = try Library.open(global, context, for: .read)
        try library.requireDecks(deck)
        if format == .json {
            try writeBackup(library, context: context)
            return
        }
        let snapshot = try library.database.exchangeSnapshot()
        try library.requireSections(section)
        let filter = CardFilter(
            deckIDs: deck, sections: section, tags: tag, dueOnly: due, weakOnly: weak,
            cardIDs: missed ? Set(try MissedCards.cardIDs(library, interview: nil)) : nil)
        let selection = snapshot.selection(filter, today: library.today)
        let cardCount = selection.reduce(0) { $0 + $1.cards.count }
        if format != .json && cardCount == 0 {
            throw CLIError("no card matches; nothing was exported")
        }
        switch format {
        case .apkg:
            guard let output else { throw CLIError("an Anki package is binary: give -o FILE.apkg") }
            do {
                try AnkiPackageWriter.write(
                    selection, reviews: snapshot.reviews(of: selection.flatMap(\.cards)),
                    settings: library.settings, moment: library.moment, to: URL(fileURLWithPath: output))
            } catch {
                throw CLIError("cannot write \(output): \(error.localizedDescription)")
            }
            context.console.line(
                "Wrote \(output): \(cardCount) card(s) from \(selection.count) deck(s), \(snapshot.reviews(of: selection.flatMap(\.cards)).values.reduce(0) { $0 + $1.count }) review(s)."
            )
        case .tsv, .csv:
            let text = DelimitedText.export(selection, separator: format == .tsv ? .tab : .comma)
            try emit(Data(text.utf8), context: context, summary: "\(cardCount) card(s) from \(selection.count) deck(s)")
        case .md:
            let text = StudySheet.render(
                selection, today: library.today, only: due ? "due" : weak ? "weak" : missed ? "missed" : nil,
                language: lang.language(library.settings))
            try emit(Data(text.utf8), context: context, summary: "\(cardCount) card(s) from \(selection.count) deck(s)")
        case .json:
            return  // written above, streamed
        }
    }

    /// The JSON backup, streamed from the database to the file (written beside it, then
    /// renamed into place) or to standard output.
    private func writeBackup(_ library: Library, context: RecallContext) throws {
        guard let output else {
            try library.database.writeBackup { context.console.write(String(decoding: $0, as: UTF8.self)) }
            return
        }
        let destination = URL(fileURLWithPath: output)
        let temporary = destination.deletingLastPathComponent().appending(path: ".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        let counts: (decks: Int, cards: Int, reviews: Int)
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw CLIError("cannot write \(output): cannot create a file in its folder")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            counts = try library.database.writeBackup { try handle.write(contentsOf: $0) }
            try handle.synchronize()
            guard rename(temporary.path, destination.path) == 0 else {
                throw CLIError("cannot write \(output): \(String(cString: strerror(errno)))")
            }
        } catch let error as CLIError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIError("cannot write \(output): \(error.localizedDescription)")
        }
        context.console.line("Wrote \(output): \(counts.decks) deck(s), \(counts.cards) card(s), \(counts.reviews) review(s).")
    }

    private func emit(_ data: Data, context: RecallContext, summary: String) throws {
        guard let output else {
            context.console.write(String(decoding: data, as: UTF8.self))
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CLIError("cannot write \(output): \(error.localizedDescription)")
        }
        context.console.line("Wrote \(output): \(summary).")
    }
}
