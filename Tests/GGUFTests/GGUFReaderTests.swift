import Foundation
import Testing
import TestSupport
@testable import GGUF
import Quantization

/// The strict reader: it reads back what the `gguf` package writes, and refuses damaged files
/// with an error (never a crash).
@Suite struct GGUFReaderTests {
    @Test(arguments: ["f32", "f16", "q8_0", "q4_0"])
    func readsAndRewritesTheReferenceFiles(type: String) throws {
        let golden = try GGUFFixtures.golden("glassbox", type)
        let doc = try GGUFDocument(bytes: golden, path: "golden")
        #expect(doc.serialized() == golden)
        #expect(doc.tensors.count == 1 + 2 * 9 + 1)
    }

    @Test func dequantizedQ8_0StaysCloseToTheF32Weights() throws {
        let f32 = try GGUFDocument(bytes: GGUFFixtures.golden("glassbox", "f32"), path: "f32")
        let q8 = try GGUFDocument(bytes: GGUFFixtures.golden("glassbox", "q8_0"), path: "q8")
        for tensor in f32.tensors {
            let exact = try tensor.floats()
            let approx = try #require(q8.tensor(named: tensor.name)).floats()
            let scale = exact.map(abs).max() ?? 0
            let worst = zip(exact, approx).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= scale / 127 + 1e-6, "\(tensor.name)")
        }
    }

    @Test func damagedFilesAreRefusedNotCrashedOn() throws {
        let golden = try GGUFFixtures.golden("glassbox", "q4_0")
        for cut in stride(from: 0, to: golden.count - 1, by: 997) {
            #expect(throws: GGUFError.self) { try GGUFDocument(bytes: Array(golden[0..<cut]), path: "cut") }
        }
        var badMagic = golden
        badMagic[0] = 0x47 ^ 0xFF
        #expect(throws: GGUFError.self) { try GGUFDocument(bytes: badMagic, path: "magic") }
        var badVersion = golden
        badVersion[4] = 2
        #expect(throws: GGUFError.self) { try GGUFDocument(bytes: badVersion, path: "version") }
        var hugeCount = golden
        for i in 8..<16 { hugeCount[i] = 0xFF }
        #expect(throws: GGUFError.self) { try GGUFDocument(bytes: hugeCount, path: "count") }
        var seed: UInt64 = 7
        for _ in 0..<200 {  // random byte flips in the header and metadata: an error or a document, never a trap
            var copy = golden
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            copy[Int(seed >> 33) % 20000] ^= UInt8(truncatingIfNeeded: seed >> 13) | 1
            _ = try? GGUFDocument(bytes: copy, path: "flip")
        }
    }

    @Test func outputRulesNeverReplaceWhatWasNotNamedWithForce() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("model.gguf", text: "keep me")
        #expect(throws: GGUFError.self) { try GGUFOutput.write([1, 2, 3], to: file, force: false) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
        try GGUFOutput.write([1, 2, 3], to: file, force: true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data([1, 2, 3]))
        try FileManager.default.createDirectory(atPath: dir.path + "/sub", withIntermediateDirectories: false)
        #expect(throws: GGUFError.self) { try GGUFOutput.write([1], to: dir.path + "/sub", force: true) }
        try GGUFOutput.write([7], to: dir.path + "/new/folder/x.gguf", force: false)  // missing folders are created
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/new/folder/x.gguf")) == Data([7]))
        #expect(throws: GGUFError.self) { try GGUFOutput.write([1], to: file + "/x.gguf", force: false) }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}
