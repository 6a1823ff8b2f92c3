import Foundation

/// The four answers FSRS knows. Recall's grades 0–5 map onto them:
/// 0–2 → again, 3 → hard, 4 → good, 5 → easy (docs/scheduling.md).
public enum FSRSRating: Int, Hashable, Sendable, Codable, CaseIterable {
    case again = 1
    case hard, good, easy

    public init(_ grade: Grade) {
        switch grade.value {
        case 5: self = .easy
        case 4: self = .good
        case 3: self = .hard
        default: self = .again
        }
    }

    public var isRecall: Bool { self != .again }
}

/// The 21 weights of FSRS-6, `w[0]` … `w[20]`.
///
/// `w[0…3]` initial stability per first rating, `w[4…7]` difficulty,
/// `w[8…10]` stability after recall, `w[11…14]` after a lapse, `w[15]` the hard
/// penalty, `w[16]` the easy bonus, `w[17…19]` the short-term (same-day) terms
/// and `w[20]` the trainable decay of the forgetting curve.
public struct FSRSParameters: Hashable, Sendable, Codable {
    public static let count = 21

    /// FSRS-6's published defaults (py-fsrs 6.3.2 and fsrs-rs agree on them).
    public static let defaults = FSRSParameters(unchecked: [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ])

    /// The range each weight may take, as py-fsrs validates and fsrs-rs clips them.
    public static let bounds: [ClosedRange<Double>] = [
        0.001...100, 0.001...100, 0.001...100, 0.001...100,
        1...10, 0.001...4, 0.001...4, 0.001...0.75,
        0...4.5, 0...0.8, 0.001...3.5,
        0.001...5, 0.001...0.25, 0.001...0.9, 0...4,
        0...1, 1...6,
        0...2, 0...2, 0...0.8,
        0.1...0.8,
    ]

    public let weights: [Double]

    private init(unchecked weights: [Double]) { self.weights = weights }

    public enum Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        case count(Int)
        case outOfBounds(index: Int, value: Double, bounds: ClosedRange<Double>)

        public var description: String {
            switch self {
            case .count(let n): "FSRS-6 has 21 parameters, got \(n)"
            case .outOfBounds(let index, let value, let bounds):
                "parameter w[\(index)] = \(value) is outside \(bounds.lowerBound)…\(bounds.upperBound)"
            }
        }
    }

    public init(_ weights: [Double]) throws(Invalid) {
        guard weights.count == Self.count else { throw .count(weights.count) }
        for (index, value) in weights.enumerated() where !(value.isFinite && Self.bounds[index].contains(value)) {
            throw .outOfBounds(index: index, value: value, bounds: Self.bounds[index])
        }
        self.weights = weights
    }

    /// Each weight moved into its bounds: what the optimizer keeps after every step.
    public static func clamped(_ weights: [Double]) -> FSRSParameters {
        FSRSParameters(unchecked: zip(weights, bounds).map { min(max($0, $1.lowerBound), $1.upperBound) })
    }

    public subscript(index: Int) -> Double { weights[index] }

    public init(from decoder: any Decoder) throws {
        let weights = try decoder.singleValueContainer().decode([Double].self)
        do {
            try self.init(weights)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(weights)
    }
}

/// A card's memory as FSRS models it: stability S (days until recall falls
/// to 90%) and difficulty D (1…10).
public struct FSRSMemory: Hashable, Sendable, Codable {
    public var stability: Double
    public var difficulty: Double

    public init(stability: Double, difficulty: Double) {
        self.stability = stability
        self.difficulty = difficulty
    }
}

/// The arithmetic the FSRS formulas need, so that one copy of them serves the
/// scheduler (in `Double`) and the optimizer (in ``FSRSDual``, which carries
/// the gradient along).
public protocol FSRSReal: Sendable {
    init(_ value: Double)
    var value: Double { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self
    func exponential() -> Self
    func power(_ exponent: Self) -> Self
}

extension Double: FSRSReal {
    public var value: Double { self }
    public func exponential() -> Double { Foundation.exp(self) }
    public func power(_ exponent: Double) -> Double { Foundation.pow(self, exponent) }
}

extension FSRSReal {
    /// The smaller of the two, by value (the gradient follows the one taken).
    @inline(__always) @inlinable func atMost(_ other: Self) -> Self { value <= other.value ? self : other }
    @inline(__always) @inlinable func atLeast(_ other: Self) -> Self { value >= other.value ? self : other }
    @inline(__always) @inlinable func clamped(_ low: Double, _ high: Double) -> Self {
        value < low ? Self(low) : value > high ? Self(high) : self
    }
}

/// The FSRS-6 formulas, pure, over the weights `w` (in any ``FSRSReal``).
///
/// Written from the published FSRS-6 model (see docs/scheduling.md); py-fsrs
/// 6.3.2 and fsrs-rs compute the same, which the vector tests check.
public enum FSRSModel {
    public static let minimumStability = 0.001
    public static let maximumStability = 36_500.0
    public static let minimumDifficulty = 1.0
    public static let maximumDifficulty = 10.0
    /// The retention that defines stability: R(S) = 0.9.
    public static let stabilityRetention = 0.9

