import Kernels

/// Scaled dot-product attention of one query head at one position over the cached keys and values.
enum AttentionHead {
    /// Item `t · heads + h`: query row t (position `start + t`), head h. Scores in `scores` (scratch of
    /// at least `start + t + 1` elements); softmax with the maximum subtracted, its sum accumulated in
    /// position order; the output row `Σ_j p_j · v_j / Σ_j p_j`, each element one FMA chain in position
    /// order. Vectorised over positions (exponentials) and output columns (the weighted sum) only, so
    /// every value is the one the scalar formulation gives.
    static func run(
        item: Int, configuration c: ModelConfiguration, start: Int, query: UnsafeMutablePointer<Float>,
        keys: UnsafeMutablePointer<Float>, values: UnsafeMutablePointer<Float>,
        output: UnsafeMutablePointer<Float>, scores: inout [Float]
    ) {
        let d = c.headDimension, t = item / c.attentionHeads, h = item % c.attentionHeads
        let group = h / (c.attentionHeads / c.keyValueHeads)
        let q = query + t * c.queryWidth + h * d
        let length = start + t + 1
        let k = UnsafePointer(keys + group * d), v = UnsafePointer(values + group * d)
        let out = output + t * c.queryWidth + h * d
        scores.withUnsafeMutableBufferPointer { buffer in
            guard let s = buffer.baseAddress else { return }
            let total = numerators(UnsafePointer(q), keys: k, stride: c.keyValueWidth, length: length, width: d, into: s)
            weightedSum(UnsafePointer(s), length: length, values: v, stride: c.keyValueWidth, width: d, into: out)
            let inverse = 1 / total
            for i in 0..<d { out[i] *= inverse }
        }
    }

    /// The softmax numerators of one query over `length` keys: `s[j] = exp(q·k_j/√width − max)`, each
    /// score an 8-lane FMA dot product summed by a fixed tree, the exponentials 16 at a time (same
    /// bits as the scalar `KernelMath.exp`). Returns their sum, accumulated in position order.
    @inline(__always)
    static func numerators(
        _ q: UnsafePointer<Float>, keys: UnsafePointer<Float>, stride: Int, length: Int, width: Int,
        into s: UnsafeMutablePointer<Float>
    ) -> Float {
        let scale = 1 / Float(width).squareRoot()
        var maximum = -Float.infinity
        for j in 0..<length {
            let score = DecoderKernels.dot(q, keys + j * stride, count: width) * scale
            s[j] = score
            maximum = max(maximum, score)
        }
        KernelMath.expScaledShifted(s, scale: 1, shift: maximum, into: s, count: length)
        var total: Float = 0
        for j in 0..<length { total += s[j] }
        return total
    }

    /// `out[i] = Σ_j p[j] · values[j·stride + i]`, one FMA chain per i with j ascending from 0, 32
    /// columns at a time held in registers, then 8, then single columns.
    @inline(__always)
    static func weightedSum(
        _ p: UnsafePointer<Float>, length: Int, values: UnsafePointer<Float>, stride: Int, width: Int,
        into out: UnsafeMutablePointer<Float>
    ) {
        var i = 0
        while i + 32 <= width {
            var a0 = SIMD8<Float>.zero, a1 = a0, a2 = a0, a3 = a0
            for j in 0..<length {
                let w = SIMD8<Float>(repeating: p[j]), row = values + j * stride + i
                a0 = a0.addingProduct(w, DecoderKernels.load(row))
                a1 = a1.addingProduct(w, DecoderKernels.load(row + 8))
                a2 = a2.addingProduct(w, DecoderKernels.load(row + 16))
                a3 = a3.addingProduct(w, DecoderKernels.load(row + 24))
            }
            DecoderKernels.store(a0, out + i); DecoderKernels.store(a1, out + i + 8)
            DecoderKernels.store(a2, out + i + 16); DecoderKernels.store(a3, out + i + 24)
            i += 32
        }
        while i + 8 <= width {
            var a = SIMD8<Float>.zero
            for j in 0..<length { a = a.addingProduct(SIMD8(repeating: p[j]), DecoderKernels.load(values + j * stride + i)) }
            DecoderKernels.store(a, out + i)
            i += 8
        }
        while i < width {
            var a: Float = 0
            for j in 0..<length { a = a.addingProduct(p[j], values[j * stride + i]) }
            out[i] = a
            i += 1
        }
    }
}
