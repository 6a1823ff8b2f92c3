/// A deck file cut into note blocks, cheaply: the header (front matter and
/// description) and one block per `## id` heading, each running to the next
/// heading outside a code fence. A card's content depends only on its block's
/// text and the header, so a re-read of an edited file parses only the
/// blocks whose bytes changed (``DeckParser/parse(bytes:file:previous:)``).
///
/// The cut is made on bytes, line by line, and agrees with the parser's own
/// reading of the lines: a line that looks like a heading, a fence or the
/// front matter's end by its bytes is confirmed with the parser's `String`
/// test before it counts.
public struct DeckBlocks: Sendable {
    /// Byte range of the header: the front matter and the description before the first heading.
    public var header: Range<Int>
    /// Byte range of each note block, in file order.
    public var blocks: [Range<Int>]
    /// Lines in the header, and in each block (a line is ended by `\n`, or by the end of the file).
    public var headerLineCount: Int
    public var lineCounts: [Int]

    /// Cuts `bytes`; nil when the file has no closed front matter (the whole
    /// parse then reports what is wrong).
    public static func cut(_ bytes: [UInt8]) -> DeckBlocks? {
        bytes.withUnsafeBufferPointer { buffer in cut(buffer) }
    }

    static func cut(_ bytes: UnsafeBufferPointer<UInt8>) -> DeckBlocks? {
        let newline = UInt8(ascii: "\n")
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        /// The line at `from` without its ending, and where the next one starts.
        func line(at from: Int) -> (content: Range<Int>, next: Int) {
            var end = from
            while end < bytes.count && bytes[end] != newline { end += 1 }
            var contentEnd = end
            // As the parser reads lines: "\r\n" ends a line, and one more "\r" before the end is dropped.
            if end < bytes.count && contentEnd > from && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            if contentEnd > from && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            return (from..<contentEnd, end < bytes.count ? end + 1 : end)
        }
        func text(_ range: Range<Int>) -> Substring {
            Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        }
        func startsWith(_ range: Range<Int>, _ prefix: String) -> Bool {
            let utf8 = Array(prefix.utf8)
            guard range.count >= utf8.count else { return false }
            for (offset, byte) in utf8.enumerated() where bytes[range.lowerBound + offset] != byte { return false }
            return true
        }
        // The front matter: its first line is '---', and it ends at the next line that is '---'.
        var position = start
        var lineNumber = 0
        let first = line(at: position)
        guard position < bytes.count, startsWith(first.content, "---"), text(first.content).trimmingTrailingSpaces == "---" else {
            return nil
        }
        position = first.next
        lineNumber = 1
        var closed = false
        while position < bytes.count {
            let current = line(at: position)
            position = current.next
            lineNumber += 1
            if startsWith(current.content, "---") && text(current.content).trimmingTrailingSpaces == "---" {
                closed = true
                break
            }
        }
        guard closed else { return nil }
        // The body: headings start blocks, except inside a code fence (as ParseState.consume reads them).
        var fence: Substring?
        var blockStarts: [(byte: Int, line: Int)] = []
        while position < bytes.count {
            let current = line(at: position)
            let range = current.content
            var firstNonSpace = range.lowerBound
            while firstNonSpace < range.upperBound && (bytes[firstNonSpace] == 0x20 || bytes[firstNonSpace] == 0x09) { firstNonSpace += 1 }
            let lead: UInt8? = firstNonSpace < range.upperBound ? bytes[firstNonSpace] : nil
            if let marker = fence {
                if lead == marker.utf8.first {
                    let trimmed = text(range).trimmingSpaces
                    if trimmed.hasPrefix(marker) && trimmed.allSatisfy({ $0 == marker.first }) { fence = nil }
                }
            } else if lead == UInt8(ascii: "`") || lead == UInt8(ascii: "~") {
                let trimmed = text(range).trimmingSpaces
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                    fence = Substring(trimmed.prefix { $0 == trimmed.first })
                }
            } else if startsWith(range, "##") && (range.count == 2 || startsWith(range, "## ")) {
                let heading = text(range)
                if heading == "##" || heading.hasPrefix("## ") { blockStarts.append((position, lineNumber)) }
            }
            position = current.next
            lineNumber += 1
        }
        let totalLines = lineNumber
        let headerEnd = blockStarts.first?.byte ?? bytes.count
        var blocks: [Range<Int>] = []
        var lineCounts: [Int] = []
        blocks.reserveCapacity(blockStarts.count)
        lineCounts.reserveCapacity(blockStarts.count)
        for (index, block) in blockStarts.enumerated() {
            let next = index + 1 < blockStarts.count ? blockStarts[index + 1] : (byte: bytes.count, line: totalLines)
            blocks.append(block.byte..<next.byte)
            lineCounts.append(next.line - block.line)
        }
        return DeckBlocks(
            header: 0..<headerEnd, blocks: blocks, headerLineCount: blockStarts.first?.line ?? totalLines,
            lineCounts: lineCounts)
    }

    /// 64-bit FNV-1a of a byte range.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range {
            hash ^= UInt64(bytes[index])
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// What the database keeps of a deck file's last good parse, so that the
/// next read of the file parses only the blocks that changed: the header's
/// hash and, per note block, its hash, its line count, the cards it made and
/// its note id. Card positions and line numbers follow from the counts.
public struct DeckBlockIndex: Hashable, Sendable {
    public struct Block: Hashable, Sendable {
        public var hash: UInt64
        public var lineCount: Int
        public var cardCount: Int
        public var noteID: String
    }

