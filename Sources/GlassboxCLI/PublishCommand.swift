import ArgumentParser
import Foundation
import Publishing
import RecipeFormat

/// `glassbox publish DIR --to URL`: verify, then send the release to a git + LFS repository, a WebDAV
/// folder or a directory; idempotent and resumable.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish a verified release to a git + Git LFS repository, a WebDAV folder or a directory.",
        discussion: """
            The release must verify first (against model.sig with --key, else against SHA256SUMS); \
            nothing is sent otherwise. Targets:
              git+https://[USER@]host/org/model(.git)   commit on --branch, large files through Git LFS
              git+file:///srv/git/model.git            same, LFS objects in the repository's lfs/ folder
              https://[USER@]host/dav/folder/          WebDAV: PUT to a temporary name, then MOVE
              file:///srv/models/x                     a directory: temporary name, fsync, rename
            SHA256SUMS and the signature are published last. Files the target already has (same \
            digest) are not sent again, so running the command twice changes nothing, and running it \
            again after an interruption resumes.

            Credentials: the user from the URL or ~/.netrc; the secret from --token-file, \
            GLASSBOX_TOKEN or ~/.netrc (in that order). The secret is never printed, logged or written.

            Exit status: 0 published (or nothing to do); 1 failure; 3 the release does not verify; 64 usage.

            Examples:
              GLASSBOX_TOKEN=hf_… glassbox publish Releases/tiny-1.0 --to git+https://huggingface.co/org/tiny --key release.pub
              glassbox publish Releases/tiny-1.0 --to https://alice@dav.example.org/models/tiny-1.0/ --token-file ~/.dav-token
              glassbox publish Releases/tiny-1.0 --to file:///mnt/models/tiny-1.0 --dry-run
            """)

    @Argument(help: "The release directory.")
    var directory: String

    @Option(name: .long, help: "Target URL: git+https://, git+http://, git+file://, https:// or http:// (WebDAV), file://.")
    var to: String

    @Option(name: .long, help: "Branch of a git target.")
    var branch = "main"

    @Option(name: .long, help: "Commit message of a git target (default: \"Publish DIR with Glassbox\").")
    var message: String?

    @Flag(name: .long, help: "Look at the target and say what would be sent; change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Print a JSON summary (files sent and skipped, bytes, commit).")
    var json = false

    @Option(name: .long, help: "Public key (SPKI PEM) the release's model.sig must verify with.")
    var key: String?

    @Option(name: .long, help: "File whose first line is the secret (token or password) for the target.")
    var tokenFile: String?

    @Flag(name: .long, help: "Replace a git branch that has commits this publish was not built on, or files at a WebDAV or directory target that no earlier publish wrote.")
    var force = false

    @Option(name: .long, help: "PEM bundle of CAs to trust for an https target.")
    var caBundle: String?

    func validate() throws {
        if branch.isEmpty || branch.contains(" ") || branch.hasPrefix("-") { throw ValidationError("--branch '\(branch)' is not a branch name") }
        if !to.lowercased().hasPrefix("git+"), message != nil || branch != "main" {
            throw ValidationError("--branch and --message apply to git+… targets only (a WebDAV folder or directory has no commits)")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var credentials = PublishCredentials(user: nil, secret: nil)
        let console = PublishConsole(enabled: !json)
        do throws(any Error) {
            let (target, urlUser) = try PublishTarget.parse(to)
            credentials = try PublishCredentials.resolve(
                host: target.host, urlUser: urlUser, tokenFile: tokenFile, environment: environment)
            let options = try publishOptions(environment: environment)
            let publisher = Publisher(target: target, credentials: credentials, options: options)
            let report = try publisher.publish(URL(fileURLWithPath: directory), progress: console)
            console.clear()
            json ? try printJSON(report) : printText(report)
        } catch let error as PublishError {
            console.clear()
            SigningFailure.print(credentials.redact(error.description))
            if case .releaseDoesNotVerify = error { throw ExitStatus.verificationFailed.exitCode }
            throw ExitStatus.failure.exitCode
        } catch let error as SigningFailure {
            SigningFailure.print(credentials.redact(error.message))
            throw ExitStatus.failure.exitCode
        }
    }

    private func publishOptions(environment: [String: String]) throws -> PublishOptions {
        var options = PublishOptions()
        options.branch = branch
        options.message = message
        options.dryRun = dryRun
        options.force = force
        options.caBundle = caBundle
        if let key { options.publicKey = (key, try SigningKeyFiles.publicKey(key)) }
        let home = environment["GLASSBOX_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/glassbox")
        options.stateDirectory = home.appendingPathComponent("publish")
        if let author = Self.recipeAuthor(in: URL(fileURLWithPath: directory)) { options.author = author }
        return options
    }

    /// `[publish] author` of the release's `recipe.toml`, when there is one.
    static func recipeAuthor(in directory: URL) -> (name: String, email: String)? {
        let recipe = directory.appendingPathComponent("recipe.toml")
        guard FileManager.default.fileExists(atPath: recipe.path) else { return nil }
        return (try? Recipe.load(contentsOf: recipe))?.publish.authorParts
    }

    private func printJSON(_ report: PublishReport) throws {
        Console.out(try Console.json(report))
    }

    private func printText(_ report: PublishReport) {
        let mib = String(format: "%.1f", Double(report.bytesSent) / 1_048_576)
        let commit = report.commit.map { " (commit \($0))" } ?? ""
        if report.unchanged {
            print("nothing to do: \(report.target) already holds this release (\(report.skipped.count) files)\(commit)")
        } else if report.dryRun {
            for path in report.sent { print("would send \(path)") }
            print("dry run: would send \(report.sent.count) files (\(mib) MiB) to \(report.target), \(report.skipped.count) already there")
        } else {
            let lfs = report.kind == "git" ? ", \(report.lfsObjectsSent) through Git LFS" : ""
            print("published \(report.sent.count) files (\(mib) MiB\(lfs)) to \(report.target)\(commit); \(report.skipped.count) already there")
        }
    }
}
