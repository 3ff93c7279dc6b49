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
        try Self.checkVariantScores(release: fixture.release)
        var reproduce = BuildOptions(storeRoot: fixture.store, threads: 2, registry: .standard)
        reproduce.dataDirectory = fixture.recipeURL.deletingLastPathComponent()
        #expect(try Reproducer(options: reproduce).reproduce(release: fixture.release).matched)
    }

    /// `eval/results.json` scores each variant on the same documents as float32, and the model card
    /// shows what each costs per language.
    static func checkVariantScores(release: URL) throws {
        struct Scores: Decodable {
            struct Row: Decodable { let language: String; let bits_per_byte: Double }
            struct Variant: Decodable { let languages: [Row]; let documents_sha256: String? }
            let languages: [Row]
            let documents_sha256: String?
            let variants: [String: Variant]?
        }
        let results = try JSONDecoder().decode(Scores.self, from: Data(contentsOf: release.appendingPathComponent("eval/results.json")))
        let variants = try #require(results.variants)
        #expect(variants.keys.sorted() == ["q4_0", "q8_0"])
        for (type, variant) in variants {
            #expect(variant.languages.map(\.language) == results.languages.map(\.language))
            #expect(variant.documents_sha256 == results.documents_sha256)
            for (q, f) in zip(variant.languages, results.languages) {
                #expect(abs(q.bits_per_byte / f.bits_per_byte - 1) < (type == "q8_0" ? 0.02 : 0.2), "\(type) \(q.language)")
            }
        }
        let card = try String(contentsOf: release.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(card.contains("### What quantization costs in each language"))
        #expect(card.contains("| Language | Bytes | float32 | q4_0 | Δ q4_0 | q8_0 | Δ q8_0 |"))
    }
}
