import ArgumentParser
import Foundation
import Tokenization

/// `glassbox detokenize`: decode token ids back to text.
struct DetokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detokenize",
        abstract: "Decode token ids to the exact bytes they stand for.",
        discussion: """
            PATH is a tokenizer.json or a model directory. Ids are separated by commas and/or spaces. \
            Without --json the bytes are written to stdout as they are (possibly not valid UTF-8); \
            --json prints {"text": "..."} with invalid sequences replaced by U+FFFD.

            Example: glassbox detokenize tok/ --ids 1,2045,318
            """
    )

    @Argument(help: "tokenizer.json, or a directory containing one.")
    var path: String

    @Option(help: "Token ids, e.g. \"1,2,3\" or \"1 2 3\".")
    var ids: String

    @Flag(help: "Leave special tokens out.")
    var skipSpecialTokens = false

    @Flag(help: "Print JSON.")
    var json = false

    func parsedIDs() throws -> [Int] {
        try ids.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map { item in
            guard let id = Int(item) else { throw ValidationError("--ids: \(String(item).debugDescription) is not an integer") }
            return id
        }
    }

    func validate() throws {
        _ = try parsedIDs()
    }

    func run() throws {
        let tokenizer = try TokenizerCommandSupport.loadTokenizer(path)
        let bytes = try tokenizer.decode(try parsedIDs(), skipSpecialTokens: skipSpecialTokens)
        if json {
            try Console.printJSONLine(["text": String(decoding: bytes, as: UTF8.self)])
        } else {
            // Exact bytes; a newline only for a human at a terminal.
            FileHandle.standardOutput.write(Data(bytes) + (isatty(1) == 1 ? Data("\n".utf8) : Data()))
        }
    }
}
