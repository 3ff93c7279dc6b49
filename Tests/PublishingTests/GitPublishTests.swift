import Digests
import Foundation
import Testing
import TestSupport
import Verification
@testable import Publishing

@Suite("publishing to git + Git LFS (git http-backend, giftless 0.6.2, git-lfs as the reader)", .serialized)
struct GitPublishTests {
    static let user = "alice"
    static let secret = "hf_\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))"

    func publisher(_ url: String, _ fixture: ReleaseFixture, secret: String = GitPublishTests.secret, force: Bool = false, attempts: Int = 4) throws -> Publisher {
        var options = PublishOptions()
        options.publicKey = try fixture.publicKey
        options.backoff = 0.05
        options.maxAttempts = attempts
        options.force = force
        options.author = ("Model Team", "models@example.org")
        let (target, user) = try PublishTarget.parse(url)
        return Publisher(target: target, credentials: PublishCredentials(user: user ?? Self.user, secret: secret), options: options)
    }

    @Test("publish; git clone + git lfs pull verifies with the key; LFS pointers as Hugging Face writes them; second run is a no-op")
    func publishCloneVerify() throws {
        let fixture = try ReleaseFixture(large: true)
        let server = try requiring { try GitLFSServer(user: Self.user, secret: Self.secret) }
        let url = "git+" + server.repositoryURL
        let progress = RecordingProgress()
        let first = try publisher(url, fixture).publish(fixture.release, progress: progress)
        #expect(first.lfsObjectsSent == 2)
        #expect(first.commit == server.tip())
        let client = try GitClient(user: Self.user, secret: Self.secret)
        let clone = fixture.folder.path + "/clone"
        let output = try client.cloneAndPull(server.repositoryURL, into: clone)
        let report = try ReleaseVerifier(publicKey: try fixture.publicKey).verify(URL(fileURLWithPath: clone))
        #expect(report.passed, "\(report.problems)")
        let attributes = try String(contentsOfFile: clone + "/.gitattributes", encoding: .utf8)
        #expect(attributes.contains("*.safetensors filter=lfs diff=lfs merge=lfs -text\n"))
        #expect(attributes.contains("training/log.jsonl filter=lfs diff=lfs merge=lfs -text\n"))
        let lfsFiles = try client.git(["lfs", "ls-files", "--name-only"], in: clone)
        #expect(lfsFiles.split(separator: "\n").map(String.init).sorted() == ["model.safetensors", "training/log.jsonl"])
        let author = try client.git(["log", "-1", "--format=%an <%ae>"], in: clone)
        #expect(author == "Model Team <models@example.org>\n")
        #expect(filesContaining(Self.secret, under: clone).isEmpty)
        #expect(!output.contains(Self.secret))

        let putsBefore = server.requests.filter { $0.hasPrefix("PUT") }.count
        let second = try publisher(url, fixture).publish(fixture.release, progress: nil)
        #expect(second.unchanged)
        #expect(second.commit == first.commit)
        #expect(server.tip() == first.commit)
        #expect(server.requests.filter { $0.hasPrefix("PUT") }.count == putsBefore)
        let logs = server.git.nginx.accessLog.joined(separator: "\n") + server.git.nginx.errorLog
        #expect(!logs.contains(Self.secret))
        #expect(filesContaining(Self.secret, under: server.work.path + "/lfs-storage").isEmpty)
        #expect(filesContaining(Self.secret, under: server.repository.path).isEmpty)
    }

