import Builder
import Foundation
import Testing

/// Every recipe-relative local input resolves the same way (`--data-dir`, then the recipe's folder),
/// so a recipe with `[evaluation] extra_files` reproduces; `recipe plan` shows a missing input instead
/// of failing.
@Suite struct LocalInputTests {
    static let recipeWithExtraFile = BuildFixture.recipeText.replacingOccurrences(
        of: "[evaluation]\nstride = 8", with: "[evaluation]\nstride = 8\nextra_files = [\"file:extra/held-out.jsonl\"]")

    private func fixtureWithExtraFile() throws -> BuildFixture {
        let fixture = try BuildFixture(recipe: Self.recipeWithExtraFile)
        let extra = fixture.recipeURL.deletingLastPathComponent().appendingPathComponent("extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        try Data("{\"text\":\"ahoj\"}\n".utf8).write(to: extra.appendingPathComponent("held-out.jsonl"))
        return fixture
    }

    @Test func aRecipeWithExtraFilesReproducesWithDataDir() throws {
        #expect(Self.recipeWithExtraFile.contains("extra_files"))
        let fixture = try fixtureWithExtraFile()
        defer { fixture.remove() }
        _ = try fixture.build()
        var options = fixture.options()
        options.dataDirectory = fixture.recipeURL.deletingLastPathComponent()
        let report = try Reproducer(options: options).reproduce(release: fixture.release)
        #expect(report.matched, "\(report.steps.map(\.result))")
    }

    @Test func aMissingExtraFileSaysDataDir() throws {
        let fixture = try fixtureWithExtraFile()
        defer { fixture.remove() }
        _ = try fixture.build()
        let supplied = fixture.root.appendingPathComponent("supplied")
        try FileManager.default.createDirectory(at: supplied, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture.recipeURL.deletingLastPathComponent().appendingPathComponent("data"),
                                         to: supplied.appendingPathComponent("data"))
        var options = fixture.options()
        options.dataDirectory = supplied
        #expect {
            _ = try Reproducer(options: options).reproduce(release: fixture.release)
        } throws: { error in
            let text = "\(error)"
            return text.contains("extra/held-out.jsonl") && text.contains("--data-dir")
        }
    }

    @Test func planMarksAMissingLocalInputInsteadOfFailing() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.recipeURL.deletingLastPathComponent().appendingPathComponent("data/a.txt"))
        let recipe = try RecipeLoading.load(fixture.recipeURL)
        let plan = try BuildPlan(recipe: recipe, recipeDirectory: fixture.recipeURL.deletingLastPathComponent(), options: fixture.options())
        #expect(plan.steps.map(\.state) == ["missing-input", "to-run", "to-run", "to-run", "to-run", "not-available", "blocked", "skipped"])
        #expect(plan.steps.first?.key == nil)
        #expect(plan.steps.first?.note?.contains("data/a.txt does not exist yet") == true, "\(String(describing: plan.steps.first?.note))")
    }
}
