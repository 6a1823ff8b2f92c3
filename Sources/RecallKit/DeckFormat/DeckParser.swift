/// Parses one deck file: a line classifier feeding an explicit state machine.
///
/// Pure: it takes the file's text and the name to report it under, and
/// touches no file, clock or database. Every problem becomes a
/// ``DeckDiagnostic`` naming the line and column, with a hint; parsing goes
/// on after an error so that one run reports them all. A deck with any error
/// is returned as `nil`, so nothing half-read is ever stored.
///
/// ```swift
/// let result = DeckParser.parse(text, file: "Decks/parallelism-strategies.md")
/// if let deck = result.deck { ... } else { print(result.diagnostics) }
/// ```
public enum DeckParser {
    public struct Result: Sendable {
        public var deck: Deck?
        public var diagnostics: [DeckDiagnostic]
        /// The parser's work in steps (a line read, a field or card finished,
        /// a diagnostic recorded or examined), for the test that keeps it linear.
        var operations = 0
        /// The deck id the front matter gives, even when the file has errors
        /// elsewhere: a broken file still says which deck it is, so that deck
        /// is kept wherever the file now lies.
        public var declaredDeckID: String? = nil
    }

    public static func parse(_ text: String, file: String) -> Result {
        var state = ParseState(file: file)
        state.run(lines: splitLines(text))
        return Result(
            deck: state.errorCount > 0 ? nil : state.deck, diagnostics: state.diagnostics, operations: state.operations,
            declaredDeckID: state.deck.id.isEmpty ? nil : state.deck.id)
    }

    /// Decodes a file's bytes, reporting invalid UTF-8 at its line and column.
    public static func parse(bytes: [UInt8], file: String) -> Result {
        if let text = String(validating: bytes, as: UTF8.self) {
            return parse(text, file: file)
        }
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let length = validUTF8Length(bytes, at: index)
            if length == 0 { break }
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        let column = (String(validating: bytes[lineStart..<index], as: UTF8.self)?.count ?? 0) + 1
        return Result(
            deck: nil,
            diagnostics: [
                DeckDiagnostic(
                    .error, file: file, line: line, column: column, "invalid UTF-8 (byte 0x\(String(bytes[min(index, bytes.count - 1)], radix: 16)))",
                    hint: "deck files must be UTF-8; re-save the file as UTF-8")
            ])
    }

    /// A parse that may have skipped unchanged note blocks.
    public struct IncrementalResult: Sendable {
        /// As ``parse(bytes:file:)`` gives it, except that when `patch` is set
        /// the deck's cards and the diagnostics are those of the header and
        /// the parsed blocks only (plus any duplicate-id error, which looks at
        /// every block): the other blocks are as they were in the last good
        /// parse, which reported their warnings then.
        public var result: Result
        /// The file's block index, when it parsed without error (nil otherwise).
        public var index: DeckBlockIndex?
        /// Set when only some blocks were parsed; nil when the file was parsed whole.
        public var patch: DeckPatch?
        /// Note blocks parsed (the header is parsed every time and not counted).
        public var notesParsed: Int
    }

    /// Parses a file given the block index of its last good parse: when the
    /// header is unchanged, only the note blocks whose bytes are not among
    /// the old blocks are parsed; the others keep their cards, shifted to
    /// their new positions and lines (``DeckPatch``). Without an index, or
    /// with a changed header, the file is parsed whole.
    public static func parse(bytes: [UInt8], file: String, previous: DeckBlockIndex?) -> IncrementalResult {
        bytes.withUnsafeBufferPointer { buffer in
            guard let cut = DeckBlocks.cut(buffer) else {
                return IncrementalResult(result: parse(bytes: bytes, file: file), index: nil, patch: nil, notesParsed: 0)
            }
            let headerHash = DeckBlocks.hash(buffer, cut.header)
            let hashes = cut.blocks.map { DeckBlocks.hash(buffer, $0) }
            if let previous, previous.headerHash == headerHash, !cut.blocks.isEmpty,
                let incremental = parseChangedBlocks(buffer, file: file, cut: cut, hashes: hashes, headerHash: headerHash, previous: previous)
            {
                return incremental
            }
            let whole = parse(bytes: bytes, file: file)
            return IncrementalResult(
                result: whole, index: whole.deck.flatMap { index(of: $0, cut: cut, hashes: hashes, headerHash: headerHash) },
                patch: nil, notesParsed: cut.blocks.count)
        }
    }

    /// The block index of a whole parse: each block's cards are the run of cards that start on its heading's line.
    static func index(of deck: Deck, cut: DeckBlocks, hashes: [UInt64], headerHash: UInt64) -> DeckBlockIndex? {
        var blocks: [DeckBlockIndex.Block] = []
        blocks.reserveCapacity(cut.blocks.count)
        var cardIndex = 0
        var line = cut.headerLineCount + 1
        for (ordinal, lineCount) in cut.lineCounts.enumerated() {
            guard cardIndex < deck.cards.count, deck.cards[cardIndex].line == line else { return nil }
            let note = deck.cards[cardIndex].noteID
            var count = 0
            while cardIndex < deck.cards.count && deck.cards[cardIndex].noteID == note && deck.cards[cardIndex].line == line {
                count += 1
                cardIndex += 1
            }
            blocks.append(DeckBlockIndex.Block(hash: hashes[ordinal], lineCount: lineCount, cardCount: count, noteID: note))
            line += lineCount
        }
        guard cardIndex == deck.cards.count else { return nil }
        return DeckBlockIndex(headerHash: headerHash, headerLineCount: cut.headerLineCount, blocks: blocks)
    }

