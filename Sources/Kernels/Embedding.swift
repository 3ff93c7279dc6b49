/// Token embedding lookup: out[N, C] = table[ids[n], :].
public enum Embedding {
    /// Gathers rows of `table` (ids must be in 0..<vocab; callers validate).
    public static func embeddingForward(
        out: UnsafeMutablePointer<Float>, ids: UnsafePointer<Int32>, table: UnsafePointer<Float>,
        count: Int, dim: Int, threads: Int
    ) {
        let (o, t) = (SharedPointer(out), SharedPointer(table))
        let idp = TargetPointer(ids)
        Parallel.forEachChunk(count, threads: threads) { range in
            for n in range { (o.base + n * dim).update(from: t.base + Int(idp.base[n]) * dim, count: dim) }
        }
    }

    /// dtable[ids[n], :] += dout[n, :], n ascending for every column (parallel over columns).
    public static func embeddingBackward(
        dtable: UnsafeMutablePointer<Float>, ids: UnsafePointer<Int32>, dout: UnsafePointer<Float>,
        count: Int, dim: Int, threads: Int
    ) {
        let (dt, dy) = (SharedPointer(dtable), SharedPointer(dout))
        let idp = TargetPointer(ids)
        Parallel.forEachChunk(dim, threads: threads) { cols in
            for n in 0..<count {
                let dst = dt.base + Int(idp.base[n]) * dim, src = dy.base + n * dim
                for c in cols { dst[c] += src[c] }
            }
        }
    }
}
