import ArgumentParser
import Evaluation
import Foundation
import Inference
import Quantization

/// `glassbox eval`: per-language bits per byte and perplexity of a model, alone or beside another.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a model per language (bits per byte, token perplexity), or compare two.",
        discussion: """
            With --data, scores the documents of each FILE: JSON Lines ({"language": "cs", "text": "..."} \
            a line, as eval.jsonl from the prepare step) or any other text file as one document named after \
            it. Scoring is sliding-window log-likelihood: windows of --context tokens every --stride tokens, \
            each token scored once; bits per byte = total NLL in bits / UTF-8 bytes (lm-evaluation-harness).
            Without --data, prints the published DIR/eval/results.json.
            --variant TYPE scores (or, without --data, shows the published scores of) the release's \
            quantized variant DIR/model-TYPE.gguf instead of model.safetensors; --compare DIR2 then puts \
            DIR2's float32 model beside it (e.g. DIR2 = DIR: what quantization costs, per language).
            --compare DIR2 puts a second model beside the first, language by language, on the same \
            documents: with --data both score those files; without it, the two published results must \
            have been scored on the same documents (same documents_sha256), else compare refuses. \
            .jsonl files are reported per language; any other file is an extra file, reported on its own \
            row under "extra file" and not counted in "all".
            --out-file writes the results as canonical JSON (the eval/results.json format).

            Examples:
              glassbox eval Releases/x-1.0
              glassbox eval ./model --data eval.jsonl extra.txt --compare Releases/x-1.0
              glassbox eval Releases/x-1.0 --variant q8_0 --compare Releases/x-1.0
            """
    )

    @Argument(help: "Model directory.")
    var directory: String

    @Option(parsing: .upToNextOption, help: "Evaluation data files (.jsonl documents, or plain text).")
    var data: [String] = []

    @Option(help: "A second model directory to compare with.")
    var compare: String?

    @Option(parsing: .unconditional, help: "Tokens per window (default: the model's context).")
    var context: Int?

    @Option(parsing: .unconditional, help: "Tokens between window starts (default: half the window).")
    var stride: Int?

    @Option(help: ArgumentHelp("Write the (first model's) results to this file as canonical JSON.", valueName: "FILE"))
    var outFile: String?

    @Option(name: .customLong("output"), help: .hidden)
    var legacyOutput: String?

    @Flag(help: "Print JSON: the results, or {\"a\": …, \"b\": …} with --compare.")
    var json = false

    @OptionGroup var model: ThreadsOption

    @OptionGroup var variant: VariantOption

    func validate() throws {
        if let context, context < 2 { throw ValidationError("--context must be at least 2") }
        if let stride, stride < 1 { throw ValidationError("--stride must be at least 1") }
        let output = try OutputFlag.resolve(outFile, legacyOutput, primary: "--out-file <FILE>", legacy: "--output", required: false)
        if data.isEmpty, context != nil || stride != nil || output != nil {
            throw ValidationError("--context, --stride and --out-file need --data")
        }
    }

    func run() throws {
        let first = try results(for: directory, variant: variant.type)
        if let output = outFile ?? legacyOutput {
            try first.write(to: URL(fileURLWithPath: output))
        }
        guard let compare else {
            if json { try Console.printJSONLine(first) } else { print(EvaluationTable.render(first), terminator: "") }
            return
        }
        let second = try results(for: compare, variant: nil)
        try requireSameDocuments(first, second, compare: compare)
        if json {
            try Console.printJSONLine(["a": first, "b": second])
        } else {
            print("A = \(directory)\nB = \(compare)")
            print(EvaluationTable.compare(first, second, names: ("A", "B")), terminator: "")
        }
    }

    /// The model's scores: published (`eval/results.json`, or its `variants` entry) without `--data`.
    private func results(for path: String, variant: QuantizationType?) throws -> EvaluationResults {
        if data.isEmpty {
            let published: EvaluationResults
            do {
                published = try EvaluationResults.read(URL(fileURLWithPath: path).appendingPathComponent("eval/results.json"))
            } catch {
                throw Console.fail("\(error); pass --data FILE… to score the model yourself")
            }
            guard let variant else { return published }
            guard let scores = published.variants?[variant.rawValue] else {
                let present = (published.variants ?? [:]).keys.sorted()
                throw Console.fail("\(path)/eval/results.json has no scores of the \(variant.rawValue) variant "
                    + "(it has: \(present.isEmpty ? "none" : present.joined(separator: ", "))); pass --data FILE… to score it yourself")
            }
            return scores
        }
        let opened = try GenerateCommandSupport.open(path, threads: model.threads, variant: variant)
        let languageFiles = data.filter { $0.hasSuffix(".jsonl") }
        let documents = try languageFiles.flatMap { try EvaluationDocument.load(URL(fileURLWithPath: $0)) }
        let extra = try data.filter { !$0.hasSuffix(".jsonl") }.flatMap { try EvaluationDocument.load(URL(fileURLWithPath: $0)) }
        let evaluator = Evaluator(
            model: opened.model, tokenizer: opened.tokenizer,
            options: EvaluationOptions(contextLength: context, stride: stride, threads: model.threads))
        let run = try evaluator.evaluate(documents, extraFiles: extra) { done, total, tokens in
            GenerateCommandSupport.progress("\(path): \(done)/\(total) documents, \(tokens) tokens")
        }
        GenerateCommandSupport.endProgress()
        Console.note(String(
            format: "%@: %d documents, %d tokens forwarded in %.1f s (%.0f tokens/s)", path,
            documents.count + extra.count, run.forwardedTokens, run.seconds, run.tokensPerSecond))
        return run.results
    }

    /// Published results compare only when they were scored on the same documents.
    private func requireSameDocuments(_ a: EvaluationResults, _ b: EvaluationResults, compare: String) throws {
        guard data.isEmpty else { return }
        guard let first = a.documentsDigest, let second = b.documentsDigest, first == second else {
            throw Console.fail("the published results of \(directory) and \(compare) were scored on different documents "
                + "(documents_sha256 \(a.documentsDigest ?? "not recorded") vs \(b.documentsDigest ?? "not recorded")); "
                + "pass --data FILE… to score both models on the same documents", .usage)
        }
    }
}