    /// The incremental parse proper; nil when a changed block is not UTF-8 (the whole parse reports it).
    private static func parseChangedBlocks(
        _ buffer: UnsafeBufferPointer<UInt8>, file: String, cut: DeckBlocks, hashes: [UInt64],
        headerHash: UInt64, previous: DeckBlockIndex
    ) -> IncrementalResult? {
        guard let headerText = String(validating: UnsafeBufferPointer(rebasing: buffer[cut.header]), as: UTF8.self) else { return nil }
        var header = ParseState(file: file)
        let headerControl = header.runHeader(lines: splitLines(headerText))
        var controlDiagnostics = Array(header.diagnostics[..<headerControl])
        var bodyDiagnostics = Array(header.diagnostics[headerControl...])
        var errorCount = header.errorCount
        var operations = header.operations
        var headerDeck = header.deck
        headerDeck.cards = []
        var deck = headerDeck

        // The old blocks by hash, each with its first card's position and its first line.
        var oldByHash: [UInt64: [Int]] = [:]
        oldByHash.reserveCapacity(previous.blocks.count)
        var oldPositions: [Int] = []
        var oldLines: [Int] = []
        oldPositions.reserveCapacity(previous.blocks.count)
        oldLines.reserveCapacity(previous.blocks.count)
        var position = 0
        var line = previous.headerLineCount + 1
        for (ordinal, block) in previous.blocks.enumerated() {
            oldByHash[block.hash, default: []].append(ordinal)
            oldPositions.append(position)
            oldLines.append(line)
            position += block.cardCount
            line += block.lineCount
        }
        var used = [Bool](repeating: false, count: previous.blocks.count)

        var patch = DeckPatch()
        var blocks: [DeckBlockIndex.Block] = []
        blocks.reserveCapacity(cut.blocks.count)
        var seen: [String: Int] = [:]
        seen.reserveCapacity(cut.blocks.count)
        var notesParsed = 0
        position = 0
        line = cut.headerLineCount + 1
        for (ordinal, range) in cut.blocks.enumerated() {
            let hash = hashes[ordinal]
            var noteID: String
            var cardCount: Int
            var blockDiagnostics: [DeckDiagnostic] = []
            if var candidates = oldByHash[hash], let old = candidates.first {
                // Unchanged: its cards are the old ones, moved if the blocks above changed size.
                candidates.removeFirst()
                oldByHash[hash] = candidates
                used[old] = true
                noteID = previous.blocks[old].noteID
                cardCount = previous.blocks[old].cardCount
                let move = DeckPatch.Move(
                    oldPositions: oldPositions[old]..<oldPositions[old] + cardCount,
                    positionShift: position - oldPositions[old], lineShift: line - oldLines[old])
                if move.positionShift != 0 || move.lineShift != 0 {
                    if let last = patch.moves.last, last.oldPositions.upperBound == move.oldPositions.lowerBound,
                        last.positionShift == move.positionShift, last.lineShift == move.lineShift
                    {
                        patch.moves[patch.moves.count - 1].oldPositions = last.oldPositions.lowerBound..<move.oldPositions.upperBound
                    } else {
                        patch.moves.append(move)
                    }
                }
                patch.unchangedBlocks += 1
            } else {
                guard let text = String(validating: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) else { return nil }
                var state = ParseState(file: file)
                state.deck = headerDeck
                let control = state.runBlock(lines: splitLines(text), firstLine: line, isLast: ordinal == cut.blocks.count - 1)
                notesParsed += 1
                operations += state.operations
                errorCount += state.errorCount
                controlDiagnostics += state.diagnostics[..<control]
                blockDiagnostics = Array(state.diagnostics[control...])
                noteID = state.headingID ?? ""
                cardCount = state.deck.cards.count
                for (offset, card) in state.deck.cards.enumerated() {
                    deck.cards.append(card)
                    patch.positions.append(position + offset)
                }
            }
            // Card ids are unique across every block, as the whole parse checks them.
            if isValidID(noteID) {
                if let first = seen[noteID] {
                    bodyDiagnostics.append(
                        DeckDiagnostic(
                            .error, file: file, line: line, column: 4, "card id '\(noteID)' is already used on line \(first)",
                            hint: "each card needs its own id; the id keeps the card's review history"))
                    errorCount += 1
                } else {
                    seen[noteID] = line
                }
            }
            bodyDiagnostics += blockDiagnostics
            blocks.append(DeckBlockIndex.Block(hash: hash, lineCount: cut.lineCounts[ordinal], cardCount: cardCount, noteID: noteID))
            position += cardCount
            line += cut.lineCounts[ordinal]
        }
        for (old, wasUsed) in used.enumerated() where !wasUsed && previous.blocks[old].cardCount > 0 {
            let range = oldPositions[old]..<oldPositions[old] + previous.blocks[old].cardCount
            if let last = patch.replaced.last, last.upperBound == range.lowerBound {
                patch.replaced[patch.replaced.count - 1] = last.lowerBound..<range.upperBound
            } else {
                patch.replaced.append(range)
            }
        }
        let result = Result(
            deck: errorCount > 0 ? nil : deck, diagnostics: controlDiagnostics + bodyDiagnostics, operations: operations,
            declaredDeckID: deck.id.isEmpty ? nil : deck.id)
        let index = errorCount > 0 ? nil : DeckBlockIndex(headerHash: headerHash, headerLineCount: cut.headerLineCount, blocks: blocks)
        return IncrementalResult(result: result, index: index, patch: patch, notesParsed: notesParsed)
    }

