#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import BaseIO
import Foundation

/// The one place the CLI talks to the terminal: stdout text, `error:`/`warning:`/notes on stderr,
/// TTY detection, the redrawn progress line, JSON for `--json`, and human byte counts. Libraries
/// never write to the terminal; they report progress through callbacks that commands draw here.
enum Console {
    /// Writes `text` to standard output as is (no newline added).
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `error: <message>` to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    /// Writes `warning: <message>` to standard error.
    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    /// Writes a plain note to standard error (summaries that scripts should not parse).
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Prints `error: <message>` and returns the exit code to throw.
    static func fail(_ message: String, _ status: ExitStatus = .failure) -> ExitCode {
        error(message)
        return status.exitCode
    }

    /// True when standard error is a terminal (progress lines are drawn only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Carriage return and erase-to-end-of-line: what redraws a progress line in place.
    static let eraseLine = "\r\u{1B}[K"

    /// Redraws the progress line on standard error with `text` (callers draw only when
    /// `stderrIsTerminal`; scripts and logs see nothing).
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data((eraseLine + text).utf8))
    }

    /// Erases the progress line.
    static func clearProgress() {
        FileHandle.standardError.write(Data(eraseLine.utf8))
    }

    /// `value` as canonical JSON (sorted keys, unescaped slashes) with a trailing newline.
    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Writes `value` to standard output as one line of canonical JSON (`BaseIO.CanonicalJSON`).
    static func printJSONLine<Value: Encodable>(_ value: Value) throws {
        FileHandle.standardOutput.write(Data(try CanonicalJSON.encode(value)))
    }

    /// `1536` → `1.5 KiB`.
    static func bytes(_ count: Int64) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) bytes" : String(format: "%.1f %@", value, units[unit])
    }
}
