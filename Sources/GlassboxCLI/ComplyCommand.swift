import ArgumentParser
import Foundation
import ReleaseDocs

/// `glassbox comply DIR`: the EU AI Act checklist of a release — each obligation, whether it applies,
/// and whether it is met or missing (with the recipe key that would complete it).
struct ComplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comply",
        abstract: "List the EU AI Act obligations of a release: which apply, which are met, which are missing and why.",
        discussion: """
            Reads DIR's recorded files (recipe.toml, recipe.lock.json, data/stats.json, config.json, \
            training/log.jsonl, eval/*.json), decides the classification (training compute against the \
            10^23 FLOP indicative GPAI criterion and the 10^25 FLOP systemic-risk presumption, the Art. \
            53(2) open-source exemption), then checks each of the 22 checklist obligations: met, missing \
            (naming the recipe key or file that would complete it) or not applicable (with the reason). \
            The release's documents must be present and identical to what the recorded facts give. \
            Below 10^23 FLOP nothing is legally owed; obligations are then checked as 'voluntary', to \
            the same standard. This is a checklist of what is present, not a certification.

            Exit status: 0 listed (and, with --check, nothing applicable is missing); 3 with --check, \
            an applicable obligation is missing; 1 the release could not be read; 64 usage.

            Examples:
              glassbox comply Releases/eu8-demo-0.1.0
              glassbox comply Releases/eu8-demo-0.1.0 --check --json
            """)

    @Argument(help: "The release directory (written by `glassbox build`).")
    var directory: String

    @Flag(name: .long, help: "Exit 3 when an applicable (binding or voluntary) obligation is missing.")
    var check = false

    @Flag(name: .long, help: "Print the checklist as JSON.")
    var json = false

    func run() throws {
        let release = URL(fileURLWithPath: directory)
        let report: ComplianceReport
        do {
            report = try ComplianceReport(releaseDirectory: release)
        } catch {
            throw Console.fail("\(error)")
        }
        if json {
            FileHandle.standardOutput.write(try report.json())
        } else {
            print(report.text(), terminator: "")
        }
        if check, report.failing > 0 { throw ExitStatus.verificationFailed.exitCode }
    }
}
