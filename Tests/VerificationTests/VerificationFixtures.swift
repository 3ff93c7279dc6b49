import Digests
import Foundation
import RecipeFormat
import Testing
import TestSupport

@testable import Verification

/// Temporary directories and fixture access shared by the Verification tests.
enum VerificationFixtures {
    static func fixtures() throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    }

    /// A fresh empty directory, removed by `cleanUp`.
    static func temporaryDirectory() throws -> URL {
        try TemporaryDirectory.create(prefix: "glassbox-verify-")
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
        let recipe = RecipeTemplate.starter
            .replacingOccurrences(of: "id = \"corpus-cs\"", with: "id = \"wiki\"")
            .replacingOccurrences(of: "uri = \"file:data/corpus-cs.txt\"", with: "uri = \"https://example.org/w.txt\"")
            .replacingOccurrences(of: "# sha256 = \"sha256:…\"", with: "sha256 = \"sha256:\(String(repeating: "ab", count: 32))\"")
        try write(recipe, to: release.appendingPathComponent("recipe.toml"))
        let key = try SigningKey.generate(.ecdsaP256)
        let inputs = try ProvenanceInputs(releaseDirectory: release, builderVersion: "test")
        _ = try ReleaseSigner(key: key, minisignKey: minisign, provenance: inputs, hasher: ParallelFileHasher(threads: 2)).sign(release)
        return (root, release, key)
    }
}
