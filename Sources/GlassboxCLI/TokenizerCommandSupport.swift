import ArgumentParser
import Foundation
import Tokenization

/// Helpers shared by the tokenizer commands: error reporting, JSON output, progress lines.
enum TokenizerCommandSupport {
    /// Overwrites the progress line on stderr.
    static func progressLine(_ text: String) {
        Console.progress(text)
    }

    /// Reads a tokenizer from a tokenizer.json or a model directory.
    static func loadTokenizer(_ path: String) throws -> BPETokenizer {
        try BPETokenizer(contentsOf: URL(fileURLWithPath: path))
    }
}