    /// The forgetting curve's factor, chosen so that R(t = S) = 0.9 for any decay.
    @inline(__always) @inlinable public static func factor<R: FSRSReal>(_ w: [R]) -> R {
        let decay = -w[20]
        return (R(Foundation.log(stabilityRetention)) / decay).exponential() - R(1)
    }

    /// R(t, S) = (1 + factor · t / S)^(−w20): the probability of recall after `elapsedDays`.
    @inline(__always) @inlinable public static func retrievability<R: FSRSReal>(_ w: [R], elapsedDays: R, stability: R) -> R {
        (R(1) + factor(w) * elapsedDays / stability).power(-w[20])
    }

    /// The days after which recall falls to `retention` (not rounded).
    public static func intervalDays(_ w: [Double], stability: Double, retention: Double) -> Double {
        let decay = -w[20]
        return stability / factor(w) * (Foundation.pow(retention, 1 / decay) - 1)
    }

    /// S₀(G) = w[G−1].
    @inline(__always) @inlinable public static func initialStability<R: FSRSReal>(_ w: [R], _ rating: FSRSRating) -> R {
        w[rating.rawValue - 1].atLeast(R(minimumStability))
    }

    /// D₀(G) = w4 − e^(w5·(G−1)) + 1, before clamping to 1…10.
    @inline(__always) @inlinable public static func rawInitialDifficulty<R: FSRSReal>(_ w: [R], _ rating: FSRSRating) -> R {
        w[4] - (w[5] * R(Double(rating.rawValue - 1))).exponential() + R(1)
    }

    @inline(__always) @inlinable public static func initialDifficulty<R: FSRSReal>(_ w: [R], _ rating: FSRSRating) -> R {
        rawInitialDifficulty(w, rating).clamped(minimumDifficulty, maximumDifficulty)
    }

    /// D' = w7·D₀(easy) + (1 − w7)·(D + ΔD·(10 − D)/9), ΔD = −w6·(G − 3), clamped to 1…10.
    @inline(__always) @inlinable public static func nextDifficulty<R: FSRSReal>(_ w: [R], difficulty: R, rating: FSRSRating) -> R {
        let delta = -(w[6] * R(Double(rating.rawValue - 3)))
        let damped = difficulty + (R(10) - difficulty) * delta / R(9)
        let reverted = w[7] * rawInitialDifficulty(w, .easy) + (R(1) - w[7]) * damped
        return reverted.clamped(minimumDifficulty, maximumDifficulty)
    }

    /// S'ᵣ = S · (1 + e^w8 · (11 − D) · S^(−w9) · (e^(w10·(1−R)) − 1) · hard · easy).
    @inline(__always) @inlinable public static func stabilityAfterRecall<R: FSRSReal>(
        _ w: [R], stability s: R, difficulty d: R, retrievability r: R, rating: FSRSRating
    ) -> R {
        let hardPenalty = rating == .hard ? w[15] : R(1)
        let easyBonus = rating == .easy ? w[16] : R(1)
        let growth =
            w[8].exponential() * (R(11) - d) * s.power(-w[9])
            * ((R(1) - r) * w[10]).exponential().minusOne() * hardPenalty * easyBonus
        return s * (R(1) + growth)
    }

    /// S'f = min(w11 · D^(−w12) · ((S + 1)^w13 − 1) · e^(w14·(1−R)), S / e^(w17·w18)).
    @inline(__always) @inlinable public static func stabilityAfterLapse<R: FSRSReal>(
        _ w: [R], stability s: R, difficulty d: R, retrievability r: R
    ) -> R {
        let longTerm = w[11] * d.power(-w[12]) * (s + R(1)).power(w[13]).minusOne() * ((R(1) - r) * w[14]).exponential()
        let shortTermCeiling = s / (w[17] * w[18]).exponential()
        return longTerm.atMost(shortTermCeiling)
    }

    /// A same-day answer: S' = S · e^(w17·(G − 3 + w18)) · S^(−w19), never
    /// lower than S for a recall.
    @inline(__always) @inlinable public static func stabilityShortTerm<R: FSRSReal>(_ w: [R], stability s: R, rating: FSRSRating) -> R {
        var increase = (w[17] * (R(Double(rating.rawValue - 3)) + w[18])).exponential() * s.power(-w[19])
        if rating.isRecall { increase = increase.atLeast(R(1)) }
        return s * increase
    }

    /// The next stability after a review `elapsedDays` (whole days) after the
    /// last one, at least the minimum; `elapsedDays == 0` is a same-day review.
    @inline(__always) @inlinable public static func nextStability<R: FSRSReal>(
        _ w: [R], memory: (stability: R, difficulty: R), elapsedDays: R, rating: FSRSRating
    ) -> R {
        let next: R
        if elapsedDays.value == 0 {
            next = stabilityShortTerm(w, stability: memory.stability, rating: rating)
        } else {
            let r = retrievability(w, elapsedDays: elapsedDays, stability: memory.stability)
            next =
                rating.isRecall
                ? stabilityAfterRecall(w, stability: memory.stability, difficulty: memory.difficulty, retrievability: r, rating: rating)
                : stabilityAfterLapse(w, stability: memory.stability, difficulty: memory.difficulty, retrievability: r)
        }
        return next.atLeast(R(minimumStability))
    }
}

extension FSRSReal {
    @inline(__always) @inlinable func minusOne() -> Self { self - Self(1) }
}
