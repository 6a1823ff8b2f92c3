/// A deck file's bytes as handed to the engine by whoever read them.
public struct DeckFile: Sendable {
    /// The name diagnostics use, and the key the database remembers the file by.
    public var path: String
    public var bytes: [UInt8]
    /// True for the decks compiled into Recall: a user's file with the same deck id replaces it.
    public var isBundled: Bool
    /// The file's size and modification time when it was read, if it came from a file.
    public var stamp: DeckFileStamp?

    public init(path: String, bytes: [UInt8], stamp: DeckFileStamp? = nil, isBundled: Bool = false) {
        self.path = path
        self.bytes = bytes
        self.stamp = stamp
        self.isBundled = isBundled
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
    /// The file's note-block index, kept so that the next read parses only what changed (nil: none).
    public var blockIndex: DeckBlockIndex? = nil
    /// Set when only the changed note blocks were parsed: `deck.cards` holds
    /// their cards, and this says where the others moved (``DeckPatch``).
    public var patch: DeckPatch? = nil
}

/// A deck file that failed to parse, as the database remembers it: the next
/// command that finds the file unchanged (size and time, or hash) reports
/// these diagnostics again without parsing it.
public struct BrokenDeckFile: Hashable, Sendable {
    public var path: String
    public var contentHash: String
    public var stamp: DeckFileStamp?
    public var declaredDeckID: String?
    public var diagnostics: [DeckDiagnostic]

