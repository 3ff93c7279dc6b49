import Testing
@testable import Inference

/// Inference's panel products (the one-row GEMV and the several-row Gemm reading the panels in place)
/// against their scalar twin: same bits for any shape, fusion, row count and thread count.
@Suite struct PanelMatrixTests {
    @Test(arguments: [(8, [4]), (13, [7]), (40, [77]), (40, [32, 9, 9]), (64, [130]), (5, [3, 1]), (33, [64, 64])])
    func productMatchesScalarTwinBitForBit(inFeatures: Int, parts: [Int]) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2001 - 1000) / 997
        }
        let rows = 7
        let x = (0..<rows * inFeatures).map { _ in next() }
        let matrices = parts.map { rows in (0..<rows * inFeatures).map { _ in next() } } // each [rows, in]
        // The documented order: one FMA chain per output, k ascending, from 0 (Gemm's order).
        var expected: [Float] = []
        for r in 0..<rows {
            for (partRows, w) in zip(parts, matrices) {
                for n in 0..<partRows {
                    var sum: Float = 0
                    for k in 0..<inFeatures { sum = sum.addingProduct(w[n * inFeatures + k], x[r * inFeatures + k]) }
                    expected.append(sum)
                }
            }
        }
        let packed = withPointers(matrices) { pointers in
            PanelMatrix(Array(zip(pointers, parts)).map { ($0, rows: $1) }, inFeatures: inFeatures)
        }
        let width = packed.outFeatures
        for threads in [1, 2, 3] {
            // One row (the decoding GEMV), then all rows at once (Gemm reading the panels in place).
            var one = [Float](repeating: .nan, count: width)
            x.withUnsafeBufferPointer { xb in
                one.withUnsafeMutableBufferPointer { packed.multiply(xb.baseAddress!, into: $0.baseAddress!, threads: threads) }
            }
            #expect(one == Array(expected[0..<width]), "in \(inFeatures) parts \(parts) threads \(threads)")
            for m in [1, 2, rows] {
                var y = [Float](repeating: .nan, count: m * width)
                x.withUnsafeBufferPointer { xb in
                    y.withUnsafeMutableBufferPointer { packed.multiply(xb.baseAddress!, rows: m, into: $0.baseAddress!, ldy: width, threads: threads) }
                }
                #expect(y == Array(expected[0..<m * width]), "in \(inFeatures) parts \(parts) rows \(m) threads \(threads)")
            }
        }
        // Any output's weights read back (the embedding lookup of a tied model).
        let flat = matrices.flatMap { $0 }
        for n in [0, width / 2, width - 1] {
            var row = [Float](repeating: .nan, count: inFeatures)
            row.withUnsafeMutableBufferPointer { packed.row(n, into: $0.baseAddress!) }
            #expect(row == Array(flat[n * inFeatures..<(n + 1) * inFeatures]))
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
