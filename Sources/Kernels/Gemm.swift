/// General matrix product C[M,N] = op(A)[M,K] · op(B)[K,N] (or C += …), the one kernel behind every
/// linear layer and attention product.
///
/// Determinism: every C element is `Σ_k A(i,k)·B(k,j)` accumulated by ONE thread as a chain of fused
/// multiply-adds with k ascending, starting from 0, then (if accumulating) added to the old C value.
/// SIMD lanes hold different output columns, never parts of one dot product, so the bits do not
/// depend on the vector width, the tile sizes or the thread count. `gemmReference` is the scalar twin
/// and gives identical bits.
public enum Gemm {
    /// Rows of A per micro-kernel tile.
    static let mr = 6
    /// Columns of B per packed panel (one SIMD16: two AVX2 registers, one AVX-512 register).
    /// 6 × 16 keeps the 12 AVX2 accumulators, 2 B registers and the broadcast within 16 registers.
    static let nr = 16
    /// Row tiles per work item.
    static let tilesPerItem = 16

    /// C[M,N] (ldc) = A·B, or C += A·B when `accumulate`. Parallel over output tiles only.
    @inline(never)
    public static func gemm(
        m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool, threads: Int
    ) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        if a.columnStride != 1, m * k >= 4096 {
            // A read down its columns would stream one cache line (and often one page) per k for
            // every tile; copy it to row-major once. Values are copied, so the bits do not change.
            let copy = UnsafeMutablePointer<Float>.allocate(capacity: m * k)
            defer { copy.deallocate() }
            transpose(a, rows: m, cols: k, into: copy, threads: threads)
            gemm(m: m, n: n, k: k, a: .rowMajor(copy, ld: k), b: b, c: c, ldc: ldc, accumulate: accumulate, threads: threads)
            return
        }
        tiles(m: m, n: n, k: k, a: a, c: c, ldc: ldc, accumulate: accumulate, threads: threads, scratch: k * nr) { j0, nValid, packed in
            pack(b: b, k: k, j0: j0, nValid: nValid, into: packed)
            return (UnsafePointer(packed), 64)
        }
    }

    /// The tile loop of every product: 16-column panels × groups of `tilesPerItem` row tiles, spread
    /// over threads (each C element one thread's). `panel(j0, nValid, scratch)` gives the panel of B
    /// starting at column j0 as `[k][16]` floats `stride` bytes apart per k (packing into `scratch`, a
    /// thread's own buffer of `scratch` floats, when B is not packed already); it is asked again only
    /// when a thread moves to another panel.
    @inline(__always)
    static func tiles(
        m: Int, n: Int, k: Int, a: MatrixOperand, c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool,
        threads: Int, scratch: Int,
        panel source: @escaping @Sendable (Int, Int, UnsafeMutablePointer<Float>) -> (UnsafePointer<Float>, Int)
    ) {
        let panels = (n + nr - 1) / nr
        let rowTiles = (m + mr - 1) / mr
        let groups = (rowTiles + tilesPerItem - 1) / tilesPerItem
        let out = SharedPointer(c)
        Parallel.forEachChunk(panels * groups, threads: threads) { items in
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(1, scratch))
            defer { buffer.deallocate() }
            var current = -1
            var packed: (base: UnsafePointer<Float>, stride: Int) = (UnsafePointer(buffer), 64)
            for item in items {
                let panel = item / groups
                let group = item % groups
                let j0 = panel * nr
                let nValid = min(nr, n - j0)
                if panel != current {
                    packed = source(j0, nValid, buffer)
                    current = panel
                }
                let firstTile = group * tilesPerItem
                for tile in firstTile..<min(rowTiles, firstTile + tilesPerItem) {
                    let i0 = tile * mr
                    microKernel(
                        k: k, a: a, i0: i0, m: m, packed: packed.base, stride: packed.stride,
                        c: out.base + i0 * ldc + j0, ldc: ldc, nValid: nValid, accumulate: accumulate)
                }
            }
        }
    }

    /// Copies B(0..<k, j0..<j0+nValid) into `packed[kk*16 + jj]`, zero-padding to 16 columns.
    static func pack(b: MatrixOperand, k: Int, j0: Int, nValid: Int, into packed: UnsafeMutablePointer<Float>) {
        if nValid < nr { packed.update(repeating: 0, count: k * nr) }
        if b.columnStride == 1, nValid == nr {
            // One 64-byte vector copy per row of the panel (a scalar loop here became a memmove call
            // per row, ~9% of a 256-row product).
            for kk in 0..<k {
                let row = UnsafeRawPointer(b.base + kk * b.rowStride + j0).loadUnaligned(as: SIMD16<Float>.self)
                UnsafeMutableRawPointer(packed + kk * nr).storeBytes(of: row, as: SIMD16<Float>.self)
            }
        } else if b.columnStride == 1 {
            for kk in 0..<k {
                let src = b.base + kk * b.rowStride + j0
                let dst = packed + kk * nr
                for jj in 0..<nValid { dst[jj] = src[jj] }
            }
        } else {
            for jj in 0..<nValid {
                let src = b.base + (j0 + jj) * b.columnStride
                for kk in 0..<k { packed[kk * nr + jj] = src[kk * b.rowStride] }
            }
        }
    }

    /// out[r·cols + c] = a(r, c), parallel over blocks of 32 rows, each copied in 8×8 tiles: a tile
    /// touches only eight cache lines on either side, so power-of-two strides (T = 1024 tokens, 4 KiB)
    /// no longer evict each other from one L1 set as the former 32-row column walk did. Values are
    /// copied, never computed, so the bits are unchanged.
    static func transpose(_ a: MatrixOperand, rows: Int, cols: Int, into out: UnsafeMutablePointer<Float>, threads: Int) {
        let o = SharedPointer(out)
        let blocks = (rows + 31) / 32
        Parallel.forEachChunk(blocks, threads: threads) { range in
            for rb in range {
                let r0 = rb * 32, r1 = min(rows, r0 + 32)
                var c0 = 0
                while c0 < cols {
                    let c1 = min(cols, c0 + 32)
                    var tr = r0
                    while tr < r1 {
                        let tr1 = min(r1, tr &+ 8)
                        var tc = c0
                        while tc < c1 {
                            let tc1 = min(c1, tc &+ 8)
                            copyTile(a, rows: tr..<tr1, cols: tc..<tc1, into: o.base, ld: cols)
                            tc = tc1
                        }
                        tr = tr1
                    }
                    c0 = c1
                }
            }
        }
    }

    /// One tile of `transpose`: for each source column, its rows (contiguous when rowStride is 1).
    @inline(__always)
    static func copyTile(_ a: MatrixOperand, rows: Range<Int>, cols: Range<Int>, into out: UnsafeMutablePointer<Float>, ld: Int) {
        let (rs, cs) = (a.rowStride, a.columnStride)
        for c in cols {
            let src = a.base + c &* cs
            for r in rows { out[r &* ld &+ c] = src[r &* rs] }
        }
    }
}
