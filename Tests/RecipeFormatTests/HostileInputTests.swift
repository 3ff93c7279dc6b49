import Foundation
import RecipeFormat
import Testing
import TestSupport

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
        var generator = SplitMix64(seed: 42)
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

    @Test func unreadableValuesNameTheirKeyPath() throws {
        let text = "format = 1\n[release]\nname = \"x\"\n[[data.sources]]\nid = \"a\"\n[[data.sources]]\nid = 1e999\n"
        do {
            _ = try Recipe.parse(text: text, file: "r.toml")
            Issue.record("1e999 was accepted")
        } catch {
            guard case let .invalid(_, problems) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(problems.first?.keyPath == "data.sources[1].id", "\(problems)")
            #expect(error.description.contains("r.toml:7:"), "\(error.description)")
        }
    }

    @Test func aDirectoryGivenAsTheRecipeSaysSo() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("base.toml", Array("format = 1\n".utf8))
        do {
            _ = try Recipe.load(contentsOf: URL(fileURLWithPath: directory.path))
            Issue.record("a directory was accepted as a recipe")
        } catch {
            #expect(error.description.contains("is a directory; give the recipe file"), "\(error.description)")
            #expect(error.description.contains("base.toml"))
            #expect(!error.description.contains("NSCocoaErrorDomain"))
        }
    }

    @Test func extraFilesMustStayInsideTheRecipeFolder() {
        let recipe = Self.valid + "\n[evaluation]\nextra_files = [\"file:/abs/path.jsonl\", \"file:../up.jsonl\", \"file:a/../../b.jsonl\", \"file:ok/x.jsonl\"]\n"
        let found = problems(recipe)
        #expect(found.map(\.keyPath) == ["evaluation.extra_files[0]", "evaluation.extra_files[1]", "evaluation.extra_files[2]"], "\(found)")
        #expect(found.first?.message.contains("absolute path \"/abs/path.jsonl\"") == true, "\(found)")
        #expect(found.dropFirst().allSatisfy { $0.message.contains("..") })
    }

    @Test(arguments: [200, 257])
    func vocabSizeBelowTheMinimumStatesTheRealMinimumOnce(size: Int) throws {
        let text = "format = 1\n[release]\nname = \"x\"\nversion = \"1\"\nlicense = \"MIT\"\n[tokenizer]\nvocab_size = \(size)\n"
        let found = problems(text).filter { $0.keyPath == "tokenizer.vocab_size" }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message.contains("= 258, got \(size)") == true, "\(found)")
    }
}
