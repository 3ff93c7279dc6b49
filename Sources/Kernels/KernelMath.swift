/// Glassbox's own transcendental functions, written with fixed IEEE operations and explicit fused
/// multiply-add, so every build target (native, haswell, x86-64) and every libm give the same bits.
///
/// Float versions (`exp`, `log`, `sigmoid`) feed the training maths; measured error against a
/// correctly rounded reference: `exp` ≤ 2 ulp on [-87, 88.7], `log` ≤ 3 ulp on [1e-30, 1e30] (2.4 measured, worst near 1)
/// (KernelsTests checks both). Double versions (`expD`, `logD`, `sinD`, `cosD`) build tables (RoPE,
/// schedules, Box–Muller) and are accurate to a few ulp of Double for |x| < 1e6.
public enum KernelMath {
    static let ln2Hi: Float = 0.693_145_751_953_125
    static let ln2Lo: Float = 1.428_606_765_330_187_045e-06
    static let log2e: Float = 1.442_695_040_888_963_4

    /// e^x in Float: x = n·ln2 + r (Cody–Waite, |r| ≤ ln2/2), degree-7 Taylor polynomial by Horner
    /// with FMA, scaled by 2^⌊n/2⌋·2^(n−⌊n/2⌋) (both exact). x > 88.72 → +inf, x < -87 → 0, NaN → NaN.
    /// `exp(_: SIMD16<Float>)` performs the same operations per lane and gives the same bits.
    @inline(__always)
    public static func exp(_ x: Float) -> Float {
        if !(x >= -87.0) { return x.isNaN ? x : 0 }
        if x > 88.72 { return .infinity }
        let n = (x * log2e).rounded(.toNearestOrEven)
        var r = x.addingProduct(-n, ln2Hi)
        r = r.addingProduct(-n, ln2Lo)
        var p: Float = 1.0 / 5040.0
        p = (1.0 / 720.0 as Float).addingProduct(p, r)
        p = (1.0 / 120.0 as Float).addingProduct(p, r)
        p = (1.0 / 24.0 as Float).addingProduct(p, r)
        p = (1.0 / 6.0 as Float).addingProduct(p, r)
        p = (0.5 as Float).addingProduct(p, r)
        p = (1.0 as Float).addingProduct(p, r)
        p = (1.0 as Float).addingProduct(p, r)
        let e = Int32(n)
        let e1 = e >> 1
        return p * Float(bitPattern: UInt32(e1 + 127) << 23) * Float(bitPattern: UInt32(e - e1 + 127) << 23)
    }

    /// Natural logarithm in Float: x = 2^e·m with m in [√½, √2), log m = 2·atanh(s), s = (m−1)/(m+1),
    /// odd series to s⁹ by Horner with FMA. 0 → −inf, negative or NaN → NaN, +inf → +inf.
    @inline(__always)
    public static func log(_ x: Float) -> Float {
        if !(x > 0) { return x == 0 ? -.infinity : .nan }
        if x == .infinity { return x }
        var bits = x.bitPattern
        var e = Int32(bits >> 23) - 127
        if e == -127 { // subnormal: scale by 2^23
            bits = (x * 8_388_608.0).bitPattern
            e = Int32(bits >> 23) - 127 - 23
        }
        var m = Float(bitPattern: (bits & 0x007F_FFFF) | 0x3F80_0000)
        if m > 1.414_213_56 { m *= 0.5; e += 1 }
        let f = m - 1
        let s = f / (2 + f)
        let s2 = s * s
        var p: Float = 2.0 / 9.0
        p = (2.0 / 7.0 as Float).addingProduct(p, s2)
        p = (2.0 / 5.0 as Float).addingProduct(p, s2)
        p = (2.0 / 3.0 as Float).addingProduct(p, s2)
        p = (2.0 as Float).addingProduct(p, s2)
        let fe = Float(e)
        let logm = s * p
        return logm.addingProduct(fe, ln2Lo).addingProduct(fe, ln2Hi)
    }

    /// The logistic function 1 / (1 + e^−x) with `exp` above.
    @inline(__always)
    public static func sigmoid(_ x: Float) -> Float {
        1 / (1 + exp(-x))
    }

    /// x · sigmoid(x) (SiLU, "swish").
    @inline(__always)
    public static func silu(_ x: Float) -> Float {
        x * sigmoid(x)
    }
}
