import Foundation
import GGUF
import Quantization
@testable import Inference

/// A copy of a fixture model with quantized variants (`model-<type>.gguf`) written beside it by the
/// export the `quantize` step runs (`LlamaGGUFExport`).
final class QuantizedModel {
    let model: TemporaryModel
    var url: URL { model.url }

    init(copying name: String, types: [QuantizationType] = [.q8_0, .q4_0, .f16]) throws {
        model = try TemporaryModel(copying: name)
        for type in types {
            let bytes = try LlamaGGUFExport(type: type, name: name).document(modelDirectory: model.url).serialized()
            try Data(bytes).write(to: model.file(VariantLoader.fileName(type)))
        }
    }
}
