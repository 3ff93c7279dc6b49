import ArgumentParser
import Digests
import Foundation
import GGUF
import Quantization
import RecipeFormat

extension QuantizationType: ExpressibleByArgument {}

/// `glassbox export gguf RELEASE --out-file FILE`: the release as a GGUF v3 file llama.cpp loads.
struct ExportGGUFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gguf",
        abstract: "Write a release (any Hugging Face Llama directory) as a GGUF v3 file for llama.cpp.",
        discussion: """
            Metadata as llama.cpp's convert_hf_to_gguf.py writes it (llama.*, general.*), the byte-level \
            BPE tokenizer (tokenizer.ggml.model = gpt2, tokens, token types, merges, BOS/EOS, the \
            pre-tokenizer's llama.cpp name), and the weights under llama.cpp's names with the Q/K rows \
            permuted for ggml's RoPE. Norm weights stay F32; every matrix takes --type:
              f32    32-bit floats (exact)
              f16    16-bit floats, round to nearest even
              q8_0   ggml Q8_0: blocks of 32 int8 + an fp16 scale (8.5 bits a weight)
              q4_0   ggml Q4_0: blocks of 32 4-bit values + an fp16 scale (4.5 bits a weight)
            Quantized bytes equal ggml's reference quantizer's, and the file is byte-identical for the \
            same release, type and name on every machine and thread count. A model whose matrix rows \
            are not multiples of 32 cannot be q8_0/q4_0: the error names the tensor; use f16.

            --out-file is written atomically (temporary name, then rename); an existing file is replaced \
            only with --force, and a directory never. (--out is the old spelling of --out-file.)

            Examples:
              glassbox export gguf Releases/eu24-nano-1.0 --type q8_0 --out-file eu24-nano-q8_0.gguf
              llama-cli -m eu24-nano-q8_0.gguf -p "Dobrý den" -n 32
            """)

    @Argument(help: "The release (or Hugging Face model) directory: config.json, model.safetensors, tokenizer.json.")
    var release: String

    @Option(help: "Encoding of the weight matrices: f32, f16, q8_0 or q4_0.")
    var type: QuantizationType = .q8_0

    @Option(help: ArgumentHelp("The GGUF file to write.", valueName: "FILE"))
    var outFile: String?

    @Option(name: .customLong("out"), help: .hidden)
    var legacyOut: String?

    /// `--out-file` (or its old spelling `--out`).
    var out: String { outFile ?? legacyOut ?? "" }

    @Option(help: "general.name (default: the release name and version from RELEASE/recipe.toml, else the directory name).")
    var name: String?

    @Flag(help: "Replace --out-file if it is an existing file.")
    var force = false

    @OptionGroup var threads: ThreadsOption

    @Flag(help: "Print the result as one line of JSON.")
    var json = false

    func validate() throws {
        _ = try OutputFlag.resolve(outFile, legacyOut, primary: "--out-file <FILE>", legacy: "--out", required: true)
    }

    func run() throws {
        let directory = URL(fileURLWithPath: release)
        try GGUFOutput.check(out, force: force)
        let export = LlamaGGUFExport(type: type, name: name ?? Self.defaultName(directory), threads: threads.threads)
        let bytes = try export.document(modelDirectory: directory).serialized()
        try GGUFOutput.write(bytes, to: out, force: force)
        let digest = Digest.sha256(of: bytes).description
        if json {
            try Console.printJSONLine(ExportResult(bytes: bytes.count, digest: digest, path: out, type: type.rawValue))
        } else {
            print("wrote \(out) (\(type.rawValue), \(bytes.count) bytes, \(digest))")
        }
    }

    /// `<name>-<version>` of the release's recipe.toml, or the directory's name.
    static func defaultName(_ directory: URL) -> String {
        let recipe = directory.appendingPathComponent("recipe.toml")
        if let r = try? Recipe.load(contentsOf: recipe) { return "\(r.release.name)-\(r.release.version)" }
        return directory.standardizedFileURL.lastPathComponent
    }

    /// What `--json` prints.
    struct ExportResult: Encodable {
        let bytes: Int
        let digest: String
        let path: String
        let type: String
    }
}
