import Kernels

/// Causal attention of many new positions at once (prompts, evaluation windows), with the same bits
/// as `AttentionHead` run position by position.
///
/// For each query head and block of 32 query rows: the scores and softmax numerators of every row
/// exactly as `AttentionHead` computes them, written into a probability block `P[rows, 0..<k]` that is
/// zero right of each row's last position, then `O = P · V` with `Gemm` (each output one FMA chain over
/// positions ascending from 0 — the order of `AttentionHead.weightedSum`; the trailing exact zeros add
/// nothing), then each row times 1 / its sum. Work is split over (head, block) items.
enum WindowAttention {
    /// Query rows per block (a block only reads positions up to its last row).
    static let rowBlock = 32

    /// `rows` new queries (positions `start…`) over cached keys/values `[0, start + rows)`.
    static func run(
        configuration c: ModelConfiguration, start: Int, rows: Int, query: UnsafePointer<Float>,
        keys: UnsafePointer<Float>, values: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let blocks = (rows + rowBlock - 1) / rowBlock
        let items = c.attentionHeads * blocks
        let parts = min(threads, max(1, items * (start + rows) * rowBlock * c.headDimension / 65_536))
        let (q, k, v, o) = (SharedPointer(query), SharedPointer(keys), SharedPointer(values), SharedPointer(output))
        Parallel.forEachChunk(items, threads: parts) { range in
            let p = UnsafeMutablePointer<Float>.allocate(capacity: rowBlock * (start + rows))
            defer { p.deallocate() }
            var totals = [Float](repeating: 0, count: rowBlock)
            for item in range {
                let h = item / blocks, r0 = (item % blocks) * rowBlock, r1 = min(rows, r0 + rowBlock)
                block(
                    configuration: c, head: h, rows: r0..<r1, start: start, query: q.base, keys: k.base,
                    values: v.base, output: o.base, p: p, totals: &totals)
            }
        }
    }

    /// One (head, row block) item; `p` holds `rowBlock × (start + rows.upperBound)` floats.
    private static func block(
        configuration c: ModelConfiguration, head h: Int, rows: Range<Int>, start: Int,
        query: UnsafeMutablePointer<Float>, keys: UnsafeMutablePointer<Float>, values: UnsafeMutablePointer<Float>,
        output: UnsafeMutablePointer<Float>, p: UnsafeMutablePointer<Float>, totals: inout [Float]
    ) {
        let d = c.headDimension, group = h / (c.attentionHeads / c.keyValueHeads)
        let width = start + rows.upperBound
        let k = UnsafePointer(keys + group * d)
        for (r, t) in rows.enumerated() {
            let s = p + r * width, length = start + t + 1
            let qt = UnsafePointer(query + t * c.queryWidth + h * d)
            totals[r] = AttentionHead.numerators(qt, keys: k, stride: c.keyValueWidth, length: length, width: d, into: s)
            (s + length).update(repeating: 0, count: width - length)
        }
        let out = output + rows.lowerBound * c.queryWidth + h * d
        Gemm.gemm(
            m: rows.count, n: d, k: width, a: .rowMajor(p, ld: width), b: .rowMajor(values + group * d, ld: c.keyValueWidth),
            c: out, ldc: c.queryWidth, accumulate: false, threads: 1)
        for r in 0..<rows.count {
            let inverse = 1 / totals[r], row = out + r * c.queryWidth
            for i in 0..<d { row[i] *= inverse }
        }
    }
}
