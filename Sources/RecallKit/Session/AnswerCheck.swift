import Foundation

/// Judges a typed answer against the accepted ones and suggests a grade.
///
/// Text is compared after normalising: Unicode NFKC (so full-width and
/// half-width forms match), case folded, runs of white space made one space,
/// ends trimmed. A near miss — within a small edit distance — is told apart
/// from a wrong answer so the user can see how close it was.
public enum AnswerCheck {
    public enum Verdict: Hashable, Sendable {
        case correct
        /// Within the near-miss distance of `expected`.
        case close(expected: String, distance: Int)
        case wrong
    }

    public static func normalize(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping
            .lowercased()
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    /// Edits allowed for a near miss: one per eight characters, at least one;
    /// answers shorter than four characters get none (a one-letter slip there
    /// is a different answer).
    public static func nearMissDistance(forLength length: Int) -> Int {
        length < 4 ? 0 : max(1, length / 8)
    }

    public static func judge(_ typed: String, accepted: [String]) -> Verdict {
        let given = normalize(typed)
        let candidates = accepted.map { (original: $0, normal: normalize($0)) }
        if candidates.contains(where: { $0.normal == given }) { return .correct }
        var best: (String, Int)?
        for candidate in candidates {
            let allowed = nearMissDistance(forLength: candidate.normal.count)
            guard allowed > 0 else { continue }
            let distance = editDistance(Array(given), Array(candidate.normal), limit: allowed)
            if distance <= allowed, distance < (best?.1 ?? .max) { best = (candidate.original, distance) }
        }
        if let (expected, distance) = best { return .close(expected: expected, distance: distance) }
        return .wrong
    }

    /// The grade offered as the default after a checked answer.
    public static func suggestedGrade(_ verdict: Verdict) -> Grade {
        switch verdict {
        case .correct: .perfect
        case .close: .hard
        case .wrong: .wrong
        }
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    public static func editDistance<T: Equatable>(_ a: [T], _ b: [T], limit: Int = .max) -> Int {
        if abs(a.count - b.count) > limit { return limit == .max ? max(a.count, b.count) : limit + 1 }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMin = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if b.isEmpty { current = [i] }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

/// A small, seedable random generator (SplitMix64) whose sequence is the same
/// on every platform, so a seed repeats a shuffle exactly.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for one item of a seeded run: the run's seed mixed with the item's name.
    public init(seed: UInt64, salt: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in salt.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        state = seed ^ hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0..<bound, without modulo bias (rejection sampling).
    public mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0)
        let range = UInt64(bound)
        let threshold = (0 &- range) % range
        while true {
            let value = next()
            if value >= threshold { return Int(value % range) }
        }
    }

    /// A Fisher–Yates shuffle of `0..<count`.
    public mutating func permutation(of count: Int) -> [Int] {
        var order = Array(0..<count)
        guard count > 1 else { return order }
        for i in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(i, uniform(below: i + 1))
        }
        return order
    }
}
