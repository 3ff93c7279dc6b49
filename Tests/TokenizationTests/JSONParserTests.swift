import Foundation
import Testing
@testable import Tokenization

/// The tokenizer.json parser: agrees with Foundation on real files, refuses what RFC 8259 refuses.
@Suite struct JSONParserTests {
    /// Converts Foundation's parse into `JSONValue` for comparison.
    static func foundationValue(_ object: Any) -> JSONValue {
        switch object {
        case is NSNull: return .null
        case let text as String: return .string(text)
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            return .number(number.doubleValue)
        case let items as [Any]: return .array(items.map(foundationValue))
        case let members as [String: Any]: return .object(members.mapValues(foundationValue))
        default: return .null
        }
    }

    @Test(arguments: ["hf_llama3/tokenizer.json", "hf_gpt2/tokenizer.json", "goldens.json", "samples.json"])
    func agreesWithFoundation(file: String) throws {
        let data = try Data(contentsOf: Fixtures.url(file))
        let ours = try JSONParser.parse([UInt8](data))
        let theirs = Self.foundationValue(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        #expect(ours == theirs)
    }

    @Test func escapesAndNumbers() throws {
        let text = #"{"a": "\u00e9\ud83d\ude00\n\"\/", "b": [-0.5e2, 0, 12, true, false, null]}"#
        let value = try JSONParser.parse(Array(text.utf8))
        #expect(value["a"] == .string("é😀\n\"/"))
        #expect(value["b"] == .array([.number(-50), .number(0), .number(12), .bool(true), .bool(false), .null]))
    }

    @Test(arguments: [#"{"a": 1} x"#, #"["\ud800"]"#, #"[01]"#, #"[1.]"#, "[\"a\u{01}\"]", #"{"a" 1}"#, #"[1,]"#, #"tru"#,
                      String(repeating: "[", count: 200) + String(repeating: "]", count: 200), ""])
    func refusesInvalidDocuments(text: String) {
        #expect(throws: TokenizerError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func refusesInvalidUTF8InStrings() {
        #expect(throws: TokenizerError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }
}

/// The canonical writer: keys in UTF-8 byte order, minimal escapes, parses back to the same tree.
@Suite struct JSONOutputTests {
    @Test func canonicalBytes() {
        let tree: JSONOutput = .object(["b": .array([.int(1), .double(0.1), .null]), "a\u{e9}": .string("x\"\\/\n\u{01}é"),
                                        "B": .bool(true), "ä": .object([:])])
        let text = String(decoding: tree.data(), as: UTF8.self)
        #expect(text == "{\"B\":true,\"a\u{e9}\":\"x\\\"\\\\/\\n\\u0001é\",\"b\":[1,0.1,null],\"ä\":{}}\n")
        let pretty = String(decoding: JSONOutput.object(["k": .array([.int(1)])]).data(pretty: true), as: UTF8.self)
        #expect(pretty == "{\n  \"k\": [\n    1\n  ]\n}\n")
    }

    @Test func tokenizerJSONParsesBack() throws {
        let tokenizer = try BPETokenizer(contentsOf: Fixtures.url("hf_llama3"))
        let reread = try BPETokenizer(jsonData: tokenizer.tokenizerJSON())
        #expect(reread.vocabulary == tokenizer.vocabulary)
        #expect(reread.merges == tokenizer.merges)
        #expect(reread.addedTokens == tokenizer.addedTokens)
        #expect(reread.template == tokenizer.template)
        #expect(reread.ignoreMerges == tokenizer.ignoreMerges)
    }
}