    @Test("an LFS upload dropped part-way is retried and the publish completes; an interrupted one resumes without re-sending finished objects")
    func droppedAndResumed() throws {
        let fixture = try ReleaseFixture(large: true)
        let server = try requiring { try GitLFSServer(user: Self.user, secret: Self.secret) }
        let files = try ReleasePayload(directory: fixture.release, publicKey: nil).files
        let big = try #require(files.first { $0.path == "training/log.jsonl" }).digest.hex
        let small = try #require(files.first { $0.path == "model.safetensors" }).digest.hex
        let proxy = try FaultProxy(upstreamPort: server.git.nginx.port, rules: [
            .init(method: "PUT", pathContains: big, action: .dropAfter(2 << 20), times: 2),
        ])
        let url = "git+" + proxy.baseURL + "/org/model.git"
        #expect {
            try publisher(url, fixture, attempts: 2).publish(fixture.release, progress: nil)
        } throws: { error in
            if case .transferFailed? = error as? PublishError { return true }
            return false
        }
        #expect(server.tip() == nil)
        let report = try publisher(url, fixture).publish(fixture.release, progress: nil)
        #expect(report.lfsObjectsSent == 1)
        let puts = proxy.requests.filter { $0.hasPrefix("PUT") }
        #expect(puts.filter { $0.contains(small) }.count == 1)
        #expect(puts.filter { $0.contains(big) }.count == 3)
        let clone = fixture.folder.path + "/clone"
        try GitClient(user: Self.user, secret: Self.secret).cloneAndPull(server.repositoryURL, into: clone)
        #expect(try ReleaseVerifier(publicKey: try fixture.publicKey).verify(URL(fileURLWithPath: clone)).passed)
    }

    @Test("a wrong token: one refused attempt, a 401 error saying how to fix it, without the token; nothing pushed")
    func wrongToken() throws {
        let fixture = try ReleaseFixture()
        let server = try requiring { try GitLFSServer(user: Self.user, secret: Self.secret, lfs: false) }
        let wrong = "hf_wrong\(UUID().uuidString)"
        var caught: PublishError?
        do { _ = try publisher("git+" + server.repositoryURL, fixture, secret: wrong).publish(fixture.release, progress: nil) } catch { caught = error as? PublishError }
        let error = try #require(caught)
        guard case .accessDenied(_, 401, "alice"?, true) = error else {
            Issue.record("expected a 401 access error, got \(error)")
            return
        }
        #expect(!error.description.contains(wrong))
        #expect(server.requests.filter { $0.contains(" 401 ") }.count <= 2)
        #expect(server.tip() == nil)
    }

    @Test("a branch that moved after the fetch is refused as non-fast-forward; --force replaces it with the release")
    func nonFastForward() throws {
        let fixture = try ReleaseFixture()
        let server = try requiring { try GitLFSServer(user: Self.user, secret: Self.secret) }
        let url = "git+" + server.repositoryURL
        _ = try publisher(url, fixture).publish(fixture.release, progress: nil)
        try fixture.folder.write("tiny-1.0/README.md", text: "---\nlicense: apache-2.0\n---\n# tiny, second card\n")
        try fixture.resign()
        let payload = try ReleasePayload(directory: fixture.release, publicKey: try fixture.publicKey)
        let target = try GitTarget(url: server.repositoryURL, session: session(), options: publisher(url, fixture).options)
        let prepared = try target.prepare(payload, progress: nil)
        // Someone else pushes meanwhile.
        let client = try GitClient(user: Self.user, secret: Self.secret)
        let other = fixture.folder.path + "/other"
        try client.git(["clone", "-q", server.repositoryURL, other], in: fixture.folder.path)
        try fixture.folder.write("other/NOTES.md", text: "notes\n")
        try client.git(["add", "NOTES.md"], in: other)
        try client.git(["-c", "lfs.locksverify=false", "commit", "-q", "-m", "notes"], in: other)
        try client.git(["push", "-q", "origin", "main"], in: other)
        let moved = server.tip()
        #expect(throws: PublishError.nonFastForward(url: url, branch: "main")) { try target.complete(prepared, payload: payload, progress: nil) }
        #expect(server.tip() == moved)
        let forcing = GitTarget(url: server.repositoryURL, session: try session(), options: try publisher(url, fixture, force: true).options)
        let report = try forcing.complete(prepared, payload: payload, progress: nil)
        #expect(server.tip() == report.commit)
        // Run again without --force: now built on the new tip, it is a plain fast-forward no-op.
        #expect(try publisher(url, fixture).publish(fixture.release, progress: nil).unchanged)
    }

    @Test("a repository without a Git LFS endpoint is a clear error and nothing is pushed")
    func missingLFSEndpoint() throws {
        let fixture = try ReleaseFixture()
        let server = try requiring { try GitLFSServer(user: Self.user, secret: Self.secret, lfs: false) }
        #expect {
            try publisher("git+" + server.repositoryURL, fixture).publish(fixture.release, progress: nil)
        } throws: { error in
            guard case .lfsEndpointMissing? = error as? PublishError else { return false }
            return (error as? PublishError)?.description.contains("info/lfs") == true
        }
        #expect(server.tip() == nil)
    }

    @Test("git+file: a bare repository on disk; LFS objects in its lfs/ folder; clone + git lfs pull verifies; a replaced release drops its old files and keeps others")
    func localRepository() throws {
        let fixture = try ReleaseFixture()
        try Dependencies.require(debian: ["git", "git-lfs"])
        let bare = fixture.folder.path + "/hub/model.git"
        try Dependencies.run(["git", "init", "-q", "--bare", "-b", "main", bare])
        let url = "git+file://" + bare
        let first = try publisher(url, fixture).publish(fixture.release, progress: nil)
        #expect(first.lfsObjectsSent == 1)
        let client = try GitClient(user: Self.user, secret: Self.secret)
        let clone = fixture.folder.path + "/clone"
        try client.cloneAndPull("file://" + bare, into: clone)
        #expect(try ReleaseVerifier(publicKey: try fixture.publicKey).verify(URL(fileURLWithPath: clone)).passed)
        #expect(try publisher(url, fixture).publish(fixture.release, progress: nil).unchanged)
        // A file someone added stays; eval/results.json, gone from the new release, is dropped.
        try fixture.folder.write("clone/LICENSE", text: "Apache-2.0\n")
        try client.git(["add", "LICENSE"], in: clone)
        try client.git(["commit", "-q", "-m", "licence"], in: clone)
        try client.git(["push", "-q", "origin", "main"], in: clone)
        try FileManager.default.removeItem(at: fixture.release.appendingPathComponent("eval"))
        try fixture.resign()
        let progress = RecordingProgress()
        _ = try publisher(url, fixture).publish(fixture.release, progress: progress)
        #expect(progress.notes.contains { $0.contains("LICENSE") })
        let tree = try client.git(["--git-dir", bare, "ls-tree", "-r", "--name-only", "main"], in: fixture.folder.path)
        #expect(tree.contains("LICENSE\n") && !tree.contains("eval/results.json"))
    }
}

extension GitPublishTests {
    func session() throws -> RemoteSession {
        try RemoteSession(credentials: PublishCredentials(user: Self.user, secret: Self.secret), options: PublishOptions(), progress: nil)
    }
}
