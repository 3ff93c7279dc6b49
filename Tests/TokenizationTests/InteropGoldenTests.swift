import Foundation
import Testing
@testable import Tokenization

/// Encode equality with Hugging Face `tokenizers` on every committed sample.
@Suite struct InteropGoldenTests {
    @Test(arguments: ["hf_llama3", "hf_gpt2", "hf_noregex", "glassbox_trained", "glassbox_gpt2"])
    func encodesLikeTokenizers(name: String) throws {
        let goldens = try Fixtures.goldens()
        let expected = try #require(goldens.tokenizers[name], "goldens.json lacks \(name); rerun Tools/make_tokenizer_goldens.py")
        let samples = try Fixtures.samples()
        let tokenizer = try BPETokenizer(contentsOf: Fixtures.url(name))
        try #require(expected.count == samples.count)
        var failures = 0
        for (sample, golden) in zip(samples, expected) {
            let ids = tokenizer.encode(sample.text)
            let withSpecials = tokenizer.encode(sample.text, addSpecialTokens: true)
            if ids != golden.ids || withSpecials != golden.ids_with_specials { failures += 1 }
            #expect(ids == golden.ids, "\(name) \(sample.name): \(sample.text.debugDescription)")
            #expect(withSpecials == golden.ids_with_specials, "\(name) \(sample.name) with special tokens")
            #expect(try tokenizer.decodeToString(withSpecials) == golden.decoded, "\(name) \(sample.name) decode")
            if let raw = sample.rawBytes {  // lossy UTF-8 decoding like Python's errors="replace"
                #expect(tokenizer.encode(bytes: raw) == golden.ids, "\(name) \(sample.name) from raw bytes")
            }
            if failures > 5 { break }
        }
    }

    @Test(arguments: PreTokenizer.allCases.filter { $0 != .none })
    func piecesLikeTokenizers(rule: PreTokenizer) throws {
        let goldens = try Fixtures.goldens()
        let expected = try #require(goldens.pieces[rule.rawValue])
        let samples = try Fixtures.samples()
        var failures = 0
        for (sample, golden) in zip(samples, expected) {
            let pieces = rule.pieces(of: sample.text)
            if pieces != golden { failures += 1 }
            #expect(pieces == golden, "\(rule) \(sample.name): \(sample.text.debugDescription)")
            if failures > 5 { break }
        }
    }
}
