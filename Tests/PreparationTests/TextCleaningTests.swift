import Foundation
import Testing
@testable import Preparation
import TestSupport

@Suite("UTF-8 repair, NFC and line clean-up")
struct TextCleaningTests {
    private func repair(_ bytes: [UInt8], _ policy: InvalidUTF8Policy) -> ([UInt8], Int) {
        let (fixed, invalid) = bytes.withUnsafeBufferPointer { UTF8Repair.repair($0, policy: policy) }
        return (fixed ?? bytes, invalid)
    }

    @Test("valid UTF-8 is left alone without a copy")
    func validInput() {
        let bytes = Array("Dobrý den, κόσμε, привет 👋".utf8)
        let (fixed, invalid) = bytes.withUnsafeBufferPointer { UTF8Repair.repair($0, policy: .replace) }
        #expect(fixed == nil)
        #expect(invalid == 0)
    }

    @Test("invalid sequences are replaced by maximal subpart or dropped, and counted")
    func invalidSequences() {
        let input: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x82, 0x63, 0xF0, 0x9F, 0x98, 0xED, 0xA0, 0x80, 0x64, 0xE2, 0x82]
        let (replaced, invalid) = repair(input, .replace)
        #expect(String(decoding: replaced, as: UTF8.self) == String(decoding: input, as: UTF8.self))
        #expect(invalid == 1 + 2 + 3 + 3 + 2)
        let (dropped, droppedCount) = repair(input, .drop)
        #expect(dropped == Array("abcd".utf8))
        #expect(droppedCount == invalid)
    }

    @Test("replacement matches Swift's own decoder on pseudo-random bytes")
    func matchesStandardLibrary() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<2000 {
            var bytes = [UInt8]()
            for _ in 0..<24 {
                let pick = UInt8(truncatingIfNeeded: generator.next() >> 59)
                bytes.append([0x41, 0x80, 0xBF, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xED, 0xA0, 0xF4, 0x90,
                              0xC0, 0xF5, 0xE0, 0x9F, 0x20, 0x0A, 0x8F, 0xFF, 0xC2, 0xA0, 0xE1, 0xF1, 0x90, 0x8F, 0xEF, 0xBB][Int(pick)])
            }
            let (fixed, _) = repair(bytes, .replace)
            #expect(fixed == Array(String(decoding: bytes, as: UTF8.self).utf8))
        }
    }

    @Test("every scalar the NFC quick check trusts is unchanged by Foundation's NFC")
    func quickCheckRangesAreStable() {
        for range in NFCQuickCheck.stableRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = "a" + String(Character(scalar)) + "b"
                #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars),
                        "U+\(String(value, radix: 16)) changes under NFC")
            }
        }
    }

    @Test("NFC composes decomposed text, and is deterministic")
    func nfc() {
        let decomposed = "Dobry\u{301} den, cafe\u{301}, \u{1100}\u{1161}"
        let first = decomposed.precomposedStringWithCanonicalMapping
        #expect(first == "Dobrý den, café, \u{AC00}")
        #expect(Array(first.utf8) == Array(decomposed.precomposedStringWithCanonicalMapping.utf8))
        let bytes = Array("Ελληνικά и кириллица — ok €".utf8)
        #expect(bytes.withUnsafeBufferPointer { NFCQuickCheck.isKnownNFC($0) })
        #expect(!Array(decomposed.utf8).withUnsafeBufferPointer { NFCQuickCheck.isKnownNFC($0) })
    }

    private func documents(_ text: String, _ mode: SplitMode) -> [String] {
        var splitter = DocumentSplitter(mode: mode)
        var result: [String] = []
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            splitter.split(buffer) { result.append(String(decoding: $0, as: UTF8.self)) }
        }
        return result
    }

    @Test("lines are trimmed, spaces collapsed, control characters removed")
    func lineCleanUp() {
        let text = "  one\ttwo  \r\n\u{FEFF}three\u{0007}\u{00A0}four\u{2003}\u{0085}five \n\n \t \nsix\u{3000}"
        #expect(documents(text, .line) == ["one two", "three four five", "six"])
    }

    @Test("paragraph and file modes join lines with newlines")
    func paragraphs() {
        let text = "a1\na2\n\n\n b1 \n\nc1\n"
        #expect(documents(text, .paragraph) == ["a1\na2", "b1", "c1"])
        #expect(documents(text, .file) == ["a1\na2\n\nb1\n\nc1"])
        #expect(documents("", .file).isEmpty)
    }
}
