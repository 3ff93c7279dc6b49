/// Canonical JSON: the one byte form of everything Glassbox hashes (recipe.lock.json,
/// data/stats.json, eval/results.json, training logs, provenance, step keys).
///
/// The bytes are RFC 8785 (JSON Canonicalization Scheme) followed by one line feed: no insignificant
/// whitespace, object members sorted by the UTF-16 code units of their names, strings with only `"`,
/// `\` and the control characters escaped (`\b \t \n \f \r`, others as lowercase `\u00xx`), numbers
/// in ECMAScript's shortest round-trip form (`ShortestDecimal`). Departures, all documented in
/// Docs/canonical-json.md: integers are written exactly (a `UInt64` size stays exact above 2^53) and
/// a `Float` gets the shortest digits of the `Float`. NaN and infinities are refused.
/// Everything is written by this module, so no Swift, Foundation or libc version can change a byte.
public enum CanonicalJSON {
    /// The canonical bytes of `value` followed by a line feed.
    public static func encode<Value: Encodable>(_ value: Value) throws(BaseIOError) -> [UInt8] {
        try bytes(of: tree(of: value))
    }

    /// The JSON tree `value` encodes to (numbers already in canonical text).
    public static func tree<Value: Encodable>(of value: Value) throws(BaseIOError) -> JSONValue {
        let node = EncodingNode()
        do {
            try value.encode(to: TreeEncoder(node: node, codingPath: []))
        } catch let error as BaseIOError {
            throw error
        } catch {
            throw .notEncodable(path: "", reason: "\(error)")
        }
        return try node.value(path: "")
    }

    /// The canonical bytes of `tree` followed by a line feed; throws for an object with a key twice.
    public static func bytes(of tree: JSONValue) throws(BaseIOError) -> [UInt8] {
        var output: [UInt8] = []
        try write(tree, into: &output, path: "")
        output.append(0x0A)
        return output
    }

    private static func write(_ value: JSONValue, into output: inout [UInt8], path: String) throws(BaseIOError) {
        switch value {
        case .null: output += Array("null".utf8)
        case .bool(let flag): output += Array((flag ? "true" : "false").utf8)
        case .number(let number): output += Array(number.text.utf8)
        case .string(let text): JSONStringEscaper.appendQuoted(text, to: &output)
        case .array(let items):
            output.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(0x2C) }
                try write(item, into: &output, path: "\(path)[\(index)]")
            }
            output.append(0x5D)
        case .object(let members):
            let sorted = members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            output.append(0x7B)
            for (index, member) in sorted.enumerated() {
                if index > 0 {
                    guard sorted[index - 1].key != member.key else {
                        throw .notEncodable(path: path, reason: "the key \"\(member.key)\" appears twice")
                    }
                    output.append(0x2C)
                }
                JSONStringEscaper.appendQuoted(member.key, to: &output)
                output.append(0x3A)
                try write(member.value, into: &output, path: path.isEmpty ? member.key : "\(path).\(member.key)")
            }
            output.append(0x7D)
        }
    }

    /// `text` as a quoted JSON string (for hand-assembled lines such as JSONL rows).
    public static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        JSONStringEscaper.appendQuoted(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
