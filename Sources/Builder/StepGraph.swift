import Digests
import Foundation
import RecipeFormat

/// The step graph of a recipe: fetch (one per source) → prepare → tokenizer → train (or, for weights
/// trained elsewhere, import) → quantize (when the recipe lists `[[quantize]]` variants) → evaluate →
/// package, in an order where every step comes after its inputs. Signing is not part of the graph:
/// its signature is randomised and covers `recipe.lock.json`, so it can be neither cached nor locked;
/// `ReleaseWriter` runs it on the finished release (`ReleaseSigning`).
public struct StepGraph: Sendable {
    /// The steps in execution order.
    public let steps: [StepSpec]
    /// Step id → the local inputs it names that do not exist (only with `allowMissingInputs`; those
    /// steps have no key until the files are there).
    public let missingInputs: [String: [String]]

    /// Plans the graph of `recipe`, whose relative `file:` paths are found in `dataDirectory` (when
    /// given), then in `recipeDirectory` (`LocalInputs`). Local files are hashed so that editing one
    /// changes its step key. A missing local file is an error, or with `allowMissingInputs` (`recipe
    /// plan`) is listed in `missingInputs`.
    public init(recipe: Recipe, recipeDirectory: URL, dataDirectory: URL? = nil, allowMissingInputs: Bool = false) throws(BuildError) {
        let inputs = LocalInputs(recipeDirectory: recipeDirectory, dataDirectory: dataDirectory)
        var missing: [String: [String]] = [:]
        func digest(_ path: String, step: String) throws(BuildError) -> Digest? {
            do throws(BuildError) { return try Self.digest(ofFileAt: try inputs.resolve(path, step: step), step: step) } catch {
                guard allowMissingInputs, case let .missingInput(_, location, _) = error else { throw error }
                missing[step, default: []].append(location)
                return nil
            }
        }
        var steps: [StepSpec] = []
        for source in recipe.data.sources {
            let config = StepConfigs.Fetch(id: source.id, uri: source.uri, sha256: source.sha256,
                                           archive: source.archive, members: source.members)
            let local = try source.uri.hasPrefix("file:") ? digest(String(source.uri.dropFirst("file:".count)), step: "fetch.\(source.id)") : nil
            steps.append(StepSpec(id: "fetch.\(source.id)", kind: .fetch, config: try StepConfigs.text(config),
                                  upstream: [], localInputs: local.map { ["file": $0] } ?? [:]))
        }
        let fetches = steps.map(\.id)
        steps.append(StepSpec(id: "prepare", kind: .prepare, config: try StepConfigs.text(StepConfigs.Prepare(recipe.data)), upstream: fetches))
        let model = recipe.training.isExternal
            ? try Self.importSteps(recipe, base: dataDirectory ?? recipeDirectory)
            : try Self.trainingSteps(recipe)
        steps += model
        let modelSteps = model.map(\.id)
        if !recipe.quantizeVariants.isEmpty {
            let quantize = StepConfigs.Quantize(name: "\(recipe.release.name)-\(recipe.release.version)", types: recipe.quantizeVariants.map(\.type))
            steps.append(StepSpec(id: "quantize", kind: .quantize, config: try StepConfigs.text(quantize), upstream: modelSteps))
        }
        var extra: [String: Digest] = [:]
        for file in recipe.evaluation.extraFiles {
            let path = String(file.dropFirst("file:".count))
            extra[path] = try digest(path, step: "evaluate")
        }
        let variants = recipe.quantizeVariants.isEmpty ? [] : ["quantize"]
        steps.append(StepSpec(id: "evaluate", kind: .evaluate, config: try StepConfigs.text(StepConfigs.Evaluate(evaluation: recipe.evaluation)),
                              upstream: ["prepare"] + modelSteps + variants, localInputs: extra))
        let package = StepConfigs.Package(release: recipe.release, compliance: recipe.compliance, sources: recipe.data.sources)
        steps.append(StepSpec(id: "package", kind: .package, config: try StepConfigs.text(package),
                              upstream: ["prepare"] + modelSteps + ["evaluate"]))
        self.steps = steps
        missingInputs = missing
    }

    /// `tokenizer` then `train`: Glassbox's own cores.
    static func trainingSteps(_ recipe: Recipe) throws(BuildError) -> [StepSpec] {
        let train = StepConfigs.Train(model: recipe.model, training: recipe.training)
        return [
            StepSpec(id: "tokenizer", kind: .tokenizer, config: try StepConfigs.text(recipe.tokenizer), upstream: ["prepare"]),
            StepSpec(id: "train", kind: .train, config: try StepConfigs.text(train), upstream: ["prepare", "tokenizer"]),
        ]
    }

    /// `import`: weights trained elsewhere. Its key covers the recipe's description of the model, the
    /// declared facts, and the bytes of local weights and of the declared config file.
    static func importSteps(_ recipe: Recipe, base: URL) throws(BuildError) -> [StepSpec] {
        let config = StepConfigs.Import(model: recipe.model, tokenizer: recipe.tokenizer, training: recipe.training)
        var local: [String: Digest] = [:]
        if let uri = recipe.training.weights?.uri, uri.hasPrefix("file:") {
            local["weights"] = try digest(ofFileAt: resolve(uri, base: base), step: "import")
        }
        if let uri = recipe.training.declared?.configFile {
            local["config_file"] = try digest(ofFileAt: resolve(uri, base: base), step: "import")
        }
        return [StepSpec(id: "import", kind: .import, config: try StepConfigs.text(config), upstream: [], localInputs: local)]
    }

    /// The file a `file:` location names, relative to `base` unless absolute.
    static func resolve(_ uri: String, base: URL) -> URL {
        let path = String(uri.dropFirst("file:".count))
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
    }

    static func digest(ofFileAt url: URL, step: String) throws(BuildError) -> Digest {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw BuildError.missingInput(step: step, path: url.path, reason: "does not exist")
        }
        do {
            if isDirectory.boolValue { return try Manifest.scan(directory: url.path).digest }
            return try Digest.sha256(ofFileAt: url.path)
        } catch {
            throw BuildError.missingInput(step: step, path: url.path, reason: "cannot be read (\(error.description))")
        }
    }

    /// The step named `id`.
    public func step(_ id: String) -> StepSpec? { steps.first { $0.id == id } }
}
