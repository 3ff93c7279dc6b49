/// Causal grouped-query attention: O = softmax(Q·Kᵀ·scale + causal mask) · V.
/// The forward pass keeps only the softmax row max and row sum; the backward pass recomputes the
/// probabilities from them (bit-identical to the forward ones), so memory is O(B·H·T), not O(T²).
/// Every product goes through `Gemm` (fixed k-ascending order); work is split over (batch, head) in
/// the forward pass and over (batch, kv head) in the backward pass, so gradient sums over the query
/// heads of a group run in ascending head order on one thread.
public enum Attention {
    /// Forward: o = attention(q, k, v) (q, k already rotated); fills rowMax and rowSum.
    /// P·V sums run over j < (end of the row's block); the extra terms are exact zeros.
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
                let stats = (b * shape.heads + h) * t
                let oh = o.base + b * t * shape.qStride + h * hd
                var i0 = 0
                while i0 < t {
                    let i1 = min(t, i0 + rowBlock)
                    scores(p, qh: qh, kh: kh, rows: i0..<i1, shape: shape)
                    for i in i0..<i1 {
                        let row = p + i * t
                        // max(row·scale) = max(row)·scale exactly: rounding is monotonic and scale > 0.
                        let m = KernelMath.maximum(row, count: i + 1) * shape.scale
                        KernelMath.expScaledShifted(row, scale: shape.scale, shift: m, into: row, count: i + 1)
                        mx.base[stats + i] = m
                    }
                    // Row sums eight rows at a time (independent ordered chains, same bits).
                    var q0 = i0
                    while q0 < i1 {
                        let rows = min(8, i1 - q0)
                        let sums = KernelMath.orderedSums(p + q0 * t, stride: t, rows: rows, count: q0 + 1, countStep: 1)
                        for q in 0..<rows { sm.base[stats + q0 + q] = sums[q] }
                        q0 += rows
                    }
                    for i in i0..<i1 {
                        let row = p + i * t
                        KernelMath.divideThenScale(row, count: i + 1, divisor: sm.base[stats + i], multiplier: 1)
                        (row + i + 1).update(repeating: 0, count: i1 - i - 1)
                    }
                    // O[i0..<i1] = P[i0..<i1, 0..<i1] · V[0..<i1]  (P is 0 right of the diagonal)
                    Gemm.gemm(
                        m: i1 - i0, n: hd, k: i1, a: .rowMajor(p + i0 * t, ld: t), b: .rowMajor(vh, ld: shape.kvStride),
                        c: oh + i0 * shape.qStride, ldc: shape.qStride, accumulate: false, threads: 1)
                    i0 = i1
                }
            }
        }
    }

    /// Query rows per block: a block of rows only needs keys up to its last row (causal), so the
    /// score and P·V products skip the masked upper triangle block by block.
    static let rowBlock = 32

    /// Raw scores S[rows, 0..<rows.upperBound] = Q_h[rows] · K_gᵀ (unscaled), into s[i·T + j].
    @inline(__always)
    static func scores(_ s: UnsafeMutablePointer<Float>, qh: UnsafePointer<Float>, kh: UnsafePointer<Float>, rows: Range<Int>, shape: AttentionShape) {
        let t = shape.seqLen
        Gemm.gemm(
            m: rows.count, n: rows.upperBound, k: shape.headDim, a: .rowMajor(qh + rows.lowerBound * shape.qStride, ld: shape.qStride),
            b: .transposed(kh, ld: shape.kvStride), c: s + rows.lowerBound * t, ldc: t, accumulate: false, threads: 1)
    }

    /// Probabilities of `rows` recomputed from raw scores and the saved statistics, exactly as in the
    /// forward pass; zero right of the diagonal up to T.
    @inline(__always)
    static func probabilities(_ p: UnsafeMutablePointer<Float>, stats: UnsafePointer<Float>, sums: UnsafePointer<Float>, rows: Range<Int>, shape: AttentionShape) {
        let t = shape.seqLen
        for i in rows {
            let row = p + i * t
            KernelMath.expScaledShifted(row, scale: shape.scale, shift: stats[i], into: row, count: i + 1)
            KernelMath.divideThenScale(row, count: i + 1, divisor: sums[i], multiplier: 1)
            (row + i + 1).update(repeating: 0, count: t - i - 1)
        }
    }
}
