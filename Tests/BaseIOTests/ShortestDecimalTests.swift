@testable import BaseIO
import Testing
import TestSupport

/// The digit generator is exact integer arithmetic of its own; Swift's `description` is specified to
/// print the shortest round-trip digits closest to the value, so the two must agree digit for digit.
@Suite struct ShortestDecimalTests {
    /// Digits and decimal point of Swift's description (`1.2345e-07`, `0.001`, `12345.0`).
    static func swiftDigits(_ text: String) -> (digits: [UInt8], point: Int) {
        let parts = text.split(separator: "e")
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array((mantissa[0] + (mantissa.count > 1 ? mantissa[1] : "")).utf8).map { $0 - 0x30 }
        var point = mantissa[0].count + exponent
        while digits.first == 0 { digits.removeFirst(); point -= 1 }
        while digits.last == 0 { digits.removeLast() }
        return (digits, point)
    }

    @Test func agreesWithSwiftOnRandomDoubles() {
        var generator = SplitMix64(seed: 0x5EED)
        for round in 0..<40_000 {
            let bits = generator.next()
            let value = round % 4 == 0 ? Double(bitPattern: bits & 0x800F_FFFF_FFFF_FFFF) : Double(bitPattern: bits)
            guard value.isFinite, value != 0 else { continue }
            let text = ShortestDecimal.canonicalText(value) ?? ""
            #expect(Double(text) == value, "\(value) wrote \(text)")
            let magnitude = abs(value)
            let fraction = magnitude.bitPattern & ((1 << 52) - 1)
            let biased = Int(magnitude.bitPattern >> 52)
            let ours = ShortestDecimal.shortestDigits(
                significand: biased == 0 ? fraction : fraction | 1 << 52, exponent: biased == 0 ? -1074 : biased - 1075,
                hiddenBit: 1 << 52, minimumExponent: -1074)
            let theirs = Self.swiftDigits(magnitude.description)
            #expect(ours.digits == theirs.digits && ours.point == theirs.point, "\(magnitude.description)")
            if ours.digits != theirs.digits || ours.point != theirs.point { return }
        }
    }

    @Test func agreesWithSwiftOnRandomFloats() {
        var generator = SplitMix64(seed: 0xF10A7)
        for _ in 0..<40_000 {
            let value = Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()))
            guard value.isFinite, value != 0 else { continue }
            let text = ShortestDecimal.canonicalText(value) ?? ""
            #expect(Float(text) == value, "\(value) wrote \(text)")
            let theirs = Self.swiftDigits(abs(value).description)
            let ours = Self.swiftDigits(Self.plain(text))
            #expect(ours.digits == theirs.digits && ours.point == theirs.point, "\(value.description) wrote \(text)")
        }
    }

    @Test func powersOfTwoAndTenAtTheBoundaries() {
        var value = 5e-324
        while value.isFinite {
            #expect(Double(ShortestDecimal.canonicalText(value) ?? "") == value)
            value *= 2
        }
        for exponent in -323...308 {
            guard let power = Double("1e\(exponent)") else { continue }
            let text = ShortestDecimal.canonicalText(power) ?? ""
            #expect(Self.swiftDigits(Self.plain(text)).digits == [1], "1e\(exponent) wrote \(text)")
        }
    }

    /// ECMAScript text → Swift-like text (`e+21` → `e21`) so `swiftDigits` can read both.
    static func plain(_ text: String) -> String {
        String(text.drop { $0 == "-" }.map { $0 == "+" ? "\u{0}" : $0 }.filter { $0 != "\u{0}" })
    }
}
