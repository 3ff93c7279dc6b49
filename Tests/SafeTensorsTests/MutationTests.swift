import Foundation
import Testing

@testable import SafeTensors
import TestSupport

/// Randomised mutations of valid files (fixed seed): the reader must never crash, and whatever it
/// accepts must satisfy every layout invariant.
struct MutationTests {
    static let interesting: [UInt8] = Array("{}[]\",:0123456789-.eE \\u".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xFF]

    static func seeds() throws -> [[UInt8]] {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let names = ["all_dtypes.safetensors", "scalar_and_empty.safetensors", "special_values.safetensors"]
        return try names.map { Array(try Data(contentsOf: fixtures.appendingPathComponent($0))) }
    }

    static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !bytes.isEmpty else { break }
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0: bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            case 1: bytes[position] = interesting.randomElement(using: &random) ?? 0
            case 2: bytes.removeSubrange(position...)
            case 3: bytes.insert(interesting.randomElement(using: &random) ?? 0, at: position)
            case 4: bytes.remove(at: position)
            case 5: bytes[Int.random(in: 0..<min(8, bytes.count), using: &random)] = UInt8.random(in: 0...255, using: &random)
            default:
                let length = Int.random(in: 1...16, using: &random)
                let source = Int.random(in: 0..<bytes.count, using: &random)
                let chunk = bytes[source..<min(bytes.count, source + length)]
                bytes.insert(contentsOf: chunk, at: position)
            }
        }
        return bytes
    }

    static func checkInvariants(_ file: SafeTensorsFile, size: Int) throws {
        var position = 0
        for info in file.tensors {
            #expect(info.byteRange.lowerBound == position)
            #expect(info.byteRange.count == info.elementCount * info.dtype.size)
            position = info.byteRange.upperBound
            #expect(try file.data(for: info).count == info.byteRange.count)
            if [.f32, .f16, .bf16].contains(info.dtype) {
                #expect(try file.floats(for: info.name).count == info.elementCount)
            }
        }
        #expect(file.header.dataOffset + position == size)
    }

    @Test func hundredThousandMutationsNeverCrash() throws {
        var random = SplitMix64(seed: 20_261_124)
        let seeds = try Self.seeds()
        var accepted = 0, rejected = 0
        for _ in 0..<100_000 {
            let seed = seeds[Int.random(in: 0..<seeds.count, using: &random)]
            let bytes = Self.mutate(seed, using: &random)
            do {
                let file = try SafeTensorsFile(bytes: bytes)
                accepted += 1
                try Self.checkInvariants(file, size: bytes.count)
            } catch let error as SafeTensorsError {
                rejected += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(accepted + rejected == 100_000)
        #expect(rejected > 50_000, "mutations should mostly be caught; accepted \(accepted)")
    }
}
