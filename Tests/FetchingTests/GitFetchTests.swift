import Digests
import Foundation
import Testing
import TestSupport
@testable import Fetching
import TestSupport

/// A temporary git repository made with the git CLI: two commits, a few files.
struct TestRepository {
    let folder: TemporaryDirectory
    let path: URL
    let first: String
    let second: String

    init(in folder: TemporaryDirectory, name: String = "repo") throws {
        self.folder = folder
        path = folder.path(name)
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        let env = ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                   "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": folder.url.path]
        try shell(["git", "init", "-q", "-b", "main", path.path], environment: env)
        try folder.write(Data("Ahoj světe.\n".utf8), to: "\(name)/data/cs.txt")
        try folder.write(Data("Hallo Welt.\n".utf8), to: "\(name)/data/de.txt")
        try folder.write(Data("# readme\n".utf8), to: "\(name)/README.md")
        try shell(["git", "-C", path.path, "add", "-A"], environment: env)
        try shell(["git", "-C", path.path, "commit", "-q", "-m", "one"], environment: env)
        first = try shell(["git", "-C", path.path, "rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try folder.write(Data("Ahoj světe, podruhé.\n".utf8), to: "\(name)/data/cs.txt")
        try shell(["git", "-C", path.path, "commit", "-q", "-am", "two"], environment: env)
        second = try shell(["git", "-C", path.path, "rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite("git sources through libgit2")
struct GitFetchTests {
    @Test("git+file: the pinned (older) commit's globbed files are written, not the branch tip's")
    func pinnedCommit() throws {
        let folder = try TemporaryDirectory()
        let repo = try TestRepository(in: folder)
        let spec = SourceSpec(id: "g", uri: "git+file://\(repo.path.path)@\(repo.first)#data/*.txt")
        let fetcher = Fetcher(options: testOptions(folder))
        let result = try fetcher.fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        #expect(result.files.map(\.path) == ["data/cs.txt", "data/de.txt"])
        #expect(result.commit == repo.first)
        #expect(try String(contentsOf: folder.path("out/data/cs.txt"), encoding: .utf8) == "Ahoj světe.\n")
        #expect(result.digest == (try result.manifest().digest))
        // A second fetch uses the mirror in the cache and gives the same digest.
        let again = try fetcher.fetch(spec, recipeDirectory: folder.url, into: folder.path("out2"))
        #expect(again.digest == result.digest)
        let tip = SourceSpec(id: "g", uri: "git+file://\(repo.path.path)@\(repo.second)#data/cs.txt")
        _ = try fetcher.fetch(tip, recipeDirectory: folder.url, into: folder.path("out3"))
        #expect(try String(contentsOf: folder.path("out3/data/cs.txt"), encoding: .utf8) == "Ahoj světe, podruhé.\n")
    }

    @Test("a commit that does not exist is a clear error")
    func missingCommit() throws {
        let folder = try TemporaryDirectory()
        let repo = try TestRepository(in: folder)
        let commit = String(repeating: "ab", count: 20)
        let spec = SourceSpec(id: "g", uri: "git+file://\(repo.path.path)@\(commit)#*.txt")
        #expect(throws: FetchError.commitNotFound(source: "g", url: "file://\(repo.path.path)", commit: commit)) {
            try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        }
        #expect(folder.listing("out").isEmpty)
    }

    @Test("a git uri without a full commit is refused", arguments: [
        "git+https://example.org/r.git#data/*.txt", "git+https://example.org/r.git@main#x", "git+https://example.org/r.git@abc123#x",
    ])
    func unpinned(uri: String) throws {
        let folder = try TemporaryDirectory()
        #expect {
            try Fetcher(options: testOptions(folder)).fetch(SourceSpec(id: "g", uri: uri), recipeDirectory: folder.url, into: folder.path("out"))
        } throws: { error in
            guard case let .invalidURI(_, _, reason)? = error as? FetchError else { return false }
            return reason.contains("commit")
        }
    }

    @Test("a pinned sha256 of a git source is checked against the files' manifest")
    func manifestPin() throws {
        let folder = try TemporaryDirectory()
        let repo = try TestRepository(in: folder)
        let uri = "git+file://\(repo.path.path)@\(repo.first)#README.md"
        let wrong = SourceSpec(id: "g", uri: uri, sha256: Digest.sha256(of: "nope"))
        #expect {
            try Fetcher(options: testOptions(folder)).fetch(wrong, recipeDirectory: folder.url, into: folder.path("out"))
        } throws: { ($0 as? FetchError).map { if case .digestMismatch = $0 { true } else { false } } ?? false }
        #expect(folder.listing("out").isEmpty)
    }

    @Test("git+http: git http-backend behind nginx and fcgiwrap")
    func smartHTTP() throws {
        let folder = try TemporaryDirectory()
        let repo = try TestRepository(in: folder, name: "served/repo")
        let server = try Self.serve(folder)
        defer { server.stop() }
        let nginx = server.nginx
        let spec = SourceSpec(id: "g", uri: "git+\(nginx.baseURL)/git/repo@\(repo.first)#data/de.txt")
        let result = try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        #expect(result.files.map(\.path) == ["data/de.txt"])
        #expect(try String(contentsOf: folder.path("out/data/de.txt"), encoding: .utf8) == "Hallo Welt.\n")
    }

    @Test("git+https: an untrusted certificate fails; the CA bundle option makes it pass")
    func smartHTTPS() throws {
        let folder = try TemporaryDirectory()
        let repo = try TestRepository(in: folder, name: "served/repo")
        let cert = folder.path("cert.pem").path, key = folder.path("key.pem").path
        try shell(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                   "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:127.0.0.1"])
        let server = try Self.serve(folder, tls: (cert, key))
        defer { server.stop() }
        let nginx = server.nginx
        let spec = SourceSpec(id: "g", uri: "git+\(nginx.baseURL)/git/repo@\(repo.first)#data/de.txt")
        #expect {
            try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        } throws: { ($0 as? FetchError)?.description.contains("certificate") ?? false }
        let trusted = testOptions(folder, caBundle: URL(fileURLWithPath: cert))
        let result = try Fetcher(options: trusted).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        #expect(result.files.map(\.path) == ["data/de.txt"])
    }

    /// nginx + fcgiwrap + git http-backend serving `folder/served` under `/git/` (TestSupport).
    static func serve(_ folder: TemporaryDirectory, tls: (String, String)? = nil) throws -> GitHTTPServer {
        try GitHTTPServer(projectRoot: folder.path("served"), workDirectory: folder.url, tls: tls)
    }
}

@Suite("git mirror recovery")
struct GitMirrorRecoveryTests {
    @Test("a mirror left broken in the cache is rebuilt")
    func brokenMirror() throws {
        let folder = try TemporaryDirectory()
        let repo = try TestRepository(in: folder)
        let spec = SourceSpec(id: "g", uri: "git+file://\(repo.path.path)@\(repo.first)#README.md")
        let fetcher = Fetcher(options: testOptions(folder))
        _ = try fetcher.fetch(spec, recipeDirectory: folder.url, into: folder.path("out1"))
        let mirrors = folder.listing("cache/git").filter { $0.hasSuffix(".git") }
        let mirror = try #require(mirrors.first)
        try Data("garbage".utf8).write(to: folder.path("cache/git/\(mirror)/HEAD"))
        try FileManager.default.removeItem(at: folder.path("cache/git/\(mirror)/objects"))
        let result = try fetcher.fetch(spec, recipeDirectory: folder.url, into: folder.path("out2"))
        #expect(result.files.map(\.path) == ["README.md"])
    }
}
