import ArgumentParser
import Foundation
import Tokenization

/// Helpers shared by the tokenizer commands: error reporting, JSON output, progress lines.
enum TokenizerCommandSupport {
    /// Prints `error: …` to stderr and returns the failure exit code to throw.
    static func fail(_ error: Error) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return ExitStatus.failure.exitCode
    }

    /// Prints `value` as one line of JSON (sorted keys) to stdout.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
    }

    /// Whether stderr is a terminal (progress lines are shown only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Overwrites the progress line on stderr.
    static func progressLine(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Reads a tokenizer from a tokenizer.json or a model directory.
    static func loadTokenizer(_ path: String) throws -> BPETokenizer {
        try BPETokenizer(contentsOf: URL(fileURLWithPath: path))
    }
}
