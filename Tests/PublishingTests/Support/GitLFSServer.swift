import Foundation
import TestSupport

/// A Hugging Face–style model repository on loopback: a bare repository `org/model.git` served by git
/// http-backend behind nginx with basic auth, and (unless `lfs` is false) giftless 0.6.2 as its Git LFS
/// server at `org/model.git/info/lfs`, on a unix socket behind the same nginx, storing objects in the
/// test folder. A small authenticator grants read-write to the user nginx authenticated.
final class GitLFSServer {
    static let logFormat = "$request_method $status $request_length $remote_user $request_uri"
    static let script = """
        import sys


        def header_user(request):
            from giftless.auth.identity import DefaultIdentity, Permission
            user = request.headers.get("X-Remote-User")
            if not user:
                return None
            identity = DefaultIdentity(name=user, id=user)
            # giftless 0.6.2 checks object writes against (organization, repository, oid); a grant
            # without organization and repository never matches an oid, so grant this repository.
            parts = request.path.strip("/").split("/")
            if len(parts) >= 2 and parts[1].endswith(".git"):
                identity.allow(organization=parts[0], repo=parts[1][:-4], permissions=Permission.all())
            return identity


        if __name__ == "__main__":
            import waitress
            from werkzeug.middleware.proxy_fix import ProxyFix
            from giftless.app import init_app
            storage, socket = sys.argv[1], sys.argv[2]
            app = init_app(additional_config={
                "AUTH_PROVIDERS": ["giftless_server:header_user"],
                "PRE_AUTHORIZED_ACTION_PROVIDER": None,
                "LEGACY_ENDPOINTS": False,
                "TRANSFER_ADAPTERS": {"basic": {
                    "factory": "giftless.transfer.basic_streaming:factory",
                    "options": {"storage_class": "giftless.storage.local_storage:LocalStorage",
                                "storage_options": {"path": storage}}}},
            })
            app.wsgi_app = ProxyFix(app.wsgi_app, x_proto=1)
            waitress.serve(app, unix_socket=socket, unix_socket_perms="600", threads=4)
        """

    let git: GitHTTPServer
    private var giftless: Process?
    let work: TemporaryDirectory
    /// The bare repository on disk.
    let repository: URL

    /// `http://127.0.0.1:<port>/org/model.git`.
    var repositoryURL: String { git.nginx.baseURL + "/org/model.git" }

    init(user: String, secret: String, lfs: Bool = true) throws {
        try Dependencies.require(debian: ["nginx", "fcgiwrap", "git", "git-lfs"])
        work = try TemporaryDirectory(prefix: "glassbox-git-")
        let root = URL(fileURLWithPath: work.path + "/repos")
        repository = root.appendingPathComponent("org/model.git")
        try Dependencies.run(["git", "init", "-q", "--bare", "-b", "main", repository.path])
        try Dependencies.run(["git", "-C", repository.path, "config", "http.receivepack", "true"])
        let users = try work.write("htpasswd", text: "\(user):{PLAIN}\(secret)\n")
        var socket: String?
        if lfs {
            let python = try Dependencies.giftlessPython()
            let path = work.path + "/giftless.sock"
            giftless = try Self.startGiftless(python: python, work: work, socket: path)
            socket = path
        }
        do {
            git = try GitHTTPServer(projectRoot: root, workDirectory: URL(fileURLWithPath: work.path), urlPrefix: "",
                                    htpasswd: users, lfsSocket: socket, logFormat: Self.logFormat)
        } catch {
            if let giftless, giftless.isRunning {
                kill(giftless.processIdentifier, SIGKILL)
                giftless.waitUntilExit()
            }
            throw error
        }
    }

    deinit {
        git.stop()
        stopGiftless()
    }

    private static func startGiftless(python: String, work: TemporaryDirectory, socket: String) throws -> Process {
        let script = try work.write("giftless_server.py", text: script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, work.path + "/lfs-storage", socket]
        process.currentDirectoryURL = URL(fileURLWithPath: work.path)
        process.environment = ProcessInfo.processInfo.environment.merging(["PYTHONPATH": work.path]) { $1 }
        let log = FileHandle(forWritingAtPath: try work.write("giftless.log", text: "")) ?? FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: socket) {
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard FileManager.default.fileExists(atPath: socket) else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
            let output = (try? String(contentsOfFile: work.path + "/giftless.log", encoding: .utf8)) ?? ""
            throw DependencyMissing(what: "giftless", reason: "did not start: \(output.suffix(2000))")
        }
        return process
    }

    private func stopGiftless() {
        guard let giftless, giftless.isRunning else { return }
        kill(giftless.processIdentifier, SIGKILL)
        giftless.waitUntilExit()
    }

    /// `METHOD status path` of every request nginx answered.
    var requests: [String] {
        git.nginx.accessLog.map { line in
            let words = line.split(separator: " ").map(String.init)
            return words.count >= 5 ? "\(words[0]) \(words[1]) \(words[4])" : line
        }
    }

    /// The branch tip on the server (nil when the branch does not exist).
    func tip(_ branch: String = "main") -> String? {
        (try? Dependencies.run(["git", "-C", repository.path, "rev-parse", "--verify", "-q", "refs/heads/\(branch)"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The git CLI and git-lfs as a downloader would use them, with a credential helper given through the
/// environment (so no credential is written into the clone's config) and a private HOME.
struct GitClient {
    let home: TemporaryDirectory
    let environment: [String: String]

    init(user: String, secret: String) throws {
        home = try TemporaryDirectory(prefix: "glassbox-git-home-")
        environment = [
            "HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0",
            "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "credential.helper",
            "GIT_CONFIG_VALUE_0": "!f() { echo username=\(user); echo password=$GLASSBOX_TEST_SECRET; }; f",
            "GLASSBOX_TEST_SECRET": secret,
            "GIT_AUTHOR_NAME": "Someone", "GIT_AUTHOR_EMAIL": "s@example.org",
            "GIT_COMMITTER_NAME": "Someone", "GIT_COMMITTER_EMAIL": "s@example.org",
        ]
    }

    /// `git clone` (LFS smudge skipped) then `git lfs pull`, into `directory`; returns all output.
    @discardableResult
    func cloneAndPull(_ url: String, into directory: String) throws -> String {
        var output = try Dependencies.run(["git", "clone", "-q", url, directory], environment: environment.merging(["GIT_LFS_SKIP_SMUDGE": "1"]) { $1 })
        output += try Dependencies.run(["git", "lfs", "install", "--local"], in: URL(fileURLWithPath: directory), environment: environment)
        output += try Dependencies.run(["git", "lfs", "pull"], in: URL(fileURLWithPath: directory), environment: environment)
        return output
    }

    /// Runs git with this client's environment.
    @discardableResult
    func git(_ arguments: [String], in directory: String) throws -> String {
        try Dependencies.run(["git"] + arguments, in: URL(fileURLWithPath: directory), environment: environment)
    }
}
