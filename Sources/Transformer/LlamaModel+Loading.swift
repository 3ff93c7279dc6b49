import Foundation
import Kernels
import SafeTensors

/// The one strict checkpoint loader of Glassbox (training resume, `generate`, `eval`, the evaluate step).
extension LlamaModel {
    /// Reads `config.json` of a model directory (see `LlamaConfig+Coding.swift`) and validates it.
    public static func config(directory: String) throws(TransformerError) -> LlamaConfig {
        let path = directory + "/config.json"
        guard FileManager.default.fileExists(atPath: path) else {
            throw .missingFile(path: path, hint: "a model directory needs the config.json written with its weights")
        }
        let config: LlamaConfig
        do {
            config = try JSONDecoder().decode(LlamaConfig.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as LlamaConfig.UnsupportedFeature {
            throw .unsupportedFeature(path: path, feature: error.feature)
        } catch let error as DecodingError {
            throw .invalidCheckpoint(path: path, problems: [Self.describe(error)])
        } catch {
            throw .io(path: path, reason: error.localizedDescription)
        }
        let problems = config.problems()
        if !problems.isEmpty { throw .invalidCheckpoint(path: path, problems: problems) }
        return config
    }

    /// Loads a Hugging Face model directory: `config.json`, then `model.safetensors` or the shards of
    /// `model.safetensors.index.json` (F32, BF16 or F16, widened to F32). Refuses NaN or infinite weights.
    public static func load(directory: String) throws(TransformerError) -> LlamaModel {
        let model = try LlamaModel(config: try config(directory: directory))
        let files = try CheckpointFiles(directory: directory)
        try model.load(from: files)
        try model.checkFinite(path: directory)
        model.storedDTypes = files.dtypes
        return model
    }

    /// Loads weights from one safetensors file into `buffer` (default: the parameters); `prefix` is
    /// put before every name (optimiser moments: "exp_avg.").
    public func loadSafeTensors(from path: String, into buffer: FloatBuffer? = nil, prefix: String = "") throws(TransformerError) {
        try load(from: try CheckpointFiles(file: path), into: buffer, prefix: prefix)
    }

    /// Reads the checkpoint of a model directory (whose `config.json` gave `config`) a few rows at a
    /// time, without a parameter buffer: `body(view, firstRow, values)` gets every tensor of the layout,
    /// in layout order, in chunks of whole rows (about 1 MiB), widened to float32 — inference packs them
    /// straight into its own layout, so the weights are in memory once. The checks of
    /// `load(directory:)`: every problem listed in one error, then the first NaN or infinite weight
    /// refused — both thrown after the tensors were handed over, so `body`'s work is then to be dropped.
    /// Returns the stored dtypes.
    public static func readTensors(
        directory: String, config: LlamaConfig, _ body: (ParameterView, Int, [Float]) -> Void
    ) throws(TransformerError) -> [String] {
        try config.validate()
        let files = try CheckpointFiles(directory: directory)
        var nonFinite: (tensor: String, index: Int)?
        try read(files, layout: ParameterLayout(config: config), tied: config.tieWordEmbeddings, prefix: "") { view, first, values in
            if nonFinite == nil, let bad = values.firstIndex(where: { !$0.isFinite }) {
                nonFinite = (view.name, first * view.rowLength + bad)
            }
            body(view, first, values)
        }
        if let nonFinite { throw .nonFiniteWeight(path: directory, tensor: nonFinite.tensor, index: nonFinite.index) }
        return files.dtypes
    }

    /// Loads `files` into `buffer` (default: the parameters); see `read`.
    func load(from files: CheckpointFiles, into buffer: FloatBuffer? = nil, prefix: String = "") throws(TransformerError) {
        let target = buffer ?? parameters
        try Self.read(files, layout: layout, tied: config.tieWordEmbeddings, prefix: prefix) { view, first, values in
            _ = UnsafeMutableBufferPointer(start: target.base + view.offset + first * view.rowLength, count: values.count)
                .update(fromContentsOf: values)
        }
    }

    /// Every tensor of the layout must be present (with `prefix`) with its exact shape and a float
    /// dtype; any other tensor is refused, except a redundant `lm_head.weight` in a tied model and the
    /// `rotary_emb.inv_freq` buffers older checkpoints carry (both derived, as transformers ignores them).
    /// Every problem is listed in one error. `body(view, firstRow, values)` gets each good tensor,
    /// widened to float32, in chunks of whole rows of about 1 MiB, rows ascending.
    static func read(
        _ files: CheckpointFiles, layout: ParameterLayout, tied: Bool, prefix: String, _ body: (ParameterView, Int, [Float]) -> Void
    ) throws(TransformerError) {
        var problems = files.problems
        for view in layout.views {
            let name = prefix + view.name
            guard let location = files.locations[name] else { problems.append("missing tensor '\(name)' \(view.shape)"); continue }
            guard location.info.shape == view.shape else {
                problems.append("tensor '\(name)' has shape \(location.info.shape), expected \(view.shape)"); continue
            }
            do throws(SafeTensorsError) {
                try location.file.floats(for: name, rowsPerChunk: max(1, 262_144 / max(1, view.rowLength))) { first, values in
                    body(view, first, values)
                }
            } catch .unsupportedConversion {
                problems.append("tensor '\(name)' has dtype \(location.info.dtype.rawValue); only F32, BF16 and F16 can be loaded")
            } catch {
                throw TransformerError(error, path: location.path)
            }
        }
        let known = Set(layout.views.map { prefix + $0.name })
        for name in files.locations.keys.sorted() where !known.contains(name) {
            if tied && name == prefix + "lm_head.weight" { continue }
            if name.hasSuffix(".self_attn.rotary_emb.inv_freq") { continue }
            problems.append("unexpected tensor '\(name)'")
        }
        if !problems.isEmpty { throw .invalidCheckpoint(path: files.path, problems: problems) }
    }

    /// Throws `.nonFiniteWeight` naming the first tensor that holds NaN or an infinity.
    func checkFinite(path: String) throws(TransformerError) {
        let values = UnsafeBufferPointer(start: parameters.base, count: layout.count)
        guard let bad = values.firstIndex(where: { !$0.isFinite }), let view = layout.view(containing: bad) else { return }
        throw .nonFiniteWeight(path: path, tensor: view.name, index: bad - view.offset)
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, _): "missing key '\(key.stringValue)'"
        case let .typeMismatch(_, ctx), let .valueNotFound(_, ctx):
            "wrong type at '\(ctx.codingPath.map(\.stringValue).joined(separator: "."))'"
        case let .dataCorrupted(ctx): ctx.debugDescription
        @unknown default: "\(error)"
        }
    }
}
