import Foundation

// libFuzzer target: the Anki collection reader on arbitrary database files,
// then the conversion into a deck. Built by Scripts/fuzz.sh.
@testable import RecallKit

nonisolated(unsafe) let fuzzFolder: URL = {
    let url = FileManager.default.temporaryDirectory.appending(path: "recall-fuzz-anki-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnkiCollection(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let url = fuzzFolder.appending(path: "collection.anki2")
    try? FileManager.default.removeItem(at: url)
    guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes: data, count: size)) else { return 0 }
    defer { try? FileManager.default.removeItem(at: url) }
    guard let collection = try? AnkiPackageReader.readCollection(url, entry: "collection.anki2", displayName: "fuzz.apkg") else { return 0 }
    let moment = Moment(instant: Date(timeIntervalSince1970: 1_800_000_000), timeZone: TimeZone(identifier: "UTC") ?? .current)
    _ = try? AnkiPackageReader.convert(
        collection, displayName: "fuzz.apkg", deckID: "fuzz", title: nil, section: "Fuzz",
        moment: moment, dayStartHour: 4)
    return 0
}
