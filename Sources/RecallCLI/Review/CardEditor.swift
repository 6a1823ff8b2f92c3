import Foundation
import RecallKit

/// `e` at a prompt: opens the card's deck file in `$VISUAL` or `$EDITOR` at
/// the card's line. A bundled card cannot be edited in place; for one this
/// says so and names the command that makes an editable copy.
struct CardEditor {
    let library: Library
    let environment: [String: String]
    let isTerminal: Bool
    /// Where `recall decks --copy` puts copies: the first deck folder.
    let userDeckFolder: String

    /// The editor command, `$VISUAL` before `$EDITOR`.
    var editorCommand: String? {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return nil
    }

    func open(_ card: Card, console: Console) {
        let path = (try? library.database.decks().first { $0.deck.id == card.deckID }?.deck.path) ?? nil
        guard let path else {
            console.line("\(card.deckID):\(card.line)")
            return
        }
        if BundledDeckPath.isBundled(path) {
            let text =
                "\(card.qualifiedID) is in a deck bundled with Recall, which cannot be edited in place. "
                + "'recall decks --copy \(card.deckID)' copies the deck into \(userDeckFolder) with the same card ids, "
                + "so your history stays with the cards; the copy then replaces the bundled deck, and e opens it."
            TextLayout(width: TextLayout.defaultWidth).wrap(text).forEach { console.line($0) }
            return
        }
        guard isTerminal, let editor = editorCommand else {
            console.line("\(path):\(card.line)" + (isTerminal ? " (set $VISUAL or $EDITOR to open it here)" : ""))
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // "$0" is the editor command as the user wrote it (it may carry flags); +LINE is understood by vi, emacs, nano and code -g alike.
        process.arguments = ["-c", "\(editor) \"+$1\" \"$2\"", editor, String(card.line), path]
        do {
            try process.run()
            process.waitUntilExit()
            console.line("Edited \(path); the change is read at the next start.")
        } catch {
            console.line("cannot start the editor '\(editor)': \(error.localizedDescription); the card is at \(path):\(card.line)")
        }
    }
}

/// Bundled deck files are known by the path prefix the loader gives them.
enum BundledDeckPath {
    static let prefix = "Decks/"
    static func isBundled(_ path: String) -> Bool { path.hasPrefix(prefix) }
}
