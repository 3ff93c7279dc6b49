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
            after its id); their digests are still checked.

            Exit status: 0 everything matched bit for bit; 3 a step or release file diverged; \
            1 the release could not be read or a step failed; 64 usage error.

            Examples:
              glassbox reproduce Releases/tiny-cs-0.1.0
              glassbox reproduce Releases/tiny-cs-0.1.0 --data-dir ~/corpora --json
            """)

    @Argument(help: ArgumentHelp("The release directory (holding recipe.toml and recipe.lock.json).", valueName: "RELEASE_DIR"))
    var release: String

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Where the data files of the recipe's sources are.", valueName: "DIR"))
    var dataDirectory: String?

    @Flag(help: "Print the report as JSON: {steps[{step, expected_key, key, expected, got, result, differing}], first_divergence, matched}.")
    var json = false

    @OptionGroup var common: BuildCommandOptions

    func run() async throws {
        let printer = BuildProgressPrinter(quiet: json)
        let options = common.buildOptions(useCache: false, dataDirectory: dataDirectory.map { URL(fileURLWithPath: $0) }) { printer.handle($0) }
        let report: ReproduceReport
        do {
            report = try Reproducer(options: options).reproduce(release: URL(fileURLWithPath: release))
        } catch {
            throw HashConsole.fail(error.description)
        }
        if json {
            HashConsole.out(try HashConsole.json(report))
        } else {
            printTable(report)
        }
        if !report.matched { throw ExitStatus.verificationFailed.exitCode }
    }

    private func printTable(_ report: ReproduceReport) {
        let width = max(4, report.steps.map(\.step.count).max() ?? 4)
        func pad(_ text: String, _ count: Int) -> String { text.padding(toLength: count, withPad: " ", startingAt: 0) }
        func short(_ digest: (some CustomStringConvertible)?) -> String { digest.map { String($0.description.prefix(19)) } ?? "-" }
        HashConsole.out("\(pad("STEP", width))  \(pad("KEY", 19))  \(pad("EXPECTED", 19))  \(pad("GOT", 19))  MATCH\n")
        for row in report.steps {
            HashConsole.out("\(pad(row.step, width))  \(pad(short(row.expectedKey), 19))  \(pad(short(row.expected), 19))  \(pad(short(row.got), 19))  \(row.result)\n")
            for artifact in row.differing { HashConsole.out("\(pad("", width))    differs: \(artifact)\n") }
        }
        if let divergence = report.firstDivergence {
            HashConsole.out("first divergence: \(divergence)\n")
        } else {
            HashConsole.out("every built step reproduced bit for bit\n")
        }
    }
}
