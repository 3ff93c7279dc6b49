import Dispatch
import Kernels

/// The linear layer of the KV-cache decoder (`y = x · Wᵀ`, W stored `[out, in]` as in Hugging Face
/// checkpoints). `Kernels.Gemm` packs the weight matrix on every call, which dominates when one token
/// is decoded at a time; this kernel streams weight rows directly (four tokens × four rows a tile).
/// Every output element is one dot product computed in one fixed order — 16 lanes
/// accumulated with fused multiply-add in ascending k, lanes summed by a fixed tree, then the tail —
/// whatever the blocking, the thread count or the vector width, so results are bit-identical.
enum DecoderKernels {
    /// `y[t, n] = Σ_k x[t, k] · w[n, k]` for t < rows, n < outFeatures. Shapes: x `[rows, inFeatures]`,
    /// w `[outFeatures, inFeatures]`, y `[rows, outFeatures]`, all row-major.
    static func linear(
        _ x: UnsafePointer<Float>, rows: Int, inFeatures: Int,
        weight w: UnsafePointer<Float>, outFeatures: Int,
        into y: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let xs = SharedPointer(x), ws = SharedPointer(w), ys = SharedPointer(y)
        let blocks = (outFeatures + 3) / 4
        let parts = min(max(threads, 1), max(1, blocks * rows * inFeatures / 65_536))
        Parallel.forEachChunk(blocks, threads: parts) { range in
            let n0 = range.lowerBound * 4, n1 = min(range.upperBound * 4, outFeatures)
            linearBlock(
                xs.base, rows: rows, inFeatures: inFeatures, weight: ws.base, outFeatures: outFeatures,
                columns: n0..<n1, into: ys.base)
        }
    }

    /// Output columns `columns` of `linear`, four tokens × four weight rows at a time.
    private static func linearBlock(
        _ x: UnsafePointer<Float>, rows: Int, inFeatures k: Int, weight w: UnsafePointer<Float>,
        outFeatures: Int, columns: Range<Int>, into y: UnsafeMutablePointer<Float>
    ) {
        var t = 0
        while t + 4 <= rows {
            var n = columns.lowerBound
            while n + 4 <= columns.upperBound {
                tile4x4(x + t * k, w + n * k, k: k, y + t * outFeatures + n, ldy: outFeatures)
                n += 4
            }
            for column in n..<columns.upperBound {
                for r in t..<t + 4 { y[r * outFeatures + column] = dot(x + r * k, w + column * k, count: k) }
            }
            t += 4
        }
        for r in t..<rows {
            for column in columns { y[r * outFeatures + column] = dot(x + r * k, w + column * k, count: k) }
        }
    }

    /// A 4×4 tile of dot products, each computed exactly as `dot` computes it (sixteen register
    /// accumulators; written out so nothing is allocated in the loop).
    @inline(__always)
    private static func tile4x4(
        _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, k: Int, _ y: UnsafeMutablePointer<Float>, ldy: Int
    ) {
        var a00 = SIMD16<Float>.zero, a01 = a00, a02 = a00, a03 = a00
        var a10 = a00, a11 = a00, a12 = a00, a13 = a00
        var a20 = a00, a21 = a00, a22 = a00, a23 = a00
        var a30 = a00, a31 = a00, a32 = a00, a33 = a00
        let body = k & ~15
        var c = 0
        while c < body {
            let x0 = load(x + c), x1 = load(x + k + c), x2 = load(x + 2 * k + c), x3 = load(x + 3 * k + c)
            let w0 = load(w + c), w1 = load(w + k + c), w2 = load(w + 2 * k + c), w3 = load(w + 3 * k + c)
            a00 = a00.addingProduct(x0, w0); a01 = a01.addingProduct(x0, w1)
            a02 = a02.addingProduct(x0, w2); a03 = a03.addingProduct(x0, w3)
            a10 = a10.addingProduct(x1, w0); a11 = a11.addingProduct(x1, w1)
            a12 = a12.addingProduct(x1, w2); a13 = a13.addingProduct(x1, w3)
            a20 = a20.addingProduct(x2, w0); a21 = a21.addingProduct(x2, w1)
            a22 = a22.addingProduct(x2, w2); a23 = a23.addingProduct(x2, w3)
            a30 = a30.addingProduct(x3, w0); a31 = a31.addingProduct(x3, w1)
            a32 = a32.addingProduct(x3, w2); a33 = a33.addingProduct(x3, w3)
            c += 16
        }
        @inline(__always) func store(_ acc: SIMD16<Float>, _ i: Int, _ j: Int) {
            y[i * ldy + j] = tail(x + i * k, w + j * k, from: body, to: k, start: horizontalSum(acc))
        }
        store(a00, 0, 0); store(a01, 0, 1); store(a02, 0, 2); store(a03, 0, 3)
        store(a10, 1, 0); store(a11, 1, 1); store(a12, 1, 2); store(a13, 1, 3)
        store(a20, 2, 0); store(a21, 2, 1); store(a22, 2, 2); store(a23, 2, 3)
        store(a30, 3, 0); store(a31, 3, 1); store(a32, 3, 2); store(a33, 3, 3)
    }

    /// One dot product of length `count` in the fixed order described above.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, count: Int) -> Float {
        var acc = SIMD16<Float>.zero
        let body = count & ~15
        var c = 0
        while c < body {
            acc = acc.addingProduct(load(x + c), load(w + c))
            c += 16
        }
        return tail(x, w, from: body, to: count, start: horizontalSum(acc))
    }

    @inline(__always)
    private static func tail(
        _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, from: Int, to: Int, start: Float
    ) -> Float {
        var sum = start
        for c in from..<to { sum = sum.addingProduct(x[c], w[c]) }
        return sum
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
    }

    /// Lanes summed by a fixed tree: 16 → 8 → 4 → 2 → 1.
    @inline(__always)
    static func horizontalSum(_ v: SIMD16<Float>) -> Float {
        let a = v.lowHalf + v.highHalf
        let b = a.lowHalf + a.highHalf
        let c = b.lowHalf + b.highHalf
        return c[0] + c[1]
    }
}
