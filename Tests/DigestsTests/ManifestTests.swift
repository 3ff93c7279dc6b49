import Digests
import Foundation
import Testing
import TestSupport

@Suite("Directory manifests")
struct ManifestTests {
    private func makeTree() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("b.txt", text: "bee")
        try directory.write("a/z.bin", patternBytes(count: 5000))
        try directory.write("a b/čeština ünïcode.txt", text: "Dobrý den")
        try directory.write("A.txt", text: "")
        try directory.write("deep/er/still/x", text: "x")
        return directory
    }

    @Test("entries are sorted by path bytes and carry sizes and digests")
    func scan() throws {
        let directory = try makeTree()
        let manifest = try Manifest.scan(directory: directory.path, threads: 2)
        #expect(manifest.entries.map(\.path) == ["A.txt", "a b/čeština ünïcode.txt", "a/z.bin", "b.txt", "deep/er/still/x"])
        let zbin = try #require(manifest.entries.first { $0.path == "a/z.bin" })
        #expect(zbin.size == 5000)
        #expect(zbin.digest == Digest.sha256(of: patternBytes(count: 5000)))
        #expect(manifest.totalSize == 5000 + 3 + 10 + 1)
    }

    @Test("the digest does not depend on threads, creation order or the root's name")
    func stableDigest() throws {
        let first = try makeTree()
        let second = try TemporaryDirectory()
        try second.write("deep/er/still/x", text: "x")
        try second.write("A.txt", text: "")
        try second.write("b.txt", text: "bee")
        try second.write("a b/čeština ünïcode.txt", text: "Dobrý den")
        try second.write("a/z.bin", patternBytes(count: 5000))
        let one = try Manifest.scan(directory: first.path, threads: 1)
        let other = try Manifest.scan(directory: second.path + "/", threads: 4)
        #expect(one == other)
        #expect(one.digest == other.digest)
        #expect(one.digest == Digest.sha256(of: one.canonicalJSON()))
    }

    @Test("canonical JSON is what JSONEncoder writes with sorted keys, plus a newline")
    func canonicalJSON() throws {
        let digest = Digest.sha256(of: "x")
        let manifest = try Manifest(entries: [
            .init(path: "q\"uote/back\\slash/tab\tnew\nline/ctl\u{01}/slash", size: 1, digest: digest),
            .init(path: "ünï/😀", size: 2, digest: digest),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var expected = try encoder.encode(manifest)
        expected.append(10)
        #expect(manifest.canonicalJSON() == expected)
        #expect(try Manifest(json: manifest.canonicalJSON()) == manifest)
    }

    @Test("symbolic links and FIFOs are refused, naming the path")
    func specialFiles() throws {
        let directory = try makeTree()
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/a/link", withDestinationPath: "z.bin")
        do {
            _ = try Manifest.scan(directory: directory.path)
            Issue.record("symlink accepted")
        } catch {
            #expect(error == .unsupportedFileType(path: directory.path + "/a/link", kind: "symbolic link"))
            #expect(error.description.contains("a/link"))
        }
        try FileManager.default.removeItem(atPath: directory.path + "/a/link")
        #expect(mkfifo(directory.path + "/fifo", 0o644) == 0)
        #expect(throws: DigestError.unsupportedFileType(path: directory.path + "/fifo", kind: "FIFO")) {
            try Manifest.scan(directory: directory.path)
        }
    }

    @Test("unclean or repeated paths are refused", arguments: ["/abs", "a/../b", "a//b", "./a", "", "a/"])
    func uncleanPaths(path: String) throws {
        #expect(throws: DigestError.self) {
            try Manifest(entries: [.init(path: path, size: 0, digest: Digest.sha256(of: ""))])
        }
    }

    @Test("duplicates, other formats and broken JSON are refused")
    func invalidDocuments() throws {
        let entry = Manifest.Entry(path: "a", size: 0, digest: Digest.sha256(of: ""))
        #expect(throws: DigestError.self) { try Manifest(entries: [entry, entry]) }
        #expect(throws: DigestError.self) { try Manifest(json: Data("{\"entries\":[],\"format\":2}".utf8)) }
        #expect(throws: DigestError.self) { try Manifest(json: Data("{\"entries\":[".utf8)) }
        let unsorted = "{\"entries\":[{\"digest\":\"\(entry.digest)\",\"path\":\"../x\",\"size\":0}],\"format\":1}"
        #expect(throws: DigestError.self) { try Manifest(json: Data(unsorted.utf8)) }
    }

    @Test("an empty directory has a manifest too")
    func emptyDirectory() throws {
        let directory = try TemporaryDirectory()
        let manifest = try Manifest.scan(directory: directory.path)
        #expect(manifest.entries.isEmpty)
        #expect(String(decoding: manifest.canonicalJSON(), as: UTF8.self) == "{\"entries\":[],\"format\":1}\n")
    }
}
