import GGUF
import Kernels
import Quantization
import Transformer

/// The weights of a block-quantized variant (`model-q8_0.gguf`, `model-q4_0.gguf`) laid out for
/// quantized inference: every projection a `QuantizedMatrix` (q|k|v fused, gate|up fused, as
/// `DecodeWeights`), `attn_q`/`attn_k` rows put back in Hugging Face's rotate-half order (the inverse of
/// the export's RoPE permutation), the embedding kept quantized and dequantized one row at a time (as
/// ggml's `get_rows`), the norms in float32. Forward: `QuantizedWeights+Forward.swift` (prompts and
/// evaluation windows) and `LanguageModel+QuantizedDecode.swift` (one token over the KV cache).
final class QuantizedWeights: Sendable {
    /// One decoder layer.
    struct Layer: Sendable {
        /// input_layernorm and post_attention_layernorm gains `[C]`.
        let inputNorm: FloatBuffer, postNorm: FloatBuffer
        /// q|k|v `[H·hd + 2·KV·hd]` from C; o `[C]` from H·hd; gate|up `[2·I]` from C; down `[C]` from I.
        let qkv: QuantizedMatrix, o: QuantizedMatrix, gateUp: QuantizedMatrix, down: QuantizedMatrix
    }

    /// The model's shape (config.json).
    let config: LlamaConfig
    /// The block format of every matrix.
    let format: QuantizationType
    /// Rotary cos/sin, as `LlamaModel`'s.
    let rope: RopeTable
    /// token_embd `[V]` rows of C.
    let embedding: QuantizedMatrix
    /// The layers in order.
    let layers: [Layer]
    /// The final norm's gain `[C]`.
    let finalNorm: FloatBuffer
    /// The output head (the embedding when tied).
    let head: QuantizedMatrix

    /// Lays out the tensors of `document` (already checked against `LlamaGGUFTensors`' table for
    /// `config` by `VariantLoader`), read from `path`.
    init(document: GGUFDocument, config c: LlamaConfig, format: QuantizationType, path: String) throws(InferenceError) {
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
        config = c
        self.format = format
        rope = RopeTable(headDim: c.headDim, maxPositions: c.maxPositionEmbeddings, theta: c.ropeTheta)
        embedding = try matrix(["token_embd.weight"], inFeatures: h)
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
        self.layers = layers
        finalNorm = try norm("output_norm.weight")
        head = c.tieWordEmbeddings ? embedding : try matrix(["output.weight"], inFeatures: h)
    }

    /// The widest input of any product (the activation buffers' row length).
    var widestInput: Int { max(config.hiddenSize, config.queryWidth, config.intermediateSize) }
}
