import Foundation

/// A number with its gradient over the 21 FSRS weights (forward-mode
/// automatic differentiation): running the model's formulas on these gives
/// the loss and dLoss/dw in one pass, with no tape and no allocation.
public struct FSRSDual: FSRSReal {
    public typealias Partials = SIMD32<Double>

    public var value: Double
    /// d value / d w[i] in lane i (lanes 21…31 stay zero).
    public var partials: Partials

    @inlinable public init(_ value: Double) {
        self.value = value
        self.partials = .zero
    }

    @inlinable public init(value: Double, partials: Partials) {
        self.value = value
        self.partials = partials
    }

    /// The weight `w[index]` as a variable: its own partial is 1.
    @inlinable public static func variable(_ value: Double, index: Int) -> FSRSDual {
        var partials = Partials.zero
        partials[index] = 1
        return FSRSDual(value: value, partials: partials)
    }

    @inlinable public static func + (lhs: FSRSDual, rhs: FSRSDual) -> FSRSDual {
        FSRSDual(value: lhs.value + rhs.value, partials: lhs.partials + rhs.partials)
    }

    @inlinable public static func - (lhs: FSRSDual, rhs: FSRSDual) -> FSRSDual {
        FSRSDual(value: lhs.value - rhs.value, partials: lhs.partials - rhs.partials)
    }

    @inlinable public static func * (lhs: FSRSDual, rhs: FSRSDual) -> FSRSDual {
        FSRSDual(value: lhs.value * rhs.value, partials: rhs.value * lhs.partials + lhs.value * rhs.partials)
    }

    @inlinable public static func / (lhs: FSRSDual, rhs: FSRSDual) -> FSRSDual {
        let quotient = lhs.value / rhs.value
        return FSRSDual(value: quotient, partials: (lhs.partials - quotient * rhs.partials) / rhs.value)
    }

    @inlinable public static prefix func - (operand: FSRSDual) -> FSRSDual {
        FSRSDual(value: -operand.value, partials: -operand.partials)
    }

    @inlinable public func exponential() -> FSRSDual {
        let e = Foundation.exp(value)
        return FSRSDual(value: e, partials: e * partials)
    }

    @inlinable public func logarithm() -> FSRSDual {
        FSRSDual(value: Foundation.log(value), partials: partials / value)
    }

    /// x^y for x > 0: d(x^y) = x^y · (y' · ln x + y · x' / x).
    @inlinable public func power(_ exponent: FSRSDual) -> FSRSDual {
        let result = Foundation.pow(value, exponent.value)
        let partials = result * (exponent.partials * Foundation.log(value) + (exponent.value / value) * self.partials)
        return FSRSDual(value: result, partials: partials)
    }
}
