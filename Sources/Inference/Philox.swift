/// Philox-4×32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011): a
/// counter-based generator. Block `counter` under `key` is a pure function, so draw i of a seeded
/// sampling run is reproducible on its own, whatever happened before it.
///
/// Glassbox's sampling uses key = (seed low 32 bits, seed high 32 bits) and, for generated token i,
/// counter = (i, 0, 0, 0); the first output word w gives the uniform `Float(w >> 8) · 2⁻²⁴` in [0, 1).
public struct Philox: Sendable, Equatable {
    /// The 64-bit key, split into two words.
    public let key: (UInt32, UInt32)

    /// A generator keyed by `seed`.
    public init(seed: UInt64) {
        key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
    }

    /// The four output words of block `counter`.
    public func block(_ counter: (UInt32, UInt32, UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
        var c = counter
        var k = key
        for round in 0..<10 {
            if round > 0 {
                k.0 &+= 0x9E37_79B9
                k.1 &+= 0xBB67_AE85
            }
            let p0 = UInt64(0xD251_1F53) &* UInt64(c.0)
            let p1 = UInt64(0xCD9E_8D57) &* UInt64(c.2)
            c = (
                UInt32(truncatingIfNeeded: p1 >> 32) ^ c.1 ^ k.0, UInt32(truncatingIfNeeded: p1),
                UInt32(truncatingIfNeeded: p0 >> 32) ^ c.3 ^ k.1, UInt32(truncatingIfNeeded: p0)
            )
        }
        return c
    }

    /// The uniform draw in [0, 1) for step `index` (24 random bits, exact in float32).
    public func uniform(at index: UInt64) -> Float {
        let word = block((UInt32(truncatingIfNeeded: index), UInt32(truncatingIfNeeded: index >> 32), 0, 0)).0
        return Float(word >> 8) * 0x1p-24
    }

    public static func == (lhs: Philox, rhs: Philox) -> Bool { lhs.key == rhs.key }
}
