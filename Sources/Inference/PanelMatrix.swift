import Kernels

/// A float32 projection (or several fused along their outputs, e.g. q|k|v) in the one layout inference
/// keeps its weights in: output features cut into panels of 32, each panel stored as `[in][32]`
/// contiguous floats, every part starting a new panel (its last one zero-padded). The model's only copy
/// of the weights (the row-major tensors are packed at load and dropped), read by both products:
/// - one row (`rows == 1`, decoding): a GEMV that streams every panel from its first byte to its last,
///   the threads taking disjoint, contiguous panel runs;
/// - several rows (prompts, evaluation windows): `Kernels.Gemm`'s tiles reading the panels in place
///   (`Gemm.gemm(…, panels:)`), with no packing per call.
///
/// Bits: every output is `Σ_k W[n, k] · x[k]` as ONE chain of fused multiply-adds, k ascending, from
/// 0 — `Gemm`'s order, which the training forward uses — so inference gives the training forward's
/// bits. SIMD lanes hold different outputs, never parts of one sum, and each output is one thread's, so
/// bits do not depend on the vector width, the split, the thread count or the number of rows.
struct PanelMatrix: Sendable {
    /// Outputs per panel.
    static let width = 32
    /// Input features K.
    let inFeatures: Int
    /// Output features N (all fused parts; the outputs of part i follow those of part i − 1).
    let outFeatures: Int
    /// Rows of each part.
    let partRows: [Int]
    /// The first panel of each part.
    private let partPanels: [Int]
    /// For each panel: its first output and how many of its 32 lanes are outputs.
    private let panelOutputs: [(first: Int, count: Int)]
    /// `panels × inFeatures × 32` floats.
    private let storage: FloatBuffer

    /// An all-zero matrix of parts with `partRows` rows of `inFeatures` weights; fill it with `setRow`.
    init(partRows: [Int], inFeatures k: Int) {
        inFeatures = k
        self.partRows = partRows
        outFeatures = partRows.reduce(0, +)
        var partPanels: [Int] = [], panelOutputs: [(first: Int, count: Int)] = [], first = 0
        for rows in partRows {
            partPanels.append(panelOutputs.count)
            for start in stride(from: 0, to: rows, by: Self.width) {
                panelOutputs.append((first + start, min(Self.width, rows - start)))
            }
            first += rows
        }
        self.partPanels = partPanels
        self.panelOutputs = panelOutputs
        storage = FloatBuffer(count: panelOutputs.count * k * Self.width)
    }

    /// Packs the `[rows, in]` row-major matrices `parts`, stacked along the outputs.
    init(_ parts: [(UnsafePointer<Float>, rows: Int)], inFeatures k: Int) {
        self.init(partRows: parts.map(\.rows), inFeatures: k)
        for (i, part) in parts.enumerated() {
            for r in 0..<part.rows { setRow(r, ofPart: i, from: part.0 + r * k) }
        }
    }

    /// Weights in memory, in bytes.
    var bytes: Int { storage.count * 4 }

    /// Writes the `inFeatures` weights of row `r` of part `part` (loading only: weights are never
    /// written once the model serves requests).
    func setRow(_ r: Int, ofPart part: Int, from row: UnsafePointer<Float>) {
        let k = inFeatures, panel = storage.base + (partPanels[part] + r / Self.width) * k * Self.width + r % Self.width
        for kk in 0..<k { panel[kk * Self.width] = row[kk] }
    }

    /// Copies the weights of output `n` (counted over all parts) into `y[0..<inFeatures]`: the
    /// embedding lookup of a model whose head is its embedding.
    func row(_ n: Int, into y: UnsafeMutablePointer<Float>) {
        var (part, r) = (0, n)
        while r >= partRows[part] { r -= partRows[part]; part += 1 }
        let k = inFeatures, panel = storage.base + (partPanels[part] + r / Self.width) * k * Self.width + r % Self.width
        for kk in 0..<k { y[kk] = panel[kk * Self.width] }
    }

    /// Threads worth using for one product: one per ~16 K weights (times rows), at most `threads`.
    func parts(_ threads: Int, rows: Int = 1) -> Int {
        min(max(threads, 1), max(1, outFeatures * inFeatures * rows / 16_384))
    }

    /// `y[r · ldy + n] = Σ_k W[n, k]·x[r · inFeatures + k]` for `rows` rows of x and every output n.
    func multiply(_ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, ldy: Int, threads: Int) {
        guard rows > 1 else { return multiply(x, into: y, threads: threads) }
        var first = 0
        for (part, n) in partRows.enumerated() {
            Gemm.gemm(
                m: rows, n: n, k: inFeatures, a: .rowMajor(x, ld: inFeatures),
                panels: storage.base + partPanels[part] * inFeatures * Self.width, width: Self.width,
                c: y + first, ldc: ldy, accumulate: false, threads: parts(threads, rows: rows))
            first += n
        }
    }

    /// `y[n] = Σ_k W[n, k]·x[k]` for every output; x `[inFeatures]`, y `[outFeatures]`; the panels are
    /// cut into contiguous runs streamed by up to `threads` threads.
    func multiply(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, threads: Int) {
        let panels = panelOutputs.count
        let (xs, ys, w) = (SharedPointer(x), SharedPointer(y), SharedPointer(storage.base))
        let k = inFeatures, parts = parts(threads)
        panelOutputs.withUnsafeBufferPointer { outputs in
            let map = PanelMap(outputs.baseAddress!)
            // Several runs of panels per thread, taken dynamically: on a shared machine a thread whose
            // core is busy takes fewer runs instead of holding everyone up (each panel is one thread's).
            Parallel.forEachChunk(panels, threads: parts == 1 ? 1 : parts * 4) { range in
                for p in range {
                    let (first, count) = map.base[p]
                    Self.panel(xs.base, k: k, w.base + p * k * Self.width, into: ys.base + first, count: count)
                }
            }
        }
    }

    /// One panel: four 8-lane accumulators (32 outputs), k ascending, one FMA per product; the first
    /// `count` lanes stored.
    @inline(__always)
    private static func panel(_ x: UnsafePointer<Float>, k: Int, _ w: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        var a0 = SIMD8<Float>.zero, a1 = a0, a2 = a0, a3 = a0
        var row = UnsafeRawPointer(w)
        for kk in 0..<k {
            let xb = SIMD8<Float>(repeating: x[kk])
            a0 = a0.addingProduct(xb, row.loadUnaligned(as: SIMD8<Float>.self))
            a1 = a1.addingProduct(xb, row.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self))
            a2 = a2.addingProduct(xb, row.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self))
            a3 = a3.addingProduct(xb, row.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self))
            row += 128
        }
        if count == width {
            let out = UnsafeMutableRawPointer(y)
            out.storeBytes(of: a0, as: SIMD8<Float>.self)
            out.storeBytes(of: a1, toByteOffset: 32, as: SIMD8<Float>.self)
            out.storeBytes(of: a2, toByteOffset: 64, as: SIMD8<Float>.self)
            out.storeBytes(of: a3, toByteOffset: 96, as: SIMD8<Float>.self)
            return
        }
        for j in 0..<count { y[j] = j < 8 ? a0[j] : j < 16 ? a1[j - 8] : j < 24 ? a2[j - 16] : a3[j - 24] }
    }
}

/// The panel → outputs table, handed to worker threads (read only).
private struct PanelMap: @unchecked Sendable {
    let base: UnsafePointer<(first: Int, count: Int)>
    init(_ base: UnsafePointer<(first: Int, count: Int)>) { self.base = base }
}
