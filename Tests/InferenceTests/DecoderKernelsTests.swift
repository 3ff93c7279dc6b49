import Testing
@testable import Inference

/// The decoder's linear kernel against its scalar twin: same bits
/// for any shape and thread count.
@Suite struct DecoderKernelsTests {
    /// The documented order: one FMA chain per output, k ascending, from 0 (Gemm's order).
    static func referenceDot(_ x: ArraySlice<Float>, _ w: [Float], column: Int, outFeatures: Int) -> Float {
        var sum: Float = 0
        for (k, xk) in x.enumerated() { sum = sum.addingProduct(xk, w[k * outFeatures + column]) }
        return sum
    }

    @Test(arguments: [(1, 8, 4), (3, 13, 7), (5, 40, 77), (6, 40, 77), (17, 40, 9), (33, 64, 130), (2, 5, 3)])
    func linearMatchesScalarTwinBitForBit(rows: Int, inFeatures: Int, outFeatures: Int) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2001 - 1000) / 997
        }
        let x = (0..<rows * inFeatures).map { _ in next() }
        let w = (0..<outFeatures * inFeatures).map { _ in next() } // [in, out]
        var expected = [Float](repeating: 0, count: rows * outFeatures)
        for t in 0..<rows {
            for n in 0..<outFeatures {
                expected[t * outFeatures + n] = Self.referenceDot(
                    x[t * inFeatures..<(t + 1) * inFeatures], w, column: n, outFeatures: outFeatures)
            }
        }
        for threads in [1, 2, 3] {
            var y = [Float](repeating: .nan, count: rows * outFeatures)
            DecoderKernels.linear(x, rows: rows, inFeatures: inFeatures, weight: w, outFeatures: outFeatures, into: &y, threads: threads)
            #expect(y == expected, "rows \(rows) in \(inFeatures) out \(outFeatures) threads \(threads)")
        }
    }
}
