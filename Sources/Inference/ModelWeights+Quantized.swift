import GGUF
import Kernels
import Quantization
import Transformer

/// The weights of a block-quantized variant (`model-q8_0.gguf`, `model-q4_0.gguf`): every projection a
/// `QuantizedMatrix`, `attn_q`/`attn_k` rows put back in Hugging Face's rotate-half order (the inverse
/// of the export's RoPE permutation), the embedding kept quantized and dequantized one row at a time
/// (as ggml's `get_rows`), the norms in float32.
extension ModelWeights where Matrix == QuantizedMatrix {
    /// Lays out the tensors of `document` (already checked against `LlamaGGUFTensors`' table for
    /// `config` by `VariantLoader`), read from `path`.
    convenience init(document: GGUFDocument, config c: LlamaConfig, format: QuantizationType, path: String) throws(InferenceError) {
        let entries = LlamaGGUFTensors(config: c, type: format).entries
        let byName = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0) })
        func matrix(_ names: [String], inFeatures k: Int) throws(InferenceError) -> QuantizedMatrix {
            var parts: [QuantizedMatrix.Part] = []
            for name in names {
                guard let entry = byName[name], let tensor = document.tensor(named: name) else {
                    throw .variant(path: path, reason: "tensor \(name) is missing")
                }
                parts.append(QuantizedMatrix.Part(name: name, bytes: tensor.bytes, rows: entry.shape[0]) { entry.ggufRow(ofSourceRow: $0) })
            }
            return try QuantizedMatrix(format: format, parts: parts, inFeatures: k, path: path)
        }
        func norm(_ name: String) throws(InferenceError) -> FloatBuffer {
            let buffer = FloatBuffer(count: c.hiddenSize)
            buffer.copy(from: try VariantLoader.floats(document, name, path: path))
            return buffer
        }
        let (h, i, qw) = (c.hiddenSize, c.intermediateSize, c.queryWidth)
        let embedding = try matrix(["token_embd.weight"], inFeatures: h)
        var layers: [Layer] = []
        for l in 0..<c.numHiddenLayers {
            let b = "blk.\(l)."
            layers.append(Layer(
                inputNorm: try norm(b + "attn_norm.weight"), postNorm: try norm(b + "ffn_norm.weight"),
                qkv: try matrix([b + "attn_q.weight", b + "attn_k.weight", b + "attn_v.weight"], inFeatures: h),
                o: try matrix([b + "attn_output.weight"], inFeatures: qw),
                gateUp: try matrix([b + "ffn_gate.weight", b + "ffn_up.weight"], inFeatures: h),
                down: try matrix([b + "ffn_down.weight"], inFeatures: i)))
        }
        self.init(
            config: c, embedding: embedding, layers: layers, finalNorm: try norm("output_norm.weight"),
            head: c.tieWordEmbeddings ? embedding : try matrix(["output.weight"], inFeatures: h))
    }
}
