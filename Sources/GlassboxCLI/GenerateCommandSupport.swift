import ArgumentParser
import Foundation
import Evaluation
import Inference

/// Helpers shared by `generate`, `logits` and `eval`: loading a model directory, errors, JSON, progress.
enum GenerateCommandSupport {
    /// Prints `error: …` to stderr and returns the failure exit code to throw.
    static func fail(_ error: Error) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return isUsageError(error) ? ExitStatus.usage.exitCode : ExitStatus.failure.exitCode
    }

    /// An option value the model cannot take (`eval --context 1000` beyond the model's context, a
    /// generation option out of range) is a usage error: exit 64, like ArgumentParser's own.
    static func isUsageError(_ error: Error) -> Bool {
        if case .invalidOption? = error as? EvaluationError { return true }
        if case .invalidOption? = error as? InferenceError { return true }
        return false
    }

    /// Prints `error: <message>` to stderr and returns the failure exit code to throw.
    static func fail(message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitStatus.failure.exitCode
    }

    /// Writes `value` as one line of JSON (sorted keys, unescaped slashes) to stdout.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
    }

    /// Writes text to stdout immediately (no buffering), for streaming.
    static func stream(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes a line to stderr.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Whether stderr is a terminal (progress lines are shown only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Overwrites the progress line on stderr (only on a terminal).
    static func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Clears the progress line.
    static func endProgress() {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// Opens a model directory, mapping failures to `error: …` and exit 1.
    static func open(_ path: String, threads: Int) throws -> ModelDirectory {
        do {
            return try ModelDirectory(URL(fileURLWithPath: path), threads: threads)
        } catch {
            throw fail(error)
        }
    }
}

