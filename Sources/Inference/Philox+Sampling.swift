import Kernels

/// The sampling stream of `generate`: Kernels' Philox-4×32-10 (shared with training), keyed by the
/// seed (low 32 bits, high 32 bits); generated token i uses block counter (i, 0, 0, 0) and the first
/// output word w gives the uniform `Float(w >> 8) · 2⁻²⁴` in [0, 1).
extension Philox {
    /// A sampling generator keyed by `seed`.
    public init(seed: UInt64) {
        self.init(key: seed)
    }

    /// The four output words of block `counter`.
    public func block(_ counter: (UInt32, UInt32, UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
        block(counter.0, counter.1, counter.2, counter.3)
    }

    /// The uniform draw in [0, 1) for step `index` (24 random bits, exact in float32).
    public func uniform(at index: UInt64) -> Float {
        Float(block(index: index, stream: 0).0 >> 8) * 0x1p-24
    }
}
