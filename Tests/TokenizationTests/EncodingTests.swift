import Foundation
import Testing
@testable import Tokenization
import TestSupport

/// Round trips, batch encoding, the pre-token cache and fertility metrics.
@Suite struct EncodingTests {
    @Test func decodeGivesBackExactBytes() throws {
        let tokenizer = try BPETokenizer(contentsOf: Fixtures.url("glassbox_trained"))
        for sample in try Fixtures.samples() {
            #expect(try tokenizer.decode(tokenizer.encode(sample.text)) == Array(sample.text.utf8), "\(sample.name)")
        }
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let raw = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let replaced = Array(String(decoding: raw, as: UTF8.self).utf8)
            #expect(try tokenizer.decode(tokenizer.encode(bytes: raw)) == replaced)
        }
    }

    @Test func everyIDDecodesToItsBytes() throws {
        let tokenizer = try BPETokenizer(contentsOf: Fixtures.url("glassbox_trained"))
        let ids = Array(0..<tokenizer.count)
        let bytes = try tokenizer.decode(ids, skipSpecialTokens: true)
        #expect(bytes.count > tokenizer.count)
        #expect(try tokenizer.decodeToString([0, 1]) == "<s></s>")
        #expect(try tokenizer.decode([0, 1], skipSpecialTokens: true).isEmpty)
    }

    @Test(arguments: [1, 2, 3, 8])
    func batchEqualsOneByOne(threads: Int) throws {
        let tokenizer = try BPETokenizer(contentsOf: Fixtures.url("hf_llama3"))
        let texts = try Fixtures.samples().map(\.text)
        let single = texts.map { tokenizer.encode($0, addSpecialTokens: true) }
        #expect(tokenizer.encodeBatch(texts, threads: threads, addSpecialTokens: true) == single)
        #expect(tokenizer.encodeBatch(texts, threads: threads, cacheCapacity: 3) == texts.map { tokenizer.encode($0) })
        #expect(tokenizer.encodeBatch([], threads: threads).isEmpty)
    }

    @Test func fertilityReport() throws {
        let tokenizer = try BPETokenizer(contentsOf: Fixtures.url("glassbox_trained"))
        let documents = try Fixtures.trainingDocuments()
        let report = FertilityReport(tokenizer: tokenizer, documents: documents, threads: 2)
        #expect(report == FertilityReport(tokenizer: tokenizer, documents: documents, threads: 1))
        let english = try #require(report.languages.first { $0.language == "en" })
        #expect(english.parity == 1.0)
        let georgian = try #require(report.languages.first { $0.language == "ka" })
        let texts = documents.filter { $0.language == "ka" }.map(\.text)
        #expect(georgian.tokens == texts.map { tokenizer.encode($0).count }.reduce(0, +))
        #expect(georgian.bytes == texts.map(\.utf8.count).reduce(0, +))
        #expect(georgian.tokensPerByte == Double(georgian.tokens) / Double(georgian.bytes))
        #expect((georgian.parity ?? 0) > 1.0)
        #expect(report.languages.map(\.language) == report.languages.map(\.language).sorted())
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains("\"tokens_per_word\""))
        #expect(json.contains("\"reference_language\":\"en\""))
        #expect(FertilityReport.wordCount(" a\u{3000}bc\td\n ") == 3)
    }

    @Test func preTokenizerRegexesAreTheReferenceOnes() throws {
        #expect(PreTokenizer.llama3.pieces(of: "I'M here,\r\n  123456 ok") == ["I", "'M", " here", ",\r\n", " ", " ", "123", "456", " ok"])
        #expect(PreTokenizer.gpt2.pieces(of: "it's  1234 ok!!") == ["it", "'s", " ", " 1234", " ok", "!!"])
    }
}

/// The heap-based merge for long pieces gives the same result as the rescanning one.
@Suite struct LongPieceTests {
    @Test func heapMergeEqualsScanMerge() throws {
        let tokenizer = try BPETokenizer(contentsOf: Fixtures.url("hf_llama3"))
        var generator = SplitMix64(seed: 99)
        let texts = try Fixtures.samples().map(\.text) + ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", String(repeating: " ", count: 300)]
        for text in texts + (0..<50).map { _ in String(repeating: "ab", count: Int.random(in: 1...200, using: &generator)) } {
            let bytes = Array(text.utf8)
            var scanned = bytes.map { tokenizer.model.byteIDs[Int($0)] }
            var heaped = scanned
            if scanned.count > 1 {
                Self.scanOnly(tokenizer.model, &scanned)
                tokenizer.model.applyMergesWithHeap(&heaped)
            }
            #expect(scanned == heaped, "\(text.prefix(40).debugDescription)")
        }
    }

    /// The rescanning algorithm regardless of length.
    static func scanOnly(_ model: BPEModel, _ symbols: inout [Int32]) {
        while symbols.count > 1 {
            var best = -1
            var bestValue = BPEModel.noMerge
            for index in 0..<(symbols.count - 1) {
                let value = model.merges[BPEModel.pairKey(symbols[index], symbols[index + 1])] ?? BPEModel.noMerge
                if value < bestValue { best = index; bestValue = value }
            }
            if best < 0 { return }
            symbols[best] = Int32(truncatingIfNeeded: bestValue & 0xFFFF_FFFF)
            symbols.remove(at: best + 1)
        }
    }

    @Test func longRunsEncodeQuickly() throws {
        let tokenizer = try BPETokenizer(contentsOf: Fixtures.url("hf_llama3"))
        let clock = ContinuousClock()
        let start = clock.now
        let ids = tokenizer.encode(String(repeating: "x", count: 200_000) + String(repeating: " ", count: 200_000) + "!")
        #expect(clock.now - start < .seconds(10))
        #expect(try tokenizer.decode(ids).count == 400_001)
    }
}
