import BaseIO
import Foundation

/// The documents of a release, generated from its recorded facts: `README.md` (model card),
/// `training/loss.svg`, `eval/languages.svg` and `compliance/` (technical documentation, downstream
/// information, training-content summary, copyright policy, compliance.json). The same facts always
/// give the same bytes: no clock, no randomness, no machine-specific text.
public struct ReleaseDocuments: Sendable {
    /// The facts the documents were generated from.
    public let facts: ReleaseFacts
    /// The checklist results written into `compliance.json`.
    public let obligations: [ObligationResult]
    /// Release path → bytes, for every document.
    public let files: [String: Data]

    /// Every path this module writes for a Glassbox-trained release, sorted.
    public static let paths = [
        "README.md", "compliance/compliance.json", "compliance/copyright-policy.md", "compliance/downstream-information.md",
        "compliance/technical-documentation.md", "compliance/training-content-summary.md", "eval/languages.svg", "training/loss.svg",
    ]

    /// Every path this module writes, sorted: imported weights have no training log, so no loss chart.
    public static func paths(imported: Bool) -> [String] {
        imported ? paths.filter { $0 != "training/loss.svg" } : paths
    }

    /// The paths of these documents, sorted.
    public var paths: [String] { Self.paths(imported: facts.imported != nil) }

    /// Generates the documents of `inputs`.
    public init(_ inputs: RecordedInputs) throws(ReleaseDocsError) {
        let facts = ReleaseFacts(inputs)
        self.facts = facts
        obligations = ChecklistEvaluator(facts: facts).evaluate()
        let name = facts.releaseName
        var files: [String: Data] = [
            "README.md": Data(ModelCard(facts: facts).render().utf8),
            "eval/languages.svg": Data(LanguageChart.render(facts.evaluation, title: "\(name): bits per byte per language").utf8),
            "compliance/technical-documentation.md": Data(TechnicalDocumentation(facts: facts).render().utf8),
            "compliance/downstream-information.md": Data(DownstreamInformation(facts: facts).render().utf8),
            "compliance/training-content-summary.md": Data(TrainingContentSummary(facts: facts).render().utf8),
            "compliance/copyright-policy.md": Data(CopyrightPolicy(facts: facts).render().utf8),
        ]
        if facts.imported == nil {
            files["training/loss.svg"] = Data(LossChart.render(facts.training, title: "\(name): training loss").utf8)
        }
        files["compliance/compliance.json"] = try ComplianceRecord(facts: facts, obligations: obligations).canonicalJSON()
        self.files = files
    }

    /// Writes every document under `directory` (creating folders), each atomically (`BaseIO.AtomicFile`:
    /// temporary name, fsync, rename over the old file, fsync of the directory).
    public func write(to directory: URL) throws(ReleaseDocsError) {
        for path in paths {
            guard let data = files[path] else { continue }
            let target = directory.appendingPathComponent(path)
            do { try AtomicFile.write([UInt8](data), to: target.path) } catch {
                throw .unwritable(path: target.path, reason: error.description)
            }
        }
    }

    /// For each document, how the copy in `directory` differs from this generation: `is missing` or
    /// `differs from what the recorded facts give`; absent when identical.
    public func problems(comparedWith directory: URL) -> [String: String] {
        var problems: [String: String] = [:]
        for path in paths {
            guard let existing = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else {
                problems[path] = "is missing from the release"
                continue
            }
            if existing != files[path] { problems[path] = "differs from what the recorded facts give (edited after the build, or built by another glassbox)" }
        }
        return problems
    }
}
