import Builder
import Digests
import Foundation
import Testing

/// A git source whose repository is not reachable, supplied by the auditor as a copy of the
/// repository in `--data-dir`: the pinned commit is fetched from that copy and its digest checked.
@Suite struct GitMirrorTests {
    /// A bare repository with `b.txt` in one commit with fixed dates; returns (repository, commit).
    func makeRepository(in root: URL, text: String) throws -> (URL, String) {
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: work.appendingPathComponent("b.txt"))
        let bare = root.appendingPathComponent("supplied/b")
        try git(["init", "-q", "-b", "main", work.path])
        try git(["-C", work.path, "add", "b.txt"])
        try git(["-C", work.path, "commit", "-q", "-m", "partner text"])
        try git(["clone", "-q", "--bare", work.path, bare.path])
        let commit = try git(["-C", bare.path, "rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return (bare, commit)
    }

    @discardableResult
    func git(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                             "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2026-01-01T00:00:00+00:00",
                             "GIT_COMMITTER_DATE": "2026-01-01T00:00:00+00:00", "GIT_CONFIG_NOSYSTEM": "1",
                             "GIT_CONFIG_GLOBAL": "/dev/null"] {
            environment[key] = value
        }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The real fetch step; the other steps are the engine tests' doubles (the text is tiny).
    static var realFetch: ExecutorRegistry {
        var registry = ExecutorRegistry.doubles
        registry.register(FetchStep())
        return registry
    }

    func recipe(commit: String, digest: Digest) -> String {
        BuildFixture.recipeText.replacingOccurrences(
            of: "uri = \"file:data/b.txt\"",
            with: "uri = \"git+https://git.invalid/partner/b.git@\(commit)#*.txt\"\nsha256 = \"\(digest)\"")
    }

    @Test func gitSourceSuppliedAsARepositoryIsFetchedAtItsPinnedCommit() throws {
        let probe = try BuildFixture()
        defer { probe.remove() }
        let (repository, commit) = try makeRepository(in: probe.root, text: "dobrý deň\n")
        let expected = try Manifest.scan(directory: probe.root.appendingPathComponent("work").path).entries
            .filter { $0.path == "b.txt" }
        let digest = try Manifest(entries: expected).digest

        let fixture = try BuildFixture(recipe: recipe(commit: commit, digest: digest))
        defer { fixture.remove() }
        var options = fixture.options(registry: Self.realFetch)
        options.dataDirectory = repository.deletingLastPathComponent()
        let result = try ReleaseBuild(options: options).build(recipeAt: fixture.recipeURL, releaseDirectory: fixture.release)
        // The fetch step checks the recipe's sha256, so a finished build is the proof; the file is there.
        let files = try #require(result.lock.step("fetch.b")?.files)
        #expect(files.map(\.path) == ["b.txt"])
        #expect(files.first?.digest == expected.first?.digest)
    }

    @Test func aCopyWithoutThePinnedCommitFailsNamingTheSource() throws {
        let probe = try BuildFixture()
        defer { probe.remove() }
        let (repository, _) = try makeRepository(in: probe.root, text: "dobrý deň\n")
        let missing = String(repeating: "ab", count: 20)
        let fixture = try BuildFixture(recipe: recipe(commit: missing, digest: Digest.sha256(of: Data())))
        defer { fixture.remove() }
        var options = fixture.options(registry: Self.realFetch)
        options.dataDirectory = repository.deletingLastPathComponent()
        #expect {
            _ = try ReleaseBuild(options: options).build(recipeAt: fixture.recipeURL, releaseDirectory: fixture.release)
        } throws: { error in
            "\(error)".contains("fetch.b")
        }
    }
}
