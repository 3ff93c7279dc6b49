/// exp in Double written with fixed IEEE operations only (no libm), so perplexities in
/// `eval/results.json` are the same bits on every machine. Accurate to a few ulp.
enum ScoreMath {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458
    static let ln2Hi = 6.931_471_803_691_238_164_90e-01
    static let ln2Lo = 1.908_214_929_270_587_700_02e-10

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
}