    public var headerHash: UInt64
    public var headerLineCount: Int
    public var blocks: [Block]

    static let formatVersion: UInt8 = 1

    /// A compact encoding for the database: a version byte, the header, then each block.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = [Self.formatVersion]
        bytes.reserveCapacity(16 + blocks.count * 24)
        func put(_ value: UInt64, _ width: Int) {
            for shift in stride(from: 0, to: width * 8, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        put(headerHash, 8)
        put(UInt64(headerLineCount), 4)
        put(UInt64(blocks.count), 4)
        for block in blocks {
            put(block.hash, 8)
            put(UInt64(block.lineCount), 4)
            put(UInt64(block.cardCount), 4)
            let id = Array(block.noteID.utf8)
            put(UInt64(id.count), 2)
            bytes += id
        }
        return bytes
    }

    /// Decodes ``encoded()``; nil for anything else (the file is then parsed whole).
    public init?(encoded bytes: [UInt8]) {
        var offset = 0
        func take(_ width: Int) -> UInt64? {
            guard offset + width <= bytes.count else { return nil }
            var value: UInt64 = 0
            for index in 0..<width { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
            offset += width
            return value
        }
        guard bytes.first == Self.formatVersion else { return nil }
        offset = 1
        guard let header = take(8), let headerLines = take(4), let count = take(4), count <= UInt64(bytes.count) else { return nil }
        var blocks: [Block] = []
        blocks.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let hash = take(8), let lines = take(4), let cards = take(4), let length = take(2),
                offset + Int(length) <= bytes.count
            else { return nil }
            let id = String(decoding: bytes[offset..<offset + Int(length)], as: UTF8.self)
            offset += Int(length)
            blocks.append(Block(hash: hash, lineCount: Int(lines), cardCount: Int(cards), noteID: id))
        }
        guard offset == bytes.count else { return nil }
        self.init(headerHash: header, headerLineCount: Int(headerLines), blocks: blocks)
    }

    public init(headerHash: UInt64, headerLineCount: Int, blocks: [Block]) {
        self.headerHash = headerHash
        self.headerLineCount = headerLineCount
        self.blocks = blocks
    }
}

/// How the cards of a re-read deck file differ from the database's copy,
/// when only some note blocks were parsed: the deck's `cards` are those of
/// the parsed blocks, and the rest are described here by their old
/// positions.
public struct DeckPatch: Hashable, Sendable {
    /// Cards of unchanged blocks that moved: those at old positions
    /// `oldPositions` now sit `positionShift` places and `lineShift` lines away.
    public struct Move: Hashable, Sendable {
        public var oldPositions: Range<Int>
        public var positionShift: Int
        public var lineShift: Int
    }

    public var moves: [Move] = []
    /// Old positions of the cards of blocks that are gone or changed: those
    /// not among the parsed cards are retired.
    public var replaced: [Range<Int>] = []
    /// The new position of each of the deck's (parsed) cards.
    public var positions: [Int] = []
    /// Blocks reused without parsing.
    public var unchangedBlocks = 0
}
