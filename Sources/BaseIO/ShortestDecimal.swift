/// The shortest decimal digits that read back as the same binary floating-point number, and their
/// canonical text: the number serialisation of RFC 8785 (JCS), which is ECMAScript's
/// `Number.prototype.toString`.
///
/// The digits come from exact integer arithmetic (Burger & Dybvig's free-format algorithm with the
/// round-to-nearest-even boundaries), so they depend on no platform's `printf`, no Foundation and no
/// Swift version: among the shortest digit strings that round-trip, the one closest to the exact
/// value, and of two equally close the even one.
enum ShortestDecimal {
    /// The canonical text of a finite `Double`, or nil for NaN and the infinities.
    static func canonicalText(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        guard value != 0 else { return "0" }
        let fraction = value.bitPattern & ((1 << 52) - 1)
        let biased = Int(value.bitPattern >> 52 & 0x7FF)
        let significand = biased == 0 ? fraction : fraction | 1 << 52
        let exponent = biased == 0 ? -1074 : biased - 1075
        let (digits, point) = shortestDigits(significand: significand, exponent: exponent, hiddenBit: 1 << 52, minimumExponent: -1074)
        return (value < 0 ? "-" : "") + format(digits: digits, point: point)
    }

    /// The canonical text of a finite `Float`: the shortest digits that read back as the same `Float`,
    /// laid out like a `Double`'s; nil for NaN and the infinities.
    static func canonicalText(_ value: Float) -> String? {
        guard value.isFinite else { return nil }
        guard value != 0 else { return "0" }
        let fraction = UInt64(value.bitPattern & ((1 << 23) - 1))
        let biased = Int(value.bitPattern >> 23 & 0xFF)
        let significand = biased == 0 ? fraction : fraction | 1 << 23
        let exponent = biased == 0 ? -149 : biased - 150
        let (digits, point) = shortestDigits(significand: significand, exponent: exponent, hiddenBit: 1 << 23, minimumExponent: -149)
        return (value < 0 ? "-" : "") + format(digits: digits, point: point)
    }

    /// Digits d₁…dₙ and `point` with value = 0.d₁…dₙ × 10^point, for value = significand × 2^exponent > 0.
    static func shortestDigits(significand: UInt64, exponent: Int, hiddenBit: UInt64, minimumExponent: Int) -> (digits: [UInt8], point: Int) {
        let even = significand % 2 == 0
        let unequalGaps = significand == hiddenBit && exponent > minimumExponent
        var r, s, above, below: DecimalBignum
        if exponent >= 0 {
            let unit = DecimalBignum(1).shiftedLeft(exponent)
            r = DecimalBignum(significand).shiftedLeft(exponent + (unequalGaps ? 2 : 1))
            s = DecimalBignum(unequalGaps ? 4 : 2)
            above = unequalGaps ? unit.shiftedLeft(1) : unit
            below = unit
        } else {
            r = DecimalBignum(significand).shiftedLeft(unequalGaps ? 2 : 1)
            s = DecimalBignum(1).shiftedLeft(-exponent + (unequalGaps ? 2 : 1))
            above = DecimalBignum(unequalGaps ? 2 : 1)
            below = DecimalBignum(1)
        }
        let bitLength = 64 - significand.leadingZeroBitCount
        var point = Int((Double(exponent + bitLength - 1) * 0.301_029_995_663_981_2).rounded(.up))
        if point >= 0 {
            s = s.timesPowerOfTen(point)
        } else {
            r = r.timesPowerOfTen(-point); above = above.timesPowerOfTen(-point); below = below.timesPowerOfTen(-point)
        }
        func reachesNext(_ high: DecimalBignum, _ scale: DecimalBignum) -> Bool { even ? !(high < scale) : scale < high }
        while reachesNext(r + above, s) { s = s.multiplied(by: 10); point += 1 }
        while !reachesNext((r + above).multiplied(by: 10), s) {
            r = r.multiplied(by: 10); above = above.multiplied(by: 10); below = below.multiplied(by: 10); point -= 1
        }
        return (generateDigits(r: r, s: s, above: above, below: below, even: even), point)
    }

    private static func generateDigits(r start: DecimalBignum, s: DecimalBignum, above start1: DecimalBignum,
                                       below start2: DecimalBignum, even: Bool) -> [UInt8] {
        var r = start, above = start1, below = start2
        var digits: [UInt8] = []
        while true {
            let (digit, remainder) = r.multiplied(by: 10).digitAndRemainder(dividingBy: s)
            r = remainder
            above = above.multiplied(by: 10)
            below = below.multiplied(by: 10)
            let low = even ? !(below < r) : r < below
            let high = even ? !(r + above < s) : s < r + above
            switch (low, high) {
            case (false, false):
                digits.append(UInt8(digit))
                continue
            case (true, false): digits.append(UInt8(digit))
            case (false, true): digits.append(UInt8(digit + 1))
            case (true, true):
                let twice = r.shiftedLeft(1)
                let roundUp = s < twice || (!(twice < s) && digit % 2 == 1)
                digits.append(UInt8(roundUp ? digit + 1 : digit))
            }
            return digits
        }
    }

    /// ECMAScript's layout of digits d₁…dₖ with value 0.d₁…dₖ × 10^point (so `n` = point in the spec):
    /// plain digits for 10⁻⁶ ≤ |value| < 10²¹, otherwise `d.ddde±x`.
    static func format(digits: [UInt8], point n: Int) -> String {
        let k = digits.count
        let text = String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
        if k <= n, n <= 21 { return text + String(repeating: "0", count: n - k) }
        if 0 < n, n <= 21 {
            let split = text.index(text.startIndex, offsetBy: n)
            return text[..<split] + "." + text[split...]
        }
        if -6 < n, n <= 0 { return "0." + String(repeating: "0", count: -n) + text }
        let exponent = n - 1
        let mantissa = k == 1 ? text : String(text.prefix(1)) + "." + text.dropFirst()
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
    }
}
