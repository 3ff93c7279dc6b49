import ArgumentParser
import Foundation
import ReleaseDocs

/// `glassbox card DIR`: regenerate a release's model card, charts and EU documents from its recorded
/// files into a review folder, and say which differ from the copies in the release.
struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Regenerate a release's model card and EU AI Act documents from its recorded files, for review.",
        discussion: """
            Writes README.md, training/loss.svg, eval/languages.svg and compliance/ into --out (default: \
            ./<release>-card), generated from DIR's recipe.toml, recipe.lock.json and recorded files \
            exactly as the package step of `glassbox build` does, then compares each with DIR's copy: \
            'same', 'differs' or 'missing'. The release itself is never modified (it is signed). --out \
            must not exist, be empty, or be a folder an earlier `glassbox card` wrote.

            Exit status: 0 written; 3 with --check, a document in DIR differs or is missing; 1 could \
            not read DIR or write --out; 64 usage.

            Examples:
              glassbox card Releases/eu8-demo-0.1.0 --out review
              glassbox card Releases/eu8-demo-0.1.0 --out review --check --json
            """)

    @Argument(help: "The release directory (written by `glassbox build`).")
    var directory: String

    @Option(name: .long, help: "Folder for the regenerated documents (default: ./<release>-card).")
    var out: String?

    @Flag(name: .long, help: "Exit 3 when a document in the release differs from the regeneration.")
    var check = false

    @Flag(name: .long, help: "Print the comparison as JSON.")
    var json = false

    func run() throws {
        let release = URL(fileURLWithPath: directory).standardizedFileURL
        let target = URL(fileURLWithPath: out ?? "\(release.lastPathComponent)-card").standardizedFileURL
        let comparison: [String: String]
        do {
            let documents = try ReleaseDocuments(try RecordedInputs.load(releaseDirectory: release))
            try ReviewFolder.prepare(target)
            try documents.write(to: target)
            comparison = documents.problems(comparedWith: release)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.failure.exitCode
        }
        let rows = ReleaseDocuments.paths.map { path in (path, comparison[path] == nil ? "same" : comparison[path]?.hasPrefix("is missing") == true ? "missing" : "differs") }
        if json {
            let object = ["output": target.path, "documents": Dictionary(uniqueKeysWithValues: rows.map { ($0.0, $0.1) })] as [String: Any]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        } else {
            for (path, state) in rows { print("\(state.padding(toLength: 8, withPad: " ", startingAt: 0)) \(path)") }
            print("wrote \(rows.count) documents to \(target.path); \(comparison.isEmpty ? "all match the release" : "\(comparison.count) differ from the release or are missing in it")")
        }
        if check, !comparison.isEmpty { throw ExitStatus.verificationFailed.exitCode }
    }
}

/// The review folder `glassbox card` writes: created when absent; reused when empty or written by an
/// earlier `glassbox card` (it holds the marker file); anything else is refused, never overwritten.
enum ReviewFolder {
    static let marker = ".glassbox-card"

    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    static func prepare(_ folder: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Refused(description: "\(folder.path) is a file; give --out a folder that does not exist yet")
            }
            let entries = try manager.contentsOfDirectory(atPath: folder.path)
            guard entries.isEmpty || entries.contains(marker) else {
                throw Refused(description: "\(folder.path) already holds files that `glassbox card` did not write; give --out a new folder")
            }
        }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("written by glassbox card; safe to delete\n".utf8).write(to: folder.appendingPathComponent(marker))
    }
}
