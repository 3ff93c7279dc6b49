import Digests
import Foundation
import Testing
import TestSupport
import Verification
@testable import Publishing

@Suite("publishing to WebDAV (nginx dav + dav-ext, basic auth)", .serialized)
struct WebDAVPublishTests {
    static let user = "alice"
    static let secret = "tok-\(UUID().uuidString)"

    struct Setup {
        let fixture: ReleaseFixture
        let work: TemporaryDirectory
        let server: WebDAVServer
        let state: URL
    }

    func setup(large: Bool = false) throws -> Setup {
        let fixture = try ReleaseFixture(large: large)
        let work = try TemporaryDirectory(prefix: "glassbox-dav-")
        let server = try requiring { try WebDAVServer(root: URL(fileURLWithPath: work.path + "/www"), user: Self.user, secret: Self.secret, work: work) }
        return Setup(fixture: fixture, work: work, server: server, state: URL(fileURLWithPath: work.path + "/state"))
    }

    func publisher(_ url: String, _ setup: Setup, secret: String = WebDAVPublishTests.secret, attempts: Int = 4) throws -> Publisher {
        var options = PublishOptions()
        options.publicKey = try setup.fixture.publicKey
        options.stateDirectory = setup.state
        options.backoff = 0.05
        options.maxAttempts = attempts
        let (target, user) = try PublishTarget.parse(url)
        return Publisher(target: target, credentials: PublishCredentials(user: user ?? Self.user, secret: secret), options: options)
    }

    @Test("publish, download, verify with the key; checksums and signature moved into place last; second run sends nothing")
    func publishAndVerify() throws {
        let setup = try setup()
        let url = setup.server.nginx.baseURL + "/models/tiny/"
        let first = try publisher(url, setup).publish(setup.fixture.release, progress: RecordingProgress())
        #expect(first.sent.count == setup.fixture.files.count)
        let moves = setup.server.requests.filter { $0.hasPrefix("MOVE") }
        #expect(moves.count == setup.fixture.files.count)
        #expect(moves.allSatisfy { $0.contains(" 201 ") || $0.contains(" 204 ") })
        let download = URL(fileURLWithPath: setup.work.path + "/download")
        try Downloads.fetch(setup.fixture.files, from: url, user: Self.user, secret: Self.secret, into: download)
        let report = try ReleaseVerifier(publicKey: try setup.fixture.publicKey).verify(download)
        #expect(report.passed, "\(report.problems)")
        let published = try FileManager.default.contentsOfDirectory(atPath: setup.work.path + "/www/models/tiny")
        #expect(!published.contains { $0.contains("glassbox-upload") })
        let putsBefore = setup.server.requests.filter { $0.hasPrefix("PUT") }.count
        let second = try publisher(url, setup).publish(setup.fixture.release, progress: nil)
        #expect(second.unchanged)
        #expect(setup.server.requests.filter { $0.hasPrefix("PUT") }.count == putsBefore)
        // Without the journal (another machine), the target's SHA256SUMS alone makes it a no-op.
        try FileManager.default.removeItem(at: setup.state)
        #expect(try publisher(url, setup).publish(setup.fixture.release, progress: nil).unchanged)
    }

    @Test("order: every content file is in place before SHA256SUMS, and SHA256SUMS before model.sig")
    func order() throws {
        let setup = try setup()
        let url = setup.server.nginx.baseURL + "/ordered/"
        _ = try publisher(url, setup).publish(setup.fixture.release, progress: nil)
        let moved = setup.server.requests.filter { $0.hasPrefix("MOVE") }.map { $0.split(separator: " ").last.map(String.init) ?? "" }
        #expect(moved.suffix(2).map { ($0 as NSString).lastPathComponent } == [".SHA256SUMS.glassbox-upload", ".model.sig.glassbox-upload"])
    }

    @Test("a connection dropped part-way through an upload is retried and the publish completes")
    func droppedConnection() throws {
        let setup = try setup(large: true)
        let proxy = try FaultProxy(upstreamPort: setup.server.nginx.port, rules: [
            .init(method: "PUT", pathContains: "log.jsonl", action: .dropAfter(1 << 20)),
            .init(method: "PUT", pathContains: "config.json", action: .status(503, retryAfter: "1")),
        ])
        let url = proxy.baseURL + "/big/"
        let progress = RecordingProgress()
        let report = try publisher(url, setup).publish(setup.fixture.release, progress: progress)
        #expect(report.sent.count == setup.fixture.files.count)
        #expect(proxy.requests.filter { $0.contains("[faulted]") }.count == 2)
        #expect(progress.notes.contains { $0.contains("HTTP 503") && $0.contains("retrying in 1.0 s") })
        let download = URL(fileURLWithPath: setup.work.path + "/download")
        try Downloads.fetch(setup.fixture.files, from: url, user: Self.user, secret: Self.secret, into: download)
        #expect(try ReleaseVerifier(publicKey: try setup.fixture.publicKey).verify(download).passed)
    }

