/// A linear layer without bias, weights stored [out, in] as in PyTorch/Hugging Face.
public enum Linear {
    /// out[M,N] = inp[M,K] · weightᵀ (weight [N,K]); `accumulate` adds to out instead.
    public static func linearForward(
        out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        rows m: Int, inFeatures k: Int, outFeatures n: Int, accumulate: Bool = false, threads: Int
    ) {
        Gemm.gemm(m: m, n: n, k: k, a: .rowMajor(inp, ld: k), b: .transposed(weight, ld: k),
                  c: out, ldc: n, accumulate: accumulate, threads: threads)
    }

    /// dinp[M,K] (+)= dout[M,N] · weight; dweight[N,K] += doutᵀ · inp (tokens ascending).
    public static func linearBackward(
        dinp: UnsafeMutablePointer<Float>, dweight: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
        inp: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        rows m: Int, inFeatures k: Int, outFeatures n: Int, accumulateInput: Bool, threads: Int
    ) {
        Gemm.gemm(m: m, n: k, k: n, a: .rowMajor(dout, ld: n), b: .rowMajor(weight, ld: k),
                  c: dinp, ldc: k, accumulate: accumulateInput, threads: threads)
        if m * k + k * n < m * n {
            weightGradientTransposed(dweight: dweight, dout: dout, inp: inp, rows: m, inFeatures: k, outFeatures: n, threads: threads)
        } else {
            Gemm.gemm(m: n, n: k, k: m, a: .transposed(dout, ld: n), b: .rowMajor(inp, ld: k),
                      c: dweight, ldc: k, accumulate: true, threads: threads)
        }
    }

    /// dweight[N,K] += (inpᵀ · dout)ᵀ: the product is formed as G[K,N] = inpᵀ·dout (copying inp,
    /// [M,K], instead of dout, [M,N], when that is less data — the lm head), then added transposed.
    /// Same bits as the direct form: each G element is the same token-ascending FMA chain from 0,
    /// then added to the old dweight value once, exactly as `Gemm`'s accumulate store does.
    static func weightGradientTransposed(
        dweight: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, inp: UnsafePointer<Float>,
        rows m: Int, inFeatures k: Int, outFeatures n: Int, threads: Int
    ) {
        let g = UnsafeMutablePointer<Float>.allocate(capacity: k * n)
        defer { g.deallocate() }
        Gemm.gemm(m: k, n: n, k: m, a: .transposed(inp, ld: k), b: .rowMajor(dout, ld: n),
                  c: g, ldc: n, accumulate: false, threads: threads)
        let (dw, gp) = (SharedPointer(dweight), SharedPointer(g))
        Parallel.forEachChunk((n + 31) / 32, threads: threads) { blocks in
            for jb in blocks {
                let j0 = jb * 32, j1 = min(n, j0 + 32)
                var c0 = 0
                while c0 < k {
                    let c1 = min(k, c0 + 32)
                    for j in j0..<j1 {
                        let row = dw.base + j * k
                        for c in c0..<c1 { row[c] = row[c] + gp.base[c * n + j] }
                    }
                    c0 = c1
                }
            }
        }
    }
}
