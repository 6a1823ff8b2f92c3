import Foundation

// libFuzzer target: the TSV/CSV importer on arbitrary bytes. Built by Scripts/fuzz.sh.
@testable import RecallKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDelimitedText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    for separator in [DelimitedText.Separator?.none, .some(.comma)] {
        _ = try? DelimitedText.read(
            bytes, displayName: "fuzz.tsv", defaultSeparator: separator, deckID: "fuzz",
            title: nil, section: "Fuzz")
    }
    return 0
}
