import BaseIO
import Digests
import Fetching
import Foundation
import RecipeFormat

/// The `import` step (`[training] backend = "external"`): fetches the weights from their pinned location
/// (as `fetch` does for data: `file:`, `https:` archives, `git+https:…@commit`, digests checked), verifies
/// them strictly (`ImportVerifier`), and writes the Hugging Face files byte for byte as they came
/// (`config.json`, `model.safetensors` or its shards and index, `tokenizer.json`, and the optional
/// `generation_config.json`, `tokenizer_config.json`, `special_tokens_map.json`), the declared run's
/// config file under `training/`, and `training/import.json` (declared facts, what was verified,
/// the reproducibility class "imported, declared").
///
/// With a data directory (`reproduce --data-dir`), `file:` paths resolve there, and a remote location
/// may be supplied as a folder named `weights`; its digest is still checked.
public struct ImportStep: StepExecutor {
    /// `.import`.
    public let kind = StepKind.import

    /// The model files copied into the release (besides the shards named by the index).
    static let modelFiles = ["config.json", "generation_config.json", "model.safetensors", "model.safetensors.index.json",
                             "special_tokens_map.json", "tokenizer.json", "tokenizer_config.json"]

    /// Creates the executor.
    public init() {}

    /// Fetches, verifies and stores the weights.
    public func run(_ context: StepContext) throws {
        let training = context.recipe.training
        guard let weights = training.weights, let declared = training.declared else {
            throw BuildError.stepFailed(step: context.step.id, reason: "the recipe has no [training.weights] and [training.declared]; set backend = \"external\" with both")
        }
        let fetched = context.scratchDirectory.appendingPathComponent("weights")
        try BuilderFiles.remove(fetched)
        let source = try fetch(weights, context: context, into: fetched)
        let root = try Self.modelRoot(in: fetched)
        let findings = try ImportVerifier(root: root, recipe: context.recipe, threads: context.threads).verify()
        let copied = try copyModelFiles(from: root, to: context.outputDirectory)
        var configName: String?
        if let configFile = declared.configFile {
            configName = try copyConfigFile(configFile, context: context)
        }
        let record = ImportRecord(
            declared: declared, source: ImportRecord.Source(uri: weights.uri, sha256: source.digest, commit: source.commit, files: copied),
            ignoredFiles: Self.ignored(source, root: root, fetched: fetched, copied: copied), configFile: configName, verified: findings)
        try BuilderFiles.makeDirectory(context.outputDirectory.appendingPathComponent("training"))
        do {
            try BuilderFiles.writeAtomically(Data(try CanonicalJSON.encode(record)), to: context.outputDirectory.appendingPathComponent(ImportRecord.path))
        } catch let error as BuildError { throw error } catch { throw BuildError.recipe("\(error)") }
        context.progress(StepProgress(fraction: 1))
    }

    private func fetch(_ weights: ExternalWeights, context: StepContext, into directory: URL) throws(BuildError) -> FetchedSource {
        guard let archive = ArchiveFormat(rawValue: weights.archive) else {
            throw BuildError.stepFailed(step: "import", reason: "unsupported archive \"\(weights.archive)\"")
        }
        var uri = weights.uri
        if !uri.hasPrefix("file:"), let data = context.dataDirectory {
            let supplied = data.appendingPathComponent("weights")
            if FileManager.default.fileExists(atPath: supplied.path) { uri = "file:" + supplied.path }
        }
        let spec = SourceSpec(id: "weights", uri: uri, sha256: weights.sha256, archive: archive, members: weights.members)
        let fetcher = Fetcher(options: FetchOptions(cacheDirectory: context.scratchDirectory.appendingPathComponent("cache")))
        do {
            return try fetcher.fetch(spec, recipeDirectory: context.dataDirectory ?? context.recipeDirectory, into: directory)
        } catch {
            throw BuildError.stepFailed(step: "import", reason: "fetching the weights (\(weights.uri)): \(error.description)")
        }
    }

    /// The folder holding `config.json`: the fetched folder itself, or its only folder that has one
    /// (an archive that wraps the model in a directory).
    static func modelRoot(in fetched: URL) throws(BuildError) -> URL {
        if FileManager.default.fileExists(atPath: fetched.appendingPathComponent("config.json").path) { return fetched }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: fetched.path)) ?? []).sorted()
        let candidates = entries.map { fetched.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("config.json").path) }
        guard candidates.count == 1, let root = candidates.first else {
            throw BuildError.stepFailed(step: "import", reason: candidates.isEmpty
                ? "the weights have no config.json (at the top or one folder down); a Hugging Face model directory is needed"
                : "the weights hold several model folders (\(candidates.map(\.lastPathComponent).joined(separator: ", "))); select one with training.weights.members")
        }
        return root
    }

    /// Copies the model files (and the shards the index names) byte for byte; returns what was copied.
    private func copyModelFiles(from root: URL, to output: URL) throws(BuildError) -> [ImportRecord.File] {
        var names = Self.modelFiles.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        names += Self.shardNames(root)
        var files: [ImportRecord.File] = []
        for name in Set(names).sorted() {
            let source = root.appendingPathComponent(name)
            let target = output.appendingPathComponent(name)
            do {
                try FileManager.default.copyItem(at: source, to: target)
                let size = (try FileManager.default.attributesOfItem(atPath: target.path)[.size] as? NSNumber)?.intValue ?? 0
                files.append(ImportRecord.File(path: name, size: size, sha256: try Digest.sha256(ofFileAt: target.path)))
            } catch {
                throw BuildError.io(path: target.path, reason: "copying \(source.path): \(error)")
            }
        }
        return files
    }

    /// The shard files named by `model.safetensors.index.json` (already checked by the verifier).
    static func shardNames(_ root: URL) -> [String] {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent("model.safetensors.index.json").path),
              case .object(let map)? = (try? JSONParser.parse([UInt8](data)))?["weight_map"] else { return [] }
        return Set(map.compactMap { member -> String? in
            if case .string(let name) = member.value { return name }
            return nil
        }).sorted()
    }

    private func copyConfigFile(_ uri: String, context: StepContext) throws(BuildError) -> String {
        let url = StepGraph.resolve(uri, base: context.dataDirectory ?? context.recipeDirectory)
        let reserved = [ImportRecord.path, "training/log.jsonl", "training/loss.svg"]
        let plain = "training/" + url.lastPathComponent
        let name = reserved.contains(plain) ? "training/run-" + url.lastPathComponent : plain
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BuildError.missingInput(step: "import", path: url.path, reason: "(training.declared.config_file) cannot be read")
        }
        try BuilderFiles.makeDirectory(context.outputDirectory.appendingPathComponent("training"))
        try BuilderFiles.writeAtomically(data, to: context.outputDirectory.appendingPathComponent(name))
        return name
    }

    /// Fetched files that are not part of the release (a README, goldens, optimiser states…).
    static func ignored(_ source: FetchedSource, root: URL, fetched: URL, copied: [ImportRecord.File]) -> [String] {
        let prefix = root.path == fetched.path ? "" : root.lastPathComponent + "/"
        let kept = Set(copied.map { prefix + $0.path })
        return source.files.map(\.path).filter { !kept.contains($0) }.sorted()
    }
}
