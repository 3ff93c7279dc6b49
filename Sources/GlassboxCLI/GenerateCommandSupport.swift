import ArgumentParser
import Foundation
import Inference
import Quantization

/// Helpers shared by `generate`, `logits` and `eval`: loading a model directory, the progress line.
enum GenerateCommandSupport {
    /// Overwrites the progress line on stderr (only on a terminal).
    static func progress(_ text: String) {
        guard Console.stderrIsTerminal else { return }
        Console.progress(text)
    }

    /// Clears the progress line.
    static func endProgress() {
        guard Console.stderrIsTerminal else { return }
        Console.clearProgress()
    }

    /// Opens a model directory (or its quantized `variant`); a failure is thrown as the module's error
    /// (printed as `error: …`, exit 1).
    static func open(_ path: String, threads: Int, variant: QuantizationType? = nil) throws -> ModelDirectory {
        try ModelDirectory(URL(fileURLWithPath: path), threads: threads, variant: variant)
    }
}

