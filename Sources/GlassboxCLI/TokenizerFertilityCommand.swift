import ArgumentParser
import Foundation
import Tokenization

/// `glassbox tokenizer fertility`: tokens per word / per byte and parity per language.
struct TokenizerFertilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fertility",
        abstract: "Measure tokens per word, tokens per byte and parity vs English, per language.",
        discussion: """
            PATH is a tokenizer.json or a model directory; --data files are .jsonl with a "language" \
            per line (the prepare step's eval.jsonl) or plain text labelled with --language. Parity is \
            tokens-per-word relative to the reference language (an estimate unless the texts are parallel).

            Example: glassbox tokenizer fertility Releases/x-1.0 --data prepared/eval.jsonl
            """
    )

    @Argument(help: "tokenizer.json, or a directory containing one.")
    var path: String

    @Option(name: .customLong("data"), parsing: .upToNextOption, help: "Evaluation files (.jsonl or .txt).")
    var data: [String] = []

    @Option(help: "Language code for plain-text data files.")
    var language: String = ""

    @Option(help: "Reference language for parity.")
    var reference: String = "en"

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.threads }

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if data.isEmpty { throw ValidationError("give at least one file with --data") }
    }

    func run() throws {
        let tokenizer = try TokenizerCommandSupport.loadTokenizer(path)
        let documents = try TrainingCorpus.load(files: data.map { URL(fileURLWithPath: $0) }, language: language)
        let report = FertilityReport(tokenizer: tokenizer, documents: documents, referenceLanguage: reference,
                                     threads: max(1, threads))
        if json {
            FileHandle.standardOutput.write(try report.canonicalJSON())
            return
        }
        print("language  documents     words  tokens/word  tokens/byte  parity")
        for entry in report.languages {
            let parity = entry.parity.map { String(format: "%6.3f", $0) } ?? "     -"
            print(String(format: "%-8@ %10d %9d %12.3f %12.4f  ", entry.language as NSString, entry.documents,
                         entry.words, entry.tokensPerWord, entry.tokensPerByte) + parity)
        }
    }
}
