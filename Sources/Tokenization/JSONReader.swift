/// Typed access to a `JSONValue` member with errors that name the field's full path.
struct JSONReader {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }

    /// The reader for member `key` (which may be absent: then its value is `.null`).
    func member(_ key: String) -> JSONReader {
        JSONReader(value[key] ?? .null, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// Whether the member `key` is absent or null.
    func isNull(_ key: String) -> Bool {
        if case .null = value[key] ?? .null { return true }
        return false
    }

    func mismatch(_ expected: String) -> TokenizerError {
        TokenizerError(.malformedJSON, "\(path): expected \(expected), found \(value.typeName)")
    }

    func string() throws -> String {
        guard case .string(let text) = value else { throw mismatch("a string") }
        return text
    }

    func optionalString() throws -> String? {
        if case .null = value { return nil }
        return try string()
    }

    func bool(default fallback: Bool) throws -> Bool {
        switch value {
        case .null: return fallback
        case .bool(let flag): return flag
        default: throw mismatch("a boolean")
        }
    }

    func int() throws -> Int {
        guard case .number(let number) = value else { throw mismatch("an integer") }
        guard number == number.rounded(), abs(number) < 9.0e15 else { throw mismatch("an integer") }
        return Int(number)
    }

    func array() throws -> [JSONReader] {
        guard case .array(let items) = value else { throw mismatch("an array") }
        return items.enumerated().map { JSONReader($1, path: "\(path)[\($0)]") }
    }

    func object() throws -> [(key: String, reader: JSONReader)] {
        guard case .object(let members) = value else { throw mismatch("an object") }
        return members.map { (key: $0.key, reader: JSONReader($0.value, path: "\(path).\($0.key)")) }
    }
}
