import Testing

@testable import RecallCLI

/// The standard input's line splitter (issue 12, 16: a 10 MB line took 21 s).
@Suite struct LineBufferTests {
    @Test func aTenMegabyteLineInSmallChunksIsScannedOnce() {
        var buffer = LineBuffer()
        let size = 10 << 20
        let chunk = [UInt8](repeating: 0x61, count: 1 << 16)
        var lines: [String] = []
        for _ in 0..<(size / chunk.count) {
            buffer.append(chunk)
            if let line = buffer.nextLine() { lines.append(line) }
        }
        buffer.append([0x0D, 0x0A, 0x62, 0x0A])
        while let line = buffer.nextLine() { lines.append(line) }
        #expect(lines.map(\.count) == [size, 1])
        // Linear: every byte is looked at once (the old reader rescanned the pending line after every 4 KB read: ~13 G looks).
        #expect(buffer.bytesScanned == size + 4)
    }

    @Test func linesSplitAcrossChunksAndTheRestAtTheEnd() {
        var buffer = LineBuffer()
        var lines: [String] = []
        for piece in ["one\ntw", "o\r", "\nthr", "ee"] {
            buffer.append(Array(piece.utf8))
            while let line = buffer.nextLine() { lines.append(line) }
        }
        buffer.atEnd = true
        lines.append(buffer.rest() ?? "<nil>")
        #expect(lines == ["one", "two", "three"])
        #expect(buffer.rest() == nil)
    }
}