    @Test("an interrupted publish leaves no final name half-written and resumes without re-sending finished files")
    func interruptedAndResumed() throws {
        let setup = try setup()
        let proxy = try FaultProxy(upstreamPort: setup.server.nginx.port, rules: [
            .init(method: "PUT", pathContains: "model.safetensors", action: .dropAfter(100), times: 2),
        ])
        let url = proxy.baseURL + "/resume/"
        #expect {
            try publisher(url, setup, attempts: 2).publish(setup.fixture.release, progress: nil)
        } throws: { error in
            guard case let .transferFailed(_, attempts, _)? = error as? PublishError else { return false }
            return attempts == 2
        }
        let folder = setup.work.path + "/www/resume"
        let present = Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        #expect(present.isSuperset(of: ["README.md", "config.json"]))
        #expect(!present.contains("model.safetensors") && !present.contains("SHA256SUMS") && !present.contains("model.sig"))
        #expect(!present.contains { $0.contains("glassbox-upload") })
        let report = try publisher(url, setup).publish(setup.fixture.release, progress: nil)
        #expect(Set(report.skipped).isSuperset(of: ["README.md", "config.json", "eval/results.json"]))
        let puts = proxy.requests.filter { $0.hasPrefix("PUT") }
        #expect(puts.filter { $0.contains("README.md") }.count == 1)
        #expect(puts.filter { $0.contains("config.json") }.count == 1)
        #expect(try ReleaseVerifier(publicKey: try setup.fixture.publicKey).verify(URL(fileURLWithPath: folder)).passed)
    }

    @Test("a wrong token is one 401, an error that says how to fix it, and never the token")
    func wrongToken() throws {
        let setup = try setup()
        let wrong = "wrong-\(UUID().uuidString)"
        let url = setup.server.nginx.baseURL + "/models/x/"
        var caught: PublishError?
        do { _ = try publisher(url, setup, secret: wrong).publish(setup.fixture.release, progress: nil) } catch { caught = error as? PublishError }
        let error = try #require(caught)
        #expect(error == .accessDenied(url: url + "SHA256SUMS", status: 401, user: Self.user, hadSecret: true))
        #expect(error.description.contains("GLASSBOX_TOKEN") && !error.description.contains(wrong))
        // nginx writes its access-log line after the answer is sent: give it a moment under load.
        var unauthorised = 0
        for _ in 0..<50 {
            unauthorised = setup.server.requests.filter { $0.contains(" 401 ") }.count
            if unauthorised > 0 { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(unauthorised == 1)
        #expect(filesContaining(wrong, under: setup.server.nginx.prefix.path).isEmpty)
    }

    @Test("a folder the user may not write is a 403 naming the fix; nothing lands there")
    func forbidden() throws {
        let setup = try setup()
        let url = setup.server.nginx.baseURL + "/readonly/x/"
        #expect {
            try publisher(url, setup).publish(setup.fixture.release, progress: nil)
        } throws: { error in
            guard case .accessDenied(_, 403, _, _)? = error as? PublishError else { return false }
            return error.localizedDescription.isEmpty == false && (error as? PublishError)?.description.contains("write access") == true
        }
        #expect(!FileManager.default.fileExists(atPath: setup.work.path + "/www/readonly/x"))
    }

    @Test("507 Insufficient Storage stops at once with a clear error, and no file appears under a final name")
    func insufficientStorage() throws {
        let setup = try setup()
        let proxy = try FaultProxy(upstreamPort: setup.server.nginx.port, rules: [
            .init(method: "PUT", action: .status(507, retryAfter: nil), times: Int.max),
        ])
        #expect {
            try publisher(proxy.baseURL + "/full/", setup).publish(setup.fixture.release, progress: nil)
        } throws: { error in
            guard case let .insufficientStorage(_, path)? = error as? PublishError else { return false }
            return path == "README.md"
        }
        #expect(proxy.requests.filter { $0.hasPrefix("PUT") }.count == 1)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: setup.work.path + "/www/full")) ?? []).isEmpty)
    }

    @Test("a file on the server under a release name that no publish wrote is not replaced without --force; nothing is sent")
    func foreignFile() throws {
        let setup = try setup()
        try FileManager.default.createDirectory(atPath: setup.work.path + "/www/team", withIntermediateDirectories: true)
        try Data("theirs\n".utf8).write(to: URL(fileURLWithPath: setup.work.path + "/www/team/config.json"))
        let url = setup.server.nginx.baseURL + "/team/"
        #expect(throws: PublishError.wouldReplace(target: url, paths: ["config.json"])) {
            try publisher(url, setup).publish(setup.fixture.release, progress: nil)
        }
        #expect(!setup.server.requests.contains { $0.hasPrefix("PUT") })
        let plain = try publisher(url, setup)
        var options = plain.options
        options.force = true
        let forced = Publisher(target: plain.target, credentials: plain.credentials, options: options)
        #expect(try forced.publish(setup.fixture.release, progress: nil).sent.contains("config.json"))
    }

    @Test("the token appears in no log, no published file and no journal")
    func tokenNowhere() throws {
        let setup = try setup()
        let url = setup.server.nginx.baseURL + "/clean/"
        _ = try publisher(url, setup).publish(setup.fixture.release, progress: nil)
        #expect(filesContaining(Self.secret, under: setup.work.path + "/www").isEmpty)
        #expect(filesContaining(Self.secret, under: setup.state.path).isEmpty)
        let logs = setup.server.nginx.accessLog.joined() + setup.server.nginx.errorLog
        #expect(!logs.contains(Self.secret))
    }
}
