import ArgumentParser
import Foundation
import RecallKit

struct CheckCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check deck files and report every problem as file:line:column.",
        discussion: "With no path, checks the bundled decks and your own. Exits 1 if any error is found (or any warning, with --strict)."
    )

    @Argument(help: ArgumentHelp("Deck files or folders to check.", valueName: "path"))
    var paths: [String] = []

    @Flag(
        help:
            "Treat warnings (no source, a question asked twice, over-long answers, multiple-choice answers that show by their form, Chinese that differs from the English) as errors."
    )
    var strict = false

    @Flag(help: "Require Chinese ('.zh' fields) for every field of every card, the bar the bundled decks are always held to.")
    var bilingual = false

    @Flag(help: "Print the result as JSON (docs/json.md) instead of lines on standard error.") var json = false

    @OptionGroup var global: GlobalOptions

    struct CheckJSON: Encodable {
        var version = 1
        var files: Int
        var decks: Int
        var cards: Int
        var errors: Int
        var warnings: Int
        var diagnostics: [DiagnosticJSON]
    }

    struct DiagnosticJSON: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
        var hint: String?
    }

    func run(in context: RecallContext) throws {
        var listing = DeckFiles.Listing()
        if paths.isEmpty {
            listing = try global.deckFiles(context)
        } else {
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw CLIError("\(path): no such file or folder")
                }
                let url = URL(fileURLWithPath: path)
                // Report paths as the user wrote them.
                func shown(_ read: String) -> String {
                    isDirectory.boolValue ? (path as NSString).appendingPathComponent(URL(fileURLWithPath: read).lastPathComponent) : path
                }
                let read = DeckFiles.read(isDirectory.boolValue ? try DeckFiles.list(url) : [url])
                listing.files += read.files.map { DeckFile(path: shown($0.path), bytes: $0.bytes) }
                listing.unreadable += read.unreadable.map { (shown($0.path), $0.reason) }
            }
        }
        let files = listing.files
        for warning in listing.warnings { context.console.writeError(context.style.warn(warning) + "\n") }
        let result = DeckLoader.load(files)
        // The bundled decks are held to the bilingual bar whenever they are checked; user decks only with --bilingual.
        let bundled: Set<String> = paths.isEmpty && !global.noBundled ? Set(context.bundledDeckFiles.map { "Decks/\($0.name)" }) : []
        let requireAll = bilingual
        let diagnostics =
            result.diagnostics
            + ContentLinter.lint(result.decks, options: ContentLinter.Options(requireChinese: { requireAll || bundled.contains($0.path) }))
        let style = context.style
        if json {
            let shown = diagnostics.map { diagnostic in
                DiagnosticJSON(
                    file: diagnostic.file, line: diagnostic.line, column: diagnostic.column,
                    severity: (strict ? DeckDiagnostic.Severity.error : diagnostic.severity).rawValue,
                    message: diagnostic.message, hint: diagnostic.hint)
            }
            let errors = shown.filter { $0.severity == DeckDiagnostic.Severity.error.rawValue }.count
            context.console.line(
                try JSONOutput.string(
                    CheckJSON(
                        files: files.count, decks: result.decks.count, cards: result.decks.reduce(0) { $0 + $1.deck.cards.count },
                        errors: errors, warnings: shown.count - errors, diagnostics: shown)))
            if errors > 0 { throw ExitCode(1) }
            return
        }
        for diagnostic in diagnostics {
            let severity = strict ? DeckDiagnostic.Severity.error : diagnostic.severity
            var shown = diagnostic
            shown.severity = severity
            context.console.writeError((severity == .error ? style.bad(shown.description) : style.warn(shown.description)) + "\n")
        }
        // An entry that cannot be read is an error here: check is asked whether the decks are sound.
        let errors = diagnostics.filter { strict || $0.severity == .error }.count + listing.unreadable.count
        let warnings = diagnostics.count + listing.unreadable.count - errors
        let cards = result.decks.reduce(0) { $0 + $1.deck.cards.count }
        context.console.line("\(files.count) file(s), \(result.decks.count) deck(s), \(cards) card(s): \(errors) error(s), \(warnings) warning(s)")
        if errors > 0 { throw ExitCode(1) }
    }
}