    /// The file's lines without their endings. A UTF-8 byte-order mark at the
    /// start is dropped, and CRLF ends a line as LF does: in Swift "\r\n" is
    /// one `Character`, unequal to "\n", so it is matched as itself.
    static func splitLines(_ text: String) -> [Substring] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        var lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or 0.
    private static func validUTF8Length(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        return String(validating: bytes[index..<index + length], as: UTF8.self) == nil ? 0 : length
    }

    /// Deck and card ids: lower-case letters, digits and `-`, starting with a letter or digit.
    public static func isValidID(_ id: some StringProtocol) -> Bool {
        guard let first = id.unicodeScalars.first, id.count <= DeckLimits.maxIDLength else { return false }
        func allowed(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
        return allowed(first) && id.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" }
    }

    static func isValidTag(_ tag: some StringProtocol) -> Bool {
        !tag.isEmpty
            && tag.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
            }
    }

    static func parseTags(_ value: String, file: String, line: Int, into diagnostics: inout [DeckDiagnostic]) -> [String] {
        var tags: [String] = []
        for raw in value.split(separator: ",") {
            let tag = raw.trimmingSpaces
            if tag.isEmpty { continue }
            if isValidTag(tag) {
                if !tags.contains(tag) { tags.append(tag) }
            } else {
                diagnostics.append(
                    DeckDiagnostic(
                        .error, file: file, line: line, column: 1, "invalid tag '\(tag)'",
                        hint: "tags use letters, digits, '-', '_' and '.'; separate them with commas"))
            }
        }
        return tags
    }
}

/// The field keys a card may carry. The first one names the card's kind.
enum FieldKey: String, CaseIterable {
    case question = "Q"
    case cloze = "C"
    case choice = "M"
    case typed = "T"
    case answer = "A"
    case alternative = "Alt"
    case why = "Why"
    case source = "Source"
    case tags = "Tags"
    case grade = "Grade"
    /// The Chinese text of a card (issue 15): the English key with `.zh` appended.
    case questionZh = "Q.zh"
    case clozeZh = "C.zh"
    case choiceZh = "M.zh"
    case typedZh = "T.zh"
    case answerZh = "A.zh"
    case whyZh = "Why.zh"
    /// Notes the queue keeps apart from this one on a day: `card-id, other-deck/card-id`.
    case related = "Related"

    var kind: CardKind? {
        switch self {
        case .question: .basic
        case .cloze: .cloze
        case .choice: .choice
        case .typed: .typed
        default: nil
        }
    }

    /// A `.zh` field: the Chinese text of a card.
    var isChinese: Bool { rawValue.hasSuffix(".zh") }

    /// A field holding the card's English text, which the `.zh` fields follow.
    var isEnglishContent: Bool { [.question, .cloze, .choice, .typed, .answer, .alternative, .why].contains(self) }

    /// Recognises `Key:` at the start of a line; returns the key and the value after it.
    static func match(_ line: Substring) -> (FieldKey, Substring)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        guard let key = FieldKey(rawValue: String(line[..<colon])) else { return nil }
        let rest = line[line.index(after: colon)...]
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return (key, rest)
    }
}

private struct RawField {
    var key: FieldKey
    var line: Int
    var valueColumn: Int
    var lines: [Substring]

    /// The value, trimmed: computed once when the field ends (see `ParseState.finishField`).
    var value = ""

    mutating func finish() { value = joinedValue }

    var joinedValue: String {
        var trimmed = lines
        while let last = trimmed.last, last.trimmingSpaces.isEmpty { trimmed.removeLast() }
        guard !trimmed.isEmpty else { return "" }
        trimmed[0] = Substring(trimmed[0].trimmingSpaces)
        return trimmed.joined(separator: "\n").trimmingTrailingSpaces
    }

    /// Lines of the value that are not blank, after the first.
    var continuationLineCount: Int {
        lines.dropFirst().filter { !$0.trimmingSpaces.isEmpty }.count
    }
}

private struct RawChoice {
    var text: String
    var isCorrect: Bool
    var line: Int
}

private struct RawCard {
    var id: String
    var line: Int
    var fields: [RawField] = []
    var choices: [RawChoice] = []
    /// The choice lines after `M.zh:`.
    var choicesZh: [RawChoice] = []
}

private struct ParseState {
    let file: String
    var diagnostics: [DeckDiagnostic] = []
    var deck = Deck(id: "", title: "", section: "")
    var description: [Substring] = []
    var card: RawCard?
    var field: RawField?
    var fence: (line: Int, marker: Substring)?
    var seenCardLines: [String: Int] = [:]
    /// The errors among `diagnostics`, counted as they are recorded: whether a
    /// card added an error is a comparison of two counts, never a pass over
    /// the diagnostics (which made a deck with a warning per card quadratic).
    var errorCount = 0
    var operations = 0
    /// The id of the last card heading read, valid or not (for the block index).
    var headingID: String?

