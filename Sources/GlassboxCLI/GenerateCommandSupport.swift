import ArgumentParser
import Foundation
import Inference

/// Helpers shared by `generate`, `logits` and `eval`: loading a model directory, errors, JSON, progress.
enum GenerateCommandSupport {
    /// Prints `error: …` to stderr and returns the failure exit code to throw.
    static func fail(_ error: Error) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return ExitStatus.failure.exitCode
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

    /// The default worker thread count: every core.
    static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Opens a model directory, mapping failures to `error: …` and exit 1.
    static func open(_ path: String, threads: Int) throws -> ModelDirectory {
        do {
            return try ModelDirectory(URL(fileURLWithPath: path), threads: threads)
        } catch {
            throw fail(error)
        }
    }
}

/// Options shared by the commands that load a model.
struct ModelThreadsOption: ParsableArguments {
    @Option(help: "Worker threads per forward pass (results do not depend on it; default: every core).")
    var threads: Int = GenerateCommandSupport.defaultThreads

    func validate() throws {
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }
}
