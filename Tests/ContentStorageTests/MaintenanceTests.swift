import ContentStorage
import Digests
import Foundation
import Testing
import TestSupport

@Suite("Content store: fsck and gc")
struct MaintenanceTests {
    @Test("fsck finds a flipped byte, quarantines the object and reports it")
    func fsckFlippedByte() throws {
        let directory = try TemporaryDirectory()
        let store = ContentStore(root: directory.path + "/store")
        let good = try store.put(bytes: patternBytes(count: 10_000, seed: 1))
        let bad = try store.put(bytes: patternBytes(count: 10_000, seed: 2))
        #expect(try store.fsck().passed)
        let path = store.objectPath(for: bad.digest)
        chmod(path, 0o644)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[4321] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = try store.fsck(threads: 2)
        #expect(report.checkedObjects == 2)
        #expect(report.corrupt.map(\.digest) == [bad.digest])
        #expect(report.corrupt.first?.actual == Digest.sha256(of: bytes))
        let quarantined = try #require(report.corrupt.first?.quarantinedAt)
        #expect(FileManager.default.fileExists(atPath: quarantined))
        #expect(!store.has(bad.digest))
        #expect(store.has(good.digest))
        #expect(try store.fsck().passed)
        #expect(throws: StoreError.self) { try store.get(bad.digest) }
    }

    @Test("get refuses an object whose bytes changed")
    func getChecks() throws {
        let directory = try TemporaryDirectory()
        let store = ContentStore(root: directory.path + "/store")
        let object = try store.put(bytes: Array("original".utf8))
        let path = store.objectPath(for: object.digest)
        chmod(path, 0o644)
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.corruptObject(object.digest, actual: Digest.sha256(of: "tampered"), path: path)) {
            try store.get(object.digest)
        }
    }

    @Test("gc keeps what lock files reference (at any depth, and files of kept manifests) and frees the rest")
    func gcKeepsReferenced() throws {
        let directory = try TemporaryDirectory()
        let store = ContentStore(root: directory.path + "/store")
        let kept = try store.put(bytes: Array("kept".utf8))
        let keyed = try store.put(bytes: Array("as a key".utf8))
        let garbage = try store.put(bytes: patternBytes(count: 1234))
        try directory.write("tree/f1", text: "file one")
        try directory.write("tree/f2", text: "file two")
        let tree = try store.importDirectory(at: directory.path + "/tree")
        let lock = """
            {"format": 1, "steps": {"\(keyed.digest)": {"outputs": ["\(kept.digest)"], "note": "tree \(tree.digest) ok"}},
             "numbers": [1, 2.5, null, true]}
            """
        let lockPath = try directory.write("recipe.lock.json", text: lock)
        let dry = try store.collectGarbage(keepingLockFiles: [lockPath], dryRun: true)
        #expect(dry.removed == [garbage])
        #expect(store.has(garbage.digest))
        let report = try store.collectGarbage(keepingLockFiles: [lockPath])
        #expect(report.removed == [garbage])
        #expect(report.bytesFreed == 1234)
        #expect(report.keptObjects == 5)
        #expect(!store.has(garbage.digest))
        for digest in [kept.digest, keyed.digest, tree.digest] + tree.manifest.entries.map(\.digest) {
            #expect(store.has(digest))
        }
    }

    @Test("gc refuses a lock file that is not JSON and removes nothing")
    func gcBadLock() throws {
        let directory = try TemporaryDirectory()
        let store = ContentStore(root: directory.path + "/store")
        let object = try store.put(bytes: Array("x".utf8))
        let lockPath = try directory.write("bad.lock", text: "sha256: not json {")
        #expect(throws: StoreError.self) { try store.collectGarbage(keepingLockFiles: [lockPath]) }
        #expect(throws: StoreError.self) { try store.collectGarbage(keepingLockFiles: [directory.path + "/none"]) }
        #expect(store.has(object.digest))
    }

    @Test("digests are found inside longer strings; wrong lengths and uppercase are not digests")
    func lockScanning() {
        let hex = Digest.sha256(of: "a").hex
        #expect(LockReferences.digests(inText: "x sha256:\(hex) y").map(\.hex) == [hex])
        #expect(LockReferences.digests(inText: "sha256:\(hex.prefix(63))").isEmpty)
        #expect(LockReferences.digests(inText: "sha256:\(hex.uppercased())").isEmpty)
    }
}