    /// The diagnostics in a compact binary form for the database (a broken file may have
    /// tens of thousands; Foundation's JSON coders take seconds for that many).
    public static func encode(_ diagnostics: [DeckDiagnostic]) -> [UInt8] {
        var bytes: [UInt8] = [formatVersion]
        func put(_ value: Int) {
            let clamped = UInt32(clamping: max(0, value))
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: clamped >> UInt32(shift))) }
        }
        func put(_ text: String) {
            put(text.utf8.count)
            bytes += text.utf8
        }
        put(diagnostics.count)
        for diagnostic in diagnostics {
            bytes.append(diagnostic.severity == .error ? 1 : 0)
            put(diagnostic.file)
            put(diagnostic.line)
            put(diagnostic.column)
            put(diagnostic.message)
            if let hint = diagnostic.hint {
                bytes.append(1)
                put(hint)
            } else {
                bytes.append(0)
            }
        }
        return bytes
    }

    /// Decodes ``encode(_:)``; nil for anything else (the file is then parsed again).
    public static func decode(_ bytes: [UInt8]) -> [DeckDiagnostic]? {
        var offset = 0
        func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            offset += 1
            return bytes[offset - 1]
        }
        func number() -> Int? {
            guard offset + 4 <= bytes.count else { return nil }
            var value = 0
            for index in 0..<4 { value |= Int(bytes[offset + index]) << (index * 8) }
            offset += 4
            return value
        }
        func text() -> String? {
            guard let length = number(), offset + length <= bytes.count else { return nil }
            defer { offset += length }
            return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        }
        guard byte() == formatVersion, let count = number(), count <= bytes.count else { return nil }
        var diagnostics: [DeckDiagnostic] = []
        diagnostics.reserveCapacity(count)
        for _ in 0..<count {
            guard let severity = byte(), let file = text(), let line = number(), let column = number(), let message = text(),
                let hasHint = byte()
            else { return nil }
            var hint: String?
            if hasHint == 1 {
                guard let value = text() else { return nil }
                hint = value
            }
            diagnostics.append(DeckDiagnostic(severity == 1 ? .error : .warning, file: file, line: line, column: column, message, hint: hint))
        }
        return offset == bytes.count ? diagnostics : nil
    }

    static let formatVersion: UInt8 = 1

    public init(path: String, contentHash: String, stamp: DeckFileStamp?, declaredDeckID: String?, diagnostics: [DeckDiagnostic]) {
        self.path = path
        self.contentHash = contentHash
        self.stamp = stamp
        self.declaredDeckID = declaredDeckID
        self.diagnostics = diagnostics
    }
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
        /// The deck ids broken files declare: those decks are left as they are
        /// too, wherever the database last saw their files (a moved folder).
        public var brokenDeckIDs: [String] = []
        public var diagnostics: [DeckDiagnostic]
        /// The files parsed now that have errors of their own (not the deck-id rule's), to remember.
        public var newlyBroken: [BrokenDeckFile] = []
        /// Note blocks parsed, over all files (an unchanged block of an edited file is not parsed).
        public var notesParsed = 0
    }

    /// - Parameters:
    ///   - isUnchanged: tells whether a file with this path and hash is
    ///     already known; such files are skipped, which keeps start-up cheap.
    ///   - deckIDOfUnchanged: the deck id the database has for an unchanged
    ///     path, so that the deck-id rule below sees skipped files too.
    ///   - unreadablePaths: entries the caller could not read (a folder named
    ///     `x.md`, a dangling link): counted as broken, so their decks stay as they are.
    ///
    /// The deck-id rule, the same on every run: two of the user's files with
    /// one deck id are an error naming both, and neither is loaded (the
    /// database keeps that deck as it was); a user's file with a bundled
    /// deck's id replaces the bundled deck, history included, so a user can
    /// keep an edited copy of a bundled deck.
    ///   - untouchedPaths: the user's files not even read, their size and
    ///     modification time being those of their last read: unchanged, and
    ///     claiming their deck ids (per `deckIDOfUnchanged`) like any other.
    ///   - previousIndex: the block index of a file's last good parse, by path:
    ///     with it only the note blocks that changed are parsed.
    ///   - knownBroken: files the database remembers as broken. One in
    ///     `untouchedPaths` is reported as it was without being read; one read
    ///     whose hash is the remembered one is reported without being parsed.
    public static func load(
        _ files: [DeckFile], unreadablePaths: [String] = [], untouchedPaths: [String] = [],
        isUnchanged: (String, String) -> Bool = { _, _ in false },
        deckIDOfUnchanged: (String) -> String? = { _ in nil },
        previousIndex: (String) -> DeckBlockIndex? = { _ in nil },
        knownBroken: [String: BrokenDeckFile] = [:]
    ) -> Result {
        var result = Result(decks: [], unchangedPaths: [], brokenPaths: unreadablePaths, diagnostics: [])
        for path in untouchedPaths {
            if let broken = knownBroken[path] {
                result.diagnostics += broken.diagnostics
                result.brokenPaths.append(path)
                if let id = broken.declaredDeckID { result.brokenDeckIDs.append(id) }
            } else {
                result.unchangedPaths.append(path)
            }
        }
        var parsed: [(file: DeckFile, deck: Deck, hash: String, index: DeckBlockIndex?, patch: DeckPatch?)] = []
        /// Deck id → the user's paths and the bundled paths that claim it.
        var userPaths: [String: [String]] = [:]
        var bundledPaths: [String: [String]] = [:]
        func claim(_ id: String, _ file: DeckFile) {
            if file.isBundled { bundledPaths[id, default: []].append(file.path) } else { userPaths[id, default: []].append(file.path) }
        }
        for path in result.unchangedPaths {
            if let id = deckIDOfUnchanged(path) { userPaths[id, default: []].append(path) }
        }
        for file in files {
            let hash = file.contentHash
            if isUnchanged(file.path, hash) {
                result.unchangedPaths.append(file.path)
                if let id = deckIDOfUnchanged(file.path) { claim(id, file) }
                continue
            }
            if let broken = knownBroken[file.path], broken.contentHash == hash {
                // Touched but not changed since it was found broken: the same errors, no parse.
                result.diagnostics += broken.diagnostics
                result.brokenPaths.append(file.path)
                if let id = broken.declaredDeckID { result.brokenDeckIDs.append(id) }
                var restamped = broken
                restamped.stamp = file.stamp
                if restamped != broken { result.newlyBroken.append(restamped) }
                continue
            }
            let incremental = DeckParser.parse(bytes: file.bytes, file: file.path, previous: previousIndex(file.path))
            let outcome = incremental.result
            result.notesParsed += incremental.notesParsed
            result.diagnostics += outcome.diagnostics
            guard let deck = outcome.deck else {
                result.brokenPaths.append(file.path)
                if let id = outcome.declaredDeckID { result.brokenDeckIDs.append(id) }
                result.newlyBroken.append(
                    BrokenDeckFile(
                        path: file.path, contentHash: hash, stamp: file.stamp,
                        declaredDeckID: outcome.declaredDeckID, diagnostics: outcome.diagnostics))
                continue
            }
            claim(deck.id, file)
            parsed.append((file, deck, hash, incremental.index, incremental.patch))
        }
        // Deck ids the rule takes away from every file that claims them.
        var refused: Set<String> = []
        for (id, paths) in userPaths where paths.count > 1 {
            refused.insert(id)
            for path in paths {
                let others = paths.filter { $0 != path }.joined(separator: ", ")
                result.diagnostics.append(
                    DeckDiagnostic(
                        .error, file: path, line: 1, column: 1,
                        "deck id '\(id)' is also used by \(others); neither file is loaded and the deck stays as it was",
                        hint: "give each deck file its own 'id:'"))
            }
            result.brokenPaths += paths + (bundledPaths[id] ?? [])
        }
        for (id, paths) in bundledPaths where paths.count > 1 && !refused.contains(id) {
            refused.insert(id)
            for path in paths {
                result.diagnostics.append(
                    DeckDiagnostic(
                        .error, file: path, line: 1, column: 1,
                        "deck id '\(id)' is used by more than one bundled deck", hint: "give each deck file its own 'id:'"))
            }
            result.brokenPaths += paths
        }
        result.brokenDeckIDs += refused.sorted()
        for entry in parsed where !refused.contains(entry.deck.id) {
            // A bundled deck whose id a user's file has is replaced by that file.
            if entry.file.isBundled && userPaths[entry.deck.id] != nil { continue }
            result.decks.append(
                LoadedDeck(
                    deck: entry.deck, path: entry.file.path, contentHash: entry.hash, stamp: entry.file.stamp,
                    blockIndex: entry.index, patch: entry.patch))
        }
        // An unchanged bundled deck replaced by a user's file is not "kept" either.
        let replacedBundled = Set(bundledPaths.filter { userPaths[$0.key] != nil }.values.joined())
        result.unchangedPaths.removeAll { replacedBundled.contains($0) }
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
                    diagnostics.append(
                        DeckDiagnostic(
                            .warning, file: loaded.path, line: card.line, column: 1,
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
