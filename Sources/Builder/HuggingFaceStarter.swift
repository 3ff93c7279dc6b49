import Digests
import Foundation
import Tokenization
import Transformer

/// A starter recipe for weights trained elsewhere (`[training] backend = "external"`), written from a
/// Hugging Face Llama model directory: `[model]` and `[tokenizer]` from `config.json` and
/// `tokenizer.json`, the licence and languages from the model card's front matter (`README.md`) when
/// present, the weights pinned by their manifest digest. What only a human knows — the declared training
/// facts, the data sources — is left empty and marked `# FILL IN`, so `glassbox recipe check` names
/// each such key until it is filled.
public struct HuggingFaceStarter: Sendable {
    /// The model directory.
    public let modelDirectory: URL
    /// Where the recipe will be written (its `file:` paths are relative to its folder).
    public let recipeURL: URL

    /// The marker put after every value a human must fill in.
    public static let marker = "# FILL IN"

    /// A starter for `modelDirectory`, to be written at `recipeURL`.
    public init(modelDirectory: URL, recipeURL: URL) {
        self.modelDirectory = modelDirectory.standardizedFileURL
        self.recipeURL = recipeURL.standardizedFileURL
    }

    /// What was read from the directory.
    struct Facts {
        let config: LlamaConfig
        let bos: String?
        let eos: String?
        let card: ModelCardFrontMatter
        let digest: Digest
    }

    /// The recipe text.
    public func recipeText() throws(BuildError) -> String {
        let facts = try read()
        return HuggingFaceStarterText(facts: facts, name: Self.releaseName(modelDirectory.lastPathComponent),
                                      weightsURI: "file:" + Self.relativePath(from: recipeURL.deletingLastPathComponent(), to: modelDirectory)).text
    }

    private func read() throws(BuildError) -> Facts {
        let configURL = modelDirectory.appendingPathComponent("config.json")
        guard let data = FileManager.default.contents(atPath: configURL.path) else {
            throw BuildError.missingInput(step: "card --from-hf", path: configURL.path, reason: "does not exist; give a Hugging Face model directory (config.json, safetensors, tokenizer.json)")
        }
        let config: LlamaConfig
        do { config = try JSONDecoder().decode(LlamaConfig.self, from: data) } catch {
            throw BuildError.invalidRelease(path: configURL.path, reason: "is not a Llama config this glassbox reads (\(error))")
        }
        guard config.headDim * config.numAttentionHeads == config.hiddenSize else {
            throw BuildError.invalidRelease(path: configURL.path, reason: "head_dim \(config.headDim) × \(config.numAttentionHeads) heads ≠ hidden_size \(config.hiddenSize); a format 1 recipe cannot describe this model")
        }
        let tokenizerURL = modelDirectory.appendingPathComponent("tokenizer.json")
        let tokenizer: BPETokenizer
        do { tokenizer = try BPETokenizer(contentsOf: tokenizerURL) } catch {
            throw BuildError.missingInput(step: "card --from-hf", path: tokenizerURL.path, reason: "cannot be read as a tokenizer (\(error))")
        }
        let readme = FileManager.default.contents(atPath: modelDirectory.appendingPathComponent("README.md").path)
        let digest: Digest
        do { digest = try Manifest.scan(directory: modelDirectory.path).digest } catch {
            throw BuildError.io(path: modelDirectory.path, reason: error.description)
        }
        return Facts(config: config, bos: config.bosTokenId.flatMap(tokenizer.token(of:)), eos: config.eosTokenId.flatMap(tokenizer.token(of:)),
                     card: ModelCardFrontMatter(readme.map { String(decoding: $0, as: UTF8.self) } ?? ""), digest: digest)
    }

    /// A release name from a folder name: letters, digits, `.`, `_` and `-` kept, the rest as `-`.
    static func releaseName(_ folder: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let name = String(folder.map { allowed.contains($0) ? $0 : "-" })
        return name.isEmpty ? "model" : name
    }

    /// `target` relative to `base` (both standardised absolute file URLs), with `../` where needed.
    static func relativePath(from base: URL, to target: URL) -> String {
        let from = base.standardizedFileURL.pathComponents
        let to = target.standardizedFileURL.pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        let path = (up + to[common...]).joined(separator: "/")
        return path.isEmpty ? "." : path
    }
}
