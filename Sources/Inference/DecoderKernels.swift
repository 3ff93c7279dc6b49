import Dispatch
import Kernels

/// The linear layer of the KV-cache decoder (`y = x · Wᵀ`, W stored `[out, in]` as in Hugging Face
/// checkpoints). `Kernels.Gemm` packs the weight matrix on every call, which dominates when one token
/// is decoded at a time; this kernel reads weight rows in place (four tokens × three rows a tile).
/// Every output element is one dot product computed in one fixed order — 8 lanes
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

    /// Output columns `columns` of `linear`. Tokens go in blocks of 16 so that each group of weight rows,
    /// once loaded, serves 16 tokens (the weights stream from memory once per block, not once per token);
    /// inside a block: four tokens × three rows a tile, then single dot products for what is left.
    /// Fewer than four tokens (decoding): one token × four rows a tile.
    private static func linearBlock(
        _ x: UnsafePointer<Float>, rows: Int, inFeatures k: Int, weight w: UnsafePointer<Float>,
        outFeatures: Int, columns: Range<Int>, into y: UnsafeMutablePointer<Float>
    ) {
        var blockStart = 0
        while blockStart < rows {
            let blockEnd = min(blockStart + 16, rows)
            let quads = (blockEnd - blockStart) / 4
            var n = columns.lowerBound
            if quads == 0 {
                while n + 4 <= columns.upperBound {
                    for t in blockStart..<blockEnd { tile1x4(x + t * k, w + n * k, k: k, y + t * outFeatures + n) }
                    n += 4
                }
            } else {
                let quadEnd = blockStart + 4 * quads
                while n + 3 <= columns.upperBound {
                    for t in stride(from: blockStart, to: quadEnd, by: 4) {
                        tile4x3(x + t * k, w + n * k, k: k, y + t * outFeatures + n, ldy: outFeatures)
                    }
                    for t in quadEnd..<blockEnd {
                        for column in n..<n + 3 { y[t * outFeatures + column] = dot(x + t * k, w + column * k, count: k) }
                    }
                    n += 3
                }
            }
            for column in n..<columns.upperBound {
                for r in blockStart..<blockEnd { y[r * outFeatures + column] = dot(x + r * k, w + column * k, count: k) }
            }
            blockStart = blockEnd
        }
    }

    /// A 4×3 tile (four tokens, three weight rows), each element exactly as `dot` computes it: twelve
    /// 8-lane accumulators + three weight vectors + one token vector = AVX2's sixteen registers.
    @inline(__always)
    private static func tile4x3(
        _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, k: Int, _ y: UnsafeMutablePointer<Float>, ldy: Int
    ) {
        var a00 = SIMD8<Float>.zero, a01 = a00, a02 = a00, a10 = a00, a11 = a00, a12 = a00
        var a20 = a00, a21 = a00, a22 = a00, a30 = a00, a31 = a00, a32 = a00
        let body = k & ~7
        var c = 0
        while c < body {
            let w0 = load(w + c), w1 = load(w + k + c), w2 = load(w + 2 * k + c)
            let x0 = load(x + c)
            a00 = a00.addingProduct(x0, w0); a01 = a01.addingProduct(x0, w1); a02 = a02.addingProduct(x0, w2)
            let x1 = load(x + k + c)
            a10 = a10.addingProduct(x1, w0); a11 = a11.addingProduct(x1, w1); a12 = a12.addingProduct(x1, w2)
            let x2 = load(x + 2 * k + c)
            a20 = a20.addingProduct(x2, w0); a21 = a21.addingProduct(x2, w1); a22 = a22.addingProduct(x2, w2)
            let x3 = load(x + 3 * k + c)
            a30 = a30.addingProduct(x3, w0); a31 = a31.addingProduct(x3, w1); a32 = a32.addingProduct(x3, w2)
            c += 8
        }
        @inline(__always) func store(_ acc: SIMD8<Float>, _ i: Int, _ j: Int) {
            y[i * ldy + j] = tail(x + i * k, w + j * k, from: body, to: k, start: horizontalSum(acc))
        }
        store(a00, 0, 0); store(a01, 0, 1); store(a02, 0, 2); store(a10, 1, 0); store(a11, 1, 1); store(a12, 1, 2)
        store(a20, 2, 0); store(a21, 2, 1); store(a22, 2, 2); store(a30, 3, 0); store(a31, 3, 1); store(a32, 3, 2)
    }

    /// A 1×4 tile (one token, four weight rows), each element exactly as `dot` computes it.
    @inline(__always)
    private static func tile1x4(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, k: Int, _ y: UnsafeMutablePointer<Float>) {
        var a0 = SIMD8<Float>.zero, a1 = a0, a2 = a0, a3 = a0
        let body = k & ~7
        var c = 0
        while c < body {
            let x0 = load(x + c)
            a0 = a0.addingProduct(x0, load(w + c))
            a1 = a1.addingProduct(x0, load(w + k + c))
            a2 = a2.addingProduct(x0, load(w + 2 * k + c))
            a3 = a3.addingProduct(x0, load(w + 3 * k + c))
            c += 8
        }
        y[0] = tail(x, w, from: body, to: k, start: horizontalSum(a0))
        y[1] = tail(x, w + k, from: body, to: k, start: horizontalSum(a1))
        y[2] = tail(x, w + 2 * k, from: body, to: k, start: horizontalSum(a2))
        y[3] = tail(x, w + 3 * k, from: body, to: k, start: horizontalSum(a3))
    }

    /// One dot product of length `count` in the fixed order described above.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, count: Int) -> Float {
        var acc = SIMD8<Float>.zero
        let body = count & ~7
        var c = 0
        while c < body {
            acc = acc.addingProduct(load(x + c), load(w + c))
            c += 8
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
    static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// Lanes summed by a fixed tree: 8 → 4 → 2 → 1.
    @inline(__always)
    static func horizontalSum(_ v: SIMD8<Float>) -> Float {
        let a = v.lowHalf + v.highHalf
        let b = a.lowHalf + a.highHalf
        return b[0] + b[1]
    }
}
