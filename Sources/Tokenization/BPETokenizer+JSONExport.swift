import BaseIO
import Foundation

extension BPETokenizer {
    /// Writes `tokenizer.json`, `tokenizer_config.json` and `special_tokens_map.json` into `directory`
    /// (created if needed), each atomically, loadable by `tokenizers` and `transformers`'
    /// `PreTrainedTokenizerFast`; `bosToken` / `eosToken` go into the two config files.
    public func write(to directory: URL, modelMaxLength: Int? = nil) throws {
        try Self.writeFile(try tokenizerJSON(), to: directory.appendingPathComponent("tokenizer.json"))
        try Self.writeFile(try configJSON(bosToken: bosToken, eosToken: eosToken, modelMaxLength: modelMaxLength),
                           to: directory.appendingPathComponent("tokenizer_config.json"))
        var map: [String: JSONValue] = [:]
        if let bosToken { map["bos_token"] = .string(bosToken) }
        if let eosToken { map["eos_token"] = .string(eosToken) }
        try Self.writeFile(try Self.canonical(.object(map)), to: directory.appendingPathComponent("special_tokens_map.json"))
    }

    /// Writes `data` to `url` atomically (`BaseIO.AtomicFile`), creating the directory.
    static func writeFile(_ data: Data, to url: URL) throws {
        do { try AtomicFile.write([UInt8](data), to: url.path) } catch {
            throw TokenizerError(.io, "cannot write \(url.path): \(error.description)",
                                 hint: "check that the directory is writable and the disk not full")
        }
    }

    /// Canonical JSON bytes (`BaseIO.CanonicalJSON`) of `tree`.
    static func canonical(_ tree: JSONValue) throws -> Data {
        do { return Data(try CanonicalJSON.bytes(of: tree)) } catch {
            throw TokenizerError(.io, "cannot write JSON: \(error.description)")
        }
    }

    /// The canonical bytes (`BaseIO.CanonicalJSON`) of this tokenizer's tokenizer.json.
    public func tokenizerJSON() throws -> Data {
        let root: [String: JSONValue] = [
            "version": .string("1.0"),
            "truncation": .null,
            "padding": .null,
            "added_tokens": .array(addedTokens.sorted { $0.id < $1.id }.map(Self.addedTokenJSON)),
            "normalizer": .null,
            "pre_tokenizer": preTokenizerJSON(),
            "post_processor": postProcessorJSON(),
            "decoder": .object(["type": .string("ByteLevel"), "add_prefix_space": .bool(true),
                                "trim_offsets": .bool(true), "use_regex": .bool(true)]),
            "model": .object([
                "type": .string("BPE"), "dropout": .null, "unk_token": .null,
                "continuing_subword_prefix": .null, "end_of_word_suffix": .null, "fuse_unk": .bool(false),
                "byte_fallback": .bool(false), "ignore_merges": .bool(ignoreMerges),
                "vocab": .object(vocabulary.mapValues { .int($0) }),
                "merges": .array(merges.map { .array([.string($0.left), .string($0.right)]) }),
            ]),
        ]
        return try Self.canonical(.object(root))
    }

    private static func addedTokenJSON(_ token: AddedToken) -> JSONValue {
        .object(["id": .int(token.id), "content": .string(token.content), "single_word": .bool(false),
                 "lstrip": .bool(token.lstrip), "rstrip": .bool(token.rstrip),
                 "normalized": .bool(token.normalized), "special": .bool(token.special)])
    }

    private func preTokenizerJSON() -> JSONValue {
        let byteLevel: (Bool, Bool) -> JSONValue = { prefix, regex in
            .object(["type": .string("ByteLevel"), "add_prefix_space": .bool(prefix),
                     "trim_offsets": .bool(true), "use_regex": .bool(regex)])
        }
        switch preTokenizer {
        case .gpt2: return byteLevel(addPrefixSpace, true)
        case .none: return byteLevel(addPrefixSpace, false)
        case .llama3:
            let split: JSONValue = .object(["type": .string("Split"), "pattern": .object(["Regex": .string(preTokenizer.pattern)]),
                                             "behavior": .string("Isolated"), "invert": .bool(false)])
            return .object(["type": .string("Sequence"), "pretokenizers": .array([split, byteLevel(false, false)])])
        }
    }

    private func postProcessorJSON() -> JSONValue {
        guard !template.isEmpty else {
            return .object(["type": .string("ByteLevel"), "add_prefix_space": .bool(true),
                            "trim_offsets": .bool(false), "use_regex": .bool(true)])
        }
        let name: (Int) -> String = { token(of: $0) ?? "" }
        let special: (Int, Int) -> JSONValue = { id, type in
            .object(["SpecialToken": .object(["id": .string(name(id)), "type_id": .int(type)])])
        }
        let sequence: (String, Int) -> JSONValue = { id, type in
            .object(["Sequence": .object(["id": .string(id), "type_id": .int(type)])])
        }
        let single = template.before.map { special($0, 0) } + [sequence("A", 0)] + template.after.map { special($0, 0) }
        let pair = single + template.before.map { special($0, 1) } + [sequence("B", 1)] + template.after.map { special($0, 1) }
        var specials: [String: JSONValue] = [:]
        for id in Set(template.before + template.after) {
            specials[name(id)] = .object(["id": .string(name(id)), "ids": .array([.int(id)]), "tokens": .array([.string(name(id))])])
        }
        return .object(["type": .string("TemplateProcessing"), "single": .array(single), "pair": .array(pair),
                        "special_tokens": .object(specials)])
    }

    private func configJSON(bosToken: String?, eosToken: String?, modelMaxLength: Int?) throws -> Data {
        var decoder: [String: JSONValue] = [:]
        for token in addedTokens {
            decoder[String(token.id)] = .object(["content": .string(token.content), "lstrip": .bool(token.lstrip),
                                                 "rstrip": .bool(token.rstrip), "normalized": .bool(token.normalized),
                                                 "single_word": .bool(false), "special": .bool(token.special)])
        }
        var config: [String: JSONValue] = [
            "tokenizer_class": .string("PreTrainedTokenizerFast"),
            "clean_up_tokenization_spaces": .bool(false),
            "added_tokens_decoder": .object(decoder),
            "bos_token": bosToken.map { .string($0) } ?? .null,
            "eos_token": eosToken.map { .string($0) } ?? .null,
        ]
        if let modelMaxLength { config["model_max_length"] = .int(modelMaxLength) }
        return try Self.canonical(.object(config))
    }
}
