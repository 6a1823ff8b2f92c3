import ArgumentParser
import Foundation
import RecallKit

struct ImportCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an Anki package, a TSV/CSV file, or restore a Recall JSON backup.",
        discussion: """
            apkg, colpkg: the notes become a new deck file of yours in the decks folder, their Anki \
            scheduling becomes SM-2 state (interval, ease as EF, repetitions, lapses, suspension) and \
            the Anki review log becomes Recall's. Packages in Anki's newer compressed format are \
            refused: export them from Anki with "Support older Anki versions" ticked.
            tsv, csv: with Anki's #headers (a #columns: header naming Front.zh, Back.zh, Explanation.zh \
            columns gives the cards their Chinese), or plain columns question, answer, tags.
            json: a backup from 'recall export --format json', restored into a database with no answers yet.
            Nothing is half-written: the database changes in one transaction and the deck file is \
            created last, never over an existing file.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case apkg, colpkg, tsv, csv, txt, json
    }

    @Argument(help: ArgumentHelp("The file to import.", valueName: "file")) var file: String
    @Option(help: ArgumentHelp("apkg, colpkg, tsv, csv, txt or json (default: from the file's extension).", valueName: "format"))
    var format: Format?
    @Option(help: ArgumentHelp("The new deck's id (default: from the file name).", valueName: "deck-id")) var deckId: String?
    @Option(help: ArgumentHelp("The new deck's title (default: the Anki deck's name when there is one, else the deck id).", valueName: "title")) var title:
        String?
    @Option(help: ArgumentHelp("The new deck's section.", valueName: "section")) var section = "Imported"
    @OptionGroup var global: GlobalOptions

    func resolvedFormat() throws -> Format {
        if let format { return format }
        if let guessed = Format(rawValue: URL(fileURLWithPath: file).pathExtension.lowercased()) { return guessed }
        throw ValidationError("cannot tell the format of '\(file)' from its extension; give --format apkg, colpkg, tsv, csv or json")
    }

    func validate() throws {
        _ = try resolvedFormat()
        if let deckId, !DeckParser.isValidID(deckId) {
            throw ValidationError("'\(deckId)' is not a deck id: lower-case letters, digits and '-', at most 64 characters")
        }
    }

    func run(in context: RecallContext) throws {
        let format = try resolvedFormat()
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw CLIError("cannot read \(file)") }
        let library = try Library.open(global, context, for: .write("import"))
        do {
            if format == .json {
                try restore(url, library: library, context: context)
            } else {
                try importDeck(url, format: format, library: library, context: context)
            }
        } catch let error as ExchangeError {
            throw CLIError(error.description)
        }
    }

    private func deckFolder(_ context: RecallContext) throws -> URL {
        guard let folder = global.deckFolders(context).first else { throw CLIError("no deck folder to write to") }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create the deck folder \(folder.path): \(error.localizedDescription)")
        }
        return folder
    }

    private func importDeck(_ url: URL, format: Format, library: Library, context: RecallContext) throws {
        let baseName = url.deletingPathExtension().lastPathComponent
        let deckID = deckId ?? ("anki-" + ExchangeID.slug(baseName, limit: 40)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        guard DeckParser.isValidID(deckID) else { throw CLIError("cannot make a deck id from '\(baseName)'; give --deck-id") }
        let imported: ImportedDeck
        switch format {
        case .apkg, .colpkg:
            imported = try AnkiPackageReader.read(
                url, displayName: file, deckID: deckID, title: title, section: section,
                moment: library.moment, dayStartHour: library.settings.dayStartHour)
        case .tsv, .csv, .txt:
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw CLIError("cannot read \(file): \(error.localizedDescription)") }
            imported = try DelimitedText.read(
                data, displayName: file, defaultSeparator: format == .csv ? .comma : format == .tsv ? .tab : nil,
                deckID: deckID, title: title, section: section)
        case .json:
            return
        }
        if try library.database.deckExists(id: deckID) {
            throw CLIError("a deck with id '\(deckID)' already exists; choose another with --deck-id (nothing was imported)")
        }
        let folder = try deckFolder(context)
        let destination = folder.appending(path: "\(deckID).md")
        if FileManager.default.fileExists(atPath: destination.path) {
            throw CLIError("\(destination.path) already exists; choose another deck id with --deck-id (nothing was imported)")
        }
        let draft = try DeckFileDraft(imported.deck, path: destination.path)
        let text = draft.text
        let deck = draft.loaded.deck
        try library.database.importDeck(
            draft.loaded, states: imported.states, reviews: imported.reviews,
            writeFile: { try AtomicFile.create(destination, contents: Data(text.utf8)) },
            removeFile: { try? FileManager.default.removeItem(at: destination) })
        for note in imported.notes { context.console.writeError("note: \(note)\n") }
        let reviewed = imported.states.values.filter { !$0.schedule.isNew }.count
        context.console.line(
            "Imported \(deck.cards.count) card(s) into deck '\(deckID)' (\(destination.path)): \(reviewed) with a schedule, \(imported.reviews.count) review(s)."
        )
        if !imported.notes.isEmpty { context.console.line("\(imported.notes.count) note(s) left out or changed; see above.") }
    }

    private func restore(_ url: URL, library: Library, context: RecallContext) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw CLIError("cannot read \(file): \(error.localizedDescription)") }
        let backup = try Backup.decode(data, file: file)
        let loadedDecks = Set(try library.database.decks().map(\.deck.id))
        let folder = try deckFolder(context)
        var written: [LoadedDeck] = []
        var files: [(URL, Data)] = []
        for deck in backup.decks where !deck.bundled && !deck.retired && !loadedDecks.contains(deck.id) {
            let name = deck.file.hasSuffix(".md") && !deck.file.contains("/") && !deck.file.hasPrefix(".") ? deck.file : "\(deck.id).md"
            let destination = folder.appending(path: name)
            if FileManager.default.fileExists(atPath: destination.path) || files.contains(where: { $0.0 == destination }) {
                throw CLIError("restoring deck '\(deck.id)' would overwrite \(destination.path); move that file away first (nothing was restored)")
            }
            let cards = deck.cards.filter { !$0.retired }.sorted { $0.position < $1.position }.map { card in
                Card(
                    deckID: deck.id, id: card.id, noteID: card.noteID, content: card.content, explanation: card.explanation,
                    source: card.source, tags: card.tags)
            }
            let draft = try DeckFileDraft(
                Deck(
                    id: deck.id, title: deck.title, titleZh: deck.titleZh, section: deck.section,
                    sectionZh: deck.sectionZh, description: deck.description, cards: cards),
                path: destination.path)
            written.append(draft.loaded)
            files.append((destination, Data(draft.text.utf8)))
        }
        try library.database.restore(
            backup, written: written,
            writeFiles: {
                var done: [URL] = []
                do {
                    for (destination, data) in files {
                        try AtomicFile.create(destination, contents: data)
                        done.append(destination)
                    }
                } catch {
                    for url in done { try? FileManager.default.removeItem(at: url) }
                    throw error
                }
            },
            removeFiles: {
                for (destination, _) in files { try? FileManager.default.removeItem(at: destination) }
            })
        let cards = backup.decks.reduce(0) { $0 + $1.cards.count }
        let attempts = backup.interviews.reduce(0) { $0 + $1.attempts.count }
        context.console.line(
            "Restored \(backup.decks.count) deck(s), \(cards) card(s), \(backup.reviewLog.count) review(s), "
                + "\(backup.interviews.count) interview(s) with \(attempts) attempt(s) and the settings from \(file); wrote \(files.count) deck file(s).")
    }
}

/// Creates a file atomically and never over an existing one: the bytes go to
/// a temporary file beside it, which is then hard-linked into place (link(2)
/// fails if the name exists) and removed.
enum AtomicFile {
    static func create(_ url: URL, contents: Data) throws {
        let temporary = url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try contents.write(to: temporary)
            defer { try? FileManager.default.removeItem(at: temporary) }
            try FileManager.default.linkItem(at: temporary, to: url)
        } catch {
            throw CLIError("cannot create \(url.path): \(error.localizedDescription) (nothing was imported)")
        }
    }
}
