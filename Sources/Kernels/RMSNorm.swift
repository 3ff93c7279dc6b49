/// RMSNorm as Llama/transformers compute it: y = w ∘ (x · rstd), rstd = 1 / √(mean(x²) + eps).
/// Sums run over the row with k ascending, one FMA per term.
public enum RMSNorm {
    /// out[R,C] = w[C] ∘ x[R,C]·rstd[R]; rstd[R] saved for the backward pass.
    public static func rmsnormForward(
        out: UnsafeMutablePointer<Float>, rstd: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>,
        weight: UnsafePointer<Float>, rows: Int, cols: Int, eps: Float, threads: Int
    ) {
        let (o, r, x, w) = (SharedPointer(out), SharedPointer(rstd), SharedPointer(inp), SharedPointer(weight))
        // Rows in groups of eight: their eight Σx² chains run interleaved (same order per row).
        Parallel.forEachChunk((rows + 7) / 8, threads: threads) { groups in
            for group in groups {
                let r0 = group * 8, count = min(8, rows - r0)
                let sums = KernelMath.orderedSquareSums(x.base + r0 * cols, stride: cols, rows: count, count: cols)
                for q in 0..<count {
                    let row = r0 + q
                    let xr = x.base + row * cols, yr = o.base + row * cols
                    let s = 1 / (sums[q] / Float(cols) + eps).squareRoot()
                    r.base[row] = s
                    for c in 0..<cols { yr[c] = w.base[c] * (xr[c] * s) }
                }
            }
        }
    }

    /// dinp[R,C] += ∂L/∂x; dweight[C] += Σ_rows dout ∘ x·rstd (rows ascending).
    /// ∂L/∂x_c = rstd·w_c·dy_c − x_c · rstd³/C · Σ_c' w_c'·dy_c'·x_c'.
    public static func rmsnormBackward(
        dinp: UnsafeMutablePointer<Float>, dweight: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
        inp: UnsafePointer<Float>, weight: UnsafePointer<Float>, rstd: UnsafePointer<Float>,
        rows: Int, cols: Int, threads: Int
    ) {
        let (dx, dw, dy) = (SharedPointer(dinp), SharedPointer(dweight), SharedPointer(dout))
        let (x, w, r) = (SharedPointer(inp), SharedPointer(weight), SharedPointer(rstd))
        Parallel.forEachChunk(rows, threads: threads) { range in
            for row in range {
                let xr = x.base + row * cols, dyr = dy.base + row * cols, dxr = dx.base + row * cols
                let s = r.base[row]
                var dot: Float = 0
                for c in 0..<cols { dot = dot.addingProduct(w.base[c] * dyr[c], xr[c]) }
                let coef = dot * (s * s * s) / Float(cols)
                for c in 0..<cols {
                    dxr[c] += (w.base[c] * dyr[c] * s).addingProduct(-coef, xr[c])
                }
            }
        }
        // Per column: acc = Σ_rows (ascending) dy·(x·rstd), one FMA chain per column; rows outer so
        // memory is read row by row (the chains, and so the bits, are the same as column by column).
        Parallel.forEachChunk(cols, threads: threads) { range in
            let width = range.count
            let acc = UnsafeMutablePointer<Float>.allocate(capacity: width)
            defer { acc.deallocate() }
            acc.initialize(repeating: 0, count: width)
            for row in 0..<rows {
                let s = r.base[row], dyr = dy.base + row * cols + range.lowerBound, xr = x.base + row * cols + range.lowerBound
                for c in 0..<width { acc[c] = acc[c].addingProduct(dyr[c], xr[c] * s) }
            }
            for c in 0..<width { dw.base[range.lowerBound + c] += acc[c] }
        }
    }
}
