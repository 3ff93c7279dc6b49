import Tokenization
import Transformer

/// The `tokenizer.ggml.*` metadata of a byte-level BPE tokenizer, as llama.cpp's `gpt2` vocabulary
/// reads it (Docs/quantization.md): one token string per id up to `vocab_size` (`[PAD<id>]`, type
/// UNUSED, for ids the tokenizer does not use), types NORMAL / CONTROL (special added tokens) /
/// USER_DEFINED (other added tokens), merges as `"left right"`, and the pre-tokenizer's llama.cpp name.
struct LlamaGGUFVocabulary {
    let tokens: [String]
    let types: [Int32]
    let merges: [String]
    let pre: String
    let bos: Int?
    let eos: Int?
    let addBOS: Bool
    let addEOS: Bool

    init(tokenizer t: BPETokenizer, config c: LlamaConfig, directory: String) throws(GGUFError) {
        func refuse(_ reason: String) -> GGUFError { .unsupportedModel(directory: directory, reason: reason) }
        guard t.count <= c.vocabSize else {
            throw refuse("tokenizer.json has \(t.count) ids but config.json's vocab_size is \(c.vocabSize)")
        }
        guard !t.addPrefixSpace else { throw refuse("the tokenizer adds a prefix space, which llama.cpp's gpt2 vocabulary cannot do") }
        pre = try Self.preTokenizerName(t, refuse)
        let added = Dictionary(t.addedTokens.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var tokens: [String] = []
        var types: [Int32] = []
        for id in 0..<c.vocabSize {
            if let token = added[id] {
                tokens.append(token.content)
                types.append(token.special ? 3 : 4)
            } else if let token = t.token(of: id) {
                tokens.append(token)
                types.append(1)
            } else {
                tokens.append("[PAD\(id)]")
                types.append(5)
            }
        }
        self.tokens = tokens
        self.types = types
        merges = t.merges.map { "\($0.left) \($0.right)" }
        let bosID = c.bosTokenId
        let eosID = c.eosTokenIds.first
        bos = bosID
        eos = eosID
        guard t.template.before.allSatisfy({ $0 == bosID }), t.template.before.count <= 1,
              t.template.after.allSatisfy({ $0 == eosID }), t.template.after.count <= 1 else {
            throw refuse("the tokenizer's post-processor adds \(t.template.before) before and \(t.template.after) after the text; llama.cpp can only add the BOS and EOS tokens")
        }
        addBOS = !t.template.before.isEmpty
        addEOS = !t.template.after.isEmpty
    }

    /// llama.cpp's name for the tokenizer's pre-tokenizer (`tokenizer.ggml.pre`); see Docs/quantization.md.
    static func preTokenizerName(_ t: BPETokenizer, _ refuse: (String) -> GGUFError) throws(GGUFError) -> String {
        switch t.preTokenizer {
        case .llama3: return t.ignoreMerges ? "llama-bpe" : "smaug-bpe"
        case .gpt2:
            guard !t.ignoreMerges else { throw refuse("GPT-2's pre-tokenizer with ignore_merges has no llama.cpp equivalent") }
            return "gpt-2"
        case .none: throw refuse("a byte-level tokenizer without a pre-tokenizer regex has no llama.cpp equivalent")
        }
    }

    /// The keys in convert_hf_to_gguf.py's order.
    func metadata() -> [(key: String, value: GGUFValue)] {
        var m: [(key: String, value: GGUFValue)] = [
            ("tokenizer.ggml.model", .string("gpt2")),
            ("tokenizer.ggml.pre", .string(pre)),
            ("tokenizer.ggml.tokens", .strings(tokens)),
            ("tokenizer.ggml.token_type", .int32s(types)),
        ]
        if !merges.isEmpty { m.append(("tokenizer.ggml.merges", .strings(merges))) }
        if let bos { m.append(("tokenizer.ggml.bos_token_id", .uint32(UInt32(bos)))) }
        if let eos { m.append(("tokenizer.ggml.eos_token_id", .uint32(UInt32(eos)))) }
        m.append(("tokenizer.ggml.add_bos_token", .bool(addBOS)))
        m.append(("tokenizer.ggml.add_eos_token", .bool(addEOS)))
        return m
    }
}
