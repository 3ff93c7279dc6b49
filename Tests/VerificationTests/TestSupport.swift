import Digests
import Foundation
import Testing

@testable import Verification

/// Temporary directories and fixture access shared by the Verification tests.
enum TestSupport {
    static func fixtures() throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    }

    /// A fresh empty directory, removed by `cleanUp`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glassbox-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A writable copy of fixture folder `relative` inside `parent`, named `name`.
    static func copyFixture(_ relative: String, into parent: URL, as name: String) throws -> URL {
        let destination = parent.appendingPathComponent(name)
        try FileManager.default.copyItem(at: try fixtures().appendingPathComponent(relative), to: destination)
        return destination
    }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    /// A signed release (copy of the reference model) and its key, in a fresh temporary directory.
    static func signedRelease(minisign: MinisignSecretKey? = nil) throws -> (root: URL, release: URL, key: SigningKey) {
        let root = try temporaryDirectory()
        let release = try copyFixture("reference/model", into: root, as: "release")
        try write("format = 1\n[[data.sources]]\nid = \"wiki\"\nuri = \"https://example.org/w.txt\"\nsha256 = \"sha256:\(String(repeating: "ab", count: 32))\"\n", to: release.appendingPathComponent("recipe.toml"))
        let key = try SigningKey.generate(.ecdsaP256)
        let inputs = try ProvenanceInputs(releaseDirectory: release, builderVersion: "test")
        _ = try ReleaseSigner(key: key, minisignKey: minisign, provenance: inputs, hasher: ParallelFileHasher(threads: 2)).sign(release)
        return (root, release, key)
    }
}
