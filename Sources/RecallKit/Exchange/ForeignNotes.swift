import Foundation

/// A note read from another tool, already in plain text, before it becomes Recall cards.
struct ForeignNote {
    var kind: CardKind
    /// The question, or for a cloze the text with Recall's `{{deletion::hint}}`.
    var front: String
    var back: String
    var explanation: String?
    var source: String?
    var alternatives: [String] = []
    /// The Chinese fields of a note Recall exported (`Front.zh`, …), for a cloze with Recall's deletions.
    var chinese: CardTranslation?
    var tags: [String]
    /// `recall:DECK/NOTE` for notes Recall exported: the note id is kept.
    var guid: String?
    /// For a cloze: the Anki deletion number (`c2` → 2) of each of Recall's deletions, in order.
    var clozeNumbers: [Int] = []
    /// Where the note was read, for messages: `line 12` or `note 1695…`.
    var origin: String
}

/// Turns foreign notes into a Recall deck, giving each a valid, unique id and
/// leaving out (with a note saying why) what the deck format cannot hold.
struct ForeignDeckBuilder {
    var deck: Deck
    var notes: [String] = []
    private var used: Set<String> = []
    /// Note id → the Anki deletion numbers of its deletions.
    private(set) var clozeNumbers: [String: [Int]] = [:]
    /// The origin of each note id.
    private(set) var origins: [String: String] = [:]

    init(id: String, title: String, section: String) {
        deck = Deck(id: id, title: title, section: section)
    }

    /// Adds a note; returns its note id, or nil when it was left out.
    mutating func add(_ note: ForeignNote) -> String? {
        var note = note
        // Control characters (terminal escapes and the like) never reach a deck file.
        var removed = 0
        func clean(_ text: String) -> String {
            guard ControlCharacters.contains(text) else { return text }
            let kept = text.unicodeScalars.filter { !ControlCharacters.isControl($0) }
            removed += text.unicodeScalars.count - kept.count
            return String(String.UnicodeScalarView(kept))
        }
        note.front = clean(note.front)
        note.back = clean(note.back)
        note.explanation = note.explanation.map(clean)
        note.source = note.source.map(clean)
        note.alternatives = note.alternatives.map(clean)
        if removed > 0 { notes.append("\(note.origin): removed \(removed) control character(s) (terminal escapes and the like)") }
        note.front = note.front.trimmingCharacters(in: .whitespacesAndNewlines)
        note.back = note.back.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.front.isEmpty {
            notes.append("\(note.origin): left out, its first field is empty")
            return nil
        }
        if note.kind == .typed && (note.back.isEmpty || note.back.contains("\n")) { note.kind = .basic }
        if note.kind == .basic && note.back.isEmpty {
            notes.append("\(note.origin): left out, it has no answer")
            return nil
        }
        var base = ""
        if let guid = note.guid, guid.hasPrefix("recall:"), let slash = guid.lastIndex(of: "/") {
            let kept = String(guid[guid.index(after: slash)...])
            if DeckParser.isValidID(kept) { base = kept }
        }
        if base.isEmpty { base = ExchangeID.slug(Cloze(note.front).filled) }
        let id = ExchangeID.unique(base, &used)
        let tags = note.tags.compactMap(ExchangeID.tag)
        let explanation = note.explanation.flatMap { $0.isEmpty ? nil : $0 }
        let source = note.source.flatMap { $0.isEmpty ? nil : $0 }
        var chinese = note.chinese
        // Chinese that does not match the English in shape is dropped, not the note.
        if note.kind == .cloze, let text = chinese?.clozeText, Cloze(text).deletions.count != Cloze(note.front).deletions.count {
            chinese?.clozeText = nil
        }
        if note.kind != .typed && note.kind != .basic { chinese?.answer = nil }
        if explanation == nil { chinese?.explanation = nil }
        if chinese?.isEmpty == true { chinese = nil }
        var cards: [Card] = []
        switch note.kind {
        case .cloze:
            let count = Cloze(note.front).deletions.count
            for index in 1...max(count, 1) {
                cards.append(
                    Card(
                        deckID: deck.id, id: "\(id).c\(index)", noteID: id, content: .cloze(text: note.front, deletion: index),
                        explanation: explanation, source: source, tags: tags, chinese: chinese))
            }
            clozeNumbers[id] = note.clozeNumbers
        case .typed:
            cards.append(
                Card(
                    deckID: deck.id, id: id, noteID: id,
                    content: .typed(question: note.front, answer: note.back, alternatives: note.alternatives),
                    explanation: explanation, source: source, tags: tags, chinese: chinese))
        case .basic, .choice:
            cards.append(
                Card(
                    deckID: deck.id, id: id, noteID: id, content: .basic(question: note.front, answer: note.back),
                    explanation: explanation, source: source, tags: tags, chinese: chinese))
        }
        deck.cards += cards
        origins[id] = note.origin
        return id
    }

