/// IEEE 754 binary16 conversion written out by hand, so every machine gives the same bits whatever
/// its instruction set: float32 → float16 rounds to nearest, ties to even (as F16C's `vcvtps2ph`, NumPy's
/// `astype(float16)` and ggml's `GGML_FP32_TO_FP16`); overflow gives ±infinity, values below half the
/// smallest subnormal give ±0; NaN stays a quiet NaN with the top of its payload.
public enum HalfFloat {
    /// The binary16 bits nearest to `value`.
    @inlinable
    public static func bits(_ value: Float) -> UInt16 {
        let x = value.bitPattern
        let sign = UInt16(truncatingIfNeeded: (x >> 16) & 0x8000)
        let exponent = Int((x >> 23) & 0xFF)
        let mantissa = x & 0x7F_FFFF
        if exponent == 0xFF {
            return sign | 0x7C00 | (mantissa == 0 ? 0 : 0x200 | UInt16(truncatingIfNeeded: mantissa >> 13))
        }
        let e = exponent - 112  // rebias 127 → 15
        if e >= 31 { return sign | 0x7C00 }
        if e <= 0 {
            // Subnormal result: the 24-bit significand shifted right by 14 - e, rounded to nearest even.
            let shift = 14 - e
            if shift > 24 { return sign }
            let m = mantissa | 0x80_0000
            var h = m >> UInt32(shift)
            let rest = m & ((1 << UInt32(shift)) - 1)
            let half = UInt32(1) << UInt32(shift - 1)
            if rest > half || (rest == half && h & 1 != 0) { h += 1 }
            return sign | UInt16(truncatingIfNeeded: h)
        }
        var h = UInt32(e) << 10 | mantissa >> 13
        let rest = mantissa & 0x1FFF
        if rest > 0x1000 || (rest == 0x1000 && h & 1 != 0) { h += 1 }  // a carry may reach infinity: correct
        return sign | UInt16(truncatingIfNeeded: h)
    }

    /// The float32 value of binary16 `bits` (exact: every binary16 value is a float32 value).
    @inlinable
    public static func float(_ bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = UInt32(bits >> 10) & 0x1F
        let mantissa = UInt32(bits & 0x3FF)
        if exponent == 0 {
            let magnitude = Float(mantissa) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        }
        if exponent == 0x1F { return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13) }
        return Float(bitPattern: sign | (exponent + 112) << 23 | mantissa << 13)
    }
}
