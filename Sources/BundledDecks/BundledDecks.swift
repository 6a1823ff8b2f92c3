import Foundation

/// The deck files of `Decks/`, compiled into the binary.
public enum BundledDecks {
    /// Each file's name (e.g. `parallelism-strategies.md`) and bytes, sorted by name.
    public static var files: [(name: String, bytes: [UInt8])] {
        bundledDeckFiles.filter { $0.name.hasSuffix(".md") }.map { ($0.name, Data(base64Encoded: $0.base64).map { [UInt8]($0) } ?? []) }
    }

    /// The name of the table of Chinese labels for topic tags, in `Decks/`.
    public static let topicLabelsName = "topics-zh.tsv"

    /// The bytes of `Decks/topics-zh.tsv` (empty if the build found none).
    public static var topicLabels: [UInt8] {
        bundledDeckFiles.first { $0.name == topicLabelsName }.flatMap { Data(base64Encoded: $0.base64) }.map { [UInt8]($0) } ?? []
    }
}
