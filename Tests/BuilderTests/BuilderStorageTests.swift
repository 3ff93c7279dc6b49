import Builder
import ContentStorage
import Digests
import Foundation
import Testing

/// `store ls` / `gc` see the builder's files: records, outputs, scratch checkpoints and stale locks.
@Suite struct BuilderStorageTests {
    @Test func usageCountsBuilderFilesAndCollectKeepsOnlyWhatALockNames() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let built = try fixture.build()
        let storage = BuilderStorage(storeRoot: fixture.store)
        let scratch = storage.root.appendingPathComponent("scratch/\(String(repeating: "ab", count: 32))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try Data(count: 4096).write(to: scratch.appendingPathComponent("checkpoint.bin"))
        let staleLock = storage.root.appendingPathComponent("work/\(String(repeating: "cd", count: 32)).lock")
        try FileManager.default.createDirectory(at: staleLock.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: staleLock)
        let usage = Dictionary(uniqueKeysWithValues: storage.usage().map { ($0.name, $0) })
        #expect(usage["scratch"]?.bytes ?? 0 >= 4096)
        #expect(usage["steps"]?.entries ?? 0 >= 5)

        let keys = Set(LockReferences.digests(inText: String(decoding: try built.lock.canonicalJSON(), as: UTF8.self)))
        let dry = storage.collect(keeping: keys, dryRun: true)
        #expect(dry.removed.contains("scratch/\(scratch.lastPathComponent)") && dry.removed.contains("work/\(staleLock.lastPathComponent)"))
        #expect(FileManager.default.fileExists(atPath: scratch.path), "a dry run removes nothing")
        #expect(!dry.removed.contains { $0.hasPrefix("steps/") }, "records of the kept lock stay: \(dry.removed)")
        let done = storage.collect(keeping: keys, dryRun: false)
        #expect(done.bytesFreed >= 4096)
        #expect(!FileManager.default.fileExists(atPath: scratch.path) && !FileManager.default.fileExists(atPath: staleLock.path))
        let again = EventLog()
        _ = try fixture.build(events: again.record)
        #expect(again.all.prefix(5).allSatisfy { $0.hasSuffix(":cached") }, "the kept steps are still cached: \(again.all)")

        let everything = storage.collect(keeping: [], dryRun: false)
        #expect(everything.removed.contains { $0.hasPrefix("steps/") })
    }
}
