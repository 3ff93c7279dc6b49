import ArgumentParser
import Foundation
import Preparation

/// `glassbox data prepare`: turn folders of text into `train.jsonl`, `eval.jsonl` and `stats.json`.
struct PrepareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Decode, normalise, clean, split and deduplicate text into train/eval JSONL with statistics.",
        discussion: """
            Each SOURCE is PATH, or ID:LANGS:PATH (LANGS comma-separated). PATH is a file or a folder \
            (every regular file under it, in name order). With the short form the id and the language \
            are the folder's name, so `glassbox data prepare corpus/cs corpus/de --out prepared` tags \
            cs/ as Czech and de/ as German. Semantics of every option: Docs/data.md.
            """
    )

    @Argument(help: "Sources: PATH or ID:LANGS:PATH.")
    var sources: [String]

    @Option(help: "Output folder.")
    var out: String

    @Flag(help: "Replace files of an earlier run in the output folder (other files there are never touched).")
    var force = false

    @Option(help: "Unicode normalisation: nfc or none.")
    var normalization: Normalization = .nfc

    @Option(help: "Invalid UTF-8: replace or drop.")
    var invalidUtf8: InvalidUTF8Policy = .replace

    @Option(help: "Documents are lines, paragraphs or files: line, paragraph, file.")
    var split: SplitMode = .line

    @Option(help: "Deduplication: exact or none.")
    var dedup: DedupMode = .exact

    @Option(parsing: .unconditional, help: "Drop documents shorter than this many characters (Unicode scalars).")
    var minChars: Int = 1

    @Option(parsing: .unconditional, help: "Share of documents for evaluation, in [0, 1).")
    var evalFraction: Double = 0.05

    @Option(parsing: .unconditional, help: "Seed of the train/eval split.")
    var seed: UInt64 = 0

    @Option(name: .customLong("restricted"), help: "Id of a source that is not redistributable (repeatable).")
    var restricted: [String] = []

    @Flag(help: "Print stats.json's content instead of a summary.")
    var json = false

    func run() throws {
        try OutputFolder(path: out, option: "--out").check(writes: ["train.jsonl", "eval.jsonl", "stats.json"], force: force)
        let options = PrepareOptions(
            normalization: normalization, invalidUTF8: invalidUtf8, split: split, dedup: dedup,
            minimumDocumentCharacters: minChars, evalFraction: evalFraction, seed: seed)
        let inputs = try sources.map(input)
        do {
            let summary = try Preparer(options: options).prepare(sources: inputs, into: URL(fileURLWithPath: out))
            if json {
                let data = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("stats.json"))
                print(String(decoding: data, as: UTF8.self), terminator: "")
            } else {
                printSummary(summary)
            }
        } catch {
            throw Console.fail("\(error)")
        }
    }

    private func input(_ text: String) throws -> PreparedInput {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        let path = parts.count == 3 ? parts[2] : text
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let id = parts.count == 3 ? parts[0] : url.lastPathComponent
        let languages = parts.count == 3 ? parts[1].split(separator: ",").map(String.init) : [url.lastPathComponent]
        guard !id.isEmpty, !languages.isEmpty else { throw ValidationError("source '\(text)': expected PATH or ID:LANGS:PATH") }
        return PreparedInput(
            id: id, languages: languages, redistributable: !restricted.contains(id), license: "NOASSERTION",
            files: try files(at: url, source: text))
    }

    private func files(at url: URL, source: String) throws -> [InputFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ValidationError("source '\(source)': \(url.path) does not exist")
        }
        guard isDirectory.boolValue else { return [InputFile(name: url.lastPathComponent, url: url)] }
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        var files: [InputFile] = []
        while let relative = enumerator?.nextObject() as? String {
            if enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                files.append(InputFile(name: relative, url: url.appendingPathComponent(relative)))
            }
        }
        return files
    }

    private func printSummary(_ summary: PrepareSummary) {
        let totals = summary.statistics.totals
        for (language, counts) in summary.statistics.languages.sorted(by: { $0.key < $1.key }) {
            print("\(language)\t\(counts.documents) documents\t\(counts.bytes) bytes\t\(counts.removedDuplicates) duplicates\t\(counts.invalidBytes) invalid bytes")
        }
        print("total\t\(totals.documents) documents (\(totals.trainDocuments) train, \(totals.evalDocuments) eval), \(totals.bytes) bytes")
        for (name, digest) in summary.outputs.sorted(by: { $0.key < $1.key }) { print("\(digest)  \(name)") }
    }
}

extension Normalization: ExpressibleByArgument {}
extension InvalidUTF8Policy: ExpressibleByArgument {}
extension SplitMode: ExpressibleByArgument {}
extension DedupMode: ExpressibleByArgument {}
