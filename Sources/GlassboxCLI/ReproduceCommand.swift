#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Builder
import Foundation

/// `glassbox reproduce RELEASE_DIR`: rebuilds without the cache and compares every step with the lock.
struct ReproduceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproduce",
        abstract: "Rebuild a release from its own recipe.toml without the cache and compare every step with its lock.",
        discussion: """
            Prints one row per step: step, expected key, result, expected output digest and the \
            rebuilt one; stops at the first divergence and names the artifacts that differ. Release \
            files that no longer match the lock (tampered or truncated) count as a divergence of the \
            step that produced them. Sources that are not redistributable must be supplied with \
            --data-dir (file: paths resolve there; a remote source may be given as a file named \
            after its id); their digests are still checked. On a terminal, reproduce asks for the \
            folder when such a file is missing.

            Signature files (provenance.json, SHA256SUMS, model.sig) are not compared with the \
            rebuild, since a signature is randomised: the release is verified instead, as by \
            `glassbox verify` (with --key, the signature is checked too). The last row, sign, says \
            verified, checksums-match (no key given), unsigned, or failed (each problem listed).

            The last line gives the release's reproducibility class: "rebuilt bit for bit" \
            (trained by Glassbox: every step, training included, was re-run), or "imported, \
            declared" (weights trained elsewhere, [training] backend = "external"): the import \
            step re-fetches the weights and re-checks their digests and structure, evaluation is \
            re-run, and training is not re-run — its facts are the provider's declarations.

            Exit status: 0 everything matched bit for bit; 3 a step or release file diverged or the \
            release's signature or checksums do not verify; \
            1 the release could not be read or a step failed; 64 usage error.

            Examples:
              glassbox reproduce Releases/tiny-cs-0.1.0
              glassbox reproduce Releases/tiny-cs-0.1.0 --data-dir ~/corpora --json
              glassbox reproduce Releases/tiny-cs-0.1.0 --key release-key.pub.pem
            """)

    @Argument(help: ArgumentHelp("The release directory (holding recipe.toml and recipe.lock.json).", valueName: "RELEASE_DIR"))
    var release: String

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Where the data files of the recipe's sources are.", valueName: "DIR"))
    var dataDirectory: String?

    @Option(help: ArgumentHelp("Public key (PEM) that must have signed the release's model.sig.", valueName: "PUB.pem"))
    var key: String?

    @Flag(help: "Print the report as JSON: {steps[{step, expected_key, key, expected, got, result, differing, note}], first_divergence, matched, reproducibility, training_rerun}.")
    var json = false

    @OptionGroup var common: BuildCommandOptions

    func run() async throws {
        let printer = BuildProgressPrinter(quiet: json)
        var options = common.buildOptions(useCache: false, dataDirectory: dataDirectory.map { URL(fileURLWithPath: $0) }) { printer.handle($0) }
        var report: ReproduceReport?
        while report == nil {
            do {
                report = try Reproducer(options: options, publicKeyFile: key.map { URL(fileURLWithPath: $0) })
                    .reproduce(release: URL(fileURLWithPath: release))
            } catch let BuildError.missingInput(step, path, reason) where (step.hasPrefix("fetch.") || step == "import") && isatty(STDIN_FILENO) == 1 {
                guard let supplied = askForData(step: step, path: path, reason: reason) else {
                    throw Console.fail("\(step): \(path) \(reason); supply the data with --data-dir DIR", .failure)
                }
                options.dataDirectory = supplied
            } catch {
                throw Console.fail(error.description)
            }
        }
        guard let report else { return }
        if json {
            Console.out(try Console.json(report))
        } else {
            printTable(report)
        }
        if !report.matched { throw ExitStatus.verificationFailed.exitCode }
    }

    /// Asks on the terminal for the folder holding a source the release does not ship (non-redistributable
    /// data); its bytes are still checked against the recipe's digests. Nil when the user gives none.
    private func askForData(step: String, path: String, reason: String) -> URL? {
        FileHandle.standardError.write(Data("""
            \(step): \(path) \(reason).
            Sources that are not redistributable, and imported weights, may not be in the release; their digests are checked.
            Folder that holds the recipe's file: paths (empty to stop): 
            """.utf8))
        guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return URL(fileURLWithPath: (line.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath)
    }

    private func printTable(_ report: ReproduceReport) {
        let width = max(4, report.steps.map(\.step.count).max() ?? 4)
        func pad(_ text: String, _ count: Int) -> String { text.padding(toLength: count, withPad: " ", startingAt: 0) }
        func short(_ digest: (some CustomStringConvertible)?) -> String { digest.map { String($0.description.prefix(19)) } ?? "-" }
        Console.out("\(pad("STEP", width))  \(pad("KEY", 19))  \(pad("EXPECTED", 19))  \(pad("GOT", 19))  MATCH\n")
        for row in report.steps {
            Console.out("\(pad(row.step, width))  \(pad(short(row.expectedKey), 19))  \(pad(short(row.expected), 19))  \(pad(short(row.got), 19))  \(row.result)\n")
            for artifact in row.differing { Console.out("\(pad("", width))    differs: \(artifact)\n") }
            if let note = row.note { Console.out("\(pad("", width))    \(note)\n") }
        }
        if let divergence = report.firstDivergence {
            Console.out("first divergence: \(divergence)\n")
        } else {
            Console.out("every built step reproduced bit for bit\n")
        }
        Console.out("reproducibility: \(report.reproducibility.rawValue) — \(report.reproducibility.explanation)\n")
    }
}
