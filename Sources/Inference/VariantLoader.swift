import Foundation
import GGUF
import Kernels
import Quantization
import Transformer

/// Opens a quantized variant of a model directory: `model-<type>.gguf` beside `config.json` (what a
/// recipe's `[[quantize]]` step writes into a release, or `glassbox export gguf --type <type>`). The
/// file must hold exactly the tensors `LlamaGGUFTensors` lists for `config.json` — names, dimensions and
/// types (1-D tensors F32, matrices `<type>`) — or every problem is listed in one error. Block types
/// (`q8_0`, `q4_0`) run on `QuantizedMatrix`'s integer products (`ModelWeights<QuantizedMatrix>`); `f16`
/// and `f32` variants are widened exactly to float32 and packed into the float path's panels.
public enum VariantLoader {
    /// The variant file name of `type` in a model directory.
    public static func fileName(_ type: QuantizationType) -> String { "model-\(type.rawValue).gguf" }

    /// The variants present in `directory`, in `QuantizationType` order.
    public static func available(in directory: URL) -> [QuantizationType] {
        QuantizationType.allCases.filter {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent(fileName($0)).path)
        }
    }

    /// Loads the `type` variant of `directory` with its `config.json`, running on `threads` threads;
    /// `file` names the GGUF file when it is not `directory/model-<type>.gguf` (the evaluate step's
    /// inputs keep the variants apart from the weights).
    public static func load(_ directory: URL, type: QuantizationType, threads: Int, file: URL? = nil) throws -> LanguageModel {
        let config = try LlamaModel.config(directory: directory.path)
        let url = file ?? directory.appendingPathComponent(fileName(type))
        guard FileManager.default.fileExists(atPath: url.path) else {
            let present = available(in: directory).map(\.rawValue)
            throw InferenceError.missingFile(
                path: url.path,
                hint: "this model has no \(type.rawValue) variant (" + (present.isEmpty ? "it has none" : "it has: \(present.joined(separator: ", "))")
                    + "); add [[quantize]] type = \"\(type.rawValue)\" to its recipe, or write one with "
                    + "`glassbox export gguf \(directory.path) --type \(type.rawValue) --out-file \(url.path)`")
        }
        let document: GGUFDocument
        do { document = try GGUFDocument(contentsOf: url) } catch {
            throw InferenceError.variant(path: url.path, reason: "\(error)")
        }
        try check(document, config: config, type: type, path: url.path)
        if type.isQuantized {
            let weights = try ModelWeights(document: document, config: config, format: type, path: url.path)
            return LanguageModel(quantized: weights, format: type.rawValue.uppercased(), threads: threads)
        }
        return LanguageModel(
            float: try floatWeights(document, config: config, type: type, path: url.path), threads: threads,
            storedDTypes: [type.rawValue.uppercased()])
    }

    /// Every tensor of the table present with its dimensions and type, and nothing else.
    static func check(_ document: GGUFDocument, config: LlamaConfig, type: QuantizationType, path: String) throws(InferenceError) {
        let entries = LlamaGGUFTensors(config: config, type: type).entries
        var problems: [String] = []
        if document["general.architecture"]?.string != "llama" { problems.append("general.architecture is not \"llama\"") }
        for entry in entries {
            let expectedType: QuantizationType = entry.shape.count == 1 ? .f32 : type
            guard let tensor = document.tensor(named: entry.name) else {
                problems.append("missing tensor \(entry.name)")
                continue
            }
            if tensor.dimensions != entry.shape.reversed() {
                problems.append("\(entry.name) has dimensions \(tensor.dimensions), config.json gives \(Array(entry.shape.reversed()))")
            }
            if tensor.type != expectedType { problems.append("\(entry.name) is \(tensor.type.rawValue), expected \(expectedType.rawValue)") }
        }
        let known = Set(entries.map(\.name))
        for tensor in document.tensors where !known.contains(tensor.name) { problems.append("unexpected tensor \(tensor.name)") }
        guard problems.isEmpty else {
            throw .variant(path: path, reason: problems.joined(separator: "; ") + " (the file does not belong to this config.json; re-export it)")
        }
    }

    /// A float tensor's values, refused when any is NaN or infinite.
    static func floats(_ document: GGUFDocument, _ name: String, path: String) throws(InferenceError) -> [Float] {
        guard let tensor = document.tensor(named: name) else { throw .variant(path: path, reason: "tensor \(name) is missing") }
        let values: [Float]
        do { values = try tensor.floats() } catch { throw .variant(path: path, reason: "\(error)") }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw .variant(path: path, reason: "\(name) element \(bad) is NaN or infinite; the file is corrupt")
        }
        return values
    }

    /// An `f16`/`f32` variant as float32 panels (widening is exact; RoPE rows put back).
    static func floatWeights(_ document: GGUFDocument, config: LlamaConfig, type: QuantizationType, path: String) throws -> ModelWeights<PanelMatrix> {
        let packer = FloatPacker(config: config)
        for entry in LlamaGGUFTensors(config: config, type: type).entries {
            let values = try floats(document, entry.name, path: path)
            guard let view = packer.layout.view(named: entry.source) else {
                throw InferenceError.variant(path: path, reason: "\(entry.source) is not part of the model's layout")
            }
            let (rows, columns) = entry.shape.count == 2 ? (entry.shape[0], entry.shape[1]) : (1, entry.shape[0])
            values.withUnsafeBufferPointer { src in
                guard let base = src.baseAddress, src.count == rows * columns else { return }
                for row in 0..<rows { packer.put(view, row: row, base + entry.ggufRow(ofSourceRow: row) * columns) }
            }
        }
        return ModelWeights(packer)
    }
}