    init(file: String) { self.file = file }

    mutating func record(_ diagnostic: DeckDiagnostic) {
        operations += 1
        if diagnostic.severity == .error { errorCount += 1 }
        diagnostics.append(diagnostic)
    }

    /// ``DeckParser/parseTags(_:file:line:into:)``, its diagnostics recorded (and counted) here.
    mutating func parseTags(_ value: String, line: Int) -> [String] {
        var found: [DeckDiagnostic] = []
        let tags = DeckParser.parseTags(value, file: file, line: line, into: &found)
        found.forEach { record($0) }
        return tags
    }

    mutating func error(_ line: Int, _ column: Int = 1, _ message: String, hint: String? = nil) {
        record(DeckDiagnostic(.error, file: file, line: line, column: column, message, hint: hint))
    }

    mutating func warning(_ line: Int, _ column: Int = 1, _ message: String, hint: String? = nil) {
        record(DeckDiagnostic(.warning, file: file, line: line, column: column, message, hint: hint))
    }

    /// A warning for each line holding a control character (``ControlCharacters``):
    /// the command line shows them neutralised, but the file should not hold them.
    mutating func reportControlCharacters(_ lines: [Substring], firstLine: Int = 1) {
        for (index, line) in lines.enumerated() where ControlCharacters.contains(line) {
            var column = 1
            for character in line {
                if let scalar = character.unicodeScalars.first(where: ControlCharacters.isControl) {
                    warning(
                        index + firstLine, column, "control character \(ControlCharacters.name(scalar)) in the text",
                        hint: "delete it: Recall shows it as \(ControlCharacters.picture(scalar)) and never sends it to the terminal")
                    break
                }
                column += 1
            }
        }
    }

    mutating func run(lines: [Substring]) {
        reportControlCharacters(lines)
        let bodyStart = readFrontMatter(lines)
        guard let bodyStart else { return }
        for index in bodyStart..<lines.count {
            operations += 1
            consume(lines[index], number: index + 1)
        }
        if let fence {
            error(fence.line, 1, "code fence is never closed", hint: "add a line '\(fence.marker)' where the code block ends")
        }
        finishCard()
        deck.description =
            RawField(
                key: .why, line: 0, valueColumn: 1,
                lines: Array(description.drop(while: { $0.trimmingSpaces.isEmpty }))
            ).joinedValue
    }

    // MARK: Blocks

    /// Reads the header block alone (front matter and description), when note
    /// blocks follow it: what ``run(lines:)`` does before the first heading.
    /// Returns how many of the diagnostics are control-character warnings (they come first).
    mutating func runHeader(lines: [Substring]) -> Int {
        reportControlCharacters(lines)
        let controlCount = diagnostics.count
        if let bodyStart = readFrontMatter(lines) {
            for index in bodyStart..<lines.count {
                operations += 1
                consume(lines[index], number: index + 1)
            }
        }
        deck.description =
            RawField(
                key: .why, line: 0, valueColumn: 1,
                lines: Array(description.drop(while: { $0.trimmingSpaces.isEmpty }))
            ).joinedValue
        return controlCount
    }

    /// Reads one note block alone, its first line numbered `firstLine`, with
    /// `deck` already holding the header: what ``run(lines:)`` does from the
    /// block's heading to the next. Returns the count of control-character warnings, as above.
    mutating func runBlock(lines: [Substring], firstLine: Int, isLast: Bool) -> Int {
        reportControlCharacters(lines, firstLine: firstLine)
        let controlCount = diagnostics.count
        for (offset, line) in lines.enumerated() {
            operations += 1
            consume(line, number: firstLine + offset)
        }
        if isLast, let fence {
            error(fence.line, 1, "code fence is never closed", hint: "add a line '\(fence.marker)' where the code block ends")
        }
        finishCard()
        return controlCount
    }

    // MARK: Front matter

