/// Row softmax with max subtraction: p = exp(x − max) / Σ exp(x − max), sums j ascending.
public enum Softmax {
    /// out[R,C] = softmax(inp[R,C]) row by row (out may alias inp).
    public static func softmaxForward(
        out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, rows: Int, cols: Int, threads: Int
    ) {
        let (o, x) = (SharedPointer(out), SharedPointer(inp))
        Parallel.forEachChunk(rows, threads: threads) { range in
            for r in range { row(o.base + r * cols, x.base + r * cols, cols) }
        }
    }

    @inline(__always)
    static func row(_ o: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ n: Int) {
        var m = -Float.infinity
        for j in 0..<n { m = max(m, x[j]) }
        var s: Float = 0
        for j in 0..<n {
            let e = KernelMath.exp(x[j] - m)
            o[j] = e
            s += e
        }
        for j in 0..<n { o[j] = o[j] / s }
    }

    /// dinp[R,C] = p ∘ (dout − Σ_j p_j·dout_j) (overwritten; may alias dout).
    public static func softmaxBackward(
        dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, probs: UnsafePointer<Float>,
        rows: Int, cols: Int, threads: Int
    ) {
        let (dx, dy, p) = (SharedPointer(dinp), SharedPointer(dout), SharedPointer(probs))
        Parallel.forEachChunk(rows, threads: threads) { range in
            for r in range {
                let (pr, dyr, dxr) = (p.base + r * cols, dy.base + r * cols, dx.base + r * cols)
                var d: Float = 0
                for j in 0..<cols { d = d.addingProduct(pr[j], dyr[j]) }
                for j in 0..<cols { dxr[j] = pr[j] * (dyr[j] - d) }
            }
        }
    }

    /// Scalar twin of `softmaxForward`.
    public static func softmaxForwardReference(_ x: [Float], rows: Int, cols: Int) -> [Float] {
        var out = x
        for r in 0..<rows {
            let m = x[(r * cols)..<(r * cols + cols)].reduce(-Float.infinity) { max($0, $1) }
            var s: Float = 0
            for j in 0..<cols { out[r * cols + j] = KernelMath.exp(x[r * cols + j] - m); s += out[r * cols + j] }
            for j in 0..<cols { out[r * cols + j] /= s }
        }
        return out
    }
}
