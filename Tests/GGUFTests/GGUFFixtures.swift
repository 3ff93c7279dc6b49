import Foundation
import SafeTensors
import Testing
import TestSupport

/// The fixtures of Tools/make_gguf_goldens.py: two model directories and the GGUF files the `gguf`
/// package writes for them.
enum GGUFFixtures {
    static func base() throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    }

    static func model(_ name: String) throws -> URL {
        try base().appendingPathComponent("models/\(name)")
    }

    static func golden(_ model: String, _ type: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: base().appendingPathComponent("\(model).\(type).gguf")))
    }

    /// A tied one-layer Llama directory of the given widths with the glassbox fixture's tokenizer.
    static func syntheticModel(in dir: TemporaryDirectory, hidden: Int, heads: Int, intermediate: Int) throws -> URL {
        let vocab = 384
        let headDim = hidden / heads
        let config = """
        {"architectures":["LlamaForCausalLM"],"model_type":"llama","vocab_size":\(vocab),"hidden_size":\(hidden),
         "intermediate_size":\(intermediate),"num_hidden_layers":1,"num_attention_heads":\(heads),
         "num_key_value_heads":\(heads),"head_dim":\(headDim),"max_position_embeddings":64,"rms_norm_eps":1e-5,
         "rope_theta":10000,"tie_word_embeddings":true,"bos_token_id":0,"eos_token_id":1}
        """
        try dir.write("model/config.json", text: config)
        try dir.write("model/tokenizer.json", [UInt8](Data(contentsOf: model("glassbox").appendingPathComponent("tokenizer.json"))))
        let shapes: [(String, [Int])] = [
            ("model.embed_tokens.weight", [vocab, hidden]), ("model.norm.weight", [hidden]),
            ("model.layers.0.input_layernorm.weight", [hidden]), ("model.layers.0.post_attention_layernorm.weight", [hidden]),
            ("model.layers.0.self_attn.q_proj.weight", [hidden, hidden]), ("model.layers.0.self_attn.k_proj.weight", [hidden, hidden]),
            ("model.layers.0.self_attn.v_proj.weight", [hidden, hidden]), ("model.layers.0.self_attn.o_proj.weight", [hidden, hidden]),
            ("model.layers.0.mlp.gate_proj.weight", [intermediate, hidden]), ("model.layers.0.mlp.up_proj.weight", [intermediate, hidden]),
            ("model.layers.0.mlp.down_proj.weight", [hidden, intermediate]),
        ]
        let buffers: [[Float]] = shapes.map { (entry: (String, [Int])) -> [Float] in
            let count = entry.1.reduce(1, *)
            return (0..<count).map { (i: Int) -> Float in Float((i * 7919) % 101) / 400 - 0.125 }
        }
        var bytes: [UInt8] = []
        try withEntries(shapes, buffers) { entries in
            SafeTensorsWriter.write(entries) { bytes.append(contentsOf: $0) }
        }
        try dir.write("model/model.safetensors", bytes)
        return URL(fileURLWithPath: dir.path + "/model")
    }

    private static func withEntries(
        _ shapes: [(String, [Int])], _ buffers: [[Float]], _ body: ([SafeTensorsWriter.Entry]) throws -> Void
    ) throws {
        var entries: [SafeTensorsWriter.Entry] = []
        func next(_ i: Int) throws {
            if i == shapes.count { return try body(entries) }
            try buffers[i].withUnsafeBufferPointer { p in
                entries.append(try #require(SafeTensorsWriter.Entry(name: shapes[i].0, shape: shapes[i].1, floats: p)))
                try next(i + 1)
            }
        }
        try next(0)
    }
}
