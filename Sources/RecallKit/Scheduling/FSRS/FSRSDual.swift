import Foundation

/// A number with its gradient over the 21 FSRS weights (forward-mode
/// automatic differentiation): running the model's formulas on these gives
/// the loss and dLoss/dw in one pass, with no tape and no allocation.
public struct FSRSDual: FSRSReal {
    public typealias Partials = FSRSPartials

    public var value: Double
    /// d value / d w[i] in lane i (lanes 21…23 stay zero).
    public var partials: Partials

    @inline(__always) @inlinable public init(_ value: Double) {
        self.value = value
        self.partials = FSRSPartials(.zero, .zero, .zero)
    }

    @inline(__always) @inlinable public init(value: Double, partials: Partials) {
        self.value = value
        self.partials = partials
    }

    /// The weight `w[index]` as a variable: its own partial is 1.
    @inline(__always) @inlinable public static func variable(_ value: Double, index: Int) -> FSRSDual {
        var partials = Partials.zero
        partials[index] = 1
        return FSRSDual(value: value, partials: partials)
    }

    @inline(__always) @inlinable public static func + (lhs: FSRSDual, rhs: FSRSDual) -> FSRSDual {
        FSRSDual(value: lhs.value + rhs.value, partials: lhs.partials + rhs.partials)
    }

    @inline(__always) @inlinable public static func - (lhs: FSRSDual, rhs: FSRSDual) -> FSRSDual {
        FSRSDual(value: lhs.value - rhs.value, partials: lhs.partials - rhs.partials)
    }

    @inline(__always) @inlinable public static func * (lhs: FSRSDual, rhs: FSRSDual) -> FSRSDual {
        FSRSDual(value: lhs.value * rhs.value, partials: rhs.value * lhs.partials + lhs.value * rhs.partials)
    }

    @inline(__always) @inlinable public static func / (lhs: FSRSDual, rhs: FSRSDual) -> FSRSDual {
        let quotient = lhs.value / rhs.value
        return FSRSDual(value: quotient, partials: (lhs.partials - quotient * rhs.partials) / rhs.value)
    }

    @inlinable public static prefix func - (operand: FSRSDual) -> FSRSDual {
        FSRSDual(value: -operand.value, partials: -operand.partials)
    }

    @inline(__always) @inlinable public func exponential() -> FSRSDual {
        let e = Foundation.exp(value)
        return FSRSDual(value: e, partials: e * partials)
    }

    @inline(__always) @inlinable public func logarithm() -> FSRSDual {
        FSRSDual(value: Foundation.log(value), partials: partials / value)
    }

    /// x^y for x > 0: d(x^y) = x^y · (y' · ln x + y · x' / x).
    @inline(__always) @inlinable public func power(_ exponent: FSRSDual) -> FSRSDual {
        let result = Foundation.pow(value, exponent.value)
        let logBase: Double = Foundation.log(value)
        let fromExponent: FSRSPartials = logBase * exponent.partials
        let fromBase: FSRSPartials = (exponent.value / value) * self.partials
        return FSRSDual(value: result, partials: result * (fromExponent + fromBase))
    }
}

/// 24 partial derivatives as three 8-lane vectors: the compiler keeps these
/// in registers, where one 32-lane vector is spilled and runs ~100× slower.
public struct FSRSPartials: Sendable {
    public var low: SIMD8<Double>
    public var middle: SIMD8<Double>
    public var high: SIMD8<Double>

    @inline(__always) @inlinable init(_ low: SIMD8<Double>, _ middle: SIMD8<Double>, _ high: SIMD8<Double>) {
        self.low = low
        self.middle = middle
        self.high = high
    }

    public static let zero = FSRSPartials(.zero, .zero, .zero)

    @inlinable public subscript(index: Int) -> Double {
        get { index < 8 ? low[index] : index < 16 ? middle[index - 8] : high[index - 16] }
        set {
            if index < 8 { low[index] = newValue } else if index < 16 { middle[index - 8] = newValue } else { high[index - 16] = newValue }
        }
    }

    @inline(__always) @inlinable public static func + (lhs: FSRSPartials, rhs: FSRSPartials) -> FSRSPartials {
        FSRSPartials(lhs.low + rhs.low, lhs.middle + rhs.middle, lhs.high + rhs.high)
    }

    @inline(__always) @inlinable public static func += (lhs: inout FSRSPartials, rhs: FSRSPartials) { lhs = lhs + rhs }

    @inline(__always) @inlinable public static func - (lhs: FSRSPartials, rhs: FSRSPartials) -> FSRSPartials {
        FSRSPartials(lhs.low - rhs.low, lhs.middle - rhs.middle, lhs.high - rhs.high)
    }

    @inline(__always) @inlinable public static prefix func - (operand: FSRSPartials) -> FSRSPartials {
        FSRSPartials(-operand.low, -operand.middle, -operand.high)
    }

    @inline(__always) @inlinable public static func * (lhs: Double, rhs: FSRSPartials) -> FSRSPartials {
        let s = SIMD8(repeating: lhs)
        return FSRSPartials(s * rhs.low, s * rhs.middle, s * rhs.high)
    }

    @inline(__always) @inlinable public static func / (lhs: FSRSPartials, rhs: Double) -> FSRSPartials {
        let s = SIMD8(repeating: 1 / rhs)
        return FSRSPartials(lhs.low * s, lhs.middle * s, lhs.high * s)
    }
}
