import Builder
import Digests
import Foundation
import RecipeFormat
import Testing

/// Step keys change exactly when a step's inputs change: its recipe fields, its input digests, the core version.
@Suite struct StepKeyTests {
    struct Edit: CustomStringConvertible, Sendable {
        let old: String
        let new: String
        let changed: Set<String>
        var description: String { "\(old) → \(new)" }
    }

    static let edits: [Edit] = [
        Edit(old: "format = 1", new: "format = 1 # a comment", changed: []),
        Edit(old: "name = \"test\"", new: "name = \"other\"", changed: ["package"]),
        Edit(old: "notes = \"second source\"", new: "notes = \"edited\"", changed: ["package"]),
        Edit(old: "uri = \"file:data/a.txt\"", new: "uri = \"file:data/b.txt\"", changed: ["fetch.a", "package"]),
        Edit(old: "license = \"CC0-1.0\"\nredistributable = true", new: "license = \"MIT\"\nredistributable = true", changed: ["prepare", "package"]),
        Edit(old: "seed = 3", new: "seed = 4", changed: ["prepare"]),
        Edit(old: "vocab_size = 300", new: "vocab_size = 301", changed: ["tokenizer"]),
        Edit(old: "hidden_size = 16", new: "hidden_size = 32", changed: ["train"]),
        Edit(old: "steps = 5", new: "steps = 6", changed: ["train"]),
        Edit(old: "learning_rate = 0.01", new: "learning_rate = 1e-2", changed: []),
        Edit(old: "stride = 8", new: "stride = 4", changed: ["evaluate"]),
    ]

    static func graph(_ text: String, directory: URL) throws -> StepGraph {
        try StepGraph(recipe: try Recipe.parse(text: text, file: "recipe.toml"), recipeDirectory: directory)
    }

    @Test(arguments: edits)
    func editChangesExactlyTheStepsThatReadIt(edit: Edit) throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let directory = fixture.recipeURL.deletingLastPathComponent()
        #expect(BuildFixture.recipeText.contains(edit.old))
        let before = try Self.graph(BuildFixture.recipeText, directory: directory)
        let after = try Self.graph(BuildFixture.recipeText.replacingOccurrences(of: edit.old, with: edit.new), directory: directory)
        var changed: Set<String> = []
        for step in before.steps where after.step(step.id) != step { changed.insert(step.id) }
        #expect(changed == edit.changed)
    }

    @Test func editingALocalSourceFileChangesOnlyItsFetchStep() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let directory = fixture.recipeURL.deletingLastPathComponent()
        let before = try Self.graph(BuildFixture.recipeText, directory: directory)
        try Data("changed\n".utf8).write(to: directory.appendingPathComponent("data/b.txt"))
        let after = try Self.graph(BuildFixture.recipeText, directory: directory)
        #expect(before.steps.filter { after.step($0.id) != $0 }.map(\.id) == ["fetch.b"])
    }

    @Test func keyDependsOnKindConfigInputsAndCoreVersion() throws {
        let a = Digest.sha256(of: "a")
        let b = Digest.sha256(of: "b")
        let base = StepKeyMaterial(kind: .prepare, config: "{\"seed\":1}", inputs: ["fetch.x": a], coreVersion: "v1")
        let variants = [
            StepKeyMaterial(kind: .tokenizer, config: "{\"seed\":1}", inputs: ["fetch.x": a], coreVersion: "v1"),
            StepKeyMaterial(kind: .prepare, config: "{\"seed\":2}", inputs: ["fetch.x": a], coreVersion: "v1"),
            StepKeyMaterial(kind: .prepare, config: "{\"seed\":1}", inputs: ["fetch.x": b], coreVersion: "v1"),
            StepKeyMaterial(kind: .prepare, config: "{\"seed\":1}", inputs: ["fetch.y": a], coreVersion: "v1"),
            StepKeyMaterial(kind: .prepare, config: "{\"seed\":1}", inputs: ["fetch.x": a], coreVersion: "v2"),
        ]
        let key = try base.key()
        #expect(try StepKeyMaterial(kind: .prepare, config: "{\"seed\":1}", inputs: ["fetch.x": a], coreVersion: "v1").key() == key)
        for variant in variants { #expect(try variant.key() != key) }
    }
}
