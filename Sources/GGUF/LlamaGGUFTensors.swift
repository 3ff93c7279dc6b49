import Quantization
import Transformer

/// The tensors of a Llama checkpoint under llama.cpp's names, in file order, with their Hugging Face
/// sources. Matrices keep Hugging Face's row-major `[out, in]` bytes (GGUF dimensions `[in, out]`);
/// `attn_q` / `attn_k` rows are permuted for ggml's RoPE (`permuteRoPE`). Quantized inference reads
/// the variants back through the same table (`Inference.VariantLoader`).
public struct LlamaGGUFTensors: Sendable {
    /// One tensor to write: GGUF name, Hugging Face name and shape, RoPE heads to permute by (0: none).
    public struct Entry: Sendable {
        /// The GGUF name (`blk.0.attn_q.weight`).
        public let name: String
        /// The Hugging Face name (`model.layers.0.self_attn.q_proj.weight`).
        public let source: String
        /// The Hugging Face shape (`[out, in]` for matrices).
        public let shape: [Int]
        /// Heads whose rows are permuted for ggml's RoPE (0: none).
        public let ropeHeads: Int

        /// The row of the GGUF tensor that holds row `row` of the Hugging Face tensor (the inverse of
        /// `permuteRoPE`: row `h·d + j·d/2 + i` is GGUF row `h·d + 2i + j`).
        public func ggufRow(ofSourceRow row: Int) -> Int {
            guard ropeHeads > 0, shape.count == 2 else { return row }
            let d = shape[0] / ropeHeads, half = d / 2
            let (head, rest) = (row / d, row % d)
            return head * d + 2 * (rest % half) + rest / half
        }
    }

    let config: LlamaConfig
    let type: QuantizationType
    let threads: Int

    /// The table for `config`, its matrices encoded as `type`.
    public init(config: LlamaConfig, type: QuantizationType, threads: Int = 1) {
        self.config = config
        self.type = type
        self.threads = threads
    }

    /// Every tensor, in the order they are written.
    public var entries: [Entry] {
        let c = config
        let h = c.hiddenSize
        var list = [Entry(name: "token_embd.weight", source: "model.embed_tokens.weight", shape: [c.vocabSize, h], ropeHeads: 0)]
        for i in 0..<c.numHiddenLayers {
            let hf = "model.layers.\(i)."
            func e(_ name: String, _ source: String, _ shape: [Int], rope: Int = 0) -> Entry {
                Entry(name: "blk.\(i).\(name).weight", source: hf + source + ".weight", shape: shape, ropeHeads: rope)
            }
            list += [
                e("attn_norm", "input_layernorm", [h]),
                e("attn_q", "self_attn.q_proj", [c.queryWidth, h], rope: c.numAttentionHeads),
                e("attn_k", "self_attn.k_proj", [c.keyValueWidth, h], rope: c.numKeyValueHeads),
                e("attn_v", "self_attn.v_proj", [c.keyValueWidth, h]),
                e("attn_output", "self_attn.o_proj", [h, c.queryWidth]),
                e("ffn_norm", "post_attention_layernorm", [h]),
                e("ffn_gate", "mlp.gate_proj", [c.intermediateSize, h]),
                e("ffn_up", "mlp.up_proj", [c.intermediateSize, h]),
                e("ffn_down", "mlp.down_proj", [h, c.intermediateSize]),
            ]
        }
        list.append(Entry(name: "output_norm.weight", source: "model.norm.weight", shape: [h], ropeHeads: 0))
        if !c.tieWordEmbeddings {
            list.append(Entry(name: "output.weight", source: "lm_head.weight", shape: [c.vocabSize, h], ropeHeads: 0))
        }
        return list
    }

    /// Permutes and encodes every tensor of `model` (loaded and checked by Transformer's strict loader).
    func encode(_ model: LlamaModel) throws(GGUFError) -> [GGUFTensor] {
        var tensors: [GGUFTensor] = []
        for entry in entries {
            guard var values = model.tensor(named: entry.source), values.count == entry.shape.reduce(1, *) else {
                throw .tensor(name: entry.source, reason: "missing from the model's parameter layout")
            }
            if entry.ropeHeads > 0 {
                values = Self.permuteRoPE(values, heads: entry.ropeHeads, rows: entry.shape[0], columns: entry.shape[1])
            }
            let tensorType = entry.shape.count == 1 ? QuantizationType.f32 : type
            let bytes: [UInt8]
            do {
                bytes = try TensorCodec.encode(values, rowLength: entry.shape.last ?? 1, as: tensorType, tensor: entry.name, threads: threads)
            } catch { throw .tensor(name: entry.name, reason: "\(error)") }
            tensors.append(GGUFTensor(name: entry.name, dimensions: entry.shape.reversed(), type: tensorType, bytes: bytes))
        }
        return tensors
    }

    /// Hugging Face's rotate-half row order → ggml's adjacent pairs, per head: row `h·d + 2i + j` of the
    /// result is row `h·d + j·d/2 + i` of `w` (`reshape(heads, 2, d/2, cols).swapaxes(1, 2)` in
    /// convert_hf_to_gguf.py). `w` is `[rows, columns]` row-major.
    static func permuteRoPE(_ w: [Float], heads: Int, rows: Int, columns: Int) -> [Float] {
        let d = rows / heads
        let half = d / 2
        var out = w
        for head in 0..<heads {
            for i in 0..<half {
                for j in 0..<2 {
                    let dst = (head * d + 2 * i + j) * columns
                    let src = (head * d + j * half + i) * columns
                    out.replaceSubrange(dst..<dst + columns, with: w[src..<src + columns])
                }
            }
        }
        return out
    }
}
