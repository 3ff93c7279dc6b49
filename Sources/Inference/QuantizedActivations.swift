import Quantization

/// Rows of activations quantized to ggml's Q8_0 blocks before an integer product with a
/// `QuantizedMatrix` (ggml quantizes the right-hand side of every Q8_0 and Q4_0 matrix product the same
/// way: `vec_dot_type` q8_0). Each block of 32 values `x` gets `d = max|x| / 127`, `q = round(x / d)`
/// (half away from zero, float32 — `quantize_row_q8_0_ref`, i.e. `BlockQ8_0.encode`), and the scale used
/// in the products is `d` rounded to fp16, as ggml stores it. Quants `[rows, k]` int8, scales
/// `[rows, k/32]` float. A non-finite block gets all-zero quants and a NaN scale, so the NaN reaches the
/// outputs as it would in float32 instead of trapping.
final class QuantizedActivations: @unchecked Sendable {
    /// Values per row (the widest input, rounded up to a multiple of 32): the row stride.
    let k: Int
    /// Rows that fit.
    let capacity: Int
    /// `[capacity, k]` int8 quants.
    let quants: UnsafeMutablePointer<Int8>
    /// `[capacity, k / 32]` scales.
    let scales: UnsafeMutablePointer<Float>

    /// Room for `rows` rows of `k` values.
    init(rows: Int, k: Int) {
        self.k = max(32, (k + 31) / 32 * 32)
        capacity = max(1, rows)
        quants = .allocate(capacity: capacity * self.k)
        quants.initialize(repeating: 0, count: capacity * self.k)
        scales = .allocate(capacity: capacity * self.k / 32)
        scales.initialize(repeating: 0, count: capacity * self.k / 32)
    }

    deinit {
        quants.deallocate()
        scales.deallocate()
    }

    /// Quantizes `rows` (≤ `capacity`) rows of `width` values (≤ `k`, a multiple of 32), each row
    /// `width` apart in `x`.
    func quantize(_ x: UnsafePointer<Float>, rows: Int, width: Int) {
        let (blocks, stride) = (width / 32, width)
        for r in 0..<rows {
            for b in 0..<blocks {
                Self.block(x + r * stride + b * 32, quants: quants + r * k + b * 32, scale: scales + r * (k / 32) + b)
            }
        }
    }

    /// One block, `BlockQ8_0.encode`'s arithmetic (tested equal to it on finite input).
    @inline(__always)
    static func block(_ x: UnsafePointer<Float>, quants q: UnsafeMutablePointer<Int8>, scale: UnsafeMutablePointer<Float>) {
        var amax: Float = 0, finite = true
        for j in 0..<32 {
            finite = finite && x[j].isFinite
            amax = max(amax, abs(x[j]))
        }
        guard finite else {
            q.update(repeating: 0, count: 32)
            scale.pointee = .nan
            return
        }
        let d = amax / 127
        let id: Float = d == 0 ? 0 : 1 / d
        for j in 0..<32 {
            let v = (x[j] * id).rounded(.toNearestOrAwayFromZero)
            q[j] = v.isNaN ? 0 : Int8(max(-127, min(127, v)))
        }
        scale.pointee = HalfFloat.float(HalfFloat.bits(d))
    }
}
