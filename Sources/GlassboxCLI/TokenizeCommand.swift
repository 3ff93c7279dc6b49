import ArgumentParser
import Foundation
import Tokenization

/// `glassbox tokenize`: encode text with a tokenizer.json (or a model directory holding one).
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Encode text to token ids, exactly as Hugging Face tokenizers does.",
        discussion: """
            PATH is a tokenizer.json or a model directory. With --file, each line is encoded \
            separately (on --threads threads). --json prints {"ids": [...]} for --text and \
            {"ids": [[...], ...]} (one list per line) for --file; otherwise ids are printed space-separated, \
            one line per input line.

            Example: glassbox tokenize Releases/x-1.0 --text "Dobrý den" --json
            """
    )

    @Argument(help: "tokenizer.json, or a directory containing one.")
    var path: String

    @Option(help: "Text to encode.")
    var text: String?

    @Option(help: "File whose lines are encoded one by one (UTF-8).")
    var file: String?

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "With --text: print one token per line, its id and the text it stands for (escaped).")
    var tokens = false

    @Flag(help: "Add the tokenizer's special tokens (e.g. BOS) as its post-processor says.")
    var addSpecialTokens = false

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.threads }

    @Flag(help: "With --file: print only counts and the encoding time as JSON (lines, tokens, bytes, encode_seconds).")
    var stats = false

    func validate() throws {
        if (text == nil) == (file == nil) { throw ValidationError("give exactly one of --text or --file") }
        if stats, file == nil { throw ValidationError("--stats needs --file") }
        if tokens, text == nil || json { throw ValidationError("--tokens needs --text and no --json") }
    }

    func run() throws {
        let tokenizer = try TokenizerCommandSupport.loadTokenizer(path)
        if let text {
            let ids = tokenizer.encode(text, addSpecialTokens: addSpecialTokens)
            if tokens {
                for id in ids { print("\(id)\t\(try tokenizer.decodeToString([id]).debugDescription)") }
            } else if json { try Console.printJSONLine(["ids": ids]) } else { print(Self.line(ids)) }
            return
        }
        let lines = try Self.lines(of: file ?? "")
        let clock = ContinuousClock()
        let start = clock.now
        let batch = tokenizer.encodeBatch(lines, threads: threads, addSpecialTokens: addSpecialTokens)
        let elapsed = clock.now - start
        if stats {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            try Console.printJSONLine(Stats(lines: lines.count, tokens: batch.map(\.count).reduce(0, +),
                                                        bytes: lines.map(\.utf8.count).reduce(0, +),
                                                        encodeSeconds: (seconds * 10_000).rounded() / 10_000))
        } else if json {
            try Console.printJSONLine(["ids": batch])
        } else {
            print(batch.map(Self.line).joined(separator: "\n"))
        }
    }

    struct Stats: Encodable {
        let lines: Int
        let tokens: Int
        let bytes: Int
        let encodeSeconds: Double

        enum CodingKeys: String, CodingKey {
            case lines, tokens, bytes
            case encodeSeconds = "encode_seconds"
        }
    }

    static func line(_ ids: [Int]) -> String {
        ids.map(String.init).joined(separator: " ")
    }

    /// The lines of a UTF-8 file (a final newline does not start another line).
    static func lines(of path: String) throws -> [String] {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TokenizerError(.io, "cannot read \(path)", hint: "check the path given to --file")
        }
        let bytes = [UInt8](data)
        try TrainingCorpus.validateUTF8(bytes, file: url)
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
