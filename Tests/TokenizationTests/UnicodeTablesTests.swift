import Testing
@testable import Tokenization

/// The probed tables are the reference engine's (Unicode 16), not Swift's own (newer) properties.
@Suite struct UnicodeTablesTests {
    @Test func tablesAreUnicode16() {
        #expect(UnicodeTables.unicodeVersion == "16.0")
        #expect(CharacterClasses.flags(0x10D4A) & CharacterClasses.letter != 0)  // Garay letter (16.0)
        #expect(CharacterClasses.flags(0x10940) & CharacterClasses.letter == 0)  // Sidetic letter (17.0)
    }

    @Test func swiftsOwnPropertiesDifferHence() throws {
        let sidetic = try #require(Unicode.Scalar(0x10940))
        // Swift follows a newer Unicode: relying on it would split this text differently from tokenizers.
        if sidetic.properties.isAlphabetic {
            // tokenizers 0.23.3 gives ["a", "\u{10940}b"]; with Swift's tables it would be one piece.
            #expect(PreTokenizer.llama3.pieces(of: "a\u{10940}b") == ["a", "\u{10940}b"])
        }
    }

    @Test func whitespaceIsUnicodeWhiteSpace() {
        let spaces: [UInt32] = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
        for value in spaces { #expect(CharacterClasses.isWhitespace(value), "U+\(String(value, radix: 16))") }
        for value: UInt32 in [0x200B, 0x180E, 0xFEFF, 0x41] { #expect(!CharacterClasses.isWhitespace(value)) }
    }
}
