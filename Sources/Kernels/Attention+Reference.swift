extension Attention {
    /// Scalar twin of `attentionForward`: returns (out, rowMax, rowSum) for arrays in the same layouts.
    public static func attentionForwardReference(
        q: [Float], k: [Float], v: [Float], shape: AttentionShape
    ) -> (out: [Float], rowMax: [Float], rowSum: [Float]) {
        let (t, hd, hs, ks) = (shape.seqLen, shape.headDim, shape.qStride, shape.kvStride)
        var out = [Float](repeating: 0, count: shape.batch * t * hs)
        var mx = [Float](repeating: 0, count: shape.batch * shape.heads * t), sm = mx
        for b in 0..<shape.batch {
            for h in 0..<shape.heads {
                let g = h / shape.group
                var p = [Float](repeating: 0, count: t * t)
                for i in 0..<t {
                    for j in 0..<t {
                        var acc: Float = 0
                        for d in 0..<hd { acc = acc.addingProduct(q[(b * t + i) * hs + h * hd + d], k[(b * t + j) * ks + g * hd + d]) }
                        p[i * t + j] = acc
                    }
                    var m = -Float.infinity
                    for j in 0...i { m = max(m, p[i * t + j] * shape.scale) }
                    var s: Float = 0
                    for j in 0...i { p[i * t + j] = KernelMath.exp(p[i * t + j] * shape.scale - m); s += p[i * t + j] }
                    for j in 0..<t { p[i * t + j] = j <= i ? p[i * t + j] / s : 0 }
                    mx[(b * shape.heads + h) * t + i] = m
                    sm[(b * shape.heads + h) * t + i] = s
                }
                for i in 0..<t {
                    for d in 0..<hd {
                        var acc: Float = 0
                        for j in 0..<t { acc = acc.addingProduct(p[i * t + j], v[(b * t + j) * ks + g * hd + d]) }
                        out[(b * t + i) * hs + h * hd + d] = acc
                    }
                }
            }
        }
        return (out, mx, sm)
    }
}
