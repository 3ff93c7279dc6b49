/// A small unsigned big integer (32-bit limbs, least significant first), just enough arithmetic for
/// exact shortest-digit generation: shifts, multiplication by small numbers, addition, subtraction
/// and comparison. Values stay below 2^1200 for `Double`, so nothing here needs to be fast.
struct DecimalBignum: Comparable {
    private(set) var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        normalize()
    }

    private mutating func normalize() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    var isZero: Bool { limbs.isEmpty }

    /// `self × 2^bits`.
    func shiftedLeft(_ bits: Int) -> DecimalBignum {
        guard bits > 0, !isZero else { return self }
        var result = self
        let words = bits / 32, shift = bits % 32
        var shifted = [UInt32](repeating: 0, count: words)
        var carry: UInt32 = 0
        for limb in limbs {
            shifted.append(shift == 0 ? limb : (limb << UInt32(shift)) | carry)
            carry = shift == 0 ? 0 : limb >> UInt32(32 - shift)
        }
        shifted.append(carry)
        result.limbs = shifted
        result.normalize()
        return result
    }

    /// `self × factor`.
    func multiplied(by factor: UInt32) -> DecimalBignum {
        var result = self
        var carry: UInt64 = 0
        for index in result.limbs.indices {
            let product = UInt64(result.limbs[index]) * UInt64(factor) + carry
            result.limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry > 0 { result.limbs.append(UInt32(carry)) }
        result.normalize()
        return result
    }

    /// `self × 10^power`.
    func timesPowerOfTen(_ power: Int) -> DecimalBignum {
        var result = self
        var left = power
        while left >= 9 { result = result.multiplied(by: 1_000_000_000); left -= 9 }
        var last: UInt32 = 1
        for _ in 0..<left { last *= 10 }
        return result.multiplied(by: last)
    }

    static func + (lhs: DecimalBignum, rhs: DecimalBignum) -> DecimalBignum {
        var result = lhs
        var carry: UInt64 = 0
        let count = max(lhs.limbs.count, rhs.limbs.count)
        result.limbs += [UInt32](repeating: 0, count: count - lhs.limbs.count)
        for index in 0..<count {
            let sum = UInt64(result.limbs[index]) + UInt64(index < rhs.limbs.count ? rhs.limbs[index] : 0) + carry
            result.limbs[index] = UInt32(truncatingIfNeeded: sum)
            carry = sum >> 32
        }
        if carry > 0 { result.limbs.append(UInt32(carry)) }
        return result
    }

    /// `lhs − rhs`; the caller guarantees `lhs >= rhs`.
    static func - (lhs: DecimalBignum, rhs: DecimalBignum) -> DecimalBignum {
        var result = lhs
        var borrow: Int64 = 0
        for index in result.limbs.indices {
            var difference = Int64(result.limbs[index]) - Int64(index < rhs.limbs.count ? rhs.limbs[index] : 0) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 1 << 32 }
            result.limbs[index] = UInt32(difference)
        }
        result.normalize()
        return result
    }

    static func < (lhs: DecimalBignum, rhs: DecimalBignum) -> Bool {
        guard lhs.limbs.count == rhs.limbs.count else { return lhs.limbs.count < rhs.limbs.count }
        for index in lhs.limbs.indices.reversed() where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }

    /// `(⌊self / divisor⌋, self mod divisor)` for a quotient known to be below 10.
    func digitAndRemainder(dividingBy divisor: DecimalBignum) -> (digit: Int, remainder: DecimalBignum) {
        var remainder = self
        var digit = 0
        while !(remainder < divisor) {
            remainder = remainder - divisor
            digit += 1
        }
        return (digit, remainder)
    }
}
