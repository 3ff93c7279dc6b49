import BaseIO
import Foundation

extension BPETokenizer {
    /// Loads a Hugging Face tokenizer.json, or the tokenizer.json inside a model directory.
    /// Errors name the file and the offending JSON field.
    public init(contentsOf url: URL) throws {
        var file = url
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            file = url.appendingPathComponent("tokenizer.json")
        }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw TokenizerError(.io, "cannot read \(file.path): \(error.localizedDescription)",
                                 hint: "pass a tokenizer.json or a model directory that contains one")
        }
        try self.init(jsonData: data, source: file.path)
        let config = file.deletingLastPathComponent().appendingPathComponent("tokenizer_config.json")
        if let configData = try? Data(contentsOf: config),
           let root = try? JSONReader.parse([UInt8](configData)) {
            bosToken = BPETokenizer.tokenName(root["bos_token"])
            eosToken = BPETokenizer.tokenName(root["eos_token"])
        }
    }

    /// A token named in tokenizer_config.json: a string or an object with "content".
    private static func tokenName(_ value: JSONValue?) -> String? {
        if case .string(let name) = value { return name }
        if case .string(let name) = value?["content"] { return name }
        return nil
    }

    /// Parses the bytes of a tokenizer.json; `source` names it in error messages.
    public init(jsonData: Data, source: String = "tokenizer.json") throws {
        do {
            let root = try JSONReader.parse([UInt8](jsonData))
            try self.init(json: JSONReader(root, path: ""))
        } catch let error as TokenizerError {
            throw TokenizerError(error.code, "\(source): \(error.message)", hint: error.hint)
        }
    }

    private init(json: JSONReader) throws {
        guard case .object = json.value else { throw json.mismatch("an object at the top level") }
        for key in ["truncation", "padding"] where !json.isNull(key) {
            throw TokenizerError(.unsupported, "\(key): only null is supported (encoding must not truncate or pad)",
                                 hint: "set \"\(key)\": null")
        }
        try TokenizerJSONComponents.checkNormalizer(json.member("normalizer"))
        try TokenizerJSONComponents.checkDecoder(json.member("decoder"))
        let model = json.member("model")
        try TokenizerJSONComponents.checkModelOptions(model)
        let vocabulary = try TokenizerJSONComponents.vocabulary(model.member("vocab"))
        let merges = try TokenizerJSONComponents.merges(model.member("merges"))
        let added = try TokenizerJSONComponents.addedTokens(json.member("added_tokens"))
        try TokenizerJSONComponents.checkAddedTokens(added, vocabulary: vocabulary)
        let (preTokenizer, prefixSpace) = try TokenizerJSONComponents.preTokenizer(json.member("pre_tokenizer"))
        var tokenIDs = vocabulary
        for token in added { tokenIDs[token.content] = token.id }
        let template = try TokenizerJSONComponents.template(json.member("post_processor"), ids: tokenIDs)
        try self.init(vocabulary: vocabulary, merges: merges, addedTokens: added, preTokenizer: preTokenizer,
                      addPrefixSpace: prefixSpace, ignoreMerges: try model.member("ignore_merges").bool(default: false),
                      template: template)
    }
}
