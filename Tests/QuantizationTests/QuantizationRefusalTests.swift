import Testing
@testable import Quantization

/// What the encoders refuse, and how they say it.
@Suite struct QuantizationRefusalTests {
    @Test func rowsThatAreNotWholeBlocksAreRefusedWithTheTensorNamed() {
        let values = [Float](repeating: 1, count: 48 * 2)
        #expect(throws: QuantizationError.rowNotBlockMultiple(tensor: "blk.0.attn_q.weight", rowLength: 48, type: .q8_0)) {
            try TensorCodec.encode(values, rowLength: 48, as: .q8_0, tensor: "blk.0.attn_q.weight")
        }
        let message = "\(QuantizationError.rowNotBlockMultiple(tensor: "blk.0.attn_q.weight", rowLength: 48, type: .q4_0))"
        #expect(message.contains("blk.0.attn_q.weight") && message.contains("48") && message.contains("--type f16"))
        #expect((try? TensorCodec.encode(values, rowLength: 48, as: .f16, tensor: "x")) != nil)
    }

    @Test func nonFiniteWeightsAndOverflowingScalesAreRefused() {
        var values = [Float](repeating: 1, count: 64)
        values[40] = .nan
        #expect(throws: QuantizationError.nonFinite(tensor: "w", index: 40)) {
            try TensorCodec.encode(values, rowLength: 64, as: .q4_0, tensor: "w")
        }
        values[40] = 1e9  // d = 1e9 / 127 > 65504: the fp16 scale would be infinite
        #expect(throws: QuantizationError.nonFinite(tensor: "w", index: 32)) {
            try TensorCodec.encode(values, rowLength: 64, as: .q8_0, tensor: "w")
        }
    }

    @Test func decodingRefusesTheWrongByteCount() {
        let bytes = [UInt8](repeating: 0, count: 33)
        #expect(throws: QuantizationError.byteCount(tensor: "t", expected: 34, actual: 33)) {
            try bytes.withUnsafeBytes { try TensorCodec.decode($0, count: 32, as: .q8_0, tensor: "t") }
        }
    }

    @Test func ggmlNumbersAndSizes() {
        #expect(QuantizationType.q8_0.ggmlType == 8 && QuantizationType.q4_0.ggmlType == 2)
        #expect(QuantizationType.q8_0.byteCount(64) == 68 && QuantizationType.q4_0.byteCount(64) == 36)
        #expect(QuantizationType(ggmlType: 1) == .f16 && QuantizationType(ggmlType: 12) == nil)
    }
}
