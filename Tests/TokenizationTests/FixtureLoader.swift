import Foundation
import Testing
@testable import Tokenization

/// Access to the committed interop goldens (made by Tools/make_tokenizer_goldens.py).
enum Fixtures {
    struct Sample: Decodable {
        let name: String
        let text: String
        /// For random-byte samples: the bytes (hex) that Python decoded lossily into `text`.
        let raw_hex: String?

        var rawBytes: [UInt8]? {
            guard let raw_hex else { return nil }
            var bytes: [UInt8] = []
            var index = raw_hex.startIndex
            while index < raw_hex.endIndex {
                let next = raw_hex.index(index, offsetBy: 2)
                bytes.append(UInt8(raw_hex[index..<next], radix: 16) ?? 0)
                index = next
            }
            return bytes
        }
    }

    struct Encoding: Decodable {
        let ids: [Int]
        let ids_with_specials: [Int]
        let decoded: String
    }

    struct Goldens: Decodable {
        let tokenizers_version: String
        let tokenizers: [String: [Encoding]]
        let pieces: [String: [[String]]]
    }

    static func url(_ name: String) throws -> URL {
        let base = try #require(Bundle.module.resourceURL)
        return base.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func samples() throws -> [Sample] {
        try JSONDecoder().decode([Sample].self, from: Data(contentsOf: url("samples.json")))
    }

    static func goldens() throws -> Goldens {
        try JSONDecoder().decode(Goldens.self, from: Data(contentsOf: url("goldens.json")))
    }

    /// The training corpus as (language, text) documents.
    static func trainingDocuments() throws -> [TrainingDocument] {
        let text = try String(contentsOf: url("train_corpus.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let row = try JSONDecoder().decode([String: String].self, from: Data(line.utf8))
            return TrainingDocument(text: row["text"] ?? "", language: row["language"] ?? "")
        }
    }
}
