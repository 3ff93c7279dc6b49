import ArgumentParser
import Digests
import Fetching
import Foundation

/// `glassbox data fetch`: fetch one source into a folder, checking its pinned digest.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download or copy one data source into a folder and check its digest.",
        discussion: """
            URI forms: file:relative/path (relative to --recipe-dir), file:///absolute/path, \
            https://host/file (needs --sha256), git+https://host/repo.git@<40-hex commit>#glob, \
            git+file:///path/repo@<commit>#glob.

            Interrupted HTTP downloads resume from the partial file in the cache (--cache); \
            timeouts, dropped connections and 5xx answers are retried with exponential back-off. \
            TLS certificates are always verified (--ca-bundle adds a private CA). Proxies come from \
            http_proxy / https_proxy / no_proxy. On a digest mismatch nothing is written.

            Example:
              glassbox data fetch https://example.org/corpus.tar.gz --sha256 sha256:… --archive tar.gz --member '*.txt' --out data/
            """
    )

    @Argument(help: "The source URI.")
    var uri: String

    @Option(help: "The expected digest, sha256:<64 hex> (required for http/https).")
    var sha256: String?

    @Option(help: "Unpack the file.")
    var archive: ArchiveFormat = .none

    @Option(name: .customLong("member"), help: "Glob selecting archive members or folder files (repeatable).")
    var members: [String] = []

    @Option(help: "Folder to write the files into; a file already there with other bytes is refused unless --force.")
    var out: String

    @Flag(help: "Replace files in --out that have the same names as fetched files but other bytes.")
    var force = false

    @Option(help: "Folder that relative file: paths are resolved against.")
    var recipeDir: String = "."

    @Option(help: "Cache folder for partial downloads and git mirrors (default: next to --out).")
    var cache: String?

    @Option(help: "HTTP attempts before giving up.")
    var attempts: Int = 5

    @Option(help: "PEM file of CA certificates to trust.")
    var caBundle: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(help: "No progress line (it is shown only on a terminal, after a second of work).")
    var noProgress = false

    func validate() throws {
        if let sha256 { _ = try Self.digest(sha256) }
        guard attempts >= 1 else { throw ValidationError("--attempts must be at least 1") }
    }

    func run() throws {
        var options = FetchOptions(
            attempts: attempts, caBundle: caBundle.map { URL(fileURLWithPath: $0) },
            cacheDirectory: cache.map { URL(fileURLWithPath: $0) },
            progress: noProgress || !Console.stderrIsTerminal ? nil : Self.drawProgress)
        options.replaceExisting = force
        let name = URL(string: uri)?.lastPathComponent ?? ""
        let spec = SourceSpec(
            id: name.isEmpty ? "source" : name, uri: uri, sha256: try sha256.map(Self.digest), archive: archive,
            members: members)
        let result: FetchedSource
        do {
            result = try Fetcher(options: options).fetch(
                spec, recipeDirectory: URL(fileURLWithPath: recipeDir), into: URL(fileURLWithPath: out))
        } catch {
            Console.error(error.description)
            if case .digestMismatch = error { throw ExitStatus.verificationFailed.exitCode }
            throw ExitStatus.failure.exitCode
        }
        if json { try printJSON(result) } else { printText(result) }
    }

    /// Draws a download's progress as one line on standard error (a terminal), ended when it finishes.
    @Sendable static func drawProgress(_ report: FetchProgress) {
        var text = "\(report.source): \(Console.bytes(report.bytes))"
        if let total = report.total, total > 0 {
            text += " / \(Console.bytes(total)) (\(Int(100 * Double(report.bytes) / Double(total)))%)"
        }
        text += ", \(Console.bytes(Int64(report.bytesPerSecond)))/s"
        if let seconds = report.secondsLeft { text += ", ETA \(Int(seconds.rounded(.up)))s" }
        Console.progress(text + (report.finished ? "\n" : ""))
    }

    private static func digest(_ text: String) throws -> Digest {
        do { return try Digest(parsing: text) } catch { throw ValidationError("--sha256: \(error.description)") }
    }

    private func printText(_ result: FetchedSource) {
        for file in result.files { print("\(file.digest)  \(file.size)  \(file.path)") }
        print("digest \(result.digest)" + (result.commit.map { " (commit \($0))" } ?? ""))
    }

    private func printJSON(_ result: FetchedSource) throws {
        struct File: Encodable { let path: String; let size: Int64; let sha256: String }
        struct Output: Encodable { let digest: String; let files: [File]; let commit: String? }
        try Console.printJSONLine(Output(digest: result.digest.description,
                                         files: result.files.map { File(path: $0.path, size: $0.size, sha256: $0.digest.description) },
                                         commit: result.commit))
    }
}
