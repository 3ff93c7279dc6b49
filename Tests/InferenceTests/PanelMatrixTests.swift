import Testing
@testable import Inference

/// The decoder's panel GEMV against its scalar twin: same bits for any shape, fusion and thread count.
@Suite struct PanelMatrixTests {
    @Test(arguments: [(8, [4]), (13, [7]), (40, [77]), (40, [32, 9, 9]), (64, [130]), (5, [3, 1]), (33, [64, 64])])
    func productMatchesScalarTwinBitForBit(inFeatures: Int, parts: [Int]) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2001 - 1000) / 997
        }
        let x = (0..<inFeatures).map { _ in next() }
        let matrices = parts.map { rows in (0..<rows * inFeatures).map { _ in next() } } // each [rows, in]
        // The documented order: one FMA chain per output, k ascending, from 0 (Gemm's order).
        var expected: [Float] = []
        for (rows, w) in zip(parts, matrices) {
            for n in 0..<rows {
                var sum: Float = 0
                for k in 0..<inFeatures { sum = sum.addingProduct(w[n * inFeatures + k], x[k]) }
                expected.append(sum)
            }
        }
        let packed = withPointers(matrices) { pointers in
            PanelMatrix(Array(zip(pointers, parts)).map { ($0, rows: $1) }, inFeatures: inFeatures)
        }
        for threads in [1, 2, 3] {
            var y = [Float](repeating: .nan, count: expected.count)
            x.withUnsafeBufferPointer { xb in
                y.withUnsafeMutableBufferPointer { packed.multiply(xb.baseAddress!, into: $0.baseAddress!, threads: threads) }
            }
            #expect(y == expected, "in \(inFeatures) parts \(parts) threads \(threads)")
        }
    }

    /// Calls `body` with stable base pointers of `arrays`.
    private func withPointers<R>(_ arrays: [[Float]], _ body: ([UnsafePointer<Float>]) -> R) -> R {
        let copies = arrays.map { array -> UnsafeMutablePointer<Float> in
            let p = UnsafeMutablePointer<Float>.allocate(capacity: max(1, array.count))
            p.initialize(from: array, count: array.count)
            return p
        }
        defer { copies.forEach { $0.deallocate() } }
        return body(copies.map { UnsafePointer($0) })
    }
}
