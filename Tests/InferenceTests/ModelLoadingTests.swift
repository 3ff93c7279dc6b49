import Foundation
import Testing
@testable import Inference
import Transformer

/// Loading model directories: both config forms, sharded and BF16 checkpoints, and every refusal.
@Suite struct ModelLoadingTests {
    @Test func readsBothConfigForms() throws {
        let modern = try LlamaModel.config(directory: try Goldens.directory("gqa").path)
        #expect(modern.numAttentionHeads == 4 && modern.numKeyValueHeads == 2 && modern.headDim == 8)
        #expect(modern.ropeTheta == 10000 && !modern.tieWordEmbeddings && modern.eosTokenIds == [1])
        let legacy = try LlamaModel.config(directory: try Goldens.directory("rope").path)
        #expect(legacy.ropeTheta == 500_000 && legacy.headDim == 8 && !legacy.tieWordEmbeddings)
        #expect(try LlamaModel.config(directory: try Goldens.directory("tied").path).tieWordEmbeddings)
    }

    @Test func reportsStoredDTypes() throws {
        #expect(try ModelLoader.load(try Goldens.directory("bf16"), threads: 1).storedDTypes == ["BF16"])
        #expect(try ModelLoader.load(try Goldens.directory("sharded"), threads: 1).storedDTypes == ["F32"])
    }

    @Test(arguments: ["gqa", "glassbox"])
    func tokenizerOfTheDirectoryMatchesTransformers(model name: String) throws {
        let directory = try ModelDirectory(try Goldens.directory(name), threads: 1)
        let goldens = try Goldens(model: name)
        for prompt in goldens.prompts {
            #expect(try directory.tokenizer.encodeText(prompt.text, addSpecialTokens: true) == prompt.ids)
            #expect(try directory.tokenizer.decodeText(prompt.greedy_ids) == prompt.greedy_text)
        }
        for document in goldens.documents {
            #expect(try directory.tokenizer.encodeText(document.text, addSpecialTokens: false) == Array(document.ids.dropFirst()))
        }
    }

    @Test(arguments: [
        ("architectures", #"["MistralForCausalLM"]"#, "architecture MistralForCausalLM"),
        ("model_type", #""gemma""#, "model_type \"gemma\""),
        ("attention_bias", "true", "attention_bias = true"),
        ("mlp_bias", "true", "mlp_bias = true"),
        ("sliding_window", "4096", "sliding_window (sliding-window attention)"),
        ("hidden_act", #""gelu""#, "hidden_act \"gelu\""),
        ("rope_parameters", #"{"rope_type": "llama3", "rope_theta": 10000.0}"#, "rope_parameters.rope_type \"llama3\""),
        ("rope_scaling", #"{"type": "linear", "factor": 2.0}"#, "rope_scaling.rope_type \"linear\""),
    ])
    func refusesUnsupportedFeaturesByName(key: String, json: String, feature: String) throws {
        let copy = try TemporaryModel(copying: "gqa")
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        try copy.editConfig { $0[key] = value }
        #expect(throws: TransformerError.unsupportedFeature(path: copy.url.path + "/config.json", feature: feature)) {
            try ModelLoader.load(copy.url, threads: 1)
        }
    }

    @Test func listsEveryTensorProblemAtOnce() throws {
        let copy = try TemporaryModel(copying: "gqa")
        try copy.editConfig { $0["num_hidden_layers"] = 1; $0["intermediate_size"] = 48 }
        do {
            _ = try ModelLoader.load(copy.url, threads: 1)
            Issue.record("loading should fail")
        } catch let TransformerError.invalidCheckpoint(_, problems) {
            #expect(problems.contains("tensor 'model.layers.0.mlp.gate_proj.weight' has shape [64, 32], expected [48, 32]"))
            #expect(problems.contains("tensor 'model.layers.0.mlp.down_proj.weight' has shape [32, 64], expected [32, 48]"))
            #expect(problems.contains("unexpected tensor 'model.layers.1.self_attn.q_proj.weight'"))
            #expect(problems.filter { $0.hasPrefix("unexpected tensor 'model.layers.1.") }.count == 9)
        }
        let more = try TemporaryModel(copying: "tied")
        try more.editConfig { $0["tie_word_embeddings"] = false }
        #expect(throws: TransformerError.invalidCheckpoint(path: more.url.path, problems: ["missing tensor 'lm_head.weight' [384, 32]"])) {
            try ModelLoader.load(more.url, threads: 1)
        }
    }

    @Test func refusesNaNWeights() throws {
        let copy = try TemporaryModel(copying: "gqa")
        let file = copy.file("model.safetensors")
        var bytes = try Data(contentsOf: file)
        let headerLength = bytes.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let header = try #require(JSONSerialization.jsonObject(with: bytes[8..<8 + headerLength]) as? [String: Any])
        let entry = try #require(header["model.norm.weight"] as? [String: Any])
        let offsets = try #require(entry["data_offsets"] as? [Int])
        let at = 8 + headerLength + offsets[0] + 4 * 5
        bytes.replaceSubrange(at..<at + 4, with: [0x00, 0x00, 0xC0, 0x7F])
        try bytes.write(to: file)
        #expect(throws: TransformerError.nonFiniteWeight(path: copy.url.path, tensor: "model.norm.weight", index: 5)) {
            try ModelLoader.load(copy.url, threads: 1)
        }
    }

    @Test func refusesHostileOrMissingFiles() throws {
        let truncated = try TemporaryModel(copying: "gqa")
        let file = truncated.file("model.safetensors")
        try Data(try Data(contentsOf: file).prefix(1000)).write(to: file)
        #expect {
            try ModelLoader.load(truncated.url, threads: 1)
        } throws: { error in
            guard case let .invalidCheckpoint(path, _) = error as? TransformerError else { return false }
            return path == file.path
        }
        let shard = try TemporaryModel(copying: "sharded")
        try FileManager.default.removeItem(at: shard.file("model-00002-of-00004.safetensors"))
        #expect {
            try ModelLoader.load(shard.url, threads: 1)
        } throws: { error in
            guard case let .missingFile(path, _) = error as? TransformerError else { return false }
            return path.hasSuffix("model-00002-of-00004.safetensors")
        }
        let bare = try TemporaryModel(copying: "gqa")
        try FileManager.default.removeItem(at: bare.file("tokenizer.json"))
        #expect {
            try ModelDirectory(bare.url, threads: 1)
        } throws: { error in
            "\(error)".contains("has no tokenizer")
        }
    }
}