    /// Checks that every note survives the deck format, leaving out (with a note saying why)
    /// those that do not; returns the note ids left out. Call once, after the last ``add(_:)``.
    ///
    /// The whole deck is rendered and parsed once; only if that fails is each note tried on
    /// its own to find the ones at fault, so a clean import costs one pass, not one parse per note.
    mutating func finish() -> Set<String> {
        let whole = DeckParser.parse(DeckWriter.render(deck), file: "import")
        if let parsed = whole.deck, parsed.cards.count == deck.cards.count { return [] }
        var kept: [Card] = []
        var dropped: Set<String> = []
        var start = 0
        while start < deck.cards.count {
            let noteID = deck.cards[start].noteID
            var end = start
            while end < deck.cards.count && deck.cards[end].noteID == noteID { end += 1 }
            let cards = Array(deck.cards[start..<end])
            let probe = DeckParser.parse(DeckWriter.render(Deck(id: deck.id, title: "probe", section: "probe", cards: cards)), file: "probe")
            if let parsed = probe.deck, parsed.cards.count == cards.count {
                kept += cards
            } else {
                let reason = probe.diagnostics.first(where: { $0.severity == .error })?.message ?? "it does not fit the deck format"
                notes.append("\(origins[noteID] ?? noteID): left out, \(reason)")
                dropped.insert(noteID)
                origins[noteID] = nil
                clozeNumbers[noteID] = nil
            }
            start = end
        }
        deck.cards = kept
        return dropped
    }

    /// Splits trailing `Why: …` and `Source: …` paragraphs (as Recall's text export writes them) off a field.
    static func splitExtras(_ text: String) -> (body: String, explanation: String?, source: String?) {
        var paragraphs = text.components(separatedBy: "\n\n")
        var explanation: String?
        var source: String?
        while let last = paragraphs.last {
            if source == nil && explanation == nil, last.hasPrefix("Source: ") {
                source = String(last.dropFirst("Source: ".count))
            } else if explanation == nil, last.hasPrefix("Why: ") {
                explanation = String(last.dropFirst("Why: ".count))
            } else {
                break
            }
            paragraphs.removeLast()
        }
        return (paragraphs.joined(separator: "\n\n"), explanation, source)
    }

    /// Takes an `Also accepted: a | b` line (Recall's package export of typed answers) out of an explanation.
    static func splitAlternatives(_ explanation: String?) -> (explanation: String?, alternatives: [String]) {
        guard let explanation else { return (nil, []) }
        var lines = explanation.components(separatedBy: "\n")
        guard let index = lines.lastIndex(where: { $0.hasPrefix("Also accepted: ") }) else { return (explanation, []) }
        let alternatives = lines[index].dropFirst("Also accepted: ".count).components(separatedBy: " | ")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        lines.remove(at: index)
        let rest = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (rest.isEmpty ? nil : rest, alternatives)
    }

    /// Anki's `{{c1::answer::hint}}` as Recall's `{{answer::hint}}`, with the Anki number of each deletion in order.
    static func clozeFromAnki(_ text: String) -> (text: String, numbers: [Int]) {
        var out = ""
        var numbers: [Int] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{c") {
            let afterC = rest[open.upperBound...]
            let digits = afterC.prefix { $0.isNumber }
            guard !digits.isEmpty, afterC.dropFirst(digits.count).hasPrefix("::"),
                let number = Int(digits),
                let close = afterC.range(of: "}}")
            else {
                out += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            out += rest[..<open.lowerBound]
            let inner = afterC[afterC.index(afterC.startIndex, offsetBy: digits.count + 2)..<close.lowerBound]
            out += "{{" + inner + "}}"
            numbers.append(number)
            rest = afterC[close.upperBound...]
        }
        out += rest
        return (out, numbers)
    }
}
