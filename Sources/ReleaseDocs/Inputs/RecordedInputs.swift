import Digests
import Foundation
import RecipeFormat

/// Everything the documents are generated from: the recipe and the files its steps recorded, each
/// with the digest of its bytes, plus the output digest of each upstream step. Built either inside the
/// `package` step (from its input directories) or from a finished release (`glassbox card`, `comply`);
/// both give the same values for the same release, so the documents are the same bytes.
public struct RecordedInputs: Sendable {
    /// The recipe the release was built from.
    public let recipe: Recipe
    /// The recipe's digest (its canonical form).
    public let recipeDigest: String
    /// Version of glassbox's cores that built the release.
    public let coreVersion: String
    /// Step id (`prepare`, `tokenizer`, `train` or `import`, `evaluate`) → digest of its output manifest.
    public let stepOutputs: [String: String]
    /// Each recorded file → digest of its bytes.
    public let fileDigests: [RecordedFile: String]
    /// True when the weights were trained elsewhere and imported (`[training] backend = "external"`):
    /// the training facts come from `training/import.json` and are declared, not recorded.
    public let imported: Bool

    let statistics: Records.Statistics
    let config: Records.ModelConfig
    let log: [Records.LogEntry]
    let importRecord: Records.Import?
    let evaluation: Records.Evaluation
    let baseline: Records.Evaluation
    let fertility: Records.FertilityReport

    /// Reads every recorded file from `locate(file)`.
    public init(recipe: Recipe, coreVersion: String, stepOutputs: [String: String],
                locate: (RecordedFile) -> URL) throws(ReleaseDocsError) {
        self.recipe = recipe
        do { recipeDigest = try recipe.digest().description } catch {
            throw .malformedRecord(path: "recipe.toml", reason: error.description)
        }
        self.coreVersion = coreVersion
        self.stepOutputs = stepOutputs
        imported = recipe.training.isExternal
        var digests: [RecordedFile: String] = [:]
        var bytes: [RecordedFile: Data] = [:]
        for file in RecordedFile.files(imported: imported) {
            let url = locate(file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .missingRecord(path: file.releasePath, reason: "no such file (looked at \(url.path))")
            }
            bytes[file] = data
            digests[file] = Digest.sha256(of: data).description
        }
        fileDigests = digests
        statistics = try Self.decode(Records.Statistics.self, bytes, .dataStatistics)
        config = try Self.decode(Records.ModelConfig.self, bytes, .modelConfig)
        evaluation = try Self.decode(Records.Evaluation.self, bytes, .evaluation)
        baseline = try Self.decode(Records.Evaluation.self, bytes, .baseline)
        fertility = try Self.decode(Records.FertilityReport.self, bytes, .fertility)
        if imported {
            log = []
            importRecord = try Self.decode(Records.Import.self, bytes, .importRecord)
        } else {
            log = try Self.decodeLines(bytes[.trainingLog] ?? Data())
            importRecord = nil
        }
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, _ bytes: [RecordedFile: Data], _ file: RecordedFile) throws(ReleaseDocsError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: bytes[file] ?? Data())
        } catch {
            throw .malformedRecord(path: file.releasePath, reason: Self.describe(error))
        }
    }

    private static func decodeLines(_ data: Data) throws(ReleaseDocsError) -> [Records.LogEntry] {
        var entries: [Records.LogEntry] = []
        for (index, line) in data.split(separator: 0x0A).enumerated() where !line.isEmpty {
            do {
                entries.append(try JSONDecoder().decode(Records.LogEntry.self, from: Data(line)))
            } catch {
                throw .malformedRecord(path: "\(RecordedFile.trainingLog.releasePath) line \(index + 1)", reason: describe(error))
            }
        }
        guard !entries.isEmpty else { throw .malformedRecord(path: RecordedFile.trainingLog.releasePath, reason: "it holds no training step") }
        return entries
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, _): "missing key \"\(key.stringValue)\""
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
             let DecodingError.dataCorrupted(context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: "\(error)"
        }
    }
}
