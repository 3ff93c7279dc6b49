/// exp and log in Double written with fixed IEEE operations only (no libm), so scores in
/// `eval/results.json` are the same bits on every machine. Accurate to a few ulp, plenty for scores.
enum ScoreMath {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458
    private static let ln2Hi = 6.931_471_803_691_238_164_90e-01
    private static let ln2Lo = 1.908_214_929_270_587_700_02e-10

    /// e^x: x = n·ln2 + r, Taylor series of e^r to r²⁰ (|r| ≤ ln2/2), scaled by 2^n.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709 { return .infinity }
        if x < -745 { return 0 }
        let n = (x / ln2).rounded(.toNearestOrEven)
        let r = x.addingProduct(-n, ln2Hi).addingProduct(-n, ln2Lo)
        var p = 1.0
        for k in stride(from: 20.0, through: 1.0, by: -1.0) { p = (1.0).addingProduct(p, r / k) }
        return p * Double(sign: .plus, exponent: Int(n), significand: 1)
    }

    /// log x: x = 2^e·m with m in [√½, √2), log m = 2·atanh(s), s = (m − 1)/(m + 1), odd series to s²³.
    static func log(_ x: Double) -> Double {
        if !(x > 0) { return x == 0 ? -.infinity : .nan }
        if x == .infinity { return x }
        var e = Double(x.exponent)
        var m = x.significand
        if m > 1.414_213_562_373_095_1 { m *= 0.5; e += 1 }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var p = 2.0 / 23.0
        for k in stride(from: 21.0, through: 1.0, by: -2.0) { p = (2.0 / k).addingProduct(p, s2) }
        let low = (s * p).addingProduct(e, ln2Lo) // s·p + e·ln2Lo
        return low.addingProduct(e, ln2Hi)        // + e·ln2Hi
    }
}
