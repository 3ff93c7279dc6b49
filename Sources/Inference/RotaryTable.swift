import Foundation
import Kernels

/// Cosines and sines of the rotary embedding for every position of the context, computed the way
/// transformers computes them in float32: `inv_freq[i] = 1 / θ^(2i/d)`, angle = `Float(p) · inv_freq[i]`
/// (a float32 product), then cos/sin of that angle in Double with Glassbox's own `KernelMath.sinCosD`,
/// rounded to float32. θ^(2i/d) uses the C library's `pow` in Double, rounded to float32 (a last-bit
/// difference between libms would have to straddle a float32 rounding boundary to show).
///
/// Not `Kernels.RopeTable`: it derives θ^(2i/d) from `KernelMath.logD`, which (training branch,
/// 1b60d8c) returns e·ln2 + e + … instead of e·ln2 + log m (`fe.addingProduct(ln2LoD, s·p)` adds fe),
/// e.g. logD(10000) = 22.01, so its tables are wrong past position 0.
/// Named `RotaryTable` here to avoid clashing with it.
struct RotaryTable: Sendable {
    /// Width of one head.
    let dimension: Int
    /// `cosines[p · d/2 + i]` for position p and frequency i.
    let cosines: [Float]
    /// `sines[p · d/2 + i]`.
    let sines: [Float]

    init(dimension: Int, positions: Int, theta: Double) {
        self.dimension = dimension
        let half = dimension / 2
        let inverse: [Float] = (0..<half).map { i in
            Float(1 / Foundation.pow(theta, Double(2 * i) / Double(dimension)))
        }
        var cosines = [Float](repeating: 0, count: positions * half)
        var sines = cosines
        for p in 0..<positions {
            for i in 0..<half {
                let angle = Double(Float(p) * inverse[i])
                let (s, c) = KernelMath.sinCosD(angle)
                cosines[p * half + i] = Float(c)
                sines[p * half + i] = Float(s)
            }
        }
        self.cosines = cosines
        self.sines = sines
    }
}
