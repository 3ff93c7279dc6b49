import Foundation
import Quantization
import Transformer

/// Opens Hugging Face Llama model directories for generation and scoring. The config, the tensor
/// names and the strict checks are `Transformer`'s (`LlamaModel.readTensors`: `config.json`, then
/// `model.safetensors` or the shards of `model.safetensors.index.json`, F32/F16/BF16 widened to F32;
/// every missing, unexpected or mis-shaped tensor listed in one `TransformerError`; NaN refused). Each
/// tensor goes straight into inference's layout (`ModelWeights+Float.swift`), one at a time.
public enum ModelLoader {
    /// Loads the model of `directory`, running forward passes on `threads` threads.
    public static func load(_ directory: URL, threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> LanguageModel {
        let (weights, dtypes) = try ModelWeights.load(directory: directory.path)
        return LanguageModel(float: weights, threads: threads, storedDTypes: dtypes)
    }

    /// Loads the model of `directory`, or its quantized `variant` (`model-<variant>.gguf`, `VariantLoader`).
    public static func load(_ directory: URL, variant: QuantizationType?, threads: Int) throws -> LanguageModel {
        guard let variant else { return try load(directory, threads: threads) }
        return try VariantLoader.load(directory, type: variant, threads: threads)
    }

    /// The `tokenizer.json` of `directory`, or an error saying it is missing.
    public static func tokenizerFile(of directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("tokenizer.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InferenceError.missingFile(
                path: url.path,
                hint: "this model directory has no tokenizer; copy the tokenizer.json the model was trained with next to config.json")
        }
        return url
    }
}
