/// Why an export or an import could not be done. Every case names the file,
/// and the line where there is one, so the message can be acted on.
public enum ExchangeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is not what its name or `--format` says it is.
    case wrongKind(file: String, expected: String, found: String)
    case corruptArchive(file: String, reason: String)
    /// An entry whose path could escape the folder it is extracted to.
    case unsafeEntryPath(file: String, entry: String)
    /// An entry (or the whole archive) that unpacks to far more than is plausible.
    case tooLarge(file: String, entry: String, reason: String)
    case unsupportedSchema(file: String, reason: String)
    case invalidUTF8(file: String, line: Int)
    case malformed(file: String, line: Int?, reason: String)
    case nothingToImport(file: String)
    case conflict(reason: String)

    public var description: String {
        switch self {
        case .wrongKind(let file, let expected, let found):
            "\(file) is not \(expected): it looks like \(found); nothing was imported"
        case .corruptArchive(let file, let reason):
            "\(file) is not a readable zip archive (\(reason)); it may be truncated or corrupt; nothing was imported"
        case .unsafeEntryPath(let file, let entry):
            "\(file) holds an entry with an unsafe path '\(entry)' (absolute or with '..'); refusing the whole archive, nothing was imported"
        case .tooLarge(let file, let entry, let reason):
            "\(file): entry '\(entry)' \(reason); refusing it as a possible zip bomb, nothing was imported"
        case .unsupportedSchema(let file, let reason):
            "\(file): \(reason); nothing was imported"
        case .invalidUTF8(let file, let line):
            "\(file):\(line): invalid UTF-8; save the file as UTF-8 and import again; nothing was imported"
        case .malformed(let file, let line, let reason):
            "\(file)\(line.map { ":\($0)" } ?? ""): \(reason); nothing was imported"
        case .nothingToImport(let file):
            "\(file) holds no cards to import"
        case .conflict(let reason):
            reason
        }
    }
}

/// Guesses what a file is from its first bytes, for "not what its extension says".
enum FileSniffer {
    static func kind(of bytes: some Collection<UInt8>) -> String {
        let head = Array(bytes.prefix(16))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return "a zip archive" }
        if head.starts(with: Array("SQLite format 3".utf8)) { return "an SQLite database" }
        if head.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return "zstd-compressed data" }
        if head.starts(with: [0x1F, 0x8B]) { return "gzip-compressed data" }
        if head.starts(with: Array("%PDF".utf8)) { return "a PDF document" }
        if head.contains(0) { return "binary data" }
        let text = String(decoding: head, as: UTF8.self).drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        if text.first == "{" || text.first == "[" { return "JSON" }
        return "text"
    }
}
