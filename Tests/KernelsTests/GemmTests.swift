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
}
