import Testing

@testable import RecallKit

/// The incremental parse (only changed note blocks) against the whole parse,
/// which stays the reference: over random decks and random edits, the cards,
/// their positions and lines, and the errors are the same, and the
/// warnings are those of the blocks it parsed.
@Suite struct IncrementalParseTests {
    /// One note block of each shape the parser knows, chosen by `kind`; `tag` makes its text unique.
    static func note(_ id: String, kind: Int, tag: Int) -> String {
        switch kind % 9 {
        case 0: return "## \(id)\nQ: Question \(id) \(tag)?\nA: Answer \(tag)\nSource: s\n\n"
        case 1: return "## \(id)\nQ: Question \(id) \(tag), no source?\nA: Answer\n  on two lines \(tag)\n\n"
        case 2: return "## \(id)\nC: The {{first \(tag)}} and the {{second}} of \(id).\nSource: s\n\n"
        case 3: return "## \(id)\nM: Which one \(id) \(tag)?\n- [ ] wrong\n- [x] right\n- [ ] other\nSource: s\n"
        case 4: return "## \(id)\nT: Type \(id) \(tag)\nA: docker ps\nAlt: docker container ls\nSource: s\n\n"
        case 5: return "## \(id)\nQ: Code \(id) \(tag)?\nA: like this\nWhy: see\n```\n## not-a-card\nQ: inside a fence\n```\nSource: s\n\n"
        case 6: return "## \(id)\r\nQ: Windows line ends \(id) \(tag)?\r\nA: fine\r\nSource: s\r\n\r\n"
        case 7: return "## \(id)\nQ: A bell \u{7} in \(id) \(tag)?\nA: warned\nSource: s\nTags: t\(tag % 3)\n\n"
        default: return "## \(id)\nQ: Cloze in Chinese \(id) \(tag)?\nA: yes\nQ.zh: 问题 \(tag)?\nA.zh: 是\nSource: s\n\n"
        }
    }

    static let header = "---\nid: inc\ntitle: Incremental\nsection: S\ntags: base\n---\n\nA description.\n\n"

    /// An edit a user makes, applied to the list of note blocks.
    static func edit(_ notes: inout [String], _ rng: inout SeededGenerator, serial: inout Int) {
        serial += 1
        let at = notes.isEmpty ? 0 : Int.random(in: 0..<notes.count, using: &rng)
        switch Int.random(in: 0..<9, using: &rng) {
        case 0 where !notes.isEmpty:  // change a card in place
            notes[at] = note("n\(at)-e\(serial)", kind: Int.random(in: 0..<9, using: &rng), tag: serial)
        case 1:  // add a card
            notes.insert(note("new\(serial)", kind: Int.random(in: 0..<9, using: &rng), tag: serial), at: at)
        case 2 where notes.count > 1:  // remove a card
            notes.remove(at: at)
        case 3 where !notes.isEmpty:  // a line more in a card (every card below moves)
            notes[at] = notes[at].replacingOccurrences(of: "\nSource: s", with: "\nWhy: one more line \(serial)\nSource: s")
        case 4 where notes.count > 1:  // swap two cards
            notes.swapAt(at, (at + 1) % notes.count)
        case 5 where notes.count > 1:  // a second card with an id already used (an error)
            let id = notes[0].split(separator: "\n")[0].dropFirst(3)
            notes.insert(note(String(id.trimmingCharacters(in: ["\r"])), kind: 0, tag: serial), at: at)
        case 6 where !notes.isEmpty:  // an error inside one card
            notes[at] = notes[at].replacingOccurrences(of: "\nSource: s", with: "\nWhy:\nSource: s")
        case 7:  // an unclosed fence at the end
            notes.append("## tail\(serial)\nQ: Tail?\nA: a\nWhy:\n```\nnever closed\n")
        default:  // an edit with the same number of lines
            if !notes.isEmpty { notes[at] = notes[at].replacingOccurrences(of: "Answer", with: "Reply") }
        }
    }

    static func text(_ notes: [String], header: String = header) -> [UInt8] { Array((header + notes.joined()).utf8) }

