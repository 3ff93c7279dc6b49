import Builder
import Foundation
import Testing

@Suite struct ReproduceTests {
    func reproducer(_ fixture: BuildFixture) -> Reproducer {
        var options = fixture.options()
        options.dataDirectory = fixture.recipeURL.deletingLastPathComponent()
        return Reproducer(options: options)
    }

    @Test func untouchedReleaseReproducesBitForBit() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let report = try reproducer(fixture).reproduce(release: fixture.release)
        #expect(report.matched)
        #expect(report.firstDivergence == nil)
        #expect(report.steps.map(\.result) == ["match", "match", "match", "match", "match", "not-available", "blocked", "unsigned"])
    }

    @Test func tamperedReleaseArtifactNamesItsStep() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let tokenizer = fixture.release.appendingPathComponent("tokenizer.json")
        try Data("TAMPERED\n".utf8).write(to: tokenizer)
        let report = try reproducer(fixture).reproduce(release: fixture.release)
        #expect(!report.matched)
        #expect(report.firstDivergence == "tokenizer")
        #expect(report.steps.first { $0.step == "tokenizer" }?.differing == ["release:tokenizer.json"])
        #expect(report.steps.map(\.result) == ["match", "match", "match", "mismatch", "rebuilt-match", "not-available", "blocked", "unsigned"])
        #expect(report.steps.first { $0.step == "train" }?.note?.contains("after the divergence at tokenizer") == true)
    }

    @Test func changedSourceDataDivergesAtItsFetchStep() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let supplied = fixture.root.appendingPathComponent("supplied/data")
        try FileManager.default.createDirectory(at: supplied, withIntermediateDirectories: true)
        try Data("ahoj světe\n".utf8).write(to: supplied.appendingPathComponent("a.txt"))
        try Data("not the same text\n".utf8).write(to: supplied.appendingPathComponent("b.txt"))
        var options = fixture.options()
        options.dataDirectory = supplied.deletingLastPathComponent()
        let report = try Reproducer(options: options).reproduce(release: fixture.release)
        #expect(report.firstDivergence == "fetch.b")
        #expect(report.steps.first { $0.step == "fetch.b" }?.differing == ["b.txt"])
        let prepare = try #require(report.steps.first { $0.step == "prepare" })
        #expect(prepare.result == "rebuilt-differs", "a step rebuilt with other digests is not 'not-run'")
        #expect(prepare.got != nil && prepare.got != prepare.expected && !prepare.differing.isEmpty)
    }

    @Test func lockOfAnotherRecipeIsRefused() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let recipe = fixture.release.appendingPathComponent("recipe.toml")
        let edited = BuildFixture.recipeText.replacingOccurrences(of: "steps = 5", with: "steps = 7")
        try Data(edited.utf8).write(to: recipe)
        #expect {
            _ = try reproducer(fixture).reproduce(release: fixture.release)
        } throws: { error in
            "\(error)".contains("the lock does not belong to this recipe")
        }
    }
}
