import Foundation

/// The stable, unique id of one answer: a UUIDv7 (RFC 9562).
///
/// Its first 48 bits are the answer's Unix time in milliseconds, so ids sort
/// by time and logs from several devices can later be merged without
/// collisions; the other 74 bits (after the version and variant) are random.
/// The id travels with the answer through export and import, so an answer
/// imported twice is recognised as the same answer.
///
/// Stored as two 64-bit integers (`uuid_hi`, `uuid_lo`, the big-endian
/// halves): 16 bytes, as a blob would take, and buildable in plain SQL by
/// the migration that gave the existing rows their ids.
public struct AnswerID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    static let versionBits: UInt64 = 0x7000
    static let variantBits: UInt64 = 0x8000_0000_0000_0000

    /// A new id for an answer at `unixMilliseconds`, its random bits from `generator`.
    public init(unixMilliseconds: Int64, using generator: inout some RandomNumberGenerator) {
        let time = UInt64(max(0, min(unixMilliseconds, (1 << 48) - 1)))
        high = time << 16 | Self.versionBits | (generator.next() & 0x0FFF)
        low = Self.variantBits | (generator.next() & 0x3FFF_FFFF_FFFF_FFFF)
    }

    /// The Unix time in milliseconds the id carries.
    public var unixMilliseconds: Int64 { Int64(high >> 16) }

    /// Parses the canonical text form, `0192f3a4-5b6c-7d8e-9f01-23456789abcd`.
    public init?(_ text: some StringProtocol) {
        let hex = String(text.filter { $0 != "-" })
        guard text.count == 36, hex.count == 32,
            [8, 13, 18, 23].allSatisfy({ text[text.index(text.startIndex, offsetBy: $0)] == "-" }),
            let high = UInt64(hex.prefix(16), radix: 16), let low = UInt64(hex.suffix(16), radix: 16)
        else { return nil }
        self.init(high: high, low: low)
    }

    /// The canonical text form, lower-case hex in 8-4-4-4-12 groups.
    public var description: String {
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: digits - text.count) + text
        }
        let a = hex(high, 16)
        let b = hex(low, 16)
        return "\(a.prefix(8))-\(a.dropFirst(8).prefix(4))-\(a.suffix(4))-\(b.prefix(4))-\(b.suffix(12))"
    }

    /// The two halves as SQLite stores them (signed 64-bit integers, same bits).
    var storedHalves: (Int64, Int64) { (Int64(bitPattern: high), Int64(bitPattern: low)) }

    init(storedHigh: Int64, storedLow: Int64) {
        self.init(high: UInt64(bitPattern: storedHigh), low: UInt64(bitPattern: storedLow))
    }

    public static func < (lhs: AnswerID, rhs: AnswerID) -> Bool { (lhs.high, lhs.low) < (rhs.high, rhs.low) }
}

extension AnswerID: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = AnswerID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a UUID"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An instant to the millisecond with the UTC offset it was seen in: how the
/// review log keeps the time of an answer (two integers, not text).
public struct AnswerTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var unixMilliseconds: Int64
    /// Minutes east of UTC where the answer was given (`+08:00` is 480).
    public var utcOffsetMinutes: Int

    public init(unixMilliseconds: Int64, utcOffsetMinutes: Int) {
        self.unixMilliseconds = unixMilliseconds
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    public init(_ moment: Moment) {
        unixMilliseconds = Int64((moment.instant.timeIntervalSince1970 * 1000).rounded(.down))
        utcOffsetMinutes = moment.timeZone.secondsFromGMT(for: moment.instant) / 60
    }

    public var instant: Date { Date(timeIntervalSince1970: Double(unixMilliseconds) / 1000) }

    public static func < (lhs: AnswerTime, rhs: AnswerTime) -> Bool { lhs.unixMilliseconds < rhs.unixMilliseconds }

    /// ISO 8601 in the answer's own offset: `2026-11-29T21:05:00+08:00`, with
    /// `.123` milliseconds when there are any, `Z` for UTC.
    public var description: String {
        let local = unixMilliseconds + Int64(utcOffsetMinutes) * 60_000
        let (daysPart, msOfDay) = Self.floorDivide(local, 86_400_000)
        let (year, month, day) = StudyDay(daysSinceEpoch: Int(daysPart)).civil
        let seconds = Int(msOfDay / 1000)
        let millis = Int(msOfDay % 1000)
        func pad(_ n: Int, _ width: Int = 2) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var text = "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
        if millis != 0 { text += ".\(pad(millis, 3))" }
        if utcOffsetMinutes == 0 { return text + "Z" }
        let offset = abs(utcOffsetMinutes)
        return text + (utcOffsetMinutes < 0 ? "-" : "+") + "\(pad(offset / 60)):\(pad(offset % 60))"
    }

    /// Parses what ``description`` writes: `YYYY-MM-DDTHH:MM:SS`, optional
    /// `.fff` (1 to 9 digits, read to the millisecond), then `Z` or `±HH:MM`.
    public init?(_ text: some StringProtocol) {
        let chars = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var value = 0
            for c in chars[from..<from + count] {
                guard (0x30...0x39).contains(c) else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            return value
        }
        guard chars.count >= 20, chars[4] == 0x2D, chars[7] == 0x2D, chars[10] == 0x54 || chars[10] == 0x20,
            chars[13] == 0x3A, chars[16] == 0x3A,
            let date = StudyDay(String(decoding: chars[0..<10], as: UTF8.self)),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var millis = 0
        if chars[index] == 0x2E {
            var digits = 0
            index += 1
            while index < chars.count, (0x30...0x39).contains(chars[index]) {
                if digits < 3 { millis = millis * 10 + Int(chars[index] - 0x30) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) { millis *= 10 }
        }
        let offset: Int
        if index == chars.count - 1, chars[index] == 0x5A {
            offset = 0
        } else if index == chars.count - 6, chars[index] == 0x2B || chars[index] == 0x2D, chars[index + 3] == 0x3A,
            let hours = number(index + 1, 2), let minutes = number(index + 4, 2), hours < 24, minutes < 60
        {
            offset = (chars[index] == 0x2D ? -1 : 1) * (hours * 60 + minutes)
        } else {
            return nil
        }
        let localMs = (Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)) * 1000 + Int64(millis)
        self.init(unixMilliseconds: localMs - Int64(offset) * 60_000, utcOffsetMinutes: offset)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a >= 0 ? a / b : -((-a + b - 1) / b)
        return (q, a - q * b)
    }
}
