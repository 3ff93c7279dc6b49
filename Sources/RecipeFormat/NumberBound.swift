/// A bound on a floating-point recipe value, printed in messages as `> 0`, `<= 1`, …
enum NumberBound: CustomStringConvertible {
    case greaterThan(Double)
    case atLeast(Double)
    case lessThan(Double)
    case atMost(Double)

    /// True if `value` satisfies the bound.
    func admits(_ value: Double) -> Bool {
        switch self {
        case let .greaterThan(limit): value > limit
        case let .atLeast(limit): value >= limit
        case let .lessThan(limit): value < limit
        case let .atMost(limit): value <= limit
        }
    }

    var description: String {
        switch self {
        case let .greaterThan(limit): "> \(limit.shortDescription)"
        case let .atLeast(limit): ">= \(limit.shortDescription)"
        case let .lessThan(limit): "< \(limit.shortDescription)"
        case let .atMost(limit): "<= \(limit.shortDescription)"
        }
    }
}

extension Double {
    /// `1` for whole numbers, the shortest round-trip form (`0.0003`, `1e-08`) otherwise.
    var shortDescription: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}
