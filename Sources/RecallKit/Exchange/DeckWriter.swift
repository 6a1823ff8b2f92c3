/// Renders a deck in Recall's deck format (docs/deck-format.md), for the
/// deck files that `recall import` creates. Pure.
///
/// The text is meant to parse back to the same cards: lines of a value that
/// the parser would read as a heading, a field or a choice get one leading
/// space, and an unclosed code fence is closed. Callers parse the result
/// again before writing it, so nothing unreadable ever reaches the decks folder.
public enum DeckWriter {
    public static func render(_ deck: Deck) -> String {
        var out = "---\n"
        out += "id: \(deck.id)\n"
        out += "title: \(oneLine(deck.title))\n"
        if let titleZh = deck.titleZh, !titleZh.isEmpty { out += "title_zh: \(oneLine(titleZh))\n" }
        out += "section: \(oneLine(deck.section))\n"
        if let sectionZh = deck.sectionZh, !sectionZh.isEmpty { out += "section_zh: \(oneLine(sectionZh))\n" }
        if !deck.tags.isEmpty { out += "tags: \(deck.tags.joined(separator: ", "))\n" }
        out += "---\n"
        if !deck.description.isEmpty { out += "\n" + guarded(deck.description, choices: true) + "\n" }
        var notesDone: Set<String> = []
        for card in deck.cards where notesDone.insert(card.noteID).inserted {
            out += "\n## \(card.noteID)\n"
            switch card.content {
            case .basic(let question, let answer):
                out += field("Q", question, choices: true) + field("A", answer, choices: true)
            case .cloze(let text, _):
                out += field("C", text, choices: true)
            case .choice(let question, let choices):
                out += field("M", question, choices: true)
                for choice in choices { out += "- [\(choice.isCorrect ? "x" : " ")] \(oneLine(choice.text))\n" }
            case .typed(let question, let answer, let alternatives):
                out += field("T", question, choices: true) + "A: \(oneLine(answer))\n"
                for alternative in alternatives { out += "Alt: \(oneLine(alternative))\n" }
            }
            if let explanation = card.explanation, !explanation.isEmpty { out += field("Why", explanation, choices: false) }
            out += chinese(card)
            if !card.related.isEmpty {
                out +=
                    "Related: "
                    + card.related.map { $0.hasPrefix("\(deck.id)/") ? String($0.dropFirst(deck.id.count + 1)) : $0 }
                    .joined(separator: ", ") + "\n"
            }
            if let source = card.source, !source.isEmpty { out += field("Source", source, choices: false) }
            let ownTags = card.tags.filter { !deck.tags.contains($0) }
            if !ownTags.isEmpty { out += "Tags: \(ownTags.joined(separator: ", "))\n" }
        }
        return out
    }

    /// The card's `.zh` fields, after its English ones (docs/deck-format.md).
    private static func chinese(_ card: Card) -> String {
        guard let zh = card.chinese else { return "" }
        var out = ""
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { out += field(key, value, choices: true) }
        }
        switch card.content {
        case .basic:
            add("Q.zh", zh.question)
            if card.answerText.isEmpty == false { add("A.zh", zh.answer) }
        case .cloze:
            add("C.zh", zh.clozeText)
        case .choice:
            if let question = zh.question, !question.isEmpty, !zh.choices.isEmpty {
                out += field("M.zh", question, choices: true)
                for choice in zh.choices { out += "- [\(choice.isCorrect ? "x" : " ")] \(oneLine(choice.text))\n" }
            }
        case .typed:
            add("T.zh", zh.question)
            if let answer = zh.answer, !answer.isEmpty { out += "A.zh: \(oneLine(answer))\n" }
        }
        if let explanation = card.explanation, !explanation.isEmpty, let why = zh.explanation, !why.isEmpty {
            out += field("Why.zh", why, choices: false)
        }
        return out
    }

    private static func field(_ key: String, _ value: String, choices: Bool) -> String {
        let text = guarded(value, choices: choices)
        let first = text.prefix { $0 != "\n" }.trimmingSpaces
        // A code fence must start its own line, so a value that opens with one starts below the key.
        if first.hasPrefix("```") || first.hasPrefix("~~~") { return "\(key):\n\(text)\n" }
        return "\(key): \(text)\n"
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The value's lines, with those the parser would misread indented by a space.
    private static func guarded(_ value: String, choices: Bool) -> String {
        var lines = value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fenceLines = 0
        for index in lines.indices {
            let line = lines[index]
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fenceLines += 1
                continue
            }
            guard index > 0 else { continue }
            let misread =
                line == "##" || line.hasPrefix("## ") || FieldKey.match(Substring(line)) != nil
                || (choices && DeckParserChoice.matches(line))
            if misread { lines[index] = " " + line }
        }
        if fenceLines % 2 == 1 { lines.append("```") }
        return lines.joined(separator: "\n")
    }
}

enum DeckParserChoice {
    static func matches(_ line: String) -> Bool {
        line.hasPrefix("- [x] ") || line.hasPrefix("- [X] ") || line.hasPrefix("- [ ] ")
    }
}

/// Ids for imported cards and decks: lower-case letters, digits and `-`.
public enum ExchangeID {
    /// A slug of `text`: `"What is ZeRO-3?"` → `what-is-zero-3`, at most `limit` characters.
    public static func slug(_ text: String, limit: Int = 40) -> String {
        var out = ""
        var lastDash = true
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
                lastDash = false
            } else if !lastDash {
                out += "-"
                lastDash = true
            }
            if out.count > limit { break }
        }
        if out.count > limit {
            // Cut at the last whole word that fits.
            let cut = out.prefix(limit)
            out = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? String(cut)
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// `base`, or `base-2`, `base-3`… whichever is not yet in `used`; records it.
    public static func unique(_ base: String, _ used: inout Set<String>) -> String {
        let root = base.isEmpty ? "card" : String(base.prefix(DeckLimits.maxIDLength - 6))
        var candidate = root
        var n = 2
        while used.contains(candidate) {
            candidate = "\(root)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// A tag as the deck format allows it: other characters become `-` (`geo::europe` → `geo-europe`).
    public static func tag(_ raw: String) -> String? {
        var out = ""
        for scalar in raw.unicodeScalars {
            let ok = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
            if ok { out.unicodeScalars.append(scalar) } else if !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        while out.hasPrefix("-") { out.removeFirst() }
        return out.isEmpty ? nil : out
    }
}

/// A deck file about to be created: its text and the deck as it parses back.
public struct DeckFileDraft: Sendable {
    public var text: String
    public var loaded: LoadedDeck

    /// Renders `deck` for `path` and parses it back, so that only a file that reads as it should is ever written.
    ///
    /// - Throws: ``ExchangeError/malformed(file:line:reason:)`` with the first problems when it does not read back.
    public init(_ deck: Deck, path: String) throws {
        text = DeckWriter.render(deck)
        let bytes = Array(text.utf8)
        // Parsed as a sync parses it, so the block index is kept: the first edit of the new file parses only what changed.
        let incremental = DeckParser.parse(bytes: bytes, file: path, previous: nil)
        let parsed = incremental.result
        guard let parsedDeck = parsed.deck else {
            let problems = parsed.diagnostics.filter { $0.severity == .error }.prefix(3).map(\.description).joined(separator: "; ")
            throw ExchangeError.malformed(file: path, line: nil, reason: "deck '\(deck.id)' does not read back as a deck file (\(problems))")
        }
        loaded = LoadedDeck(
            deck: parsedDeck, path: path, contentHash: DeckFile(path: path, bytes: bytes).contentHash,
            blockIndex: incremental.index)
    }
}
