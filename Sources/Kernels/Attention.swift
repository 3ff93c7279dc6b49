/// Causal grouped-query attention: O = softmax(Q·Kᵀ·scale + causal mask) · V.
/// The forward pass keeps only the softmax row max and row sum; the backward pass recomputes the
/// probabilities from them (bit-identical to the forward ones), so memory is O(B·H·T), not O(T²).
/// Every product goes through `Gemm` (fixed k-ascending order); work is split over (batch, head) in
/// the forward pass and over (batch, kv head) in the backward pass, so gradient sums over the query
/// heads of a group run in ascending head order on one thread.
public enum Attention {
    /// Forward: o = attention(q, k, v) (q, k already rotated); fills rowMax and rowSum.
    public static func attentionForward(
        out: UnsafeMutablePointer<Float>, rowMax: UnsafeMutablePointer<Float>, rowSum: UnsafeMutablePointer<Float>,
        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
        shape: AttentionShape, threads: Int
    ) {
        let (o, mx, sm) = (SharedPointer(out), SharedPointer(rowMax), SharedPointer(rowSum))
        let (qp, kp, vp) = (SharedPointer(q), SharedPointer(k), SharedPointer(v))
        let t = shape.seqLen, hd = shape.headDim
        Parallel.forEachChunk(shape.batch * shape.heads, threads: threads) { items in
            let p = UnsafeMutablePointer<Float>.allocate(capacity: t * t)
            defer { p.deallocate() }
            for item in items {
                let b = item / shape.heads, h = item % shape.heads, g = h / shape.group
                let qh = qp.base + b * t * shape.qStride + h * hd
                let kh = kp.base + b * t * shape.kvStride + g * hd
                let vh = vp.base + b * t * shape.kvStride + g * hd
                scores(p, qh: qh, kh: kh, shape: shape)
                let stats = (b * shape.heads + h) * t
                for i in 0..<t {
                    let row = p + i * t
                    // max(row·scale) = max(row)·scale exactly: rounding is monotonic and scale > 0.
                    let m = KernelMath.maximum(row, count: i + 1) * shape.scale
                    KernelMath.expScaledShifted(row, scale: shape.scale, shift: m, into: row, count: i + 1)
                    let s = KernelMath.orderedSum(row, count: i + 1)
                    KernelMath.divideThenScale(row, count: i + 1, divisor: s, multiplier: 1)
                    (row + i + 1).update(repeating: 0, count: t - i - 1)
                    mx.base[stats + i] = m
                    sm.base[stats + i] = s
                }
                Gemm.gemm(
                    m: t, n: hd, k: t, a: .rowMajor(p, ld: t), b: .rowMajor(vh, ld: shape.kvStride),
                    c: o.base + b * t * shape.qStride + h * hd, ldc: shape.qStride, accumulate: false, threads: 1)
            }
        }
    }

    /// Raw scores S[T,T] = Q_h · K_gᵀ (unscaled).
    @inline(__always)
    static func scores(_ s: UnsafeMutablePointer<Float>, qh: UnsafePointer<Float>, kh: UnsafePointer<Float>, shape: AttentionShape) {
        let t = shape.seqLen
        Gemm.gemm(
            m: t, n: t, k: shape.headDim, a: .rowMajor(qh, ld: shape.qStride),
            b: .transposed(kh, ld: shape.kvStride), c: s, ldc: t, accumulate: false, threads: 1)
    }

    /// Probabilities recomputed from raw scores and the saved statistics, exactly as in the forward pass.
    @inline(__always)
    static func probabilities(_ p: UnsafeMutablePointer<Float>, stats: UnsafePointer<Float>, sums: UnsafePointer<Float>, shape: AttentionShape) {
        let t = shape.seqLen
        for i in 0..<t {
            let row = p + i * t
            KernelMath.expScaledShifted(row, scale: shape.scale, shift: stats[i], into: row, count: i + 1)
            KernelMath.divideThenScale(row, count: i + 1, divisor: sums[i], multiplier: 1)
            (row + i + 1).update(repeating: 0, count: t - i - 1)
        }
    }
}
