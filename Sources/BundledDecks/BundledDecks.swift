import Foundation

/// The deck files of `Decks/`, compiled into the binary.
public enum BundledDecks {
    /// Each file's name (e.g. `parallelism-strategies.md`) and bytes, sorted by name.
    public static var files: [(name: String, bytes: [UInt8])] {
        bundledDeckFiles.map { ($0.name, Data(base64Encoded: $0.base64).map { [UInt8]($0) } ?? []) }
    }
}
