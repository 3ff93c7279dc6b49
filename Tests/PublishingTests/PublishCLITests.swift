import Foundation
import Testing
import TestSupport
@testable import Publishing

/// `glassbox publish` end to end: the built binary against the loopback servers; every output is
/// searched for the token.
@Suite("glassbox publish (CLI)", .serialized)
struct PublishCLITests {
    static let secret = "tok_\(UUID().uuidString)"

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        var all: String { stdout + stderr }
    }

    static func glassbox(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let binary = Dependencies.packageRoot().appendingPathComponent(".build/release/glassbox").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "GLASSBOX_TOKEN" }.merging(environment) { $1 }
        let folder = try TemporaryDirectory(prefix: "glassbox-cli-")
        let out = URL(fileURLWithPath: folder.path + "/out"), err = URL(fileURLWithPath: folder.path + "/err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }

    @Test("WebDAV with GLASSBOX_TOKEN: --json summary, then 'nothing to do'; a wrong token exits 1 with a 401 message; the token is in no output")
    func webDAV() throws {
        let fixture = try ReleaseFixture()
        let work = try TemporaryDirectory(prefix: "glassbox-cli-dav-")
        let server = try requiring { try WebDAVServer(root: URL(fileURLWithPath: work.path + "/www"), user: "alice", secret: Self.secret, work: work) }
        let url = server.nginx.baseURL.replacingOccurrences(of: "://", with: "://alice@") + "/m/"
        let env = ["GLASSBOX_TOKEN": Self.secret, "GLASSBOX_HOME": work.path + "/home"]
        let first = try Self.glassbox(["publish", fixture.release.path, "--to", url, "--key", fixture.publicKeyFile, "--json"], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        let report = try JSONDecoder().decode(PublishReport.self, from: Data(first.stdout.utf8))
        #expect(report.sent.count == fixture.files.count && report.kind == "webdav" && !report.target.contains("alice"))
        let second = try Self.glassbox(["publish", fixture.release.path, "--to", url], environment: env)
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("nothing to do: "))
        let wrong = try Self.glassbox(["publish", fixture.release.path, "--to", url], environment: ["GLASSBOX_TOKEN": "not-" + Self.secret, "GLASSBOX_HOME": work.path + "/home"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("401 Unauthorized") && wrong.stderr.contains("user 'alice'"))
        for run in [first, second, wrong] { #expect(!run.all.contains(Self.secret)) }
        #expect(filesContaining(Self.secret, under: work.path + "/www").isEmpty)
        #expect(filesContaining(Self.secret, under: work.path + "/home").isEmpty)
        #expect(!(server.nginx.accessLog.joined() + server.nginx.errorLog).contains(Self.secret))
    }

    @Test("git + LFS with the secret in ~/.netrc: published, then a no-op; the token is in no output, log or clone")
    func gitWithNetrc() throws {
        let fixture = try ReleaseFixture()
        let server = try requiring { try GitLFSServer(user: "alice", secret: Self.secret) }
        let home = try TemporaryDirectory(prefix: "glassbox-cli-home-")
        try home.write(".netrc", text: "machine 127.0.0.1\n  login alice\n  password \(Self.secret)\n")
        let env = ["HOME": home.path, "GLASSBOX_HOME": home.path + "/cache"]
        let url = "git+" + server.repositoryURL
        let first = try Self.glassbox(["publish", fixture.release.path, "--to", url, "--message", "tiny 1.0"], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("published") && first.stdout.contains("1 through Git LFS"))
        let second = try Self.glassbox(["publish", fixture.release.path, "--to", url, "--json"], environment: env)
        let report = try JSONDecoder().decode(PublishReport.self, from: Data(second.stdout.utf8))
        #expect(report.unchanged && report.commit == server.tip())
        let clone = fixture.folder.path + "/clone"
        try GitClient(user: "alice", secret: Self.secret).cloneAndPull(server.repositoryURL, into: clone)
        for run in [first, second] { #expect(!run.all.contains(Self.secret)) }
        #expect(filesContaining(Self.secret, under: clone).isEmpty)
        #expect(!(server.git.nginx.accessLog.joined() + server.git.nginx.errorLog).contains(Self.secret))
    }

    @Test("bad input: unsupported scheme, a password in the URL, a release that does not verify")
    func badInput() throws {
        let fixture = try ReleaseFixture()
        let scheme = try Self.glassbox(["publish", fixture.release.path, "--to", "ftp://host/x"])
        #expect(scheme.status == 1 && scheme.stderr.contains("unsupported scheme 'ftp'"))
        let branch = try Self.glassbox(["publish", fixture.release.path, "--to", "file:///tmp/x", "--branch", "dev"])
        #expect(branch.status == 64 && branch.stderr.contains("git+… targets only"))
        let password = try Self.glassbox(["publish", fixture.release.path, "--to", "https://bob:\(Self.secret)@host/x/"])
        #expect(password.status == 1 && password.stderr.contains("holds a password") && !password.all.contains(Self.secret))
        try fixture.folder.write("tiny-1.0/extra.txt", text: "not signed\n")
        let target = fixture.folder.path + "/out"
        let tampered = try Self.glassbox(["publish", fixture.release.path, "--to", "file://" + target, "--key", fixture.publicKeyFile])
        #expect(tampered.status == 3 && tampered.stderr.contains("extra.txt"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
