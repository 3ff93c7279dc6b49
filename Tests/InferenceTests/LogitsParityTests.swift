import Foundation
import Testing
@testable import Inference

/// Logits of Glassbox's KV-cache decoder against transformers' for the fixture models.
@Suite struct LogitsParityTests {
    @Test(arguments: Goldens.modelNames)
    func fullLogitsMatchTransformers(model name: String) throws {
        let goldens = try Goldens(model: name)
        let model = try ModelLoader.load(try Goldens.directory(name), threads: 2)
        var checked = 0
        for prompt in goldens.prompts {
            guard let expected = goldens.logits(of: prompt) else { continue }
            var cache = model.makeCache()
            let actual = try model.forward(prompt.ids, cache: &cache, logits: .all)
            try #require(actual.count == expected.count)
            let scale = expected.map { abs($0) }.max() ?? 1
            let worst = zip(actual, expected).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= 1e-4 * scale, "\(name) '\(prompt.text)': max |Δ| \(worst), scale \(scale)")
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test(arguments: Goldens.modelNames)
    func incrementalLogitsEqualBatchLogits(model name: String) throws {
        let goldens = try Goldens(model: name)
        let model = try ModelLoader.load(try Goldens.directory(name), threads: 1)
        let ids = goldens.prompts[0].ids
        var batchCache = model.makeCache()
        let batch = try model.forward(ids, cache: &batchCache, logits: .all)
        var cache = model.makeCache()
        let vocab = model.config.vocabSize
        for (t, id) in ids.enumerated() {
            let row = try model.forward([id], cache: &cache, logits: .last)
            #expect(row == Array(batch[t * vocab..<(t + 1) * vocab]), "position \(t) differs bitwise")
        }
    }

    /// Windows of 60 positions cross `WindowAttention`'s 32-row blocks; a second chunk starts after a
    /// filled cache. Every way of feeding the tokens gives the same bits.
    @Test(arguments: [1, 2])
    func chunkedAndBlockedAttentionKeepTheBits(threads: Int) throws {
        let model = try ModelLoader.load(try Goldens.directory("gqa"), threads: threads)
        let prompt = try Goldens(model: "gqa").prompts[0].ids
        let ids = Array((0..<60).map { prompt[$0 % prompt.count] })
        try #require(ids.count <= model.config.maxPositionEmbeddings)
        let vocab = model.config.vocabSize
        var whole = model.makeCache()
        let batch = try model.forward(ids, cache: &whole, logits: .all)
        var chunked = model.makeCache()
        let first = try model.forward(Array(ids[0..<36]), cache: &chunked, logits: .all)
        let second = try model.forward(Array(ids[36...]), cache: &chunked, logits: .all)
        #expect(first + second == batch)
        var single = model.makeCache()
        for (t, id) in ids[0..<36].enumerated() {
            let row = try model.forward([id], cache: &single, logits: .last)
            #expect(row == Array(batch[t * vocab..<(t + 1) * vocab]), "position \(t) differs bitwise")
        }
        let tail = try model.forward(Array(ids[36...]), cache: &single, logits: .all)
        #expect(tail == second)
    }

    /// Stacked sequences (evaluation batches) give each sequence's own bits.
    @Test(arguments: [1, 2])
    func stackedSequencesGiveTheBitsOfEachAlone(threads: Int) throws {
        let model = try ModelLoader.load(try Goldens.directory("gqa"), threads: threads)
        let prompt = try Goldens(model: "gqa").prompts[0].ids
        let sequences = [10, 3, 1, 40, 0, 7].map { n in (0..<n).map { prompt[($0 * 3) % prompt.count] } }
        let stacked = try model.logits(ofSequences: sequences)
        try #require(stacked.count == sequences.count)
        for (sequence, logits) in zip(sequences, stacked) {
            var cache = model.makeCache()
            #expect(logits == (try model.forward(sequence, cache: &cache, logits: .all)), "length \(sequence.count)")
        }
        let positions = [2..<9, 0..<0, 0..<1, 17..<39, 0..<0, 6..<7]
        let selected = try model.logits(ofSequences: sequences, positions: positions)
        let vocab = model.config.vocabSize
        for (i, range) in positions.enumerated() {
            #expect(selected[i] == Array(stacked[i][range.lowerBound * vocab..<range.upperBound * vocab]), "sequence \(i)")
        }
        #expect(throws: InferenceError.self) { try model.logits(ofSequences: [[0, 1], [model.config.vocabSize]]) }
        #expect(throws: InferenceError.self) { try model.logits(ofSequences: [[0, 1]], positions: [0..<3]) }
    }

    @Test func threadCountDoesNotChangeBits() throws {
        let directory = try Goldens.directory("gqa")
        let ids = try Goldens(model: "gqa").prompts[1].ids
        var results: [[Float]] = []
        for threads in [1, 2, 3] {
            let model = try ModelLoader.load(directory, threads: threads)
            var cache = model.makeCache()
            results.append(try model.forward(ids, cache: &cache, logits: .all))
        }
        #expect(results[0] == results[1])
        #expect(results[0] == results[2])
    }
}
