extension Gemm {
    /// One 6×32 tile: rows i0..<i0+6 of A (rows past m repeat row m−1 and are not stored) times a
    /// packed 32-column panel. 12 SIMD16 accumulators, k ascending, one FMA per product.
    @inline(__always)
    static func microKernel(
        k: Int, a: MatrixOperand, i0: Int, m: Int, packed: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, nValid: Int, accumulate: Bool
    ) {
        let cs = a.columnStride
        let last = m - 1
        let p0 = a.base + min(i0, last) * a.rowStride
        let p1 = a.base + min(i0 + 1, last) * a.rowStride
        let p2 = a.base + min(i0 + 2, last) * a.rowStride
        let p3 = a.base + min(i0 + 3, last) * a.rowStride
        let p4 = a.base + min(i0 + 4, last) * a.rowStride
        let p5 = a.base + min(i0 + 5, last) * a.rowStride
        var c00 = SIMD16<Float>(), c01 = SIMD16<Float>(), c10 = SIMD16<Float>(), c11 = SIMD16<Float>()
        var c20 = SIMD16<Float>(), c21 = SIMD16<Float>(), c30 = SIMD16<Float>(), c31 = SIMD16<Float>()
        var c40 = SIMD16<Float>(), c41 = SIMD16<Float>(), c50 = SIMD16<Float>(), c51 = SIMD16<Float>()
        let raw = UnsafeRawPointer(packed)
        var off = 0
        for kk in 0..<k {
            let b0 = raw.loadUnaligned(fromByteOffset: kk * 128, as: SIMD16<Float>.self)
            let b1 = raw.loadUnaligned(fromByteOffset: kk * 128 + 64, as: SIMD16<Float>.self)
            var av = SIMD16<Float>(repeating: p0[off])
            c00 = c00.addingProduct(av, b0); c01 = c01.addingProduct(av, b1)
            av = SIMD16<Float>(repeating: p1[off])
            c10 = c10.addingProduct(av, b0); c11 = c11.addingProduct(av, b1)
            av = SIMD16<Float>(repeating: p2[off])
            c20 = c20.addingProduct(av, b0); c21 = c21.addingProduct(av, b1)
            av = SIMD16<Float>(repeating: p3[off])
            c30 = c30.addingProduct(av, b0); c31 = c31.addingProduct(av, b1)
            av = SIMD16<Float>(repeating: p4[off])
            c40 = c40.addingProduct(av, b0); c41 = c41.addingProduct(av, b1)
            av = SIMD16<Float>(repeating: p5[off])
            c50 = c50.addingProduct(av, b0); c51 = c51.addingProduct(av, b1)
            off += cs
        }
        let rows = min(mr, m - i0)
        store(c00, c01, to: c, nValid: nValid, accumulate: accumulate)
        if rows > 1 { store(c10, c11, to: c + ldc, nValid: nValid, accumulate: accumulate) }
        if rows > 2 { store(c20, c21, to: c + 2 * ldc, nValid: nValid, accumulate: accumulate) }
        if rows > 3 { store(c30, c31, to: c + 3 * ldc, nValid: nValid, accumulate: accumulate) }
        if rows > 4 { store(c40, c41, to: c + 4 * ldc, nValid: nValid, accumulate: accumulate) }
        if rows > 5 { store(c50, c51, to: c + 5 * ldc, nValid: nValid, accumulate: accumulate) }
    }

    /// Writes (or adds: old + new) the first `nValid` of 32 accumulated columns into one row of C.
    @inline(__always)
    static func store(
        _ v0: SIMD16<Float>, _ v1: SIMD16<Float>, to row: UnsafeMutablePointer<Float>,
        nValid: Int, accumulate: Bool
    ) {
        if nValid == nr {
            let raw = UnsafeMutableRawPointer(row)
            if accumulate {
                let o0 = raw.loadUnaligned(as: SIMD16<Float>.self)
                let o1 = raw.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
                raw.storeBytes(of: o0 + v0, as: SIMD16<Float>.self)
                raw.storeBytes(of: o1 + v1, toByteOffset: 64, as: SIMD16<Float>.self)
            } else {
                raw.storeBytes(of: v0, as: SIMD16<Float>.self)
                raw.storeBytes(of: v1, toByteOffset: 64, as: SIMD16<Float>.self)
            }
            return
        }
        for j in 0..<nValid {
            let v = j < 16 ? v0[j] : v1[j - 16]
            row[j] = accumulate ? row[j] + v : v
        }
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
