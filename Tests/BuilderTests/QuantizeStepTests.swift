import Builder
import Foundation
import GGUF
import Testing

/// The `quantize` step with the real executors: `[[quantize]]` variants become GGUF files in the
/// release, locked like every output, identical across thread counts and stores, and reproduced.
@Suite struct QuantizeStepTests {
    static let recipe = BuildFixture.recipeText
        .replacingOccurrences(of: "hidden_size = 16", with: "hidden_size = 32")
        .replacingOccurrences(of: "intermediate_size = 32", with: "intermediate_size = 64")
        + "[[quantize]]\ntype = \"q8_0\"\n[[quantize]]\ntype = \"q4_0\"\n"

    func fixture() throws -> BuildFixture {
        let fixture = try BuildFixture(recipe: Self.recipe)
        let data = fixture.recipeURL.deletingLastPathComponent().appendingPathComponent("data")
        try Data(RealStepsTests.corpus().utf8).write(to: data.appendingPathComponent("a.txt"))
        try Data(RealStepsTests.corpus().uppercased().utf8).write(to: data.appendingPathComponent("b.txt"))
        return fixture
    }

    @Test func variantsAreBuiltLockedAndReproducedBitForBit() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let one = try ReleaseBuild(options: BuildOptions(storeRoot: fixture.store, threads: 1, registry: .standard))
            .build(recipeAt: fixture.recipeURL, releaseDirectory: fixture.release)
        #expect(one.lock.steps.map(\.id).contains("quantize"))
        #expect(one.lock.steps.first { $0.id == "quantize" }?.status == .built)
        let other = fixture.root.appendingPathComponent("r2")
        let two = try ReleaseBuild(options: BuildOptions(storeRoot: fixture.root.appendingPathComponent("s2").path, threads: 2, registry: .standard))
            .build(recipeAt: fixture.recipeURL, releaseDirectory: other)
        #expect(try one.lock.canonicalJSON() == two.lock.canonicalJSON())
        for type in ["q8_0", "q4_0"] {
            let file = fixture.release.appendingPathComponent("model-\(type).gguf")
            let bytes = try Data(contentsOf: file)
            #expect(bytes == (try Data(contentsOf: other.appendingPathComponent("model-\(type).gguf"))))
            let doc = try GGUFDocument(contentsOf: file)
            #expect(doc["general.name"]?.string == "test-1.0")
            #expect(doc.tensor(named: "blk.0.ffn_down.weight")?.type.rawValue == type)
        }
        var reproduce = BuildOptions(storeRoot: fixture.store, threads: 2, registry: .standard)
        reproduce.dataDirectory = fixture.recipeURL.deletingLastPathComponent()
        #expect(try Reproducer(options: reproduce).reproduce(release: fixture.release).matched)
    }
}
