/// Rotary position embedding, "rotate half" convention (pairs (i, i + d/2)), applied in place.
/// Layout: x[rows, heads·headDim]; row r has position `r % seqLen + positionOffset`.
public enum Rope {
    /// x1' = x1·cos − x2·sin, x2' = x2·cos + x1·sin for every head of every row.
    public static func ropeForward(
        _ x: UnsafeMutablePointer<Float>, rows: Int, seqLen: Int, heads: Int, table: RopeTable,
        positionOffset: Int = 0, threads: Int
    ) {
        apply(x, rows: rows, seqLen: seqLen, heads: heads, table: table, offset: positionOffset, sign: 1, threads: threads)
    }

    /// Gradient through the rotation (its transpose: rotation by −angle), in place on dx.
    public static func ropeBackward(
        _ dx: UnsafeMutablePointer<Float>, rows: Int, seqLen: Int, heads: Int, table: RopeTable,
        positionOffset: Int = 0, threads: Int
    ) {
        apply(dx, rows: rows, seqLen: seqLen, heads: heads, table: table, offset: positionOffset, sign: -1, threads: threads)
    }

    static func apply(
        _ x: UnsafeMutablePointer<Float>, rows: Int, seqLen: Int, heads: Int, table: RopeTable,
        offset: Int, sign: Float, threads: Int
    ) {
        let d = table.headDim, half = d / 2
        let p = SharedPointer(x)
        table.cos.withUnsafeBufferPointer { cp in
            table.sin.withUnsafeBufferPointer { sp in
                let (cb, sb) = (SharedPointer(cp.baseAddress!), SharedPointer(sp.baseAddress!))
                Parallel.forEachChunk(rows, threads: threads) { range in
                    for row in range {
                        let pos = row % seqLen + offset
                        let cr = cb.base + pos * half, sr = sb.base + pos * half
                        for h in 0..<heads {
                            let v = p.base + (row * heads + h) * d
                            for i in 0..<half {
                                let x1 = v[i], x2 = v[i + half], c = cr[i], s = sign * sr[i]
                                v[i] = (x1 * c).addingProduct(-x2, s)
                                v[i + half] = (x2 * c).addingProduct(x1, s)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Scalar twin: returns the rotated copy of x (sign −1 for the backward rotation).
    public static func ropeReference(
        _ x: [Float], rows: Int, seqLen: Int, heads: Int, table: RopeTable, positionOffset: Int = 0, sign: Float = 1
    ) -> [Float] {
        let d = table.headDim, half = d / 2
        var y = x
        for row in 0..<rows {
            let pos = row % seqLen + positionOffset
            for h in 0..<heads {
                for i in 0..<half {
                    let base = (row * heads + h) * d
                    let c = table.cos[pos * half + i], s = sign * table.sin[pos * half + i]
                    y[base + i] = (x[base + i] * c).addingProduct(-x[base + i + half], s)
                    y[base + i + half] = (x[base + i + half] * c).addingProduct(x[base + i], s)
                }
            }
        }
        return y
    }
}
