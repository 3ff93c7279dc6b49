extension Gemm {
    /// One 6×16 tile: rows i0..<i0+6 of A (rows past m repeat row m−1 and are not stored) times a
    /// packed 16-column panel (row kk of the panel `stride` bytes after row kk − 1: 64 when packed by
    /// `pack`, wider inside a pre-packed `PanelMatrix`). Six SIMD16 accumulators, k ascending, one FMA
    /// per product.
    @inline(__always)
    static func microKernel(
        k: Int, a: MatrixOperand, i0: Int, m: Int, packed: UnsafePointer<Float>, stride: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, nValid: Int, accumulate: Bool
    ) {
        let cs = a.columnStride
        let last = m - 1
        let p0 = a.base + min(i0, last) &* a.rowStride
        let p1 = a.base + min(i0 &+ 1, last) &* a.rowStride
        let p2 = a.base + min(i0 &+ 2, last) &* a.rowStride
        let p3 = a.base + min(i0 &+ 3, last) &* a.rowStride
        let p4 = a.base + min(i0 &+ 4, last) &* a.rowStride
        let p5 = a.base + min(i0 &+ 5, last) &* a.rowStride
        var c0 = SIMD16<Float>(), c1 = SIMD16<Float>(), c2 = SIMD16<Float>()
        var c3 = SIMD16<Float>(), c4 = SIMD16<Float>(), c5 = SIMD16<Float>()
        var bp = UnsafeRawPointer(packed)
        var off = 0
        for _ in 0..<k {
            let b = bp.loadUnaligned(as: SIMD16<Float>.self)
            c0 = c0.addingProduct(SIMD16<Float>(repeating: p0[off]), b)
            c1 = c1.addingProduct(SIMD16<Float>(repeating: p1[off]), b)
            c2 = c2.addingProduct(SIMD16<Float>(repeating: p2[off]), b)
            c3 = c3.addingProduct(SIMD16<Float>(repeating: p3[off]), b)
            c4 = c4.addingProduct(SIMD16<Float>(repeating: p4[off]), b)
            c5 = c5.addingProduct(SIMD16<Float>(repeating: p5[off]), b)
            off = off &+ cs
            bp = bp + stride
        }
        let rows = min(mr, m - i0)
        store(c0, to: c, nValid: nValid, accumulate: accumulate)
        if rows > 1 { store(c1, to: c + ldc, nValid: nValid, accumulate: accumulate) }
        if rows > 2 { store(c2, to: c + 2 * ldc, nValid: nValid, accumulate: accumulate) }
        if rows > 3 { store(c3, to: c + 3 * ldc, nValid: nValid, accumulate: accumulate) }
        if rows > 4 { store(c4, to: c + 4 * ldc, nValid: nValid, accumulate: accumulate) }
        if rows > 5 { store(c5, to: c + 5 * ldc, nValid: nValid, accumulate: accumulate) }
    }

    /// Writes (or adds: old + new) the first `nValid` of 16 accumulated columns into one row of C.
    @inline(__always)
    static func store(_ v: SIMD16<Float>, to row: UnsafeMutablePointer<Float>, nValid: Int, accumulate: Bool) {
        if nValid == nr {
            let raw = UnsafeMutableRawPointer(row)
            if accumulate {
                raw.storeBytes(of: raw.loadUnaligned(as: SIMD16<Float>.self) + v, as: SIMD16<Float>.self)
            } else {
                raw.storeBytes(of: v, as: SIMD16<Float>.self)
            }
            return
        }
        for j in 0..<nValid { row[j] = accumulate ? row[j] + v[j] : v[j] }
    }

    /// Scalar reference twin of `gemm` (same accumulation order, same bits).
    public static func gemmReference(
        m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        for i in 0..<m {
            for j in 0..<n {
                var acc: Float = 0
                for kk in 0..<k { acc = acc.addingProduct(a[i, kk], b[kk, j]) }
                c[i * ldc + j] = accumulate ? c[i * ldc + j] + acc : acc
            }
        }
    }
}
