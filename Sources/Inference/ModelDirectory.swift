import Foundation
import Quantization
import Tokenization

/// A model directory opened for use: the model and its tokenizer.
public struct ModelDirectory: Sendable {
    /// The directory.
    public let url: URL
    /// The model.
    public let model: LanguageModel
    /// The tokenizer of `tokenizer.json`.
    public let tokenizer: BPETokenizer

    /// Loads `config.json`, the weights (or the quantized `variant`, `model-<variant>.gguf`) and
    /// `tokenizer.json` of `url` (see `ModelLoader`, `VariantLoader`).
    public init(_ url: URL, threads: Int = ProcessInfo.processInfo.activeProcessorCount, variant: QuantizationType? = nil) throws {
        let tokenizerFile = try ModelLoader.tokenizerFile(of: url)
        self.url = url
        model = try ModelLoader.load(url, variant: variant, threads: threads)
        do {
            tokenizer = try BPETokenizer(contentsOf: tokenizerFile)
        } catch {
            throw InferenceError.tokenizer(path: tokenizerFile.path, reason: "\(error)")
        }
    }

    /// A generator for this model and tokenizer.
    public var generator: Generator { Generator(model: model, tokenizer: tokenizer) }
}
