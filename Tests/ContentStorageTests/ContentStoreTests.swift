import ContentStorage
import Digests
import Foundation
import Testing
import TestSupport

@Suite("Content store: put, get, directories")
struct ContentStoreTests {
    @Test("put then get, has and list; putting the same bytes again is a no-op")
    func putGet() throws {
        let directory = try TemporaryDirectory()
        let store = ContentStore(root: directory.path + "/store")
        let bytes = patternBytes(count: 3_000_000)
        let file = try directory.write("input.bin", bytes)
        let object = try store.put(fileAt: file)
        #expect(object == StoredObject(digest: Digest.sha256(of: bytes), size: 3_000_000))
        #expect(store.has(object.digest))
        #expect(try store.get(object.digest) == Data(bytes))
        #expect(try store.put(bytes: bytes) == object)
        #expect(try store.list() == [object])
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.root + "/tmp").isEmpty)
        #expect(store.objectPath(for: object.digest).hasSuffix("/objects/sha256/" + object.digest.hex.prefix(2) + "/" + object.digest.hex))
    }

    @Test("an expected digest that does not match stores nothing and leaves no temporary file")
    func expectedMismatch() throws {
        let directory = try TemporaryDirectory()
        let store = ContentStore(root: directory.path + "/store")
        let file = try directory.write("input", text: "content")
        let wrong = Digest.sha256(of: "other")
        #expect(throws: StoreError.digestMismatch(expected: wrong, actual: Digest.sha256(of: "content"), source: file)) {
            try store.put(fileAt: file, expected: wrong)
        }
        #expect(try store.list().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.root + "/tmp").isEmpty)
        let stored = try store.put(bytes: Array("other".utf8))
        #expect(try store.put(fileAt: try directory.write("same", text: "other"), expected: wrong) == stored)
        #expect(throws: StoreError.self) { try store.put(fileAt: file, expected: wrong) }
    }

    @Test("missing objects and missing files are errors naming them")
    func missing() throws {
        let directory = try TemporaryDirectory()
        let store = ContentStore(root: directory.path + "/store")
        let digest = Digest.sha256(of: "nothing")
        #expect(throws: StoreError.objectNotFound(digest, root: store.root)) { try store.get(digest) }
        #expect(!store.has(digest))
        #expect(throws: StoreError.self) { try store.put(fileAt: directory.path + "/absent") }
        #expect(throws: StoreError.self) { try store.put(fileAt: directory.path) }
    }

    @Test("ObjectWriter streams pieces; an abandoned writer leaves nothing")
    func writer() throws {
        let directory = try TemporaryDirectory()
        let store = ContentStore(root: directory.path + "/store")
        let writer = try ObjectWriter(store: store)
        try writer.write(Array("hello, ".utf8))
        try writer.write(Array("world".utf8))
        let object = try writer.commit(expected: Digest.sha256(of: "hello, world"))
        #expect(try store.get(object.digest) == Data("hello, world".utf8))
        do {
            let abandoned = try ObjectWriter(store: store)
            try abandoned.write(Array("partial".utf8))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.root + "/tmp").isEmpty)
        #expect(try store.list().count == 1)
    }

    @Test("a directory imports and exports bit for bit, and its digest is its manifest's")
    func directories() throws {
        let directory = try TemporaryDirectory()
        let store = ContentStore(root: directory.path + "/store")
        try directory.write("tree/a.txt", text: "alpha")
        try directory.write("tree/sub dir/ž.bin", patternBytes(count: 70_000))
        try directory.write("tree/sub dir/copy.txt", text: "alpha")
        try directory.write("tree/empty", [])
        let imported = try store.importDirectory(at: directory.path + "/tree", threads: 2)
        #expect(imported.digest == (try Manifest.scan(directory: directory.path + "/tree")).digest)
        #expect(imported.newObjects == 4)
        #expect(try store.importDirectory(at: directory.path + "/tree").newObjects == 0)
        let manifest = try store.exportDirectory(imported.digest, to: directory.path + "/out")
        #expect(manifest == imported.manifest)
        #expect(try Manifest.scan(directory: directory.path + "/out") == imported.manifest)
        #expect(throws: StoreError.destinationExists(path: directory.path + "/out")) {
            try store.exportDirectory(imported.digest, to: directory.path + "/out")
        }
        let siblings = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!siblings.contains { $0.contains(".glassbox-") || $0.contains(".tmp-") || $0.contains(".old-") })
    }

    @Test("GLASSBOX_HOME chooses the store, else ~/.cache/glassbox")
    func defaultRoot() {
        #expect(ContentStore.defaultRoot(environment: ["GLASSBOX_HOME": "/x/y", "HOME": "/h"]) == "/x/y")
        #expect(ContentStore.defaultRoot(environment: ["GLASSBOX_HOME": "", "HOME": "/h"]) == "/h/.cache/glassbox")
        #expect(ContentStore(environment: ["GLASSBOX_HOME": "/s/"]).root == "/s")
    }
}
