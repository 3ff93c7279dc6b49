import BaseIO
import Testing
import TestSupport

@Suite struct JSONParserTests {
    static func parse(_ text: String, _ options: JSONParser.Options = .init()) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8), options: options)
    }

    @Test func readsEveryKindKeepingOrderAndNumberText() throws {
        let value = try Self.parse(#"{"z":[true,false,null],"a":{"n":18446744073709551615,"f":-1.25e-3},"s":"\u00e9\ud83d\ude00\n"}"#)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a", "s"])
        #expect(value["z"] == .array([.bool(true), .bool(false), .null]))
        guard case .number(let big) = value["a"]?["n"], case .number(let small) = value["a"]?["f"] else { Issue.record("numbers"); return }
        #expect(big.unsignedInteger == UInt64.max && big.text == "18446744073709551615")
        #expect(small.double == -0.00125 && small.unsignedInteger == nil)
        #expect(value["s"] == .string("é😀\n"))
    }

    @Test(arguments: [
        ("{\"a\":1} x", 8, "unexpected bytes after the top-level value"),
        ("{\"a\":1,}", 7, "expected a string key"),
        ("[01]", 2, "expected ']'"),
        ("[1.]", 3, "invalid number fraction"),
        ("[+1]", 1, "unexpected character"),
        ("[\"\\ud800x\"]", 8, "lone high surrogate"),
        ("[\"\\udc00\"]", 8, "lone low surrogate"),
        ("[\"a\u{01}\"]", 3, "control character in a string"),
        ("[\"\\x\"]", 4, "invalid escape"),
        ("[tru]", 1, "invalid literal"),
        ("", 0, "unexpected end of the document"),
        ("[\"abc", 5, "unterminated string"),
    ])
    func refusesWithOffsetAndReason(text: String, offset: Int, reason: String) {
        #expect(throws: BaseIOError.invalidJSON(offset: offset, reason: reason)) { try Self.parse(text) }
    }

    @Test func invalidUTF8AndDepthAndDuplicates() throws {
        #expect(throws: BaseIOError.invalidJSON(offset: 4, reason: "invalid UTF-8 in a string")) {
            try JSONParser.parse([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D])
        }
        let deep = String(repeating: "[", count: 5) + String(repeating: "]", count: 5)
        #expect(throws: BaseIOError.invalidJSON(offset: 4, reason: "nesting deeper than 4 levels")) {
            try Self.parse(deep, .init(maximumDepth: 4))
        }
        #expect(throws: BaseIOError.duplicateKey("a", offset: 7)) { try Self.parse(#"{"a":1,"\u0061":2}"#) }
        let kept = try Self.parse(#"{"a":1,"a":2}"#, .init(rejectsDuplicateKeys: false))
        #expect(kept["a"] == .int(2))
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 19)
        let alphabet = Array(#"{}[]":,.-+eE0123456789 tfnul\"#.utf8) + [0x80, 0xC3, 0x00]
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 24)
            let bytes = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            _ = try? JSONParser.parse(bytes)
        }
    }
}
