import Dispatch
import Kernels

/// The linear layer of the KV-cache decoder, `y = x · W` with W transposed at load to `[in, out]`
/// (`DecodeWeights`).
///
/// Every output element is `Σ_k x[t,k]·W[k,n]` as ONE chain of fused multiply-adds, k ascending,
/// starting from 0 — exactly `Kernels.Gemm`'s order, which the training forward uses — so decoding
/// gives the bits of the training forward. `gemv` reads W's rows in place (Gemm would repack all of W
/// for every token). SIMD lanes hold different output columns, never parts of one sum, so bits do not
/// depend on the vector width, the tiling or the thread count.
enum DecoderKernels {
    /// `y[t, n] = Σ_k x[t, k] · w[k, n]`. Shapes: x `[rows, inFeatures]`, w `[inFeatures, outFeatures]`,
    /// y `[rows, outFeatures]`, all row-major.
    static func linear(
        _ x: UnsafePointer<Float>, rows: Int, inFeatures: Int,
        weight w: UnsafePointer<Float>, outFeatures: Int,
        into y: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let xs = SharedPointer(x), ws = SharedPointer(w), ys = SharedPointer(y)
        let groups = (outFeatures + 31) / 32
        let parts = min(max(threads, 1), max(1, groups * rows * inFeatures / 4_096))
        Parallel.forEachChunk(groups, threads: parts) { range in
            let columns = range.lowerBound * 32..<min(range.upperBound * 32, outFeatures)
            for t in 0..<rows {
                gemv(xs.base + t * inFeatures, k: inFeatures, ws.base, n: outFeatures, columns: columns,
                     into: ys.base + t * outFeatures)
            }
        }
    }

    /// One token: `y[n] = Σ_k x[k] · w[k, n]` for n in `columns`, 32 columns (four 8-lane chains) at a
    /// time, then 8, then single columns.
    private static func gemv(
        _ x: UnsafePointer<Float>, k: Int, _ w: UnsafePointer<Float>, n: Int, columns: Range<Int>,
        into y: UnsafeMutablePointer<Float>
    ) {
        var j = columns.lowerBound
        while j + 32 <= columns.upperBound {
            var a0 = SIMD8<Float>.zero, a1 = a0, a2 = a0, a3 = a0
            for kk in 0..<k {
                let xb = SIMD8<Float>(repeating: x[kk]), row = w + kk * n + j
                a0 = a0.addingProduct(xb, load(row))
                a1 = a1.addingProduct(xb, load(row + 8))
                a2 = a2.addingProduct(xb, load(row + 16))
                a3 = a3.addingProduct(xb, load(row + 24))
            }
            store(a0, y + j); store(a1, y + j + 8); store(a2, y + j + 16); store(a3, y + j + 24)
            j += 32
        }
        while j + 8 <= columns.upperBound {
            var a = SIMD8<Float>.zero
            for kk in 0..<k { a = a.addingProduct(SIMD8<Float>(repeating: x[kk]), load(w + kk * n + j)) }
            store(a, y + j)
            j += 8
        }
        while j < columns.upperBound {
            var a: Float = 0
            for kk in 0..<k { a = a.addingProduct(x[kk], w[kk * n + j]) }
            y[j] = a
            j += 1
        }
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }
}
