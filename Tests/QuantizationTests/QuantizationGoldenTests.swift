import Foundation
import Testing
@testable import Quantization

/// Glassbox's encoders against the reference: NumPy's float16 and the `gguf` package's quantizers.
@Suite struct QuantizationGoldenTests {
    @Test func halfFloatRoundsLikeNumPy() throws {
        let inputs = try QuantFixtures.array("half_inputs.u32", as: UInt32.self)
        let expected = try QuantFixtures.array("half_expected.u16", as: UInt16.self)
        #expect(inputs.count == expected.count && inputs.count > 30000)
        var mismatches: [String] = []
        for (bits, want) in zip(inputs, expected) where HalfFloat.bits(Float(bitPattern: bits)) != want {
            mismatches.append(String(format: "%08x → %04x, expected %04x", bits, HalfFloat.bits(Float(bitPattern: bits)), want))
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func halfFloatWidensEveryPatternLikeNumPy() throws {
        let expected = try QuantFixtures.array("half_widened.u32", as: UInt32.self)
        #expect(expected.count == 65536)
        for h in 0..<65536 {
            let value = HalfFloat.float(UInt16(h))
            if value.isNaN { continue }
            #expect(value.bitPattern == expected[h], "0x\(String(h, radix: 16))")
            #expect(HalfFloat.bits(value) == UInt16(h), "round trip of 0x\(String(h, radix: 16))")
        }
    }

    @Test(arguments: [QuantizationType.q8_0, .q4_0])
    func blocksMatchTheGGUFPackage(type: QuantizationType) throws {
        let blocks = try QuantFixtures.floats("blocks.f32")
        let expected = [UInt8](try QuantFixtures.data("\(type.rawValue).bin"))
        let dequantized = try QuantFixtures.floats("\(type.rawValue).dequant.f32")
        let encoded = try TensorCodec.encode(blocks, rowLength: 32, as: type, tensor: "blocks")
        #expect(encoded.count == expected.count)
        let firstBad = zip(encoded, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(firstBad == nil, "first differing byte \(firstBad ?? -1) (block \((firstBad ?? 0) / type.blockBytes))")
        let decoded = try encoded.withUnsafeBytes { try TensorCodec.decode($0, count: blocks.count, as: type, tensor: "blocks") }
        #expect(decoded.map(\.bitPattern) == dequantized.map(\.bitPattern))
    }

    @Test(arguments: [QuantizationType.f32, .f16, .q8_0, .q4_0])
    func bytesDoNotDependOnThreadCount(type: QuantizationType) throws {
        let values: [Float] = (0..<(64 * 4096)).map { (i: Int) -> Float in
            let wave = Float(sin(Double(i) * 0.37))
            return wave * Float(1 + i % 7)
        }
        let one = try TensorCodec.encode(values, rowLength: 64, as: type, tensor: "t", threads: 1)
        for threads in [2, 3, 8] {
            #expect(try TensorCodec.encode(values, rowLength: 64, as: type, tensor: "t", threads: threads) == one)
        }
    }

    @Test func floatTypesRoundTrip() throws {
        let values: [Float] = [0, -0.0, 1.5, -65504, 3.0e-8, 0.1]
        let f32 = try TensorCodec.encode(values, rowLength: 6, as: .f32, tensor: "t")
        #expect(try f32.withUnsafeBytes { try TensorCodec.decode($0, count: 6, as: .f32, tensor: "t") }.map(\.bitPattern) == values.map(\.bitPattern))
        let f16 = try TensorCodec.encode(values, rowLength: 6, as: .f16, tensor: "t")
        let back = try f16.withUnsafeBytes { try TensorCodec.decode($0, count: 6, as: .f16, tensor: "t") }
        #expect(back.map { HalfFloat.bits($0) } == values.map { HalfFloat.bits($0) })
    }
}
