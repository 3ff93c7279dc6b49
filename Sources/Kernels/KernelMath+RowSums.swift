/// Several row sums at once, each in exactly the order of `orderedSum` (one scalar chain per row,
/// elements ascending, starting from 0). The rows are only interleaved so that eight independent
/// chains hide the add latency; no row's arithmetic changes, so the bits are those of `orderedSum`.
extension KernelMath {
    /// sums[q] = Σ_{i < count + q·countStep} x[q·stride + i] (i ascending, from 0) for q in 0..<rows,
    /// rows in 1...8; lanes at and past `rows` are 0.
    @inline(__always)
    public static func orderedSums(_ x: UnsafePointer<Float>, stride: Int, rows: Int, count: Int, countStep: Int) -> SIMD8<Float> {
        let last = rows - 1
        let p0 = x, p1 = x + min(1, last) * stride, p2 = x + min(2, last) * stride, p3 = x + min(3, last) * stride
        let p4 = x + min(4, last) * stride, p5 = x + min(5, last) * stride, p6 = x + min(6, last) * stride
        let p7 = x + min(7, last) * stride
        var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
        var s4: Float = 0, s5: Float = 0, s6: Float = 0, s7: Float = 0
        for i in 0..<count {
            s0 += p0[i]; s1 += p1[i]; s2 += p2[i]; s3 += p3[i]
            s4 += p4[i]; s5 += p5[i]; s6 += p6[i]; s7 += p7[i]
        }
        var sums = SIMD8<Float>(s0, s1, s2, s3, s4, s5, s6, s7)
        for q in 0..<8 {
            if q >= rows {
                sums[q] = 0
                continue
            }
            let row = x + q * stride
            var s = sums[q]
            var i = count
            while i < count + q * countStep {
                s += row[i]
                i += 1
            }
            sums[q] = s
        }
        return sums
    }

    /// sums[q] = Σ_{i < count} x_q[i]·x_q[i] as one FMA chain per row (i ascending, from 0), for the
    /// rows x_q = x + q·stride, q in 0..<rows (rows in 1...8); lanes at and past `rows` are 0.
    @inline(__always)
    public static func orderedSquareSums(_ x: UnsafePointer<Float>, stride: Int, rows: Int, count: Int) -> SIMD8<Float> {
        let last = rows - 1
        let p0 = x, p1 = x + min(1, last) * stride, p2 = x + min(2, last) * stride, p3 = x + min(3, last) * stride
        let p4 = x + min(4, last) * stride, p5 = x + min(5, last) * stride, p6 = x + min(6, last) * stride
        let p7 = x + min(7, last) * stride
        var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
        var s4: Float = 0, s5: Float = 0, s6: Float = 0, s7: Float = 0
        for i in 0..<count {
            s0 = s0.addingProduct(p0[i], p0[i]); s1 = s1.addingProduct(p1[i], p1[i])
            s2 = s2.addingProduct(p2[i], p2[i]); s3 = s3.addingProduct(p3[i], p3[i])
            s4 = s4.addingProduct(p4[i], p4[i]); s5 = s5.addingProduct(p5[i], p5[i])
            s6 = s6.addingProduct(p6[i], p6[i]); s7 = s7.addingProduct(p7[i], p7[i])
        }
        var sums = SIMD8<Float>(s0, s1, s2, s3, s4, s5, s6, s7)
        for q in rows..<8 { sums[q] = 0 }
        return sums
    }
}
