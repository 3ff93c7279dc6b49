import ArgumentParser
import Foundation
import Evaluation
import Inference
import Quantization

/// Helpers shared by `generate`, `logits` and `eval`: loading a model directory, the progress line.
enum GenerateCommandSupport {
    /// Prints `error: …` to stderr and returns the failure exit code to throw.
    static func fail(_ error: Error) -> ExitCode {
        Console.error("\(error)")
        return isUsageError(error) ? ExitStatus.usage.exitCode : ExitStatus.failure.exitCode
    }

    /// An option value the model cannot take (`eval --context 1000` beyond the model's context, a
    /// generation option out of range) is a usage error: exit 64, like ArgumentParser's own.
    static func isUsageError(_ error: Error) -> Bool {
        if case .invalidOption? = error as? EvaluationError { return true }
        if case .invalidOption? = error as? InferenceError { return true }
        return false
    }

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

