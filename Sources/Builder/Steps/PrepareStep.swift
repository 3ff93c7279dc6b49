import Foundation
import Preparation
import RecipeFormat

/// The `prepare` step through the Preparation module: reads every fetched source and writes
/// `train.jsonl`, `eval.jsonl` and `stats.json`.
public struct PrepareStep: StepExecutor {
    /// `.prepare`.
    public let kind = StepKind.prepare

    /// Creates the executor.
    public init() {}

    /// Prepares the fetched sources.
    public func run(_ context: StepContext) throws {
        let data = context.recipe.data
        var inputs: [PreparedInput] = []
        for source in data.sources {
            let directory = try context.input("fetch.\(source.id)")
            let files = try Self.files(under: directory).map { InputFile(name: $0, url: directory.appendingPathComponent($0)) }
            inputs.append(PreparedInput(id: source.id, languages: source.languages, redistributable: source.redistributable,
                                        license: source.license, files: files))
        }
        do {
            _ = try Preparer(options: try Self.options(data)).prepare(sources: inputs, into: context.outputDirectory)
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError.stepFailed(step: context.step.id, reason: "\(error)")
        }
        context.progress(StepProgress(fraction: 1))
    }

    /// Maps `[data]` onto the Preparation module's options.
    static func options(_ data: DataSection) throws(BuildError) -> PrepareOptions {
        guard let normalization = Normalization(rawValue: data.normalization),
              let invalid = InvalidUTF8Policy(rawValue: data.invalidUTF8),
              let split = SplitMode(rawValue: data.split),
              let dedup = DedupMode(rawValue: data.dedup) else {
            throw BuildError.stepFailed(step: "prepare", reason: "the [data] options are not supported by this glassbox")
        }
        return PrepareOptions(normalization: normalization, invalidUTF8: invalid, split: split, dedup: dedup,
                              minimumDocumentCharacters: data.minDocumentChars, evalFraction: data.evalFraction,
                              seed: UInt64(data.seed))
    }

    /// Relative paths of the regular files under `directory`, sorted by bytes (a deterministic order).
    static func files(under directory: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
