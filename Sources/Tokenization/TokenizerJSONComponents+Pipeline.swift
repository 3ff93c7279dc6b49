extension TokenizerJSONComponents {
    /// The pre-tokenizer and whether a prefix space is added; accepts `ByteLevel` (GPT-2) and
    /// `Sequence[Split(regex, Isolated), ByteLevel(use_regex: false)]` (Llama-3) with a known regex.
    static func preTokenizer(_ reader: JSONReader) throws -> (PreTokenizer, Bool) {
        let hint = "use ByteLevel, or Sequence[Split(Llama-3 or GPT-2 regex, Isolated), ByteLevel(use_regex=false)]"
        guard case .object = reader.value else {
            throw unsupported(reader, "a pre-tokenizer is required for byte-level BPE (found \(reader.value.typeName))", hint: hint)
        }
        let type = try typeName(reader)
        if type == "ByteLevel" {
            let prefix = try reader.member("add_prefix_space").bool(default: true)
            return (try reader.member("use_regex").bool(default: true) ? .gpt2 : .none, prefix)
        }
        guard type == "Sequence" else {
            throw unsupported(reader.member("type"), "pre-tokenizer type \"\(type)\" is not supported", hint: hint)
        }
        let items = try reader.member("pretokenizers").array()
        guard items.count == 2, try typeName(items[0]) == "Split", try typeName(items[1]) == "ByteLevel" else {
            throw unsupported(reader.member("pretokenizers"), "only [Split, ByteLevel] sequences are supported", hint: hint)
        }
        let rule = try splitRule(items[0], hint: hint)
        let byteLevel = items[1]
        if try byteLevel.member("use_regex").bool(default: true) {
            throw unsupported(byteLevel.member("use_regex"), "ByteLevel after Split must have use_regex false", hint: hint)
        }
        if try byteLevel.member("add_prefix_space").bool(default: true) {
            throw unsupported(byteLevel.member("add_prefix_space"), "add_prefix_space after a Split is not supported",
                              hint: "set \"add_prefix_space\": false")
        }
        return (rule, false)
    }

    private static func splitRule(_ split: JSONReader, hint: String) throws -> PreTokenizer {
        let behavior = try split.member("behavior").string()
        guard behavior == "Isolated" else {
            throw unsupported(split.member("behavior"), "Split behavior \"\(behavior)\" is not supported; only Isolated", hint: hint)
        }
        if try split.member("invert").bool(default: false) {
            throw unsupported(split.member("invert"), "inverted Split is not supported", hint: hint)
        }
        let pattern = split.member("pattern")
        let regex = pattern.isNull("Regex") ? try pattern.member("String").string() : try pattern.member("Regex").string()
        guard let rule = PreTokenizer.allCases.first(where: { $0 != .none && $0.pattern == regex }) else {
            throw unsupported(pattern, "regex \(regex.debugDescription) is not one of the implemented pre-tokenizer regexes",
                              hint: "glassbox implements the Llama-3 and GPT-2 regexes (Docs/tokenizer.md)")
        }
        return rule
    }

    /// The single-sequence template of the post-processor (null, ByteLevel, TemplateProcessing, or a Sequence of them).
    static func template(_ reader: JSONReader, ids: [String: Int]) throws -> TokenTemplate {
        if case .null = reader.value { return TokenTemplate() }
        switch try typeName(reader) {
        case "ByteLevel":
            return TokenTemplate()
        case "Sequence":
            var result = TokenTemplate()
            for item in try reader.member("processors").array() {
                let part = try template(item, ids: ids)
                result.before += part.before
                result.after += part.after
            }
            return result
        case "TemplateProcessing":
            return try singleTemplate(reader, ids: ids)
        case let other:
            throw unsupported(reader.member("type"), "post-processor \"\(other)\" is not supported",
                              hint: "use TemplateProcessing, ByteLevel or null")
        }
    }

    private static func singleTemplate(_ reader: JSONReader, ids: [String: Int]) throws -> TokenTemplate {
        var result = TokenTemplate()
        var seenSequence = false
        let specials = reader.member("special_tokens")
        for item in try reader.member("single").array() {
            if !item.isNull("Sequence") {
                guard !seenSequence, try item.member("Sequence").member("id").string() == "A" else {
                    throw unsupported(item, "the single template must contain the sequence $A exactly once", hint: "")
                }
                seenSequence = true
                continue
            }
            let name = try item.member("SpecialToken").member("id").string()
            let entry = specials.member(name)
            let tokenIDs = entry.isNull("ids") ? [ids[name]].compactMap { $0 } : try entry.member("ids").array().map { try $0.int() }
            guard !tokenIDs.isEmpty else {
                throw TokenizerError(.malformedJSON, "\(item.path): special token \(name.debugDescription) has no id")
            }
            if seenSequence { result.after += tokenIDs } else { result.before += tokenIDs }
        }
        guard seenSequence else {
            throw unsupported(reader.member("single"), "the single template has no $A sequence", hint: "")
        }
        return result
    }
}
