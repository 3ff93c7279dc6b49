/// Double-precision versions used to build tables (RoPE angles, schedules, Box–Muller). Fixed
/// operations with explicit FMA; no libm.
extension KernelMath {
    /// ln 2 rounded to Double (bits per nat: divide by it).
    public static let ln2D = 0.693_147_180_559_945_309_417_232_121_458
    static let ln2HiD = 6.931_471_803_691_238_164_90e-01
    static let ln2LoD = 1.908_214_929_270_587_700_02e-10
    static let pio2Hi = 1.570_796_326_794_896_558
    static let pio2Lo = 6.123_233_995_736_766_036e-17

    /// e^x in Double: Cody–Waite reduction by ln 2, Taylor series to r¹⁴ (|r| ≤ 0.347).
    public static func expD(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.7 { return .infinity }
        if x < -708.0 { return 0 }
        let n = (x * 1.442_695_040_888_963_4).rounded(.toNearestOrEven)
        var r = x.addingProduct(-n, ln2HiD)
        r = r.addingProduct(-n, ln2LoD)
        var p = 1.0
        var k = 14.0
        while k >= 1 {
            p = (1.0).addingProduct(p, r / k)
            k -= 1
        }
        return p * Double(bitPattern: UInt64(Int64(n) + 1023) << 52)
    }

    /// Natural logarithm in Double: mantissa in [√½, √2), 2·atanh(s) series to s²³.
    public static func logD(_ x: Double) -> Double {
        if !(x > 0) { return x == 0 ? -.infinity : .nan }
        if x == .infinity { return x }
        var bits = x.bitPattern
        var e = Int64(bits >> 52) - 1023
        if e == -1023 {
            bits = (x * 4_503_599_627_370_496.0).bitPattern
            e = Int64(bits >> 52) - 1023 - 52
        }
        var m = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        if m > 1.414_213_562_373_095_1 { m *= 0.5; e += 1 }
        let f = m - 1
        let s = f / (2 + f)
        let s2 = s * s
        var p = 2.0 / 23.0
        var k = 21.0
        while k >= 1 {
            p = (2.0 / k).addingProduct(p, s2)
            k -= 2
        }
        let fe = Double(e)
        return (s * p).addingProduct(fe, ln2LoD).addingProduct(fe, ln2HiD)
    }

    /// sin x in Double (quadrant reduction by π/2 with a two-part constant, Taylor kernels).
    public static func sinD(_ x: Double) -> Double { sinCosD(x).sin }

    /// cos x in Double.
    public static func cosD(_ x: Double) -> Double { sinCosD(x).cos }

    /// (sin x, cos x) in Double.
    public static func sinCosD(_ x: Double) -> (sin: Double, cos: Double) {
        if !x.isFinite { return (.nan, .nan) }
        let k = (x * 0.636_619_772_367_581_382_43).rounded(.toNearestOrEven)
        var r = x.addingProduct(-k, pio2Hi)
        r = r.addingProduct(-k, pio2Lo)
        let r2 = r * r
        var s = 0.0
        var c = 0.0
        var n = 19.0
        while n >= 3 { // sin: r·(1 − r²/3! + r⁴/5! …)
            s = (1.0).addingProduct(-s, r2 / (n * (n - 1)))
            n -= 2
        }
        s = r * s
        n = 20.0
        while n >= 2 {
            c = (1.0).addingProduct(-c, r2 / (n * (n - 1)))
            n -= 2
        }
        let q = Int64(k) & 3
        switch q {
        case 0: return (s, c)
        case 1: return (c, -s)
        case 2: return (-s, -c)
        default: return (-c, s)
        }
    }
}
