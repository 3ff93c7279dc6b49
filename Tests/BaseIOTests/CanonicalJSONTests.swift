import BaseIO
import Testing

/// Golden bytes of the canonical JSON writer for the values serialisers disagree on. The expected
/// numbers are those of RFC 8785 §3.2.2.3 / ECMAScript `Number.prototype.toString` (the RFC's own
/// examples and its Appendix B sample values).
@Suite struct CanonicalJSONTests {
    static func text(_ value: some Encodable) throws -> String {
        String(decoding: try CanonicalJSON.encode(value), as: UTF8.self)
    }

    @Test(arguments: [
        (-0.0, "0"), (0.0, "0"), (1.0, "1"), (-1.5, "-1.5"), (0.1, "0.1"), (100.0, "100"),
        (1e-7, "1e-7"), (1e-6, "0.000001"), (1.2e-6, "0.0000012"), (123e-20, "1.23e-18"),
        (1e21, "1e+21"), (1e20, "100000000000000000000"), (999999999999999900000.0, "999999999999999900000"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (-1.7976931348623157e308, "-1.7976931348623157e+308"),
        (5e-324, "5e-324"), (-5e-324, "-5e-324"), (2.2250738585072014e-308, "2.2250738585072014e-308"),
        (2.225073858507201e-308, "2.225073858507201e-308"), (9007199254740992.0, "9007199254740992"),
        (9007199254740994.0, "9007199254740994"), (295147905179352830000.0, "295147905179352830000"),
        (4.294967294e9, "4294967294"), (333333333.3333333, "333333333.3333333"),
        (1424953923781206.2, "1424953923781206.2"), (1.0000000000000002, "1.0000000000000002"),
        (0.30000000000000004, "0.30000000000000004"), (2e-3, "0.002"), (1e23, "1e+23"), (5e22, "5e+22"),
    ] as [(Double, String)])
    func doubles(value: Double, expected: String) throws {
        #expect(try Self.text(value) == expected + "\n")
    }

    @Test func floatsGetTheShortestDigitsOfTheFloat() throws {
        #expect(try Self.text(Float(0.1)) == "0.1\n")
        #expect(try Self.text(Float(1e-45)) == "1e-45\n")
        #expect(try Self.text(Float.greatestFiniteMagnitude) == "3.4028235e+38\n")
        #expect(try Self.text(Float(16777216)) == "16777216\n")
    }

    @Test func integersAreExactBeyondTwoToThe53() throws {
        #expect(try Self.text(UInt64.max) == "18446744073709551615\n")
        #expect(try Self.text(Int64.min) == "-9223372036854775808\n")
    }

    @Test func nonFiniteNumbersAreRefusedWithTheirPath() {
        struct Step: Encodable { let loss: Double }
        struct Log: Encodable { let steps: [Step] }
        let log = Log(steps: [Step(loss: 1), Step(loss: .nan)])
        #expect(throws: BaseIOError.notEncodable(path: "steps[1].loss", reason: "nan is not a finite number; JSON has no NaN or infinity")) {
            try CanonicalJSON.encode(log)
        }
        #expect(throws: BaseIOError.self) { try CanonicalJSON.encode([Double.infinity]) }
        #expect(throws: BaseIOError.self) { try CanonicalJSON.encode(-Float.infinity) }
        #expect(JSONNumber(Double.nan) == nil)
    }

    @Test func stringsEscapeOnlyQuoteBackslashAndControls() throws {
        let bytes = try CanonicalJSON.encode("a\"b\\c/\u{08}\u{09}\u{0A}\u{0B}\u{0C}\u{0D}\u{1F}\u{7F}")
        #expect(String(decoding: bytes, as: UTF8.self) == #""a\"b\\c/\b\t\n\u000b\f\r\u001f"# + "\u{7F}\"\n")
        // U+2028/U+2029 and non-BMP characters are raw UTF-8, never \u escapes.
        #expect(try CanonicalJSON.encode("\u{2028}\u{2029}😀€") == [0x22, 0xE2, 0x80, 0xA8, 0xE2, 0x80, 0xA9,
                                                                    0xF0, 0x9F, 0x98, 0x80, 0xE2, 0x82, 0xAC, 0x22, 0x0A])
    }

    @Test func keysSortByUTF16CodeUnits() throws {
        // RFC 8785 §3.2.3: "\r" < "1" < "\u0080" < "ö" < "€" < "😀" (a surrogate pair, 0xD83D) < "\uFB33".
        let object: [String: Int] = ["\u{20AC}": 1, "\r": 2, "\u{FB33}": 3, "1": 4, "\u{1F600}": 5, "\u{80}": 6, "\u{F6}": 7]
        #expect(try Self.text(object) == "{\"\\r\":2,\"1\":4,\"\u{80}\":6,\"\u{F6}\":7,\"\u{20AC}\":1,\"\u{1F600}\":5,\"\u{FB33}\":3}\n")
    }

    @Test func structsNestAndOmitNilOptionals() throws {
        struct Inner: Encodable { let b: [Int]; let a: String? }
        struct Outer: Encodable { let zeta: Inner; let alpha: Bool; let none: Int? }
        let value = Outer(zeta: Inner(b: [3, 1], a: nil), alpha: true, none: nil)
        #expect(try Self.text(value) == #"{"alpha":true,"zeta":{"b":[3,1]}}"# + "\n")
    }

    @Test func duplicateKeysInATreeAreRefused() {
        let tree = JSONValue.object([JSONMember(key: "a", value: .null), JSONMember(key: "a", value: .bool(true))])
        #expect(throws: BaseIOError.self) { try CanonicalJSON.bytes(of: tree) }
    }

    @Test func parsedDocumentsReEncodeCanonically() throws {
        let parsed = try JSONParser.parse(Array(#" { "b" : [1.50, -0, 1E2], "a" : "\u00e9\/" } "#.utf8))
        #expect(String(decoding: try CanonicalJSON.bytes(of: parsed), as: UTF8.self) == "{\"a\":\"é/\",\"b\":[1.50,-0,1E2]}\n")
        let reencoded = try CanonicalJSON.bytes(of: try CanonicalJSON.tree(of: [1.50, -0.0, 1e2]))
        #expect(String(decoding: reencoded, as: UTF8.self) == "[1.5,0,100]\n")
    }
}