    /// Reads the front matter; returns the index of the first body line, or nil if there is none to read.
    mutating func readFrontMatter(_ lines: [Substring]) -> Int? {
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            error(
                1, 1, "a deck file must start with front matter",
                hint: "begin the file with '---', then 'id: …', 'title: …', 'section: …', then '---'")
            return nil
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces == "---" }) else {
            error(1, 1, "front matter is never closed", hint: "end the front matter with a line '---'")
            return nil
        }
        var seen: [String: Int] = [:]
        for index in 1..<close {
            let line = lines[index]
            let number = index + 1
            if line.trimmingSpaces.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                error(number, 1, "front matter line is not 'key: value'", hint: "write e.g. 'title: Parallelism strategies'")
                continue
            }
            let key = String(line[..<colon]).trimmingSpaces
            let value = String(line[line.index(after: colon)...]).trimmingSpaces
            let valueColumn = line.distance(from: line.startIndex, to: colon) + 2
            if let previous = seen[key] {
                error(number, 1, "front matter key '\(key)' repeats line \(previous)", hint: "keep one '\(key):' line")
                continue
            }
            seen[key] = number
            if value.isEmpty && key != "tags" {
                error(number, valueColumn, "front matter key '\(key)' has no value")
                continue
            }
            switch key {
            case "id":
                if DeckParser.isValidID(value) {
                    deck.id = value
                } else {
                    error(
                        number, valueColumn, "invalid deck id '\(value)'",
                        hint: "use lower-case letters, digits and '-', at most \(DeckLimits.maxIDLength) characters")
                }
            case "title": deck.title = value
            case "title_zh": deck.titleZh = value
            case "section": deck.section = value
            case "section_zh": deck.sectionZh = value
            case "tags": deck.tags = parseTags(value, line: number)
            default:
                error(
                    number, 1, "unknown front matter key '\(key)'",
                    hint: "the keys are id, title, title_zh, section, section_zh and tags")
            }
        }
        for key in ["id", "title", "section"] where seen[key] == nil {
            error(1, 1, "front matter has no '\(key)'", hint: "add a line '\(key): …' between the '---' lines")
        }
        return close + 1
    }

    // MARK: Body

    mutating func consume(_ line: Substring, number: Int) {
        if let open = fence {
            append(line, number: number)
            if line.trimmingSpaces.hasPrefix(open.marker) && line.trimmingSpaces.allSatisfy({ $0 == open.marker.first }) {
                fence = nil
            }
            return
        }
        let trimmed = line.trimmingSpaces
        if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            let marker = trimmed.prefix { $0 == trimmed.first }
            fence = (number, marker)
            append(line, number: number)
            return
        }
        if line == "##" || line.hasPrefix("## ") {
            startCard(line, number: number)
            return
        }
        guard card != nil else {
            if FieldKey.match(line) != nil {
                error(
                    number, 1, "field before the first card",
                    hint: "start each card with a heading line '## card-id'")
            } else {
                description.append(line)
            }
            return
        }
        if let (key, rest) = FieldKey.match(line) {
            finishField()
            field = RawField(key: key, line: number, valueColumn: key.rawValue.count + 2, lines: [rest])
            return
        }
        if let choice = Self.matchChoice(line), isChoiceCard {
            finishField()
            let parsed = RawChoice(text: choice.text, isCorrect: choice.isCorrect, line: number)
            // Choice lines after 'M.zh:' are its Chinese choices.
            if card?.fields.contains(where: { $0.key == .choiceZh }) == true {
                card?.choicesZh.append(parsed)
            } else {
                card?.choices.append(parsed)
            }
            return
        }
        append(line, number: number)
    }

    var isChoiceCard: Bool { card?.fields.first?.key == .choice || (card?.fields.isEmpty == true && field?.key == .choice) }

    static func matchChoice(_ line: Substring) -> (text: String, isCorrect: Bool)? {
        for (marker, correct) in [("- [x] ", true), ("- [X] ", true), ("- [ ] ", false)] where line.hasPrefix(marker) {
            return (String(line.dropFirst(marker.count)).trimmingSpaces, correct)
        }
        return nil
    }

    mutating func append(_ line: Substring, number: Int) {
        if field != nil {
            field?.lines.append(line)
        } else if card != nil {
            if !line.trimmingSpaces.isEmpty {
                error(
                    number, 1, "text outside a field",
                    hint: "start the card with 'Q:', 'C:', 'M:' or 'T:'; a field's value runs until the next field")
            }
        } else {
            description.append(line)
        }
    }

    mutating func startCard(_ line: Substring, number: Int) {
        finishCard()
        let id = String(line.dropFirst(2)).trimmingSpaces
        if !DeckParser.isValidID(id) {
            error(
                number, 4, id.isEmpty ? "card heading has no id" : "invalid card id '\(id)'",
                hint: "a card id uses lower-case letters, digits and '-', at most \(DeckLimits.maxIDLength) characters, e.g. '## zero-stages'")
        } else if let previous = seenCardLines[id] {
            error(
                number, 4, "card id '\(id)' is already used on line \(previous)",
                hint: "each card needs its own id; the id keeps the card's review history")
        } else {
            seenCardLines[id] = number
        }
        card = RawCard(id: id, line: number)
        headingID = id
    }

    mutating func finishField() {
        guard var done = field else { return }
        operations += 1
        done.finish()
        card?.fields.append(done)
        field = nil
    }

    // MARK: Building a card

    mutating func finishCard() {
        finishField()
        guard let raw = card else { return }
        card = nil
        operations += 1
        let errorsBefore = errorCount
        guard let first = raw.fields.first else {
            error(raw.line, 1, "card '\(raw.id)' has no fields", hint: "add 'Q:' and 'A:', 'C:', 'M:' or 'T:' and 'A:'")
            return
        }
        guard let kind = first.key.kind else {
            error(
                first.line, 1, "card '\(raw.id)' starts with '\(first.key.rawValue):'",
                hint: "the first field names the card's kind: 'Q:', 'C:', 'M:' or 'T:'")
            return
        }
        var values: [FieldKey: RawField] = [:]
        var alternatives: [RawField] = []
        for field in raw.fields {
            if field.value.isEmpty {
                error(field.line, field.valueColumn, "'\(field.key.rawValue):' is empty", hint: "give the field a value or remove the line")
            }
            let length = field.value.count
            if length > DeckLimits.maxFieldCharacters {
                error(
                    field.line, field.valueColumn,
                    "'\(field.key.rawValue):' has \(length) characters, more than a field may have (\(DeckLimits.maxFieldCharacters))",
                    hint: "split the card: one idea per card")
            }
            if field.key == .alternative {
                alternatives.append(field)
                continue
            }
            if field.key.kind != nil && field !== first {
                error(
                    field.line, 1, "'\(field.key.rawValue):' in a card that is already a \(kind.rawValue) card",
                    hint: "start a new card with a '## id' heading for a second question")
                continue
            }
            if let previous = values[field.key] {
                error(field.line, 1, "'\(field.key.rawValue):' repeats line \(previous.line)", hint: "keep one '\(field.key.rawValue):' per card")
                continue
            }
            if !Self.allowed(field.key, in: kind) {
                error(
                    field.line, 1, "'\(field.key.rawValue):' does not belong in a \(kind.rawValue) card",
                    hint: Self.fieldsHint(kind))
                continue
            }
            values[field.key] = field
        }
        if kind != .typed, let alternative = alternatives.first {
            error(alternative.line, 1, "'Alt:' belongs only in a typed card ('T:')", hint: Self.fieldsHint(kind))
        }
        if (kind == .basic || kind == .typed) && values[.answer] == nil {
            error(raw.line, 1, "\(kind.rawValue) card '\(raw.id)' has no 'A:'", hint: "add a line 'A: …' with the answer")
        }
        if kind != .choice, let stray = raw.choices.first {
            error(stray.line, 1, "choice line in a \(kind.rawValue) card", hint: "choices belong to 'M:' cards")
        }
        if let whyZh = values[.whyZh], values[.why] == nil {
            error(whyZh.line, 1, "'Why.zh:' without 'Why:'", hint: "the Chinese explanation translates the English one; add 'Why:' first")
        }
        if kind == .basic, let answerZh = values[.answerZh], values[.answer] == nil {
            error(answerZh.line, 1, "'A.zh:' without 'A:'", hint: "the Chinese answer translates the English one; add 'A:' first")
        }
        let related = values[.related].map { parseRelated($0, of: raw.id) } ?? []
        if let firstChinese = raw.fields.first(where: \.key.isChinese),
            let late = raw.fields.first(where: { $0.key.isEnglishContent && $0.line > firstChinese.line })
        {
            warning(
                late.line, 1, "'\(late.key.rawValue):' comes after the Chinese field '\(firstChinese.key.rawValue):' on line \(firstChinese.line)",
                hint: "put the '.zh' fields after the card's English fields, before 'Source:' and 'Tags:'")
        }

        let explanation = values[.why]?.value
        let source = values[.source]?.value
        var grading: GradeSpec?
        if let field = values[.grade] { grading = readGrading(field) }
        var tags = deck.tags
        if let tagField = values[.tags] {
            for tag in parseTags(tagField.value, line: tagField.line) where !tags.contains(tag) {
                tags.append(tag)
            }
        }
        if source == nil {
            warning(
                raw.line, 1, "card '\(raw.id)' has no 'Source:'",
                hint: "name the paper (authors, year, arXiv id or venue) or the official documentation page")
        }
        if let explanation, explanation.count > DeckLimits.explanationCharacters {
            warning(
                values[.why]?.line ?? raw.line, 1, "'Why:' has \(explanation.count) characters (limit \(DeckLimits.explanationCharacters))",
                hint: "keep the explanation to one or two sentences")
        }

        let text = first.value
        var contents: [(id: String, content: CardContent)] = []
        switch kind {
        case .basic:
            let answer = values[.answer]?.value ?? ""
            if answer.count > DeckLimits.basicAnswerCharacters {
                warning(
                    values[.answer]?.line ?? raw.line, 1, "answer has \(answer.count) characters (limit \(DeckLimits.basicAnswerCharacters))",
                    hint: "split the card: one idea per card")
            }
            contents = [(raw.id, .basic(question: text, answer: answer))]
        case .cloze:
            let count = checkCloze(first)
            if count > DeckLimits.maxClozeDeletions {
                error(
                    first.line, 1, "cloze card '\(raw.id)' has \(count) deletions, more than a note may have (\(DeckLimits.maxClozeDeletions))",
                    hint: "split the note: each deletion becomes a card that stores the whole text")
            }
            if let clozeZh = values[.clozeZh] {
                let countZh = checkCloze(clozeZh)
                if countZh > 0 && count > 0 && countZh != count {
                    error(
                        clozeZh.line, 1, "'C.zh:' has \(countZh) deletion\(countZh == 1 ? "" : "s"), 'C:' has \(count)",
                        hint: "the Chinese text needs the same deletions in the same order, each the translation of the English one")
                }
            }
            contents = count > 0 ? (1...count).map { ("\(raw.id).c\($0)", .cloze(text: text, deletion: $0)) } : []
        case .choice:
            if raw.choices.count < DeckLimits.minimumChoices {
                error(
                    first.line, 1, "multiple-choice card '\(raw.id)' has \(raw.choices.count) choice\(raw.choices.count == 1 ? "" : "s")",
                    hint: "give at least \(DeckLimits.minimumChoices) lines '- [x] right' or '- [ ] wrong' after 'M:'")
            } else if raw.choices.count > DeckLimits.maxChoices {
                error(
                    first.line, 1,
                    "multiple-choice card '\(raw.id)' has \(raw.choices.count) choices, more than the \(DeckLimits.maxChoices) letters that name them",
                    hint: "keep the plausible choices; four or five are enough")
            } else if !raw.choices.contains(where: \.isCorrect) {
                error(first.line, 1, "multiple-choice card '\(raw.id)' has no correct choice", hint: "mark the right choice(s) '- [x] '")
            }
            for choice in raw.choices + raw.choicesZh {
                if choice.text.isEmpty { error(choice.line, 7, "empty choice") }
                if choice.text.count > DeckLimits.maxFieldCharacters {
                    error(choice.line, 7, "choice has \(choice.text.count) characters, more than a field may have (\(DeckLimits.maxFieldCharacters))")
                }
                if choice.text.count > DeckLimits.choiceCharacters {
                    warning(choice.line, 7, "choice has \(choice.text.count) characters (limit \(DeckLimits.choiceCharacters))")
                }
            }
            if let choiceZh = values[.choiceZh] { checkChineseChoices(raw, choiceZh) }
            contents = [(raw.id, .choice(question: text, choices: raw.choices.map { Choice(text: $0.text, isCorrect: $0.isCorrect) }))]
        case .typed:
            for field in [values[.answer], values[.answerZh]].compactMap({ $0 }) + alternatives {
                checkTypedAnswer(field)
            }
            if let answer = values[.answer] {
                lintGrading(
                    question: text, answer: answer, alternatives: alternatives, grading: grading,
                    declared: values[.grade].map { ($0.line, $0.valueColumn) })
            }
            contents = [(raw.id, .typed(question: text, answer: values[.answer]?.value ?? "", alternatives: alternatives.map(\.value)))]
        }

        guard errorCount == errorsBefore else { return }
        let chinese = CardTranslation(
            question: (values[.questionZh] ?? values[.choiceZh] ?? values[.typedZh])?.value,
            answer: values[.answerZh]?.value,
            clozeText: values[.clozeZh]?.value,
            choices: raw.choicesZh.map { Choice(text: $0.text, isCorrect: $0.isCorrect) },
            explanation: values[.whyZh]?.value)
        for (id, content) in contents {
            deck.cards.append(
                Card(
                    deckID: deck.id, id: id, noteID: raw.id, content: content,
                    explanation: explanation, source: source, tags: tags, line: raw.line,
                    chinese: chinese.isEmpty ? nil : chinese, related: related, grading: grading))
        }
    }

    /// The Chinese choices must mirror the English ones: as many, and the same ones right.
    mutating func checkChineseChoices(_ raw: RawCard, _ field: RawField) {
        let english = raw.choices
        let chinese = raw.choicesZh
        guard chinese.count == english.count else {
            error(
                field.line, 1, "'M.zh:' has \(chinese.count) choice\(chinese.count == 1 ? "" : "s"), 'M:' has \(english.count)",
                hint: "give the Chinese choices after 'M.zh:' in the English order, one line '- [x] …' or '- [ ] …' each")
            return
        }
        for (en, zh) in zip(english, chinese) where en.isCorrect != zh.isCorrect {
            error(
                zh.line, 1,
                "Chinese choice is marked \(zh.isCorrect ? "right" : "wrong") but English choice on line \(en.line) is \(en.isCorrect ? "right" : "wrong")",
                hint: "the Chinese choices are the English ones translated, in the same order with the same '[x]' marks")
        }
    }

    /// Parses `Related: card-id, other-deck/card-id` into qualified `deck/note` names.
    mutating func parseRelated(_ field: RawField, of cardID: String) -> [String] {
        var names: [String] = []
        for raw in field.value.split(separator: ",") {
            let name = raw.trimmingSpaces
            if name.isEmpty { continue }
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 1 || parts.count == 2, parts.allSatisfy(DeckParser.isValidID) else {
                error(
                    field.line, field.valueColumn, "invalid related card '\(name)'",
                    hint: "write 'card-id' for a card of this deck or 'deck-id/card-id', separated by commas (a cloze note by its note id)")
                continue
            }
            let qualified = parts.count == 2 ? name : "\(deck.id)/\(name)"
            if qualified == "\(deck.id)/\(cardID)" {
                error(field.line, field.valueColumn, "card '\(name)' is related to itself", hint: "name other cards in 'Related:'")
                continue
            }
            if !names.contains(qualified) { names.append(qualified) }
        }
        return names
    }

    static func allowed(_ key: FieldKey, in kind: CardKind) -> Bool {
        switch key {
        case .why, .source, .tags, .whyZh, .related, .grade: true
        case .answer, .answerZh: kind == .basic || kind == .typed
        case .alternative: kind == .typed
        case .question, .cloze, .choice, .typed: key.kind == kind
        case .questionZh: kind == .basic
        case .clozeZh: kind == .cloze
        case .choiceZh: kind == .choice
        case .typedZh: kind == .typed
        }
    }

    static func fieldsHint(_ kind: CardKind) -> String {
        switch kind {
        case .basic: "a basic card has 'Q:', 'A:' and optionally 'Why:', 'Q.zh:', 'A.zh:', 'Why.zh:', 'Related:', 'Source:', 'Tags:'"
        case .cloze: "a cloze card has 'C:' and optionally 'Why:', 'C.zh:', 'Why.zh:', 'Related:', 'Source:', 'Tags:'; the deletions are its answers"
        case .choice:
            "a multiple-choice card has 'M:', choice lines, and optionally 'Why:', 'M.zh:' with its own choice lines, 'Why.zh:', 'Related:', 'Source:', 'Tags:'"
        case .typed:
            "a typed card has 'T:', 'A:', any number of 'Alt:', and optionally 'Why:', 'T.zh:', 'A.zh:' (a Chinese term), 'Why.zh:', 'Related:', 'Source:', 'Tags:'"
        }
    }

    /// Reads a `Grade:` field; an error names what is wrong.
    mutating func readGrading(_ field: RawField) -> GradeSpec? {
        switch GradeSpec.parse(field.value) {
        case .success(let spec): return spec
        case .failure(let problem):
            error(
                field.line, field.valueColumn, "'Grade:' \(problem.message)",
                hint: "write 'Grade: number', 'Grade: number ±0.5', 'Grade: command', 'Grade: text' or 'Grade: self' (docs/deck-format.md)")
            return nil
        }
    }

    /// The grader's lints for a typed card: an answer it cannot read as the
    /// declared kind is an error; an `Alt:` it already accepts from the other
    /// answers is redundant (a warning).
    mutating func lintGrading(
        question: String, answer: RawField, alternatives: [RawField], grading: GradeSpec?,
        declared: (line: Int, column: Int)?
    ) {
        for problem in GradingLint.unreadable(answers: [answer.value] + alternatives.map(\.value), grading: grading) {
            error(
                declared?.line ?? answer.line, declared?.column ?? answer.valueColumn, problem,
                hint: "fix the answer, or declare the kind the grader should use with 'Grade:'")
        }
        // Against the answers above it only, so that removing every redundant line keeps what the card accepts.
        let all = [answer] + alternatives
        for (index, alternative) in alternatives.enumerated() {
            let others = all.prefix(index + 1).map(\.value)
            if let covering = GradingLint.coveredBy(alternative.value, others: others, question: question, grading: grading) {
                warning(
                    alternative.line, 1, "'Alt: \(alternative.value)' is redundant: the grader already accepts it as '\(covering)'",
                    hint: "remove the line; the grader compares answers by kind (docs/interview.md)")
            }
        }
    }

    mutating func checkTypedAnswer(_ field: RawField) {
        let value = field.value
        if field.continuationLineCount > 0 {
            error(field.line + 1, 1, "a typed answer must fit on one line", hint: "give each accepted answer its own 'Alt:' line")
        }
        if value.contains("\t") || value.contains("  ") {
            warning(field.line, field.valueColumn, "typed answer has a tab or a doubled space", hint: "write the answer with single spaces")
        }
        if value.count > DeckLimits.typedAnswerCharacters {
            warning(field.line, field.valueColumn, "typed answer has \(value.count) characters (limit \(DeckLimits.typedAnswerCharacters))")
        }
    }

    /// Checks the braces of a cloze field; returns the number of deletions.
    mutating func checkCloze(_ field: RawField) -> Int {
        let braceErrors = diagnostics.count
        var count = 0
        for (offset, line) in field.lines.enumerated() {
            let number = field.line + offset
            let base = offset == 0 ? field.valueColumn - 1 + (line.count - line.drop(while: { $0 == " " }).count) : 0
            var column = 0
            var openAt: Int?
            var content = ""
            var chars = Array(offset == 0 ? Substring(line.drop(while: { $0 == " " })) : line)[...]
            while let c = chars.first {
                column += 1
                let next = chars.dropFirst().first
                if c == "{" && next == "{" {
                    if openAt != nil {
                        error(number, base + column, "nested cloze deletion", hint: "deletions cannot contain '{{'; close the first with '}}'")
                    } else {
                        openAt = base + column
                        content = ""
                    }
                    chars = chars.dropFirst(2)
                    column += 1
                    continue
                }
                if c == "}" && next == "}" {
                    if let start = openAt {
                        let answer = content.components(separatedBy: "::")[0].trimmingSpaces
                        if answer.isEmpty {
                            error(number, start, "empty cloze deletion", hint: "put the hidden text between the braces: {{answer}}")
                        } else if answer.count > DeckLimits.clozeDeletionCharacters {
                            warning(number, start, "cloze deletion has \(answer.count) characters (limit \(DeckLimits.clozeDeletionCharacters))")
                        }
                        count += 1
                        openAt = nil
                    } else {
                        error(number, base + column, "'}}' without an opening '{{'", hint: "deletions are written {{hidden text}}")
                    }
                    chars = chars.dropFirst(2)
                    column += 1
                    continue
                }
                if openAt != nil { content.append(c) }
                chars = chars.dropFirst()
            }
            if let start = openAt {
                error(number, start, "'{{' is never closed on its line", hint: "close the deletion with '}}' on the same line")
            }
        }
        if count == 0 && braceErrors == diagnostics.count {
            error(field.line, 1, "cloze card has no deletion", hint: "mark the hidden text with double braces: {{answer}}")
        }
        return count
    }
}

extension RawField {
    static func !== (lhs: RawField, rhs: RawField) -> Bool { lhs.line != rhs.line }
}

extension StringProtocol {
    private static func isSpace(_ character: Character) -> Bool { character == " " || character == "\t" }

    var trimmingSpaces: String {
        var start = startIndex
        var end = endIndex
        while start < end, Self.isSpace(self[start]) { start = index(after: start) }
        while end > start, Self.isSpace(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }

    var trimmingTrailingSpaces: String {
        var end = endIndex
        while end > startIndex, Self.isSpace(self[index(before: end)]) { end = index(before: end) }
        return String(self[startIndex..<end])
    }
}
