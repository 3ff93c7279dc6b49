extension Attention {
    /// Backward: dq (overwritten), dk and dv (overwritten) from dout, with q, k, v, rowMax, rowSum
    /// of the forward pass. dS = P ∘ (dP − rowsum(P ∘ dP)) · scale.
    public static func attentionBackward(
        dq: UnsafeMutablePointer<Float>, dk: UnsafeMutablePointer<Float>, dv: UnsafeMutablePointer<Float>,
        dout: UnsafePointer<Float>, q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
        rowMax: UnsafePointer<Float>, rowSum: UnsafePointer<Float>, shape: AttentionShape, threads: Int
    ) {
        let (dqp, dkp, dvp, dop) = (SharedPointer(dq), SharedPointer(dk), SharedPointer(dv), SharedPointer(dout))
        let (qp, kp, vp) = (SharedPointer(q), SharedPointer(k), SharedPointer(v))
        let (mx, sm) = (SharedPointer(rowMax), SharedPointer(rowSum))
        let t = shape.seqLen, hd = shape.headDim
        Parallel.forEachChunk(shape.batch * shape.kvHeads, threads: threads) { items in
            let p = UnsafeMutablePointer<Float>.allocate(capacity: t * t)
            let dp = UnsafeMutablePointer<Float>.allocate(capacity: t * t)
            defer { p.deallocate(); dp.deallocate() }
            for item in items {
                let b = item / shape.kvHeads, g = item % shape.kvHeads
                let kg = kp.base + b * t * shape.kvStride + g * hd
                let vg = vp.base + b * t * shape.kvStride + g * hd
                let dkg = dkp.base + b * t * shape.kvStride + g * hd
                let dvg = dvp.base + b * t * shape.kvStride + g * hd
                for h in (g * shape.group)..<((g + 1) * shape.group) {
                    let first = h == g * shape.group
                    let qh = qp.base + b * t * shape.qStride + h * hd
                    let doh = dop.base + b * t * shape.qStride + h * hd
                    let stats = (b * shape.heads + h) * t
                    let dqh = dqp.base + b * t * shape.qStride + h * hd
                    var i0 = 0
                    while i0 < t {
                        let i1 = min(t, i0 + rowBlock)
                        scores(p, qh: qh, kh: kg, rows: i0..<i1, shape: shape)
                        probabilities(p, stats: mx.base + stats, sums: sm.base + stats, rows: i0..<i1, shape: shape)
                        // dP[rows, 0..<i1] = dO[rows] · Vᵀ
                        Gemm.gemm(m: i1 - i0, n: i1, k: hd, a: .rowMajor(doh + i0 * shape.qStride, ld: shape.qStride),
                                  b: .transposed(vg, ld: shape.kvStride), c: dp + i0 * t, ldc: t, accumulate: false, threads: 1)
                        softmaxGradient(p: p, dp: dp, rows: i0..<i1, t: t, scale: shape.scale)
                        // dQ[rows] = dS[rows, 0..<i1] · K[0..<i1]
                        Gemm.gemm(m: i1 - i0, n: hd, k: i1, a: .rowMajor(dp + i0 * t, ld: t), b: .rowMajor(kg, ld: shape.kvStride),
                                  c: dqh + i0 * shape.qStride, ldc: shape.qStride, accumulate: false, threads: 1)
                        i0 = i1
                    }
                    // dV += Pᵀ · dO ; dK += dSᵀ · Q  (full T: P and dS are 0 right of the diagonal)
                    Gemm.gemm(m: t, n: hd, k: t, a: .transposed(p, ld: t), b: .rowMajor(doh, ld: shape.qStride),
                              c: dvg, ldc: shape.kvStride, accumulate: !first, threads: 1)
                    Gemm.gemm(m: t, n: hd, k: t, a: .transposed(dp, ld: t), b: .rowMajor(qh, ld: shape.qStride),
                              c: dkg, ldc: shape.kvStride, accumulate: !first, threads: 1)
                }
            }
        }
    }

    /// In place for j ≤ i: dp[i,j] ← P[i,j]·(dP[i,j] − Σ_{j'≤i} P[i,j']·dP[i,j'])·scale (j' ascending);
    /// 0 right of the diagonal up to T.
    @inline(__always)
    static func softmaxGradient(p: UnsafePointer<Float>, dp: UnsafeMutablePointer<Float>, rows: Range<Int>, t: Int, scale: Float) {
        for i in rows {
            let pr = p + i * t, dr = dp + i * t
            var d: Float = 0
            for j in 0...i { d = d.addingProduct(pr[j], dr[j]) }
            for j in 0...i { dr[j] = pr[j] * (dr[j] - d) * scale }
            (dr + i + 1).update(repeating: 0, count: t - i - 1)
        }
    }
}
