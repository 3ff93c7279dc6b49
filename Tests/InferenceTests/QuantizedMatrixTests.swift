import Quantization
import Testing
@testable import Inference

/// The integer products of quantized inference against their scalar twin, and the activation
/// quantizer against ggml's reference Q8_0 encoder (`BlockQ8_0`, bit-exact with ggml-quants.c).
@Suite struct QuantizedMatrixTests {
    /// Deterministic pseudo-random floats in about ±1 (a few larger outliers).
    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { i in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let v = Float(Int64(bitPattern: state >> 11) % 2001 - 1000) / 997
            return i % 53 == 7 ? v * 9 : v
        }
    }

    @Test func activationQuantizerIsGgmlsQ8_0() {
        let x = Self.values(32 * 40, seed: 3) + [Float](repeating: 0, count: 32) + [Float](repeating: -0.0, count: 32)
        let a = QuantizedActivations(rows: 1, k: x.count)
        x.withUnsafeBufferPointer { a.quantize($0.baseAddress!, rows: 1, width: x.count) }
        var block = [UInt8](repeating: 0, count: 34)
        for b in 0..<x.count / 32 {
            x.withUnsafeBufferPointer { src in block.withUnsafeMutableBytes { BlockQ8_0.encode(src.baseAddress! + b * 32, into: $0.baseAddress!) } }
            let scale = HalfFloat.float(UInt16(block[0]) | UInt16(block[1]) << 8)
            #expect(a.scales[b].bitPattern == scale.bitPattern, "block \(b)")
            #expect((0..<32).allSatisfy { Int8(bitPattern: block[2 + $0]) == a.quants[b * 32 + $0] }, "block \(b)")
        }
    }

    @Test func nonFiniteActivationsGiveNaNNotATrap() {
        var x = Self.values(64, seed: 5)
        x[40] = .infinity
        let a = QuantizedActivations(rows: 1, k: 64)
        x.withUnsafeBufferPointer { a.quantize($0.baseAddress!, rows: 1, width: 64) }
        #expect(!a.scales[0].isNaN && a.scales[1].isNaN)
    }

    @Test(arguments: [QuantizationType.q8_0, .q4_0], [(32, [5]), (64, [16, 3, 3]), (96, [40]), (256, [33, 17])])
    func productsMatchTheScalarTwinBitForBit(format: QuantizationType, shape: (inFeatures: Int, parts: [Int])) throws {
        let k = shape.inFeatures
        let tensors = try shape.parts.enumerated().map { i, rows in
            try TensorCodec.encode(Self.values(rows * k, seed: UInt64(11 + i)), rowLength: k, as: format, tensor: "w\(i)")
        }
        // The second part read in reverse row order, as the loader reorders RoPE rows.
        let parts = zip(tensors, shape.parts).enumerated().map { i, pair in
            QuantizedMatrix.Part(name: "w\(i)", bytes: pair.0, rows: pair.1) { i == 1 ? pair.1 - 1 - $0 : $0 }
        }
        let matrix = try QuantizedMatrix(format: format, parts: parts, inFeatures: k, path: "test")
        let rows = 3, n = matrix.outFeatures
        let x = Self.values(rows * k, seed: 99)
        let a = QuantizedActivations(rows: rows, k: k)
        x.withUnsafeBufferPointer { a.quantize($0.baseAddress!, rows: rows, width: k) }
        let expected = (0..<rows).flatMap { r in (0..<n).map { matrix.referenceDot($0, a, row: r) } }
        for threads in [1, 2, 3] {
            var y = [Float](repeating: .nan, count: rows * n)
            y.withUnsafeMutableBufferPointer { matrix.multiply(a, rows: rows, into: $0.baseAddress!, ldy: n, threads: threads) }
            #expect(y.map(\.bitPattern) == expected.map(\.bitPattern), "\(format) \(shape) threads \(threads)")
        }
        // And close to the float product of the dequantized weights with the unquantized activations.
        var weights = [Float](repeating: 0, count: n * k)
        weights.withUnsafeMutableBufferPointer { w in for row in 0..<n { matrix.dequantizeRow(row, into: w.baseAddress! + row * k) } }
        let exact = (0..<n).map { o in (0..<k).reduce(Float(0)) { $0 + weights[o * k + $1] * x[$1] } }
        let scale = exact.map(abs).max() ?? 1
        #expect(zip(exact, expected.prefix(n)).allSatisfy { abs($0 - $1) <= 0.02 * scale })
    }

    @Test func dequantizedRowsEqualTheCodec() throws {
        for format in [QuantizationType.q8_0, .q4_0] {
            let w = Self.values(4 * 64, seed: 21)
            let bytes = try TensorCodec.encode(w, rowLength: 64, as: format, tensor: "w")
            let decoded = try bytes.withUnsafeBytes { try TensorCodec.decode($0, count: w.count, as: format, tensor: "w") }
            let matrix = try QuantizedMatrix(format: format, parts: [.init(name: "w", bytes: bytes, rows: 4) { $0 }], inFeatures: 64, path: "test")
            var rows = [Float](repeating: 0, count: w.count)
            rows.withUnsafeMutableBufferPointer { r in for i in 0..<4 { matrix.dequantizeRow(i, into: r.baseAddress! + i * 64) } }
            #expect(rows.map(\.bitPattern) == decoded.map(\.bitPattern), "\(format)")
        }
    }
}
