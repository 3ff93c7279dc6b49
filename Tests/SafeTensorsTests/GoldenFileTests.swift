import Foundation
import Testing

@testable import SafeTensors

/// Files written by the reference `safetensors` package (Tools/make_safetensors_goldens.py) read back
/// exactly as the reference reads them.
struct GoldenFileTests {
    struct ExpectedTensor: Decodable {
        let name: String
        let dtype: String
        let shape: [Int]
        let data_offsets: [Int]
        let float32_bits: [String]?
    }

    struct ExpectedFile: Decodable {
        let metadata: [String: String]
        let tensors: [ExpectedTensor]
    }

    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)

    static func expected() throws -> [String: ExpectedFile] {
        let url = try #require(fixtures).appendingPathComponent("expected.json")
        return try JSONDecoder().decode([String: ExpectedFile].self, from: Data(contentsOf: url))
    }

    @Test(arguments: ["all_dtypes.safetensors", "scalar_and_empty.safetensors", "special_values.safetensors", "tiny_model.safetensors"])
    func readsReferenceFile(name: String) throws {
        let expected = try #require(try Self.expected()[name])
        let file = try SafeTensorsFile(contentsOf: try #require(Self.fixtures).appendingPathComponent(name))
        #expect(file.metadata == expected.metadata)
        #expect(file.tensors.map(\.name) == expected.tensors.map(\.name))
        for (info, want) in zip(file.tensors, expected.tensors) {
            #expect(info.dtype.rawValue == want.dtype)
            #expect(info.shape == want.shape)
            #expect([info.byteRange.lowerBound, info.byteRange.upperBound] == want.data_offsets)
            #expect(try file.data(for: info.name).count == info.byteRange.count)
            if let bits = want.float32_bits {
                let got = try file.floats(for: info.name).map { String(format: "%08x", $0.bitPattern) }
                #expect(got == bits, "\(name): \(info.name)")
                // Read a few rows at a time: the same values, rows ascending, each chunk whole rows.
                for rows in [1, 2, 1000] {
                    var chunks: [Float] = [], next = 0
                    let width = info.shape.count > 1 ? info.shape[1...].reduce(1, *) : max(1, info.elementCount)
                    try file.floats(for: info.name, rowsPerChunk: rows) { first, values in
                        if width > 0 {
                            #expect(first == next)
                            next += values.count / width
                        }
                        chunks += values
                    }
                    #expect(chunks.map { String(format: "%08x", $0.bitPattern) } == bits, "\(name): \(info.name) by \(rows) rows")
                }
            }
        }
    }

    @Test func memoryAndFileAgree() throws {
        let url = try #require(Self.fixtures).appendingPathComponent("all_dtypes.safetensors")
        let fromFile = try SafeTensorsFile(contentsOf: url)
        let fromMemory = try SafeTensorsFile(bytes: Array(try Data(contentsOf: url)))
        #expect(fromFile.header == fromMemory.header)
        for info in fromFile.tensors {
            #expect(try fromFile.data(for: info) == fromMemory.data(for: info))
        }
    }

    @Test func refusesNonFloatWidening() throws {
        let url = try #require(Self.fixtures).appendingPathComponent("all_dtypes.safetensors")
        let file = try SafeTensorsFile(contentsOf: url)
        #expect(throws: SafeTensorsError.unsupportedConversion(name: "i32", dtype: .i32)) { try file.floats(for: "i32") }
        #expect(throws: SafeTensorsError.noSuchTensor("nope")) { try file.floats(for: "nope") }
    }

    @Test func widensEveryHalfExactly() {
        var wrong: [UInt16] = []
        for bits in 0...UInt16.max {
            let want = Float(Float16(bitPattern: bits))
            let got = Float(bitPattern: SafeTensorsFile.widenHalf(bits))
            if want.isNaN ? !got.isNaN : got.bitPattern != want.bitPattern { wrong.append(bits) }
        }
        #expect(wrong.isEmpty, "first wrong half: \(wrong.prefix(5))")
    }
}
