import Foundation

// libFuzzer target: the JSON backup reader on arbitrary bytes. Built by Scripts/fuzz.sh.
@testable import RecallKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBackup(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    if let backup = try? Backup.decode(bytes, file: "fuzz.json") {
        // A backup that passes the checks must restore without trapping.
        if let database = try? RecallDatabase.inMemory() {
            try? database.restore(backup, written: [], writeFiles: {}, removeFiles: {})
            _ = try? database.exchangeSnapshot()
        }
    }
    return 0
}
