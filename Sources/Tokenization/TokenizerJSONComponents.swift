/// Readers for the parts of a tokenizer.json, each refusing what it does not implement with an error
/// that names the field.
enum TokenizerJSONComponents {
    static func unsupported(_ reader: JSONReader, _ what: String, hint: String) -> TokenizerError {
        TokenizerError(.unsupported, "\(reader.path): \(what)", hint: hint)
    }

    static func typeName(_ reader: JSONReader) throws -> String {
        try reader.member("type").string()
    }

    static func checkNormalizer(_ reader: JSONReader) throws {
        if case .null = reader.value { return }
        if try typeName(reader) == "Sequence", try reader.member("normalizers").array().isEmpty { return }
        throw unsupported(reader, "normalizer \(String(describing: try? typeName(reader))) is not supported; only null",
                          hint: "byte-level BPE tokenizers of the GPT-2 / Llama-3 family have no normalizer")
    }

    static func checkDecoder(_ reader: JSONReader) throws {
        if case .null = reader.value { return }
        let type = try typeName(reader)
        if type == "ByteLevel" { return }
        if type == "Sequence" {
            for item in try reader.member("decoders").array() { try checkDecoder(item) }
            return
        }
        throw unsupported(reader, "decoder type \"\(type)\" is not supported; only ByteLevel",
                          hint: "this module reads byte-level BPE tokenizers only")
    }

    static func checkModelOptions(_ model: JSONReader) throws {
        guard case .object = model.value else { throw model.mismatch("an object") }
        let type = model.isNull("type") ? "BPE" : try model.member("type").string()
        guard type == "BPE" else {
            throw unsupported(model.member("type"), "model type \"\(type)\" is not supported; only byte-level \"BPE\"",
                              hint: "WordPiece, WordLevel and Unigram tokenizers cannot be read by glassbox")
        }
        if !model.isNull("dropout") {
            throw unsupported(model.member("dropout"), "BPE dropout is not supported (encoding would not be deterministic)",
                              hint: "set \"dropout\": null")
        }
        for key in ["continuing_subword_prefix", "end_of_word_suffix"] {
            if let affix = try model.member(key).optionalString(), !affix.isEmpty {
                throw unsupported(model.member(key), "\(affix.debugDescription) is not supported in a byte-level BPE",
                                  hint: "set \"\(key)\": null")
            }
        }
        if try model.member("byte_fallback").bool(default: false) {
            throw unsupported(model.member("byte_fallback"), "byte fallback (SentencePiece-style BPE) is not supported",
                              hint: "only byte-level BPE (GPT-2 byte alphabet) tokenizers can be read")
        }
    }

    /// `model.vocab`; two tokens with one id are refused (the same token twice is refused by the parser).
    static func vocabulary(_ reader: JSONReader) throws -> [String: Int] {
        var vocabulary: [String: Int] = [:]
        var tokenOfID: [Int: String] = [:]
        for (key, value) in try reader.object().sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let id = try value.int()
            if let other = tokenOfID.updateValue(key, forKey: id) {
                throw TokenizerError(.malformedJSON, "\(reader.path): tokens \(other.debugDescription) and \(key.debugDescription) both have id \(id); "
                    + "every id must name one token")
            }
            vocabulary[key] = id
        }
        return vocabulary
    }

    /// Refuses added tokens that give a vocabulary id (or another added token's id) to different content.
    static func checkAddedTokens(_ added: [AddedToken], vocabulary: [String: Int]) throws {
        var contentOfID: [Int: String] = [:]
        for (token, id) in vocabulary { contentOfID[id] = token }
        var addedContent: [Int: String] = [:]
        for (index, token) in added.enumerated() {
            if let other = addedContent.updateValue(token.content, forKey: token.id), other != token.content {
                throw TokenizerError(.malformedJSON, "added_tokens[\(index)]: id \(token.id) is given to both \(other.debugDescription) and \(token.content.debugDescription)")
            }
            if let model = contentOfID[token.id], model != token.content, ByteLevelAlphabet.decode(model).map({ String(decoding: $0, as: UTF8.self) }) != token.content {
                throw TokenizerError(.malformedJSON, "added_tokens[\(index)]: id \(token.id) is \(model.debugDescription) in model.vocab but the added token \(token.content.debugDescription); "
                    + "an added token may reuse a vocabulary id only for the same content")
            }
        }
    }

    static func merges(_ reader: JSONReader) throws -> [MergeRule] {
        if case .null = reader.value { return [] }
        return try reader.array().map { item in
            if case .string(let text) = item.value {
                let parts = text.split(separator: " ", omittingEmptySubsequences: false)
                guard parts.count == 2 else {  // tokenizers refuses anything but exactly one space too
                    throw TokenizerError(.malformedJSON, "\(item.path): merge \(text.debugDescription) is not \"left right\"")
                }
                return MergeRule(String(parts[0]), String(parts[1]))
            }
            let parts = try item.array()
            guard parts.count == 2 else {
                throw TokenizerError(.malformedJSON, "\(item.path): a merge pair needs exactly 2 strings, found \(parts.count)")
            }
            return MergeRule(try parts[0].string(), try parts[1].string())
        }
    }

    static func addedTokens(_ reader: JSONReader) throws -> [AddedToken] {
        if case .null = reader.value { return [] }
        return try reader.array().map { item in
            if try item.member("single_word").bool(default: false) {
                throw unsupported(item.member("single_word"), "single_word added tokens are not supported",
                                  hint: "set \"single_word\": false")
            }
            let content = try item.member("content").string()
            guard !content.isEmpty else {
                throw TokenizerError(.malformedJSON, "\(item.path).content: an added token cannot be empty")
            }
            let special = try item.member("special").bool(default: false)
            return AddedToken(id: try item.member("id").int(), content: content, special: special,
                              lstrip: try item.member("lstrip").bool(default: false),
                              rstrip: try item.member("rstrip").bool(default: false),
                              normalized: try item.member("normalized").bool(default: !special))
        }
    }
}