    @Test(arguments: 0..<40) func randomEditsGiveTheWholeParse(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 1)
        var notes: [String] = []
        for ordinal in 0..<Int.random(in: 1..<30, using: &rng) {
            notes.append(Self.note("n\(ordinal)", kind: Int.random(in: 0..<9, using: &rng), tag: ordinal))
        }
        var serial = 0
        var previous = DeckParser.parse(bytes: Self.text(notes), file: "inc.md", previous: nil)
        var lastGood = try #require(previous.result.deck)
        var index = try #require(previous.index)
        for _ in 0..<12 {
            var edited = notes
            for _ in 0..<Int.random(in: 1...3, using: &rng) { Self.edit(&edited, &rng, serial: &serial) }
            let bytes = Self.text(edited)
            let whole = DeckParser.parse(bytes: bytes, file: "inc.md")
            let incremental = DeckParser.parse(bytes: bytes, file: "inc.md", previous: index)
            let result = incremental.result
            #expect((result.deck == nil) == (whole.deck == nil))
            let errors: [DeckDiagnostic] = result.diagnostics.filter { $0.severity == .error }
            let wholeErrors: [DeckDiagnostic] = whole.diagnostics.filter { $0.severity == .error }
            #expect(errors == wholeErrors)
            #expect(result.declaredDeckID == whole.declaredDeckID)
            let patch = try #require(incremental.patch, "the header is unchanged, so the parse is incremental")
            // The warnings are those of the header and of the blocks whose text is new, in the whole parse's order.
            let (parsedLines, parsedBlocks) = Self.newLines(bytes, against: index)
            let expected: [DeckDiagnostic] = whole.diagnostics.filter { $0.severity == .error || parsedLines.contains($0.line) }
            #expect(result.diagnostics == expected)
            #expect(incremental.notesParsed == parsedBlocks)
            guard let deck = whole.deck, let incrementalDeck = result.deck else {
                #expect(incremental.index == nil)
                continue
            }
            // The old cards moved as the patch says, plus the parsed ones, are the whole parse's cards.
            var rebuilt: [(position: Int, card: Card)] = zip(patch.positions, incrementalDeck.cards).map { ($0, $1) }
            for (position, card) in lastGood.cards.enumerated() where !patch.replaced.contains(where: { $0.contains(position) }) {
                var moved = card
                var newPosition = position
                if let move = patch.moves.first(where: { $0.oldPositions.contains(position) }) {
                    moved.line += move.lineShift
                    newPosition += move.positionShift
                }
                rebuilt.append((newPosition, moved))
            }
            rebuilt.sort { $0.position < $1.position }
            #expect(rebuilt.map(\.position) == Array(0..<deck.cards.count))
            #expect(rebuilt.map(\.card) == deck.cards)
            #expect(incrementalDeck.title == deck.title && incrementalDeck.description == deck.description && incrementalDeck.tags == deck.tags)
            let fresh = DeckParser.parse(bytes: bytes, file: "inc.md", previous: nil)
            #expect(incremental.index == fresh.index && fresh.index != nil)
            notes = edited
            lastGood = deck
            index = try #require(incremental.index)
            previous = incremental
        }
        _ = previous
    }

    /// The lines of the header and of the blocks whose bytes no old block has, and how many such blocks.
    static func newLines(_ bytes: [UInt8], against index: DeckBlockIndex) -> (Set<Int>, Int) {
        guard let cut = DeckBlocks.cut(bytes) else { return ([], 0) }
        var old: [UInt64: Int] = [:]
        for block in index.blocks { old[block.hash, default: 0] += 1 }
        var lines = Set(1...cut.headerLineCount)
        var count = 0
        var line = cut.headerLineCount + 1
        for (ordinal, range) in cut.blocks.enumerated() {
            let hash = bytes.withUnsafeBufferPointer { DeckBlocks.hash($0, range) }
            if let left = old[hash], left > 0 {
                old[hash] = left - 1
            } else {
                lines.formUnion(line..<line + cut.lineCounts[ordinal])
                count += 1
            }
            line += cut.lineCounts[ordinal]
        }
        return (lines, count)
    }

    /// The operation count the issue asks for: one card edited in an N-card file parses one note.
    @Test(arguments: [200, 2_000]) func editingOneCardParsesOneNote(count: Int) throws {
        var notes = (0..<count).map { Self.note("n\($0)", kind: $0, tag: $0) }
        let first = DeckParser.parse(bytes: Self.text(notes), file: "inc.md", previous: nil)
        #expect(first.notesParsed == count)
        let index = try #require(first.index)
        notes[count / 2] = notes[count / 2].replacingOccurrences(of: "Question", with: "A longer question\nwith a second line:")
        let whole = DeckParser.parse(bytes: Self.text(notes), file: "inc.md")
        let again = DeckParser.parse(bytes: Self.text(notes), file: "inc.md", previous: index)
        #expect(again.notesParsed == 1)
        #expect(again.result.operations * 50 < whole.operations, "\(again.result.operations) vs \(whole.operations)")
        let patch = try #require(again.patch)
        #expect(patch.unchangedBlocks == count - 1)
        #expect(patch.moves.count == 1, "the cards below the edit move together: \(patch.moves)")
        #expect(patch.moves.first?.lineShift == 1)
        #expect(again.result.deck?.cards.map(\.line) == whole.deck?.cards.filter { $0.noteID == "n\(count / 2)" }.map(\.line))
    }

    @Test func aChangedHeaderParsesTheWholeFile() throws {
        let notes = (0..<20).map { Self.note("n\($0)", kind: $0, tag: $0) }
        let index = try #require(DeckParser.parse(bytes: Self.text(notes), file: "inc.md", previous: nil).index)
        let retagged = Self.text(notes, header: Self.header.replacingOccurrences(of: "tags: base", with: "tags: other"))
        let again = DeckParser.parse(bytes: retagged, file: "inc.md", previous: index)
        #expect(again.patch == nil && again.notesParsed == 20)
        #expect(again.result.deck == DeckParser.parse(bytes: retagged, file: "inc.md").deck)
    }

    @Test func theIndexSurvivesItsEncoding() throws {
        let notes = (0..<50).map { Self.note("n\($0)", kind: $0, tag: $0) }
        let index = try #require(DeckParser.parse(bytes: Self.text(notes), file: "inc.md", previous: nil).index)
        #expect(DeckBlockIndex(encoded: index.encoded()) == index)
        #expect(DeckBlockIndex(encoded: Array(index.encoded().dropLast())) == nil)
        #expect(DeckBlockIndex(encoded: []) == nil)
    }

    @Test func aFileWithoutClosedFrontMatterIsParsedWhole() {
        for text in [
            "", "no front matter\n## a\nQ: q\nA: a\n", "---\nid: x\n## a\nQ: q\nA: a\n", "\u{FEFF}---\nid: x\ntitle: T\nsection: S\n---\n## a\nQ: q\nA: a\n",
        ] {
            let bytes = Array(text.utf8)
            let incremental = DeckParser.parse(bytes: bytes, file: "x.md", previous: nil)
            let whole = DeckParser.parse(bytes: bytes, file: "x.md")
            #expect(incremental.result.deck == whole.deck && incremental.result.diagnostics == whole.diagnostics)
        }
    }
}
