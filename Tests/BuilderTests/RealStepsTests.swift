import Builder
import Foundation
import Testing

/// The real executors (fetch, prepare, tokenizer, train, evaluate) end to end on a small corpus and a
/// tiny model: the lock is the same across stores and thread counts, and reproduce matches.
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
        #expect(one.lock.steps.map(\.status) == [.built, .built, .built, .built, .built, .built, .notAvailable])
        let two = try ReleaseBuild(options: options(fixture, store: fixture.root.appendingPathComponent("s2").path, threads: 2))
            .build(recipeAt: fixture.recipeURL, releaseDirectory: fixture.root.appendingPathComponent("r2"))
        #expect(try one.lock.canonicalJSON() == two.lock.canonicalJSON())
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.release.path).sorted()
        #expect(files == ["config.json", "data", "eval", "generation_config.json", "model.safetensors", "recipe.lock.json",
                          "recipe.toml", "special_tokens_map.json", "tokenizer.json", "tokenizer_config.json", "training"])
        var reproduce = options(fixture, store: fixture.store, threads: 2)
        reproduce.dataDirectory = fixture.recipeURL.deletingLastPathComponent()
        let report = try Reproducer(options: reproduce).reproduce(release: fixture.release)
        #expect(report.matched)
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
