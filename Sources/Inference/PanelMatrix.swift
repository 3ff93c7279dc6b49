import Kernels

/// A projection (or several fused along their outputs, e.g. q|k|v) laid out once at load for the
/// one-token product `y = W · x`: output features cut into panels of 32, each panel stored as
/// `[in][32]` contiguous floats (the last one zero-padded), so a GEMV streams every panel from its first
/// byte to its last and the threads stream disjoint, contiguous panel ranges.
///
/// Bits: every output is `Σ_k W[n, k] · x[k]` as ONE chain of fused multiply-adds, k ascending, from
/// 0 — `Kernels.Gemm`'s order, which the training forward uses — so the decode path gives the training
/// forward's bits. SIMD lanes hold different outputs, never parts of one sum, and each output is one
/// thread's, so bits do not depend on the vector width, the split or the thread count.
struct PanelMatrix: Sendable {
    /// Outputs per panel.
    static let width = 32
    /// Input features K.
    let inFeatures: Int
    /// Output features N (all fused parts).
    let outFeatures: Int
    /// `panels × inFeatures × 32` floats.
    private let storage: FloatBuffer

    /// Packs the `[out_i, in]` row-major matrices `parts` (pointer, rows), stacked along the outputs.
    init(_ parts: [(UnsafePointer<Float>, rows: Int)], inFeatures k: Int) {
        inFeatures = k
        outFeatures = parts.reduce(0) { $0 + $1.rows }
        let panels = (outFeatures + Self.width - 1) / Self.width
        storage = FloatBuffer(count: panels * k * Self.width)
        var rowPointers: [UnsafePointer<Float>] = []
        for (base, rows) in parts { for r in 0..<rows { rowPointers.append(base + r * k) } }
        for (n, row) in rowPointers.enumerated() {
            let panel = storage.base + (n / Self.width) * k * Self.width + n % Self.width
            for kk in 0..<k { panel[kk * Self.width] = row[kk] }
        }
    }

    /// Threads worth using for one product: one per ~64 KiB of weights, at most `threads`.
    func parts(_ threads: Int) -> Int {
        min(max(threads, 1), max(1, outFeatures * inFeatures / 16_384))
    }

    /// `y[n] = Σ_k W[n, k]·x[k]` for every output; x `[inFeatures]`, y `[outFeatures]`; the panels are
    /// cut into contiguous runs streamed by up to `threads` threads.
    func multiply(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, threads: Int) {
        let panels = (outFeatures + Self.width - 1) / Self.width
        let (xs, ys, w) = (SharedPointer(x), SharedPointer(y), SharedPointer(storage.base))
        let (k, n) = (inFeatures, outFeatures), parts = parts(threads)
        // Several runs of panels per thread, taken dynamically: on a shared machine a thread whose core
        // is busy takes fewer runs instead of holding everyone up (each panel is still one thread's).
        Parallel.forEachChunk(panels, threads: parts == 1 ? 1 : parts * 4) { range in
            for p in range {
                Self.panel(xs.base, k: k, w.base + p * k * Self.width, into: ys.base, first: p * Self.width, outFeatures: n)
            }
        }
    }

    /// One panel: four 8-lane accumulators (32 outputs), k ascending, one FMA per product.
    @inline(__always)
    private static func panel(
        _ x: UnsafePointer<Float>, k: Int, _ w: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
        first: Int, outFeatures: Int
    ) {
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
        let valid = min(width, outFeatures - first)
        if valid == width {
            let out = UnsafeMutableRawPointer(y + first)
            out.storeBytes(of: a0, as: SIMD8<Float>.self)
            out.storeBytes(of: a1, toByteOffset: 32, as: SIMD8<Float>.self)
            out.storeBytes(of: a2, toByteOffset: 64, as: SIMD8<Float>.self)
            out.storeBytes(of: a3, toByteOffset: 96, as: SIMD8<Float>.self)
            return
        }
        for j in 0..<valid { y[first + j] = j < 8 ? a0[j] : j < 16 ? a1[j - 8] : j < 24 ? a2[j - 16] : a3[j - 24] }
    }
}
