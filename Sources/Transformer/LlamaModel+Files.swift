import Foundation
import Kernels
import SafeTensors

extension LlamaModel {
    /// Writes the weights as an F32 safetensors file (HF names, `__metadata__ {"format":"pt"}`),
    /// atomically. `buffer` writes another buffer of the same layout (gradients, optimiser moments)
    /// and `prefix` is put before every name (e.g. "exp_avg.").
    public func writeSafeTensors(to path: String, buffer: FloatBuffer? = nil, prefix: String = "") throws(TransformerError) {
        let source = buffer ?? parameters
        let entries = layout.views.compactMap { view in
            SafeTensorsWriter.Entry(
                name: prefix + view.name, shape: view.shape,
                floats: UnsafeBufferPointer(start: source.base + view.offset, count: view.count))
        }
        try AtomicFile.write(to: path) { sink in try SafeTensorsWriter.write(entries, to: sink) }
    }

    /// Writes a Hugging Face model directory: model.safetensors, config.json, generation_config.json.
    public func save(to directory: String) throws(TransformerError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory, reason: "cannot create directory (\(error.localizedDescription))")
        }
        try writeSafeTensors(to: directory + "/model.safetensors")
        try AtomicFile.write(try AtomicFile.canonicalJSON(config), to: directory + "/config.json")
        try AtomicFile.write(try AtomicFile.canonicalJSON(GenerationConfig(config)), to: directory + "/generation_config.json")
    }

    /// Loads weights from a safetensors file into `buffer` (default: the parameters). The file is opened
    /// with the strict `SafeTensorsFile` reader (header, offsets and layout validated before any byte is
    /// used). Every tensor of the layout must be present (with `prefix`) with its exact shape; F32, BF16
    /// and F16 are widened. Unknown tensors are rejected, except a redundant `lm_head.weight` in a tied model.
    public func loadSafeTensors(from path: String, into buffer: FloatBuffer? = nil, prefix: String = "") throws(TransformerError) {
        let file: SafeTensorsFile
        do {
            file = try SafeTensorsFile(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TransformerError(error, path: path)
        }
        let target = buffer ?? parameters
        let tensors = Dictionary(file.tensors.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        for view in layout.views {
            let name = prefix + view.name
            guard let info = tensors[name] else { problems.append("missing tensor '\(name)'"); continue }
            guard info.shape == view.shape else {
                problems.append("tensor '\(name)' has shape \(info.shape), expected \(view.shape)"); continue
            }
            let values: [Float]
            do throws(SafeTensorsError) {
                values = try file.floats(for: name)
            } catch .unsupportedConversion {
                problems.append("tensor '\(name)' has dtype \(info.dtype.rawValue); only F32, BF16 and F16 can be loaded")
                continue
            } catch {
                throw TransformerError(error, path: path)
            }
            _ = UnsafeMutableBufferPointer(start: target.base + view.offset, count: view.count).update(fromContentsOf: values)
        }
        let known = Set(layout.views.map { prefix + $0.name })
        for name in tensors.keys.sorted() where !known.contains(name) {
            if config.tieWordEmbeddings && name == prefix + "lm_head.weight" { continue }
            problems.append("unexpected tensor '\(name)'")
        }
        if !problems.isEmpty { throw .invalidCheckpoint(path: path, problems: problems) }
    }

    /// Reads `config.json` and `model.safetensors` from a model directory.
    public static func load(directory: String) throws(TransformerError) -> LlamaModel {
        let configPath = directory + "/config.json"
        let config: LlamaConfig
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: configPath))
            config = try JSONDecoder().decode(LlamaConfig.self, from: data)
        } catch let error as DecodingError {
            throw .invalidCheckpoint(path: configPath, problems: [Self.describe(error)])
        } catch {
            throw .io(path: configPath, reason: error.localizedDescription)
        }
        let model = try LlamaModel(config: config)
        try model.loadSafeTensors(from: directory + "/model.safetensors")
        return model
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

/// `generation_config.json` contents.
struct GenerationConfig: Encodable {
    let bosTokenId: Int?
    let eosTokenId: Int?
    let maxLength: Int

    init(_ config: LlamaConfig) {
        bosTokenId = config.bosTokenId
        eosTokenId = config.eosTokenId
        maxLength = config.maxPositionEmbeddings
    }

    enum CodingKeys: String, CodingKey { case bosTokenId = "bos_token_id", eosTokenId = "eos_token_id", maxLength = "max_length" }
}
