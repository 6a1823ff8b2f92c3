import Foundation
import ZIPFoundation

/// Reads entries of an untrusted zip archive: refuses entries with absolute
/// or `..` paths, and caps what an entry may unpack to (in all and as a
/// multiple of its compressed size), counting the bytes as they come rather
/// than trusting the sizes the archive declares.
struct SafeZip {
    struct Limits: Sendable {
        /// At most this many bytes from one entry.
        var entryBytes: UInt64 = 1 << 30
        /// At most this many bytes declared by all entries together.
        var totalBytes: UInt64 = 2 << 30
        /// An entry above `ratioFloorBytes` may unpack to at most this multiple of its compressed size.
        var compressionRatio: UInt64 = 200
        var ratioFloorBytes: UInt64 = 1 << 20

        static let standard = Limits()
    }

    let archive: Archive
    let file: String
    let limits: Limits
    let entries: [String: Entry]

    init(url: URL, displayName: String, limits: Limits = .standard) throws {
        file = displayName
        self.limits = limits
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 16) ?? Data()
        } catch {
            throw ExchangeError.malformed(file: displayName, line: nil, reason: "cannot be read (\(error.localizedDescription))")
        }
        let kind = FileSniffer.kind(of: head)
        guard kind == "a zip archive" else {
            throw ExchangeError.wrongKind(file: displayName, expected: "an Anki package (a zip archive)", found: head.isEmpty ? "an empty file" : kind)
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ExchangeError.corruptArchive(file: displayName, reason: "\(error)")
        }
        var entries: [String: Entry] = [:]
        var total: UInt64 = 0
        for entry in archive {
            let path = entry.path
            let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            if path.hasPrefix("/") || path.hasPrefix("\\") || parts.contains("..") || (parts.first?.dropFirst().first == ":") {
                throw ExchangeError.unsafeEntryPath(file: displayName, entry: path)
            }
            let size = entry.uncompressedSize
            if size > limits.entryBytes {
                throw ExchangeError.tooLarge(file: displayName, entry: path, reason: "declares \(size) bytes (limit \(limits.entryBytes))")
            }
            if size > limits.ratioFloorBytes && size / max(entry.compressedSize, 1) > limits.compressionRatio {
                throw ExchangeError.tooLarge(
                    file: displayName, entry: path,
                    reason: "unpacks \(size / max(entry.compressedSize, 1)) times larger than it is stored (limit \(limits.compressionRatio))")
            }
            total += size
            if total > limits.totalBytes {
                throw ExchangeError.tooLarge(file: displayName, entry: path, reason: "brings the archive past \(limits.totalBytes) bytes unpacked")
            }
            entries[path] = entry
        }
        self.entries = entries
    }

    /// Unpacks `name` to `url`, checking its CRC and counting its bytes against the limits.
    func extract(_ name: String, to url: URL) throws {
        guard let entry = entries[name] else {
            throw ExchangeError.malformed(file: file, line: nil, reason: "has no '\(name)'")
        }
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
            throw ExchangeError.malformed(file: file, line: nil, reason: "cannot unpack '\(name)' to \(url.path)")
        }
        defer { try? handle.close() }
        var written: UInt64 = 0
        let cap = min(limits.entryBytes, entry.uncompressedSize)
        do {
            let checksum = try archive.extract(entry) { chunk in
                written += UInt64(chunk.count)
                if written > cap { throw ExchangeError.tooLarge(file: file, entry: name, reason: "unpacks to more than it declares") }
                try handle.write(contentsOf: chunk)
            }
            try checkCRC(checksum, of: entry)
        } catch let error as ExchangeError {
            throw error
        } catch {
            throw ExchangeError.corruptArchive(file: file, reason: "'\(name)' cannot be unpacked: \(error)")
        }
    }

    /// The bytes of a small entry (such as `media`), read with the same checks.
    func data(_ name: String, atMost: UInt64) throws -> Data {
        guard let entry = entries[name] else { return Data() }
        if entry.uncompressedSize > atMost {
            throw ExchangeError.tooLarge(file: file, entry: name, reason: "declares \(entry.uncompressedSize) bytes (limit \(atMost))")
        }
        var data = Data()
        do {
            let checksum = try archive.extract(entry) { chunk in
                data.append(chunk)
                if UInt64(data.count) > atMost { throw ExchangeError.tooLarge(file: file, entry: name, reason: "unpacks to more than it declares") }
            }
            try checkCRC(checksum, of: entry)
        } catch let error as ExchangeError {
            throw error
        } catch {
            throw ExchangeError.corruptArchive(file: file, reason: "'\(name)' cannot be unpacked: \(error)")
        }
        return data
    }

    /// ZIPFoundation computes an entry's CRC-32 while extracting but leaves the
    /// comparison to the caller (only its FileManager helper compares): here
    /// a damaged entry is refused rather than imported.
    func checkCRC(_ computed: CRC32, of entry: Entry) throws {
        guard computed == entry.checksum else {
            throw ExchangeError.corruptArchive(
                file: file,
                reason: "'\(entry.path)' fails its CRC-32 check (stored \(String(entry.checksum, radix: 16)), computed \(String(computed, radix: 16)))")
        }
    }
}
