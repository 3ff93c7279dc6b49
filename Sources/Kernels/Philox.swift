/// Philox-4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11; the
/// Random123 reference): a counter-based generator, so any draw is a pure function of
/// (key, counter) and nothing but counters needs saving to resume.
public struct Philox: Sendable {
    /// The 64-bit key (k0 = low 32 bits, k1 = high 32 bits).
    public let key: (UInt32, UInt32)

    /// A generator keyed by a 64-bit value.
    public init(key: UInt64) {
        self.key = (UInt32(truncatingIfNeeded: key), UInt32(truncatingIfNeeded: key >> 32))
    }

    /// The 4×32-bit block for a 128-bit counter (c0 … c3), ten rounds.
    public func block(_ c0: UInt32, _ c1: UInt32, _ c2: UInt32, _ c3: UInt32) -> (UInt32, UInt32, UInt32, UInt32) {
        var c = (c0, c1, c2, c3)
        var k = key
        for round in 0..<10 {
            if round > 0 {
                k.0 &+= 0x9E37_79B9
                k.1 &+= 0xBB67_AE85
            }
            let p0 = UInt64(0xD251_1F53) &* UInt64(c.0)
            let p1 = UInt64(0xCD9E_8D57) &* UInt64(c.2)
            c = (UInt32(truncatingIfNeeded: p1 >> 32) ^ c.1 ^ k.0, UInt32(truncatingIfNeeded: p1),
                 UInt32(truncatingIfNeeded: p0 >> 32) ^ c.3 ^ k.1, UInt32(truncatingIfNeeded: p0))
        }
        return c
    }

    /// The block for counter (index low, index high, stream low, stream high).
    public func block(index: UInt64, stream: UInt64) -> (UInt32, UInt32, UInt32, UInt32) {
        block(UInt32(truncatingIfNeeded: index), UInt32(truncatingIfNeeded: index >> 32),
              UInt32(truncatingIfNeeded: stream), UInt32(truncatingIfNeeded: stream >> 32))
    }

    /// A uniform Double in [0, 1) from 53 bits of two words: (hi·2^21 + lo>>11) · 2^-53.
    public static func unitInterval(_ hi: UInt32, _ lo: UInt32) -> Double {
        Double((UInt64(hi) << 21) | UInt64(lo >> 11)) * 0x1p-53
    }

    /// Two standard normals by Box–Muller from two words: u1 = (a>>8 + 1)·2^-24 in (0, 1],
    /// u2 = (b>>8)·2^-24 in [0, 1); r = √(−2 ln u1); (r cos 2πu2, r sin 2πu2), in Double with
    /// Glassbox's own log/sin/cos.
    public static func normals(_ a: UInt32, _ b: UInt32) -> (Double, Double) {
        let u1 = Double((a >> 8) + 1) * 0x1p-24
        let u2 = Double(b >> 8) * 0x1p-24
        let r = (-2 * KernelMath.logD(u1)).squareRoot()
        let sc = KernelMath.sinCosD(2 * Double.pi * u2)
        return (r * sc.cos, r * sc.sin)
    }

    /// 64-bit FNV-1a of a string's UTF-8 bytes (names a stream: a tensor, a language).
    public static func streamID(_ name: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
