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
        try Self.writeAtomically(path) { sink in try SafeTensorsWriter.write(entries, to: sink) }
    }

    /// Writes a Hugging Face model directory: model.safetensors, config.json, generation_config.json.
    public func save(to directory: String) throws(TransformerError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory, reason: "cannot create directory (\(error.localizedDescription))")
        }
        try writeSafeTensors(to: directory + "/model.safetensors")
        try Self.writeCanonicalJSON(config, to: directory + "/config.json")
        try Self.writeCanonicalJSON(GenerationConfig(config), to: directory + "/generation_config.json")
    }
}

/// `generation_config.json` contents (absent ids written as null, as in `config.json`).
struct GenerationConfig: Encodable {
    let config: LlamaConfig

    init(_ config: LlamaConfig) { self.config = config }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(config.bosTokenId, forKey: .bosTokenId)
        let eos = config.eosTokenIds
        if eos.count == 1 { try c.encode(eos[0], forKey: .eosTokenId) } else { try c.encode(eos.isEmpty ? nil : eos, forKey: .eosTokenId) }
        try c.encode(config.maxPositionEmbeddings, forKey: .maxLength)
    }

    enum CodingKeys: String, CodingKey { case bosTokenId = "bos_token_id", eosTokenId = "eos_token_id", maxLength = "max_length" }
}
