import Foundation
import Testing
import TestSupport
@testable import ReleaseDocs

/// The documents of the fixture release, byte for byte against committed goldens (reviewed by eye when
/// they change; RELEASEDOCS_UPDATE_GOLDENS=1 rewrites them), and the guarantee that both ways of reading
/// the recorded files (the package step's input folders, a finished release) give the same bytes.
struct GoldenDocumentTests {
    @Test func documentsMatchTheCommittedGoldens() throws {
        let documents = try FixtureRelease.documents()
        #expect(documents.files.keys.sorted() == ReleaseDocuments.paths)
        let update = ProcessInfo.processInfo.environment["RELEASEDOCS_UPDATE_GOLDENS"] == "1"
        for path in ReleaseDocuments.paths {
            let generated = try #require(documents.files[path])
            if update {
                let target = FixtureRelease.sourceFixtures.appendingPathComponent("golden").appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try generated.write(to: target)
                continue
            }
            let golden = try Data(contentsOf: FixtureRelease.fixtures.appendingPathComponent("golden").appendingPathComponent(path))
            #expect(generated == golden, "\(path) differs from Fixtures/golden/\(path); review the change, then rerun with RELEASEDOCS_UPDATE_GOLDENS=1")
        }
    }

    @Test func stepLayoutAndReleaseLayoutGiveTheSameBytes() throws {
        let release = FixtureRelease.directory
        let fromRelease = try ReleaseDocuments(try RecordedInputs.load(releaseDirectory: release))
        let temporary = try TemporaryDirectory()
        for file in RecordedFile.files(imported: false) {
            let data = try Data(contentsOf: release.appendingPathComponent(file.releasePath))
            try temporary.write("\(file.step)/\(file.stepPath)", [UInt8](data))
        }
        let steps = URL(fileURLWithPath: temporary.path)
        let recorded = try RecordedInputs(recipe: fromRelease.facts.recipe, coreVersion: fromRelease.facts.inputs.coreVersion,
                                          stepOutputs: fromRelease.facts.inputs.stepOutputs) { file in
            steps.appendingPathComponent(file.step).appendingPathComponent(file.stepPath)
        }
        let fromSteps = try ReleaseDocuments(recorded)
        #expect(fromSteps.files == fromRelease.files)
        #expect(try ReleaseDocuments(recorded).files == fromSteps.files, "generation is deterministic")
    }

    @Test func thinLanguagesAreRelativeToAnEqualShare() {
        func language(_ code: String, _ bytes: Int, _ share: Double) -> LanguageFacts {
            LanguageFacts(code: code, documents: 1, evalDocuments: 1, bytes: bytes, share: share)
        }
        let even = [language("cs", 150_000, 0.34), language("de", 149_000, 0.33), language("mt", 140_000, 0.33)]
        #expect(DataFacts.thin(even).isEmpty, "evenly sampled languages are not thin, however small the model")
        let starved = [language("cs", 150_000, 0.5), language("de", 148_000, 0.49), language("mt", 2_400, 0.01)]
        #expect(DataFacts.thin(starved).map(\.code) == ["mt"])
        #expect(DataFacts.thin([language("mt", 2_400, 1)]).isEmpty, "one language is never thin")
    }

    @Test func cardCarriesTheFactsTheIssueAsksFor() throws {
        let card = String(decoding: try #require(try FixtureRelease.documents().files["README.md"]), as: UTF8.self)
        for expected in ["license: \"apache-2.0\"", "- \"cs\"", "pipeline_tag: \"text-generation\"", "library_name: \"transformers\"",
                         "model-index:", "## Training data", "Tokens per word", "FLOP", "g CO₂e/kWh", "Untrained baseline",
                         "![Training loss per step](training/loss.svg)", "eval/languages.svg", "glassbox verify",
                         "glassbox reproduce", "## Licence", "@misc{", "Class III (Open Model)"] {
            #expect(card.contains(expected), "README.md lacks \(expected)")
        }
        for word in ["compliant", "certified", "Compliant", "Certified"] {
            for document in try FixtureRelease.documents().files.values {
                #expect(!String(decoding: document, as: UTF8.self).contains(word), "a document says \(word)")
            }
        }
    }

    @Test func missingRecordedFileIsNamed() throws {
        let temporary = try TemporaryDirectory()
        let release = try FixtureRelease.copy(into: temporary)
        try FileManager.default.removeItem(at: release.appendingPathComponent("eval/baseline.json"))
        #expect(throws: ReleaseDocsError.self) { try RecordedInputs.load(releaseDirectory: release) }
        do {
            _ = try RecordedInputs.load(releaseDirectory: release)
        } catch {
            #expect(error.description.contains("eval/baseline.json"))
        }
    }
}
