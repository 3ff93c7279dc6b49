import ArgumentParser
import Foundation
import Inference

/// `glassbox logits`: the model's logits at every position of a text, for debugging and parity checks.
struct LogitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logits",
        abstract: "Print the logits of every position of a text (debugging and parity checks).",
        discussion: """
            The text is tokenized with the tokenizer's special tokens (a leading BOS when its template has one, \
            as transformers' tokenizer(text)); --raw leaves them out. It runs in one forward pass. \
            --json prints {"ids": [...], "logits": [[...] per position]}; without it, each position's id \
            and its five most likely next tokens are listed.

            Example: glassbox logits ./model --text "Dobrý den" --json > logits.json
            """
    )

    @Argument(help: "Model directory.")
    var directory: String

    @Option(help: "The text to score.")
    var text: String

    @Flag(help: "Tokenize without the tokenizer's special tokens.")
    var raw = false

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var model: ThreadsOption

    @OptionGroup var variant: VariantOption

    func run() throws {
        let directory = try GenerateCommandSupport.open(directory, threads: model.threads, variant: variant.type)
        let c = directory.model.config
        let ids = try directory.tokenizer.encodeText(text, addSpecialTokens: !raw)
        guard !ids.isEmpty else { throw InferenceError.invalidOption(name: "text", reason: "gives no tokens") }
        var cache = directory.model.makeCache(capacity: ids.count)  // the text's positions, at most the context
        let flat = try directory.model.forward(ids, cache: &cache, logits: .all)
        let rows = (0..<ids.count).map { Array(flat[$0 * c.vocabSize..<($0 + 1) * c.vocabSize]) }
        if json {
            try Console.printJSONLine(LogitsOutput(ids: ids, logits: rows))
            return
        }
        for (position, row) in rows.enumerated() {
            let top = row.indices.sorted { (row[$0], $1) > (row[$1], $0) }.prefix(5)
            let listed = try top.map { "\(try directory.tokenizer.decodeText([$0]).debugDescription) \(String(format: "%.3f", row[$0]))" }
            print("\(position)\t\(ids[position])\t\(try directory.tokenizer.decodeText([ids[position]]).debugDescription)\t→ \(listed.joined(separator: ", "))")
        }
    }
}

/// The `--json` output of `logits`.
struct LogitsOutput: Encodable {
    let ids: [Int]
    let logits: [[Float]]
}
