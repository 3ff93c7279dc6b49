import Builder
import Foundation
import RecipeFormat
import TestSupport

/// A temporary recipe directory with two local sources, a store, and helpers to build it.
struct BuildFixture {
    let root: URL
    var recipeURL: URL { root.appendingPathComponent("recipe/recipe.toml") }
    var store: String { root.appendingPathComponent("store").path }
    var release: URL { root.appendingPathComponent("out/release") }

    static let recipeText = """
        format = 1
        [release]
        name = "test"
        version = "1.0"
        license = "MIT"
        [[data.sources]]
        id = "a"
        uri = "file:data/a.txt"
        languages = ["cs"]
        license = "CC0-1.0"
        redistributable = true
        tdm_opt_out_respected = true
        [[data.sources]]
        id = "b"
        uri = "file:data/b.txt"
        languages = ["sk"]
        license = "CC0-1.0"
        redistributable = false
        tdm_opt_out_respected = true
        notes = "second source"
        [data]
        seed = 3
        [tokenizer]
        vocab_size = 300
        [model]
        hidden_size = 16
        num_layers = 1
        num_attention_heads = 2
        intermediate_size = 32
        context_length = 32
        [training]
        sequence_length = 16
        batch_size = 2
        steps = 5
        learning_rate = 0.01
        [evaluation]
        stride = 8

        """

    init(recipe: String = BuildFixture.recipeText) throws {
        root = try TemporaryDirectory.create(prefix: "builder-test-")
        let data = root.appendingPathComponent("recipe/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data(recipe.utf8).write(to: recipeURL)
        try Data("ahoj světe\n".utf8).write(to: data.appendingPathComponent("a.txt"))
        try Data("dobrý deň\n".utf8).write(to: data.appendingPathComponent("b.txt"))
    }

    /// A fixture already on disk (the crash test's child process).
    init(existing root: URL) {
        self.root = root
    }

    func options(store: String? = nil, useCache: Bool = true, registry: ExecutorRegistry = .doubles,
                 events: @escaping @Sendable (BuildEvent) -> Void = { _ in }) -> BuildOptions {
        BuildOptions(storeRoot: store ?? self.store, threads: 2, useCache: useCache, registry: registry, events: events)
    }

    func build(store: String? = nil, useCache: Bool = true, release: URL? = nil,
               events: @escaping @Sendable (BuildEvent) -> Void = { _ in }) throws -> ReleaseBuild.Result {
        try ReleaseBuild(options: options(store: store, useCache: useCache, events: events)).build(recipeAt: recipeURL, releaseDirectory: release ?? self.release)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Collects events from a build (thread-safe).
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []

    func record(_ event: BuildEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case let .finished(step, cached, _): events.append("\(step):\(cached ? "cached" : "ran")")
        case let .skipped(step, status, _): events.append("\(step):\(status.rawValue)")
        case let .warning(message): events.append("warning:\(message)")
        default: break
        }
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return events
    }
}
