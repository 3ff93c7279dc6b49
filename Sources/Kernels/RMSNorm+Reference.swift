extension RMSNorm {
    /// Scalar single-threaded twin of `rmsnormForward` on arrays.
    public static func rmsnormForwardReference(
        inp: [Float], weight: [Float], rows: Int, cols: Int, eps: Float
    ) -> (out: [Float], rstd: [Float]) {
        var out = [Float](repeating: 0, count: rows * cols)
        var rstd = [Float](repeating: 0, count: rows)
        for row in 0..<rows {
            var ss: Float = 0
            for c in 0..<cols { ss = ss.addingProduct(inp[row * cols + c], inp[row * cols + c]) }
            rstd[row] = 1 / (ss / Float(cols) + eps).squareRoot()
            for c in 0..<cols { out[row * cols + c] = weight[c] * (inp[row * cols + c] * rstd[row]) }
        }
        return (out, rstd)
    }

    /// Scalar twin of `rmsnormBackward` (returns fresh gradients rather than accumulating).
    public static func rmsnormBackwardReference(
        dout: [Float], inp: [Float], weight: [Float], rstd: [Float], rows: Int, cols: Int
    ) -> (dinp: [Float], dweight: [Float]) {
        var dinp = [Float](repeating: 0, count: rows * cols)
        var dweight = [Float](repeating: 0, count: cols)
        for row in 0..<rows {
            let s = rstd[row]
            var dot: Float = 0
            for c in 0..<cols { dot = dot.addingProduct(weight[c] * dout[row * cols + c], inp[row * cols + c]) }
            let coef = dot * (s * s * s) / Float(cols)
            for c in 0..<cols {
                let i = row * cols + c
                dinp[i] = 0 + (weight[c] * dout[i] * s).addingProduct(-coef, inp[i])
            }
        }
        for c in 0..<cols {
            var acc: Float = 0
            for row in 0..<rows { acc = acc.addingProduct(dout[row * cols + c], inp[row * cols + c] * rstd[row]) }
            dweight[c] = 0 + acc
        }
        return (dinp, dweight)
    }
}
