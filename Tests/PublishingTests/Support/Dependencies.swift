import Foundation
import TestSupport

/// Installs what the publishing tests need when it is missing: Debian packages through apt-get (as the
/// Makefile's `deps` does) and the LFS server's Python packages into an ignored virtual environment
/// (`.build/publishing-venv`). A test that cannot get them records an issue saying why, and stops.
enum Dependencies {
    private static let lock = NSLock()

    /// The giftless server and its runtime requirements (giftless 0.6.2 declares none), pinned.
    static let pythonRequirements = [
        "giftless==0.6.2", "Flask==2.3.3", "Werkzeug==3.0.6", "webargs==8.4.0", "marshmallow==3.26.2",
        "flask-marshmallow==1.2.1", "Flask-Classful==0.16.0", "figcan==0.0.4", "PyJWT==2.15.1",
        "waitress==3.0.2", "PyYAML==6.0.4", "python-dotenv==1.2.4", "typing_extensions==4.16.0",
        "cachetools==8.0.2", "python-dateutil==4.0.0",
    ]

    /// Makes sure the Debian packages are installed.
    static func require(debian packages: [String]) throws {
        try lock.withLock {
            let missing = packages.filter { !installed($0) }
            guard !missing.isEmpty else { return }
            let sudo = getuid() == 0 ? [] : ["sudo", "-n"]
            do {
                _ = try run(sudo + ["apt-get", "update", "-qq"])
                _ = try run(sudo + ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq"] + missing)
            } catch {
                throw DependencyMissing(what: missing.joined(separator: ", "), reason: "\(error)")
            }
        }
    }

    /// The Python interpreter of a virtual environment holding giftless, made on first use.
    static func giftlessPython() throws -> String {
        try require(debian: ["python3-venv"])
        let venv = packageRoot().appendingPathComponent(".build/publishing-venv")
        let python = venv.appendingPathComponent("bin/python").path
        let marker = venv.appendingPathComponent("requirements.txt")
        let wanted = pythonRequirements.joined(separator: "\n")
        return try lock.withLock {
            if (try? String(contentsOf: marker, encoding: .utf8)) == wanted { return python }
            do {
                _ = try run(["python3", "-m", "venv", venv.path])
                _ = try run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check"] + pythonRequirements)
                try Data(wanted.utf8).write(to: marker)
            } catch {
                throw DependencyMissing(what: "giftless (pip)", reason: "\(error)")
            }
            return python
        }
    }

    /// The package root (three levels above this file).
    static func packageRoot() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    private static func installed(_ package: String) -> Bool {
        (try? run(["dpkg-query", "-W", "-f=${Status}", package]))?.contains("ok installed") == true
    }

    /// Runs a command; throws with its output when it fails.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw DependencyMissing(what: arguments.joined(separator: " "), reason: "exit \(process.terminationStatus): \(text)")
        }
        return text
    }
}

/// A tool or package the test needs could not be installed or did not run.
struct DependencyMissing: Error, CustomStringConvertible {
    let what: String
    let reason: String
    var description: String { "\(what): \(reason)" }
}
