import ArgumentParser
import Foundation
import Inference

/// `glassbox logits`: the model's logits at every position of a text, for debugging and parity checks.
struct LogitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logits",
        abstract: "Print the logits of every position of a text (debugging and parity checks).",
        discussion: """
            The text is tokenized without special tokens (add them with --bos) and run in one forward pass. \
            --json prints {"ids": [...], "logits": [[...] per position]}; without it, each position's id \
            and its five most likely next tokens are listed.

            Example: glassbox logits ./model --text "Dobrý den" --json > logits.json
            """
    )

    @Argument(help: "Model directory.")
    var directory: String

    @Option(help: "The text to score.")
    var text: String

    @Flag(help: "Put the model's beginning-of-sequence token first.")
    var bos = false

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var model: ModelThreadsOption

    func run() throws {
        let directory = try GenerateCommandSupport.open(directory, threads: model.threads)
        let c = directory.model.configuration
        do {
            var ids = try directory.tokenizer.encodeText(text)
            if bos, let token = c.bosTokenID { ids.insert(token, at: 0) }
            guard !ids.isEmpty else { throw InferenceError.invalidOption(name: "text", reason: "gives no tokens") }
            var cache = KVCache(for: c)
            let flat = try directory.model.forward(ids, cache: &cache, logits: .all)
            let rows = (0..<ids.count).map { Array(flat[$0 * c.vocabularySize..<($0 + 1) * c.vocabularySize]) }
            if json {
                try GenerateCommandSupport.printJSON(LogitsOutput(ids: ids, logits: rows))
                return
            }
            for (position, row) in rows.enumerated() {
                let top = row.indices.sorted { (row[$0], $1) > (row[$1], $0) }.prefix(5)
                let listed = try top.map { "\(try directory.tokenizer.decodeText([$0]).debugDescription) \(String(format: "%.3f", row[$0]))" }
                print("\(position)\t\(ids[position])\t\(try directory.tokenizer.decodeText([ids[position]]).debugDescription)\t→ \(listed.joined(separator: ", "))")
            }
        } catch {
            throw GenerateCommandSupport.fail(error)
        }
    }
}

/// The `--json` output of `logits`.
struct LogitsOutput: Encodable {
    let ids: [Int]
    let logits: [[Float]]
}
