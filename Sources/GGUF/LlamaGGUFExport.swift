import Foundation
import Quantization
import Tokenization
import Transformer

/// Turns a Hugging Face Llama model directory (a Glassbox release) into the GGUF file llama.cpp loads:
/// `general.*` and `llama.*` metadata as convert_hf_to_gguf.py writes them, the byte-level BPE tokenizer
/// (`tokenizer.ggml.*`), and the weights under llama.cpp's names with the Q and K rows permuted from
/// Hugging Face's rotate-half RoPE layout to ggml's adjacent pairs. 1-D tensors stay F32; matrices take
/// `type`. The output depends only on the directory's files, `type` and `name` (no paths or times).
public struct LlamaGGUFExport: Sendable {
    /// Encoding of every matrix.
    public var type: QuantizationType
    /// `general.name`.
    public var name: String
    /// Threads used to quantize (the bytes never depend on it).
    public var threads: Int

    /// An export of matrices as `type`, named `name`.
    public init(type: QuantizationType, name: String, threads: Int = 1) {
        self.type = type
        self.name = name
        self.threads = threads
    }

    /// The GGUF document of the model in `directory` (config.json and the safetensors weights), with the
    /// tokenizer of `tokenizerFile` (default: `directory/tokenizer.json`).
    public func document(modelDirectory directory: URL, tokenizerFile: URL? = nil) throws(GGUFError) -> GGUFDocument {
        let model: LlamaModel
        let tokenizer: BPETokenizer
        do { model = try LlamaModel.load(directory: directory.path) } catch {
            throw .unsupportedModel(directory: directory.path, reason: "\(error)")
        }
        let tokenizerURL = tokenizerFile ?? directory.appendingPathComponent("tokenizer.json")
        do { tokenizer = try BPETokenizer(contentsOf: tokenizerURL) } catch {
            throw .io(path: tokenizerURL.path, reason: "\(error)")
        }
        let vocabulary = try LlamaGGUFVocabulary(tokenizer: tokenizer, config: model.config, directory: directory.path)
        let tensors = try LlamaGGUFTensors(config: model.config, type: type, threads: threads).encode(model)
        return GGUFDocument(metadata: modelMetadata(model.config) + vocabulary.metadata(), tensors: tensors)
    }

    /// `general.*` and `llama.*` keys, in convert_hf_to_gguf.py's order.
    func modelMetadata(_ c: LlamaConfig) -> [(key: String, value: GGUFValue)] {
        [
            ("general.architecture", .string("llama")),
            ("general.type", .string("model")),
            ("general.name", .string(name)),
            ("llama.block_count", .uint32(UInt32(c.numHiddenLayers))),
            ("llama.context_length", .uint32(UInt32(c.maxPositionEmbeddings))),
            ("llama.embedding_length", .uint32(UInt32(c.hiddenSize))),
            ("llama.feed_forward_length", .uint32(UInt32(c.intermediateSize))),
            ("llama.attention.head_count", .uint32(UInt32(c.numAttentionHeads))),
            ("llama.attention.head_count_kv", .uint32(UInt32(c.numKeyValueHeads))),
            ("llama.rope.freq_base", .float32(Float(c.ropeTheta))),
            ("llama.attention.layer_norm_rms_epsilon", .float32(Float(c.rmsNormEps))),
            ("llama.attention.key_length", .uint32(UInt32(c.headDim))),
            ("llama.attention.value_length", .uint32(UInt32(c.headDim))),
            ("general.file_type", .uint32(type.fileType)),
            ("llama.vocab_size", .uint32(UInt32(c.vocabSize))),
            ("llama.rope.dimension_count", .uint32(UInt32(c.headDim))),
            ("general.quantization_version", .uint32(2)),
        ]
    }
}
