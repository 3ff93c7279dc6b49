import Foundation
import RecipeFormat
import Testing

/// Every broken recipe under Fixtures/broken gets exactly the messages in its `.expected` file.
/// Regenerate after an intended message change with `RECIPE_UPDATE_GOLDENS=1 swift test --filter DiagnosticsGolden`
/// and review the diff.
@Suite struct DiagnosticsGoldenTests {
    static let cases = [
        "syntax-error", "duplicate-key", "newer-format", "missing-sections", "wrong-types", "out-of-range",
        "unknown-keys", "cross-field", "sources", "invalid-utf8", "format-overflow",
    ]

    @Test(arguments: cases)
    func brokenRecipeGetsGoldenDiagnostics(name: String) throws {
        let bytes = try FixtureFiles.bytes("broken/\(name).toml")
        let message: String
        do {
            _ = try Recipe.parse(bytes: bytes, file: "\(name).toml")
            Issue.record("\(name).toml was accepted")
            return
        } catch {
            message = error.description + "\n"
        }
        let expectedName = "broken/\(name).expected"
        if ProcessInfo.processInfo.environment["RECIPE_UPDATE_GOLDENS"] != nil {
            try message.write(to: FixtureFiles.sourceDirectory.appendingPathComponent(expectedName), atomically: true, encoding: .utf8)
        }
        let expected = String(decoding: try FixtureFiles.bytes(expectedName), as: UTF8.self)
        #expect(message == expected)
    }

    @Test func newerFormatAsksForAnUpgrade() throws {
        #expect(throws: RecipeError.unsupportedFormat(file: "f.toml", found: 2, supported: 1)) {
            try Recipe.parse(bytes: try FixtureFiles.bytes("broken/newer-format.toml"), file: "f.toml")
        }
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let bytes = try FixtureFiles.bytes("broken/out-of-range.toml")
        do {
            _ = try Recipe.parse(bytes: bytes, file: "r.toml")
            Issue.record("accepted")
        } catch {
            #expect(error.problems.count >= 10)
            #expect(error.problems.contains(RecipeProblem(keyPath: "training.learning_rate", message: "must be > 0, got -0.1")))
        }
    }
}
