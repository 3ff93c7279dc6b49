import Foundation
import Transformer
import TestSupport

/// Paths of committed goldens (made by Tools/make_training_goldens.py).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// forward.json
    struct Forward: Decodable {
        let config: LlamaConfig
        let batch: Int
        let seqLen: Int
        let tokens: [Int32]
        let logits: [Float]
        enum CodingKeys: String, CodingKey { case config, batch, seqLen = "seq_len", tokens, logits }
    }

    static func forward() throws -> Forward {
        try JSONDecoder().decode(Forward.self, from: Data(contentsOf: directory.appendingPathComponent("forward.json")))
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        try TemporaryDirectory.create(prefix: "glassbox-transformer-").path
    }
}
