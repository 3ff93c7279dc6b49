import Foundation
import RecipeFormat
import Testing

/// Malformed and hostile recipes never crash; each gets a list of problems.
@Suite struct HostileInputTests {
    static let valid = String(decoding: (try? FixtureFiles.bytes("valid.toml")) ?? [], as: UTF8.self)

    func problems(_ text: String) -> [RecipeProblem] {
        do {
            _ = try Recipe.parse(text: text, file: "hostile.toml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func hugeIntegerIsASyntaxErrorWithPosition() {
        let found = problems(Self.valid.replacingOccurrences(of: "steps = 10", with: "steps = 99999999999999999999999999"))
        #expect(found.count == 1)
        #expect(found.first?.line != nil)
    }

    @Test func largeButRepresentableNumbersAreRangeChecked() {
        let found = problems(Self.valid.replacingOccurrences(of: "steps = 10", with: "steps = 9223372036854775807")
            .replacingOccurrences(of: "learning_rate = 1e-3", with: "learning_rate = 1e308"))
        #expect(found.map(\.keyPath) == ["training.steps", "training.learning_rate"])
    }

    @Test func deepNestingIsRefused() {
        let deepArray = "format = 1\nx = " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        #expect(!problems(deepArray).isEmpty)
        let deepInline = "format = 1\nx = " + String(repeating: "{a=", count: 5_000) + "1" + String(repeating: "}", count: 5_000) + "\n"
        #expect(!problems(deepInline).isEmpty)
        let deepHeader = "format = 1\n[" + Array(repeating: "a", count: 5_000).joined(separator: ".") + "]\nb = 1\n"
        #expect(problems(deepHeader).contains { $0.keyPath == "a" && $0.message.hasPrefix("unknown key") })
    }

    @Test func tenMegabyteStringIsReportedNotStored() {
        let big = String(repeating: "x", count: 10 << 20)
        let found = problems(Self.valid.replacingOccurrences(of: "description = \"A tiny Czech and Slovak model.\"", with: "description = \"\(big)\""))
        #expect(found == [RecipeProblem(keyPath: "release.description", message: "is 10485760 bytes long; at most 65536 bytes are allowed")])
        let bigKey = problems(Self.valid + "\n[publish]\n" + String(repeating: "k", count: 1 << 20) + " = 1\n")
        #expect(bigKey.count == 1)
        #expect(bigKey.first.map { $0.keyPath.utf8.count < 300 } == true)
    }

    @Test func duplicateTablesAreSyntaxErrors() {
        let found = problems(Self.valid + "\n[model]\nhidden_size = 32\n")
        #expect(found.count == 1)
        #expect(found.first?.line != nil)
    }

    @Test func nulAndInvalidUTF8HavePositions() {
        var bytes = Array("format = 1\n[release]\nname = \"a".utf8)
        bytes += [0xC3, 0x28, 0x22, 0x0A, 0x00]
        do {
            _ = try Recipe.parse(bytes: bytes, file: "f.toml")
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.problems.map { [$0.line ?? 0, $0.column ?? 0] } == [[3, 10], [4, 1]])
        }
    }

    @Test func tableHeadersTheParserCannotHandleAreSyntaxErrors() {
        for header in ["[=]", "[[#]]", "[\n", "[ .a]", "[{}]", "["] {
            let found = problems("format = 1\n" + header + "\n")
            #expect(found.count == 1 && found.first?.line == 2, "\(header)")
        }
        let valid = "format = 1\nx = [\n  [\n 1], # [=\n]\ny = \"\"\"\n[=\n\"\"\"\n"
        #expect(problems(valid).allSatisfy { $0.line == nil })
    }

    @Test func escapedNulInsideAStringDoesNotCrash() {
        _ = problems(Self.valid.replacingOccurrences(of: "name = \"tiny-cs\"", with: "name = \"a\\u0000b\""))
    }

    @Test func arbitraryGarbageNeverCrashes() {
        var generator = SplitMix(seed: 42)
        let rounds = Int(ProcessInfo.processInfo.environment["RECIPE_FUZZ_ROUNDS"] ?? "") ?? 300
        for _ in 0..<rounds {
            let length = Int(generator.next() % 400)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = try? Recipe.parse(bytes: bytes, file: "garbage")
            let pieces = ["[", "]", "=", "\"", "a", ".", "1e999", "{", "}", "\n", "[[data.sources]]", "format = 1\n", ",", "#"]
            let text = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            _ = try? Recipe.parse(text: text, file: "garbage")
        }
    }
}

/// A tiny deterministic generator for the garbage test.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
