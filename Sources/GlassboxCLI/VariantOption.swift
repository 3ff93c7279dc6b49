import ArgumentParser
import Quantization

/// `--variant TYPE`, shared by `generate`, `logits` and `eval`: run the release's quantized variant
/// `model-<TYPE>.gguf` (written by the recipe's `[[quantize]]` step) instead of `model.safetensors`.
struct VariantOption: ParsableArguments {
    @Option(name: .customLong("variant"), help: ArgumentHelp(
        "Run the quantized variant DIR/model-<TYPE>.gguf (q8_0, q4_0: integer products; f16, f32: widened to float32) "
            + "instead of model.safetensors.", valueName: "TYPE"))
    var type: QuantizationType?
}
