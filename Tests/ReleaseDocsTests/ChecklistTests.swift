import Foundation
import Testing
import TestSupport
@testable import ReleaseDocs

/// `comply` on complete and incomplete recipes, and on a release whose documents were edited.
struct ChecklistTests {
    @Test func completeRecipeHasNothingApplicableMissing() throws {
        let report = try ComplianceReport(releaseDirectory: try Self.builtRelease(recipe: nil))
        #expect(report.results.count == 22)
        #expect(report.failing == 0, "\(report.text())")
        #expect(report.facts.classification.tier == .belowIndicativeCriterion)
        #expect(report.results.first { $0.id == "art53.1c.copyright" }?.status == .met)
        #expect(report.results.first { $0.id == "art55.1a.eval_adversarial" }?.status == .notApplicable)
    }

    @Test func incompleteRecipeNamesEveryMissingKey() throws {
        let report = try ComplianceReport(releaseDirectory: try Self.builtRelease(recipe: try FixtureRelease.incompleteRecipe()))
        #expect(report.failing > 0)
        let missing = Set(report.results.flatMap(\.missing))
        for key in ["compliance.contact", "compliance.union_market_date", "compliance.data_collected_until", "compliance.public_url",
                    "compliance.provider_country", "compliance.illegal_content_measures", "compliance.user_data", "compliance.synthetic_data",
                    "compliance.code_of_practice_signatory", "compliance.monetised", "compliance.acceptable_use_policy", "compliance.distribution",
                    "compliance.hardware"] {
            #expect(missing.contains(key), "comply does not name \(key)")
        }
        #expect(!report.facts.classification.openSource.exempt, "without public_url and monetised the exemption is undecided")
        #expect(report.results.first { $0.id == "art53.1a.annexXI.s1" }?.status == .missing)
        let text = report.text()
        #expect(text.contains("missing: ") && text.contains("compliance.union_market_date"))
        let card = String(decoding: try #require(try FixtureRelease.documents(recipe: try FixtureRelease.incompleteRecipe()).files["README.md"]), as: UTF8.self)
        #expect(card.contains("**Missing:** not declared (set `compliance.acceptable_use_policy`"))
    }

    @Test func editedDocumentIsReportedAndFailsTheCheck() throws {
        let release = try Self.builtRelease(recipe: nil)
        let summary = release.appendingPathComponent("compliance/training-content-summary.md")
        try Data("edited by hand\n".utf8).write(to: summary)
        let report = try ComplianceReport(releaseDirectory: release)
        #expect(report.documentProblems["compliance/training-content-summary.md"]?.contains("differs") == true)
        #expect(report.results.first { $0.id == "art53.1d.summary" }?.status == .missing)
        #expect(report.failing > 0)
    }

    @Test func jsonReportIsCanonicalAndComplete() throws {
        let report = try ComplianceReport(releaseDirectory: try Self.builtRelease(recipe: nil))
        let object = try #require(try JSONSerialization.jsonObject(with: try report.json()) as? [String: Any])
        #expect((object["obligations"] as? [Any])?.count == 22)
        #expect(object["tier"] as? String == "below_gpai_indicative")
    }

    /// A copy of the fixture release (optionally with another recipe) with its documents generated in place,
    /// as the package step would have written them.
    static func builtRelease(recipe: String?) throws -> URL {
        let temporary = try TemporaryDirectory(prefix: "glassbox-comply-")
        let release = try FixtureRelease.copy(into: temporary, recipe: recipe)
        try ReleaseDocuments(try RecordedInputs.load(releaseDirectory: release)).write(to: release)
        retained.append(temporary)
        return release
    }

    nonisolated(unsafe) static var retained: [TemporaryDirectory] = []
}
