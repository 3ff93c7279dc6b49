import Kernels

/// Scaled dot-product attention of one query head at one position over the cached keys and values.
enum AttentionHead {
    /// Item `t · heads + h`: query row t (position `start + t`), head h. Scores in `scores` (scratch of
    /// at least `start + t + 1` elements); softmax with the maximum subtracted; the output row
    /// `Σ_j p_j · v_j / Σ_j p_j`, accumulated in position order.
    static func run(
        item: Int, configuration c: ModelConfiguration, start: Int, query: UnsafeMutablePointer<Float>,
        keys: UnsafeMutablePointer<Float>, values: UnsafeMutablePointer<Float>,
        output: UnsafeMutablePointer<Float>, scores: inout [Float]
    ) {
        let d = c.headDimension, t = item / c.attentionHeads, h = item % c.attentionHeads
        let group = h / (c.attentionHeads / c.keyValueHeads)
        let q = query + t * c.queryWidth + h * d
        let length = start + t + 1
        let scale = 1 / Float(d).squareRoot()
        var maximum = -Float.infinity
        for j in 0..<length {
            let s = DecoderKernels.dot(q, keys + j * c.keyValueWidth + group * d, count: d) * scale
            scores[j] = s
            maximum = max(maximum, s)
        }
        var total: Float = 0
        for j in 0..<length {
            let e = KernelMath.exp(scores[j] - maximum)
            scores[j] = e
            total += e
        }
        let out = output + t * c.queryWidth + h * d
        for i in 0..<d { out[i] = 0 }
        let lanes = d & ~7
        for j in 0..<length {
            let p = scores[j], row = values + j * c.keyValueWidth + group * d
            var i = 0
            while i < lanes {
                let acc = DecoderKernels.load(UnsafePointer(out + i)).addingProduct(SIMD8(repeating: p), DecoderKernels.load(row + i))
                UnsafeMutableRawPointer(out + i).storeBytes(of: acc, as: SIMD8<Float>.self)
                i += 8
            }
            for r in lanes..<d { out[r] = out[r].addingProduct(p, row[r]) }
        }
        let inverse = 1 / total
        for i in 0..<d { out[i] *= inverse }
    }
}
