import BaseIO
import Foundation
import Inference
import RecipeFormat
import Tokenization
import Transformer

/// Strict verification of an imported Hugging Face Llama directory against the recipe: `config.json`
/// through the Transformer module's `LlamaConfig` (and agreeing with `[model]` and `[tokenizer]`), the
/// tokenizer's vocabulary against `vocab_size` and the special-token ids, and every safetensors file
/// through the strict loader (structure, index, names, shapes, dtypes, finite values). Every problem is
/// collected; `verify` throws them all at once.
struct ImportVerifier {
    /// The model directory (holding `config.json`).
    let root: URL
    /// The recipe describing the model.
    let recipe: Recipe
    /// Threads for loading.
    let threads: Int

    /// What was checked and found, for `training/import.json`.
    struct Findings: Encodable {
        let parameters: Int
        let vocabSize: Int
        let tokenizerTokens: Int
        let checks: [String]

        enum CodingKeys: String, CodingKey {
            case parameters, checks
            case vocabSize = "vocab_size"
            case tokenizerTokens = "tokenizer_tokens"
        }
    }

    /// Runs every check; throws `BuildError.stepFailed` listing every problem.
    func verify() throws(BuildError) -> Findings {
        var problems: [String] = []
        guard let config = readConfig(&problems) else { throw failure(problems) }
        problems += config.problems().map { "config.json: \($0)" }
        problems += recipeMismatches(config)
        let tokens = checkTokenizer(config, &problems)
        if problems.isEmpty {
            do { _ = try ModelLoader.load(root, threads: threads) } catch {
                problems.append("weights: \(error)")
            }
        }
        guard problems.isEmpty else { throw failure(problems) }
        return Findings(parameters: Self.parameterCount(config), vocabSize: config.vocabSize, tokenizerTokens: tokens, checks: [
            "config.json read as a Llama config and agrees with [model] and [tokenizer] vocab_size",
            "tokenizer.json: \(tokens) tokens <= vocab_size \(config.vocabSize); bos/eos ids agree with config.json",
            "safetensors: headers, offsets, index, tensor names, shapes and dtypes checked; every weight finite",
        ])
    }

    private func failure(_ problems: [String]) -> BuildError {
        let list = problems.map { "\n  - \($0)" }.joined()
        return .stepFailed(step: "import", reason: "the weights in \(root.path) do not verify (fix the weights or the recipe's [model]/[tokenizer]):\(list)")
    }

    private func readConfig(_ problems: inout [String]) -> LlamaConfig? {
        let url = root.appendingPathComponent("config.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            problems.append("config.json: missing; a Hugging Face model directory has config.json next to its weights")
            return nil
        }
        if let object = try? JSONParser.parse([UInt8](data)) {
            if case .string(let type)? = object["model_type"], type != "llama" {
                problems.append("config.json: model_type is \"\(type)\"; only Llama-family (\"llama\") weights can be imported")
            }
            if case .array(let items)? = object["architectures"] {
                let names = items.compactMap { item -> String? in
                    if case .string(let name) = item { return name }
                    return nil
                }
                if !names.contains("LlamaForCausalLM") {
                    problems.append("config.json: architectures \(names) does not include LlamaForCausalLM")
                }
            }
        }
        do {
            return try JSONDecoder().decode(LlamaConfig.self, from: data)
        } catch let error as DecodingError {
            problems.append("config.json: \(Self.describe(error))")
        } catch {
            problems.append("config.json: not valid JSON (\(error.localizedDescription))")
        }
        return nil
    }

    private func recipeMismatches(_ config: LlamaConfig) -> [String] {
        let model = recipe.model
        let pairs: [(String, String, String, String)] = [
            ("vocab_size", "\(config.vocabSize)", "tokenizer.vocab_size", "\(recipe.tokenizer.vocabSize)"),
            ("hidden_size", "\(config.hiddenSize)", "model.hidden_size", "\(model.hiddenSize)"),
            ("num_hidden_layers", "\(config.numHiddenLayers)", "model.num_layers", "\(model.numLayers)"),
            ("num_attention_heads", "\(config.numAttentionHeads)", "model.num_attention_heads", "\(model.numAttentionHeads)"),
            ("num_key_value_heads", "\(config.numKeyValueHeads)", "model.num_key_value_heads", "\(model.numKeyValueHeads)"),
            ("head_dim", "\(config.headDim)", "model.hidden_size / num_attention_heads", "\(model.headDimension)"),
            ("intermediate_size", "\(config.intermediateSize)", "model.intermediate_size", "\(model.intermediateSize)"),
            ("max_position_embeddings", "\(config.maxPositionEmbeddings)", "model.context_length", "\(model.contextLength)"),
            ("rope_theta", "\(config.ropeTheta)", "model.rope_theta", "\(model.ropeTheta)"),
            ("rms_norm_eps", "\(config.rmsNormEps)", "model.rms_norm_eps", "\(model.rmsNormEps)"),
            ("tie_word_embeddings", "\(config.tieWordEmbeddings)", "model.tie_word_embeddings", "\(model.tieWordEmbeddings)"),
        ]
        return pairs.filter { $0.1 != $0.3 }.map { "config.json: \($0.0) is \($0.1) but the recipe's \($0.2) is \($0.3)" }
    }

    private func checkTokenizer(_ config: LlamaConfig, _ problems: inout [String]) -> Int {
        let url = root.appendingPathComponent("tokenizer.json")
        let tokenizer: BPETokenizer
        do { tokenizer = try BPETokenizer(contentsOf: url) } catch {
            problems.append("tokenizer.json: \(FileManager.default.fileExists(atPath: url.path) ? "\(error)" : "missing; copy the tokenizer the model was trained with next to config.json")")
            return 0
        }
        if tokenizer.count > config.vocabSize {
            problems.append("tokenizer.json has \(tokenizer.count) tokens but config.json vocab_size is \(config.vocabSize): ids from \(config.vocabSize) on have no embedding row")
        }
        let special = [("bos", recipe.tokenizer.bosToken, config.bosTokenId), ("eos", recipe.tokenizer.eosToken, config.eosTokenId)]
        for (name, token, configured) in special {
            guard let id = tokenizer.id(of: token) else {
                problems.append("tokenizer.json has no token \"\(token)\" (the recipe's tokenizer.\(name)_token); set \(name)_token to the model's own")
                continue
            }
            if let configured, configured != id {
                problems.append("config.json: \(name)_token_id is \(configured) but tokenizer.json gives \"\(token)\" id \(id)")
            }
        }
        return tokenizer.count
    }

    /// Parameters of a Llama model with `config` (the tied output head counted once).
    static func parameterCount(_ c: LlamaConfig) -> Int {
        let h = c.hiddenSize
        let layer = 2 * h + h * c.queryWidth * 2 + 2 * h * c.keyValueWidth + 3 * h * c.intermediateSize
        return c.vocabSize * h * (c.tieWordEmbeddings ? 1 : 2) + c.numHiddenLayers * layer + h
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, _): "missing key '\(key.stringValue)'"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case let .dataCorrupted(context): context.debugDescription
        @unknown default: "\(error)"
        }
    }
}
