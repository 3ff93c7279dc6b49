import Foundation
import Testing
@testable import Tokenization
import TestSupport

/// Unusable input gives errors that name the field or file; hostile tokenizer.json never crashes.
@Suite struct BadInputTests {
    static func temporaryFile(_ bytes: [UInt8], name: String) throws -> URL {
        let url = try TemporaryDirectory.create(prefix: "gbtok-").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test func invalidUTF8InTrainingDataNamesFileLineAndOffset() throws {
        let url = try Self.temporaryFile(Array("good line\nbad ".utf8) + [0xC3, 0x28] + Array(" line\n".utf8), name: "bad.txt")
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: TokenizerError.self) { try TrainingCorpus.load(files: [url]) }
        #expect(error.code == .invalidInput)
        #expect(error.message.contains(url.path + ":2"))
        #expect(error.message.contains("byte offset 14"))
    }

    @Test(arguments: [[0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] as [[UInt8]])
    func surrogatesOverlongAndTruncatedSequencesAreInvalid(bytes: [UInt8]) throws {
        let url = try Self.temporaryFile(Array("x".utf8) + bytes, name: "seq.txt")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: TokenizerError.self) { try TrainingCorpus.load(files: [url]) }
    }

    @Test func emptyCorpusIsAnError() throws {
        let trainer = BPETrainer(options: BPETrainerOptions(vocabSize: 300))
        for documents in [[], [TrainingDocument(text: "")], [TrainingDocument(text: "abc", language: "cs")]] {
            var options = trainer.options
            options.languageWeights = ["cs": 0]
            let error = try #require(throws: TokenizerError.self) {
                try BPETrainer(options: options).train(documents: documents)
            }
            #expect(error.code == .invalidTrainingInput)
            #expect(error.message.contains("empty"))
        }
    }

    @Test func vocabularyTooSmallNamesTheField() throws {
        let options = BPETrainerOptions(vocabSize: 257, specialTokens: ["<s>", "</s>"], bosToken: "<bos>")
        let error = try #require(throws: TokenizerError.self) {
            try BPETrainer(options: options).train(documents: [TrainingDocument(text: "hello")])
        }
        #expect(error.message.contains("vocab_size: 257 is smaller than 256 byte symbols + 2 special tokens = 258"))
        #expect(error.message.contains("bos_token"))
    }

    @Test(arguments: [("wordpiece.json", "model.type", "WordPiece"), ("unigram.json", "model.type", "Unigram"),
                      ("whitespace_pretokenizer.json", "pre_tokenizer.type", "Whitespace")])
    func unsupportedTokenizerJSONNamesTheField(file: String, field: String, value: String) throws {
        let url = try Fixtures.url("unsupported/\(file)")
        let error = try #require(throws: TokenizerError.self) { try BPETokenizer(contentsOf: url) }
        #expect(error.code == .unsupported)
        #expect(error.message.contains(url.path))
        #expect(error.message.contains(field))
        #expect(error.message.contains(value))
    }

    @Test func missingFileAndBadJSON() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/tokenizer.json")
        #expect(throws: TokenizerError.self) { try BPETokenizer(contentsOf: missing) }
        let error = try #require(throws: TokenizerError.self) { try BPETokenizer(jsonData: Data("{\"model\": [".utf8)) }
        #expect(error.code == .malformedJSON)
    }

    @Test func unknownIDInDecodeIsAnError() throws {
        let tokenizer = try BPETokenizer(contentsOf: Fixtures.url("hf_llama3"))
        let error = try #require(throws: TokenizerError.self) { try tokenizer.decode([5, 999_999]) }
        #expect(error.message.contains("position 1"))
    }

    /// Byte-level and structural mutations of a real tokenizer.json, fixed seed: errors allowed, crashes not.
    @Test func hostileJSONNeverCrashes() throws {
        let original = try [UInt8](Data(contentsOf: Fixtures.url("hf_gpt2/tokenizer.json")))
        var generator = SplitMix64(seed: 0x6C61_7373_626F_78)
        var loaded = 0
        for _ in 0..<400 {
            let mutated = Self.mutate(original, using: &generator)
            guard let tokenizer = try? BPETokenizer(jsonData: Data(mutated)) else { continue }
            loaded += 1
            let ids = tokenizer.encode("Hello [MASK] wörld 123 <|tab|> 🇪🇺", addSpecialTokens: true)
            _ = try? tokenizer.decode(ids)
        }
        #expect(loaded > 0)
    }

    static func mutate(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var result = bytes
        let interesting: [[UInt8]] = ["-1", "1e300", "null", "[]", "{}", "\"\"", "99999999", "true", "\"\\ud800\"", "[[", "0.5"]
            .map { Array($0.utf8) }
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !result.isEmpty else { break }
            let position = Int.random(in: 0..<result.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: result[position] = UInt8.random(in: 0...255, using: &generator)
            case 1: result.removeSubrange(position..<min(result.count, position + Int.random(in: 1...64, using: &generator)))
            case 2: result = Array(result[..<position])
            case 3:
                let end = min(result.count, position + Int.random(in: 1...12, using: &generator))
                result.replaceSubrange(position..<end, with: interesting.randomElement(using: &generator) ?? [])
            default: result.insert(contentsOf: interesting.randomElement(using: &generator) ?? [], at: position)
            }
        }
        return result
    }

    /// A minimal byte-level tokenizer.json with `vocab` (JSON object text) and `added` (JSON array text).
    static func tokenizerJSON(vocab: String, added: String = "[]") -> Data {
        Data(("""
            {"version":"1.0","truncation":null,"padding":null,"added_tokens":\(added),"normalizer":null,
             "pre_tokenizer":{"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":true},
             "post_processor":null,"decoder":{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true},
             "model":{"type":"BPE","dropout":null,"unk_token":null,"continuing_subword_prefix":null,"end_of_word_suffix":null,
                      "fuse_unk":false,"byte_fallback":false,"ignore_merges":false,"vocab":\(vocab),"merges":[]}}
            """).utf8)
    }

    @Test func duplicateIdsAndTokensInTokenizerJSONAreRefusedWithTheirNames() throws {
        #expect(throws: Never.self) { try BPETokenizer(jsonData: Self.tokenizerJSON(vocab: #"{"a":0,"b":1}"#)) }
        let sameID = try #require(throws: TokenizerError.self) { try BPETokenizer(jsonData: Self.tokenizerJSON(vocab: #"{"a":0,"b":0}"#)) }
        #expect(sameID.message.contains("\"a\"") && sameID.message.contains("\"b\"") && sameID.message.contains("id 0"), "\(sameID.message)")
        let sameToken = try #require(throws: TokenizerError.self) { try BPETokenizer(jsonData: Self.tokenizerJSON(vocab: #"{"a":0,"a":1}"#)) }
        #expect(sameToken.message.contains("\"a\" appears twice (0 and 1)"), "\(sameToken.message)")
        let reused = try #require(throws: TokenizerError.self) {
            try BPETokenizer(jsonData: Self.tokenizerJSON(vocab: #"{"a":0,"b":1}"#, added: #"[{"id":1,"content":"<s>","special":true}]"#))
        }
        #expect(reused.message.contains("id 1") && reused.message.contains("\"b\"") && reused.message.contains("<s>"), "\(reused.message)")
        let twoAdded = try #require(throws: TokenizerError.self) {
            try BPETokenizer(jsonData: Self.tokenizerJSON(vocab: #"{"a":0}"#,
                added: #"[{"id":1,"content":"<s>","special":true},{"id":1,"content":"</s>","special":true}]"#))
        }
        #expect(twoAdded.message.contains("<s>") && twoAdded.message.contains("</s>"), "\(twoAdded.message)")
        #expect(throws: Never.self) {
            try BPETokenizer(jsonData: Self.tokenizerJSON(vocab: #"{"<s>":0,"a":1}"#, added: #"[{"id":0,"content":"<s>","special":true}]"#))
        }
    }
}
