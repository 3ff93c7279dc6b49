import Builder
import ContentStorage
import Digests
import Foundation
import Testing

@Suite struct BuildEngineTests {
    @Test func buildThenRebuildReusesTheCacheAndWritesTheSameLock() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let first = EventLog()
        let built = try fixture.build(events: first.record)
        #expect(first.all == ["fetch.a:ran", "fetch.b:ran", "prepare:ran", "tokenizer:ran", "train:ran",
                              "evaluate:not-available", "package:blocked"])
        let lockBytes = try Data(contentsOf: fixture.release.appendingPathComponent("recipe.lock.json"))
        #expect(lockBytes == (try built.lock.canonicalJSON()))
        let second = EventLog()
        _ = try fixture.build(events: second.record)
        #expect(second.all.prefix(5) == ["fetch.a:cached", "fetch.b:cached", "prepare:cached", "tokenizer:cached", "train:cached"])
        #expect(try Data(contentsOf: fixture.release.appendingPathComponent("recipe.lock.json")) == lockBytes)
        let uncached = try fixture.build(useCache: false)
        #expect(try uncached.lock.canonicalJSON() == lockBytes)
    }

    @Test func releaseHoldsRecipeLockAndReleaseFiles() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let result = try fixture.build()
        let files = try FileManager.default.subpathsOfDirectory(atPath: result.releaseDirectory.path).sorted()
        #expect(files == ["data", "data/stats.json", "model.safetensors", "recipe.lock.json", "recipe.toml",
                          "tokenizer.json", "training", "training/log.jsonl"])
        #expect(try Data(contentsOf: result.releaseDirectory.appendingPathComponent("recipe.toml")) == Data(BuildFixture.recipeText.utf8))
        let log = try String(contentsOf: result.logFile, encoding: .utf8)
        #expect(log.contains("\"threads\":\"2\""))
        let lock = try String(contentsOf: result.releaseDirectory.appendingPathComponent("recipe.lock.json"), encoding: .utf8)
        #expect(!lock.contains("time"))
    }

    @Test func planShowsKeysAndStates() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let recipe = try RecipeLoading.load(fixture.recipeURL)
        let before = try BuildPlan(recipe: recipe, recipeDirectory: fixture.recipeURL.deletingLastPathComponent(), options: fixture.options())
        #expect(before.steps.map(\.state) == ["to-run", "to-run", "to-run", "to-run", "to-run", "not-available", "blocked", "skipped"])
        #expect(before.steps.map { $0.key != nil } == [true, true, false, false, false, false, false, false])
        let built = try fixture.build()
        let after = try BuildPlan(recipe: recipe, recipeDirectory: fixture.recipeURL.deletingLastPathComponent(), options: fixture.options())
        #expect(after.steps.map(\.state) == ["cached", "cached", "cached", "cached", "cached", "not-available", "blocked", "skipped"])
        #expect(after.steps.dropLast().map(\.key) == built.lock.steps.map(\.key))
        #expect(after.steps.last?.note == ReleaseBuild.unsignedNote)
    }

    @Test func missingOrCorruptStoreObjectIsRebuiltWithAWarning() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let built = try fixture.build()
        let store = ContentStore(root: fixture.store)
        let file = try #require(built.lock.step("tokenizer")?.files?.first)
        try FileManager.default.removeItem(atPath: store.objectPath(for: file.digest))
        let events = EventLog()
        let rebuilt = try fixture.build(events: events.record)
        #expect(events.all.contains { $0.hasPrefix("warning:step tokenizer:") })
        #expect(events.all.contains("tokenizer:ran"))
        #expect(try rebuilt.lock.canonicalJSON() == built.lock.canonicalJSON())
    }

    @Test func corruptStoreObjectIsReplacedByTheRebuild() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let built = try fixture.build()
        let store = ContentStore(root: fixture.store)
        let file = try #require(built.lock.step("train")?.files?.first { $0.path == "model.safetensors" })
        let path = store.objectPath(for: file.digest)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[0] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let events = EventLog()
        let rebuilt = try fixture.build(events: events.record)
        #expect(events.all.contains { $0.hasPrefix("warning:step train:") && $0.contains("is corrupt in the store") })
        #expect(events.all.contains("train:ran"))
        #expect(try rebuilt.lock.canonicalJSON() == built.lock.canonicalJSON())
        #expect(try Digest.sha256(ofFileAt: path) == file.digest)
    }

    @Test func concurrentBuildsSharingAStoreAgree() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let locks = LockBox()
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            let release = fixture.root.appendingPathComponent("parallel/\(index)/release")
            locks.add(try? fixture.build(release: release).lock.canonicalJSON())
        }
        #expect(locks.values.count == 3)
        #expect(Set(locks.values.compactMap { $0 }).count == 1)
    }

    @Test func missingLocalSourceNamesStepAndPath() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.recipeURL.deletingLastPathComponent().appendingPathComponent("data/a.txt"))
        #expect {
            _ = try fixture.build()
        } throws: { error in
            "\(error)".contains("step fetch.a: input") && "\(error)".contains("data/a.txt does not exist")
        }
    }
}

/// Thread-safe collection of results from concurrent builds.
final class LockBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Data?] = []
    func add(_ value: Data?) {
        lock.lock()
        stored.append(value)
        lock.unlock()
    }
    var values: [Data?] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
