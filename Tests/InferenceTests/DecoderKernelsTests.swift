import Testing
@testable import Inference

/// The decoder's linear kernel against its scalar twin: same bits for any shape and thread count.
@Suite struct DecoderKernelsTests {
    /// The documented order: lane j of 8 accumulates x[8c + j]·w[8c + j] by FMA for ascending c; lanes
    /// summed 8 → 4 → 2 → 1 as ((l0+l4)+(l2+l6)) + ((l1+l5)+(l3+l7)); then the tail by FMA.
    static func referenceDot(_ x: ArraySlice<Float>, _ w: ArraySlice<Float>) -> Float {
        let x = Array(x), w = Array(w), body = x.count & ~7
        var lanes = [Float](repeating: 0, count: 8)
        for c in stride(from: 0, to: body, by: 8) {
            for j in 0..<8 { lanes[j] = lanes[j].addingProduct(x[c + j], w[c + j]) }
        }
        let a = (0..<4).map { lanes[$0] + lanes[$0 + 4] }
        let b = (0..<2).map { a[$0] + a[$0 + 2] }
        var sum = b[0] + b[1]
        for c in body..<x.count { sum = sum.addingProduct(x[c], w[c]) }
        return sum
    }

    @Test(arguments: [(1, 8, 4), (3, 13, 7), (17, 40, 9), (33, 64, 130), (2, 5, 3)])
    func linearMatchesScalarTwinBitForBit(rows: Int, inFeatures: Int, outFeatures: Int) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2001 - 1000) / 997
        }
        let x = (0..<rows * inFeatures).map { _ in next() }
        let w = (0..<outFeatures * inFeatures).map { _ in next() }
        var expected = [Float](repeating: 0, count: rows * outFeatures)
        for t in 0..<rows {
            for n in 0..<outFeatures {
                expected[t * outFeatures + n] = Self.referenceDot(
                    x[t * inFeatures..<(t + 1) * inFeatures], w[n * inFeatures..<(n + 1) * inFeatures])
            }
        }
        for threads in [1, 2, 3] {
            var y = [Float](repeating: .nan, count: rows * outFeatures)
            DecoderKernels.linear(x, rows: rows, inFeatures: inFeatures, weight: w, outFeatures: outFeatures, into: &y, threads: threads)
            #expect(y == expected, "rows \(rows) in \(inFeatures) out \(outFeatures) threads \(threads)")
        }
    }
}
