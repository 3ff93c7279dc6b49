import Foundation
import Testing

/// The goldens written by Tools/make_inference_goldens.py for one fixture model.
struct Goldens: Decodable {
    struct Prompt: Decodable {
        let text: String
        let ids: [Int]
        let greedy_ids: [Int]
        let greedy_text: String
        let penalty_greedy_ids: [Int]
        let logits_offset: Int?
        let logits_shape: [Int]?
    }

    struct Document: Decodable {
        let language: String
        let text: String
        let ids: [Int]
        let nll_nats: Double
        let bytes: Int
    }

    let new_tokens: Int
    let eval_context: Int
    let eval_stride: Int
    let prompts: [Prompt]
    let documents: [Document]
    /// float32 logits of the prompts that have `logits_offset`.
    let logits: [Float]

    private struct File: Decodable {
        let new_tokens: Int, eval_context: Int, eval_stride: Int
        let prompts: [Prompt], documents: [Document]
    }

    static let modelNames = ["gqa", "tied", "bf16", "sharded", "rope", "glassbox"]

    static var fixtures: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        }
    }

    static func directory(_ name: String) throws -> URL {
        try fixtures.appendingPathComponent("models").appendingPathComponent(name)
    }

    init(model name: String) throws {
        let directory = try Self.directory(name)
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: directory.appendingPathComponent("goldens.json")))
        let raw = try Data(contentsOf: directory.appendingPathComponent("logits.f32"))
        new_tokens = file.new_tokens
        eval_context = file.eval_context
        eval_stride = file.eval_stride
        prompts = file.prompts
        documents = file.documents
        logits = raw.withUnsafeBytes { buffer in
            (0..<raw.count / 4).map { Float(bitPattern: UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
        }
    }

    /// The golden logits of `prompt`, `[tokens, vocab]`, when recorded.
    func logits(of prompt: Prompt) -> [Float]? {
        guard let offset = prompt.logits_offset, let shape = prompt.logits_shape else { return nil }
        return Array(logits[offset..<offset + shape.reduce(1, *)])
    }
}
