import Testing
@testable import Kernels

@Suite struct GemmTests {
    /// (m, n, k, transA, transB, accumulate) on odd shapes, including tails of rows and columns.
    static let shapes: [(Int, Int, Int, Bool, Bool, Bool)] = [
        (1, 1, 1, false, false, false), (7, 33, 5, false, true, false), (13, 65, 17, true, false, true),
        (6, 32, 64, false, false, false), (37, 70, 3, true, true, true), (100, 31, 129, false, true, true),
    ]

    @Test(arguments: 0..<shapes.count)
    func matchesScalarTwinBitForBit(index: Int) {
        let (m, n, k, ta, tb, acc) = Self.shapes[index]
        var rng = TestRandom(seed: UInt64(index))
        let a = rng.array(m * k), b = rng.array(k * n), c0 = rng.array(m * n)
        var fast = c0, reference = c0
        for threads in [1, 2, 3] {
            fast = c0
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    let oa = ta ? MatrixOperand.transposed(pa.baseAddress!, ld: m) : .rowMajor(pa.baseAddress!, ld: k)
                    let ob = tb ? MatrixOperand.transposed(pb.baseAddress!, ld: k) : .rowMajor(pb.baseAddress!, ld: n)
                    fast.withUnsafeMutableBufferPointer {
                        Gemm.gemm(m: m, n: n, k: k, a: oa, b: ob, c: $0.baseAddress!, ldc: n, accumulate: acc, threads: threads)
                    }
                    reference.withUnsafeMutableBufferPointer {
                        $0.update(from: c0)
                        Gemm.gemmReference(m: m, n: n, k: k, a: oa, b: ob, c: $0.baseAddress!, ldc: n, accumulate: acc)
                    }
                }
            }
            #expect(sameBits(fast, reference), "threads \(threads)")
        }
    }

    /// B pre-packed as panels of 32 or 16 columns (inference's layout) gives `gemm`'s bits.
    @Test(arguments: [(1, 1, 1, 32), (7, 33, 5, 32), (13, 65, 17, 16), (37, 70, 3, 32), (100, 31, 129, 32)])
    func prepackedPanelsGiveTheSameBits(m: Int, n: Int, k: Int, width: Int) {
        var rng = TestRandom(seed: UInt64(m * n + k))
        let a = rng.array(m * k), b = rng.array(k * n), c0 = rng.array(m * n)
        let panels = (n + width - 1) / width
        var packed = [Float](repeating: 0, count: panels * k * width)
        for j in 0..<n { for kk in 0..<k { packed[(j / width) * k * width + kk * width + j % width] = b[kk * n + j] } }
        for (acc, threads) in [(false, 1), (true, 2), (false, 3)] {
            var fast = c0, reference = c0
            a.withUnsafeBufferPointer { pa in
                let oa = MatrixOperand.rowMajor(pa.baseAddress!, ld: k)
                packed.withUnsafeBufferPointer { pp in
                    fast.withUnsafeMutableBufferPointer {
                        Gemm.gemm(m: m, n: n, k: k, a: oa, panels: pp.baseAddress!, width: width, c: $0.baseAddress!, ldc: n, accumulate: acc, threads: threads)
                    }
                }
                b.withUnsafeBufferPointer { pb in
                    reference.withUnsafeMutableBufferPointer {
                        Gemm.gemm(m: m, n: n, k: k, a: oa, b: .rowMajor(pb.baseAddress!, ld: n), c: $0.baseAddress!, ldc: n, accumulate: acc, threads: 1)
                    }
                }
            }
            #expect(sameBits(fast, reference), "m \(m) n \(n) k \(k) width \(width) threads \(threads)")
        }
    }
}
