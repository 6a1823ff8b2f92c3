/// A deck file's bytes as handed to the engine by whoever read them.
public struct DeckFile: Sendable {
    /// The name diagnostics use, and the key the database remembers the file by.
    public var path: String
    public var bytes: [UInt8]
    /// The file's size and modification time when it was read, if it came from a file.
    public var stamp: DeckFileStamp?

    public init(path: String, bytes: [UInt8], stamp: DeckFileStamp? = nil) {
        self.path = path
        self.bytes = bytes
        self.stamp = stamp
    }

    /// A fingerprint of the bytes (64-bit FNV-1a, hex): enough to tell an
    /// unchanged file, so it need not be parsed again.
    public var contentHash: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A deck file's size and modification time, as the file system reports
/// them: when both are what they were at the last read, the file is taken as
/// unchanged without reading or hashing it (as `make` and `git` do).
public struct DeckFileStamp: Hashable, Sendable {
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modifiedNs: Int64

    public init(size: Int64, modifiedNs: Int64) {
        self.size = size
        self.modifiedNs = modifiedNs
    }
}

/// A parsed deck with where it came from.
public struct LoadedDeck: Sendable {
    public var deck: Deck
    public var path: String
    public var contentHash: String
    /// The file's size and modification time when it was read (nil for bundled decks).
    public var stamp: DeckFileStamp? = nil
}

/// Reads a set of deck files into decks, checking each file and the set as a
/// whole (deck ids unique, no question asked twice). Pure.
public enum DeckLoader {
    public struct Result: Sendable {
        /// The decks that parsed without error.
        public var decks: [LoadedDeck]
        /// Paths whose files were unchanged (per `isUnchanged`) and so not parsed.
        public var unchangedPaths: [String]
        /// Paths with errors: their decks are left as the database has them.
        public var brokenPaths: [String]
        public var diagnostics: [DeckDiagnostic]
    }

    /// - Parameter isUnchanged: tells whether a file with this path and hash
    ///   is already known; such files are skipped, which keeps start-up cheap.
    public static func load(_ files: [DeckFile], isUnchanged: (String, String) -> Bool = { _, _ in false }) -> Result {
        var result = Result(decks: [], unchangedPaths: [], brokenPaths: [], diagnostics: [])
        var firstPathOfDeck: [String: String] = [:]
        for file in files {
            let hash = file.contentHash
            if isUnchanged(file.path, hash) {
                result.unchangedPaths.append(file.path)
                continue
            }
            let parsed = DeckParser.parse(bytes: file.bytes, file: file.path)
            result.diagnostics += parsed.diagnostics
            guard let deck = parsed.deck else {
                result.brokenPaths.append(file.path)
                continue
            }
            if let other = firstPathOfDeck[deck.id] {
                result.diagnostics.append(DeckDiagnostic(.error, file: file.path, line: 1, column: 1,
                    "deck id '\(deck.id)' is already used by \(other)",
                    hint: "give each deck file its own 'id:'"))
                result.brokenPaths.append(file.path)
                continue
            }
            firstPathOfDeck[deck.id] = file.path
            result.decks.append(LoadedDeck(deck: deck, path: file.path, contentHash: hash, stamp: file.stamp))
        }
        result.diagnostics += DeckLinter.lint(result.decks)
        return result
    }
}

/// Checks that look across decks: the same question asked twice.
public enum DeckLinter {
    public static func lint(_ decks: [LoadedDeck]) -> [DeckDiagnostic] {
        var diagnostics: [DeckDiagnostic] = []
        var seen: [String: (path: String, line: Int, note: String)] = [:]
        for loaded in decks {
            var notesDone: Set<String> = []
            for card in loaded.deck.cards where notesDone.insert(card.noteID).inserted {
                let key = normalizedQuestion(card)
                if let first = seen[key] {
                    diagnostics.append(DeckDiagnostic(.warning, file: loaded.path, line: card.line, column: 1,
                        "card '\(card.noteID)' asks the same question as '\(first.note)' (\(first.path):\(first.line))",
                        hint: "merge the two cards or make the questions differ"))
                } else {
                    seen[key] = (loaded.path, card.line, card.noteID)
                }
            }
        }
        return diagnostics
    }

    static func normalizedQuestion(_ card: Card) -> String {
        let text: String
        switch card.content {
        case .cloze(let whole, _): text = whole
        default: text = card.prompt
        }
        return text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
