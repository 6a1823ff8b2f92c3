// libFuzzer target: the deck parser on arbitrary bytes. Built by Scripts/fuzz.sh.
@testable import RecallKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeckParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = DeckParser.parse(bytes: bytes, file: "fuzz.md")
    // Whatever parses must survive the loader's checks across decks too.
    if result.deck != nil {
        _ = DeckLoader.load([DeckFile(path: "fuzz.md", bytes: bytes)])
    }
    return 0
}
