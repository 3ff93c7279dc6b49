import Builder
import Digests
import Foundation
import Testing
import Verification

/// The real executors (fetch, prepare, tokenizer, train, evaluate, package) end to end on a small corpus
/// and a tiny model: the lock is the same across stores and thread counts, and reproduce matches; the
/// package step's card and EU documents are release files, signed, and editing one fails verification.
@Suite struct RealStepsTests {
    static let registry = ExecutorRegistry.standard

    static func corpus() -> String {
        var lines: [String] = []
        for index in 0..<400 {
            lines.append("Věta číslo \(index) o počasí, o městě a o řece \(index % 17).")
            lines.append("Veta číslo \(index) o počasí v meste pri rieke \(index % 13).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func fixture() throws -> BuildFixture {
        let fixture = try BuildFixture()
        let data = fixture.recipeURL.deletingLastPathComponent().appendingPathComponent("data")
        try Data(Self.corpus().utf8).write(to: data.appendingPathComponent("a.txt"))
        try Data(Self.corpus().uppercased().utf8).write(to: data.appendingPathComponent("b.txt"))
        return fixture
    }

    func options(_ fixture: BuildFixture, store: String, threads: Int) -> BuildOptions {
        BuildOptions(storeRoot: store, threads: threads, registry: Self.registry)
    }

    @Test func realStepsAreDeterministicAndReproduce() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let one = try ReleaseBuild(options: options(fixture, store: fixture.store, threads: 1))
            .build(recipeAt: fixture.recipeURL, releaseDirectory: fixture.release)
        #expect(one.lock.steps.map(\.status) == [.built, .built, .built, .built, .built, .built, .built])
        let two = try ReleaseBuild(options: options(fixture, store: fixture.root.appendingPathComponent("s2").path, threads: 2))
            .build(recipeAt: fixture.recipeURL, releaseDirectory: fixture.root.appendingPathComponent("r2"))
        #expect(try one.lock.canonicalJSON() == two.lock.canonicalJSON())
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.release.path).sorted()
        #expect(files == ["README.md", "compliance", "config.json", "data", "eval", "generation_config.json", "model.safetensors",
                          "recipe.lock.json", "recipe.toml", "special_tokens_map.json", "tokenizer.json", "tokenizer_config.json", "training"])
        let packaged = one.lock.steps.first { $0.id == "package" }?.files?.compactMap(\.releasePath).sorted()
        #expect(packaged == ["README.md", "compliance/compliance.json", "compliance/copyright-policy.md", "compliance/downstream-information.md",
                             "compliance/technical-documentation.md", "compliance/training-content-summary.md", "eval/languages.svg", "training/loss.svg"])
        let evaluated = one.lock.steps.first { $0.id == "evaluate" }?.files?.compactMap(\.releasePath).sorted()
        #expect(evaluated == ["eval/baseline.json", "eval/fertility.json", "eval/results.json"])
        var reproduce = options(fixture, store: fixture.store, threads: 2)
        reproduce.dataDirectory = fixture.recipeURL.deletingLastPathComponent()
        let report = try Reproducer(options: reproduce).reproduce(release: fixture.release)
        #expect(report.matched)
    }

    @Test func editingTheSignedCardFailsVerification() throws {
        let fixture = try BuildFixture(recipe: BuildFixture.recipeText + "[publish]\nsigning_key = \"keys/release.pem\"\n")
        defer { fixture.remove() }
        let data = fixture.recipeURL.deletingLastPathComponent().appendingPathComponent("data")
        try Data(Self.corpus().utf8).write(to: data.appendingPathComponent("a.txt"))
        try Data(Self.corpus().uppercased().utf8).write(to: data.appendingPathComponent("b.txt"))
        let key = try SigningKey.generate(.ecdsaP256)
        let keys = fixture.recipeURL.deletingLastPathComponent().appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        try Data(try key.pkcs8PEM(passphrase: nil).utf8).write(to: keys.appendingPathComponent("release.pem"))
        let result = try ReleaseBuild(options: options(fixture, store: fixture.store, threads: 2))
            .build(recipeAt: fixture.recipeURL, releaseDirectory: fixture.release)
        let signed = try #require(result.signed)
        #expect(signed.checksummed.contains("README.md") && signed.checksummed.contains("compliance/compliance.json"))
        let verifier = ReleaseVerifier(publicKey: ("release.pub", try key.verifyingKey()))
        #expect(try verifier.verify(fixture.release).passed)
        let card = fixture.release.appendingPathComponent("README.md")
        try Data((try String(contentsOf: card, encoding: .utf8) + "\nedited after signing\n").utf8).write(to: card)
        let report = try verifier.verify(fixture.release)
        #expect(!report.passed)
        #expect(report.problems.contains { $0.path == "README.md" })
    }

    @Test func aCorpusTooSmallForVocabSizeIsRefusedNotMismatched() throws {
        let recipe = BuildFixture.recipeText.replacingOccurrences(of: "vocab_size = 300", with: "vocab_size = 100000")
        let fixture = try BuildFixture(recipe: recipe)
        defer { fixture.remove() }
        let data = fixture.recipeURL.deletingLastPathComponent().appendingPathComponent("data")
        try Data(Self.corpus().utf8).write(to: data.appendingPathComponent("a.txt"))
        try Data(Self.corpus().uppercased().utf8).write(to: data.appendingPathComponent("b.txt"))
        #expect {
            _ = try ReleaseBuild(options: options(fixture, store: fixture.store, threads: 2)).build(recipeAt: fixture.recipeURL, releaseDirectory: fixture.release)
        } throws: { error in
            let text = "\(error)"
            return text.contains("step tokenizer failed") && text.contains("vocab_size = 100000") && text.contains("set vocab_size = ")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.release.path))
    }
}
