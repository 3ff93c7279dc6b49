import BaseIO
import Foundation
import Testing
@testable import Tokenization
import TestSupport

/// Structure-aware fuzzing: valid JSON whose values have been swapped, deleted or made extreme, so the
/// tokenizer.json reader's field checks (not only the JSON parser) meet hostile input. Fixed seed.
@Suite struct StructuralFuzzTests {
    static let replacements: [JSONValue] = [
        .null, .bool(true), .int(-1), .number(JSONNumber(1e300)!), .number(JSONNumber(0.5)!), .int(16_777_216), .int(3),
        .string(""), .string("Ġ"), .string("a b c"), .array([]), .array([.string("Ġ")]), .object([JSONMember]()),
        .object(["type": .string("BPE")]), .object(["type": .string("Split")]),
    ]

    @Test(arguments: ["hf_llama3/tokenizer.json", "hf_gpt2/tokenizer.json"])
    func mutatedDocumentsNeverCrash(file: String) throws {
        let original = try JSONReader.parse([UInt8](Data(contentsOf: Fixtures.url(file))))
        var generator = SplitMix64(seed: 2026_11_24)
        var refused = 0
        for _ in 0..<300 {
            var document = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                document = Self.mutate(document, depth: 0, using: &generator)
            }
            let bytes = try CanonicalJSON.bytes(of: document)
            do {
                let tokenizer = try BPETokenizer(jsonData: Data(bytes))
                let ids = tokenizer.encode("Hello [MASK] wörld 123 <s> 🇪🇺\r\n", addSpecialTokens: true)
                _ = try? tokenizer.decode(ids)
            } catch let error as TokenizerError {
                refused += 1
                #expect(!error.message.isEmpty)
            }
        }
        #expect(refused > 0)
    }

    /// Replaces, deletes or descends into one random node.
    static func mutate(_ value: JSONValue, depth: Int, using generator: inout SplitMix64) -> JSONValue {
        let roll = Int.random(in: 0..<10, using: &generator)
        switch value {
        case .object(var members) where !members.isEmpty && roll < 8:
            let index = Int.random(in: 0..<members.count, using: &generator)
            if roll == 0 { members.remove(at: index) } else {
                members[index].value = mutate(members[index].value, depth: depth + 1, using: &generator)
            }
            return .object(members)
        case .array(var items) where !items.isEmpty && roll < 8:
            let index = Int.random(in: 0..<items.count, using: &generator)
            if roll == 0 { items.remove(at: index) } else { items[index] = mutate(items[index], depth: depth + 1, using: &generator) }
            return .array(items)
        default:
            return replacements.randomElement(using: &generator) ?? .null
        }
    }

}
