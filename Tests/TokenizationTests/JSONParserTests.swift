import BaseIO
import Foundation
import Testing
@testable import Tokenization

/// tokenizer.json goes through `BaseIO.JSONParser` (via `JSONReader.parse`): it agrees with Foundation
/// on real files and refuses what RFC 8259 refuses, with a `TokenizerError` giving the byte offset.
@Suite struct JSONParserTests {
    /// Converts Foundation's parse into `JSONValue` (numbers as canonical doubles, members sorted).
    static func foundationValue(_ object: Any) -> JSONValue {
        switch object {
        case is NSNull: return .null
        case let text as String: return .string(text)
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            return .number(JSONNumber(number.doubleValue)!)
        case let items as [Any]: return .array(items.map(foundationValue))
        case let members as [String: Any]:
            return .object(members.keys.sorted().map { JSONMember(key: $0, value: foundationValue(members[$0]!)) })
        default: return .null
        }
    }

    /// The same normal form for our parse.
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let number): return .number(JSONNumber(number.double!)!)
        case .array(let items): return .array(items.map(normalized))
        case .object(let members):
            return .object(members.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: normalized($0.value)) })
        default: return value
        }
    }

    @Test(arguments: ["hf_llama3/tokenizer.json", "hf_gpt2/tokenizer.json", "goldens.json", "samples.json"])
    func agreesWithFoundation(file: String) throws {
        let data = try Data(contentsOf: Fixtures.url(file))
        let ours = Self.normalized(try JSONReader.parse([UInt8](data)))
        let theirs = Self.foundationValue(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        #expect(ours == theirs)
    }

    @Test(arguments: [#"{"a": 1} x"#, #"["\ud800"]"#, #"[01]"#, #"[1.]"#, "[\"a\u{01}\"]", #"{"a" 1}"#, #"[1,]"#, #"tru"#,
                      String(repeating: "[", count: 200) + String(repeating: "]", count: 200), ""])
    func refusesInvalidDocuments(text: String) {
        #expect(throws: TokenizerError.self) { try JSONReader.parse(Array(text.utf8)) }
    }

    @Test func errorsGiveTheByteOffset() throws {
        let error = try #require(throws: TokenizerError.self) { try JSONReader.parse(Array(#"{"a": [1, 2,]}"#.utf8)) }
        #expect(error.code == .malformedJSON)
        #expect(error.message == "not valid JSON: unexpected character at byte offset 12")
    }

    @Test func duplicateMembersAreRefusedShowingBothValues() throws {
        let error = try #require(throws: TokenizerError.self) { try JSONReader.parse(Array(#"{"v": {"a": 1, "a": 2}}"#.utf8)) }
        #expect(error.message.contains("\"a\" appears twice (1 and 2)"))
    }

    @Test func tokenizerJSONParsesBack() throws {
        let tokenizer = try BPETokenizer(contentsOf: Fixtures.url("hf_llama3"))
        let reread = try BPETokenizer(jsonData: try tokenizer.tokenizerJSON())
        #expect(reread.vocabulary == tokenizer.vocabulary)
        #expect(reread.merges == tokenizer.merges)
        #expect(reread.addedTokens == tokenizer.addedTokens)
        #expect(reread.template == tokenizer.template)
        #expect(reread.ignoreMerges == tokenizer.ignoreMerges)
    }
}
