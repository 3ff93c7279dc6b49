/// A JSON number kept as its text, so that integers of any size are never rounded through `Double`
/// and a written number is exactly the canonical text `CanonicalJSON` chose for it.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number as it appears in the document (for written numbers: the canonical form).
    public let text: String

    /// A number from document text; the caller (the parser) has checked the RFC 8259 grammar.
    init(text: String) { self.text = text }

    /// An integer, written as its decimal digits.
    public init<Integer: BinaryInteger>(_ value: Integer) { text = String(value) }

    /// A finite `Double` in its canonical (RFC 8785 / ECMAScript) form; nil for NaN and infinities.
    public init?(_ value: Double) {
        guard let text = ShortestDecimal.canonicalText(value) else { return nil }
        self.text = text
    }

    /// A finite `Float` in the shortest form that reads back as the same `Float`; nil for NaN and infinities.
    public init?(_ value: Float) {
        guard let text = ShortestDecimal.canonicalText(value) else { return nil }
        self.text = text
    }

    public var description: String { text }

    /// The nearest `Double`.
    public var double: Double? { Double(text) }

    /// The value as a non-negative integer that fits in `UInt64`, or nil (fractions, exponents,
    /// signs and overflow all give nil).
    public var unsignedInteger: UInt64? {
        guard !text.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// The value as an `Int` when it is an integer that fits: plain digits, or a number such as
    /// `2.0` or `1e3` whose `Double` is integral and exactly representable.
    public var integer: Int? {
        if let exact = Int(text) { return exact }
        guard let value = Double(text), value.rounded() == value, abs(value) < 9.007_199_254_740_992e15 else { return nil }
        return Int(value)
    }
}
