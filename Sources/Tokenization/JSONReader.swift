import BaseIO
/// Typed access to a `JSONValue` member with errors that name the field's full path.
struct JSONReader {
    /// Parses a whole JSON document with `BaseIO.JSONParser` (128 levels deep at most; an object
    /// naming a member twice is refused); errors give the byte offset.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, options: .init(maximumDepth: 128, rejectsDuplicateKeys: false))
        } catch {
            if case let .invalidJSON(offset, reason) = error {
                throw TokenizerError(.malformedJSON, "not valid JSON: \(reason) at byte offset \(offset)")
            }
            throw TokenizerError(.malformedJSON, "not valid JSON: \(error)")
        }
        try refuseDuplicateMembers(value)
        return value
    }

    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }

    /// Refuses an object that names a member twice, showing both values (`"a" appears twice (0 and 1)`).
    static func refuseDuplicateMembers(_ value: JSONValue) throws {
        switch value {
        case .array(let items): for item in items { try refuseDuplicateMembers(item) }
        case .object(let members):
            var seen: [String: JSONValue] = [:]
            for member in members {
                if let earlier = seen.updateValue(member.value, forKey: member.key) {
                    throw TokenizerError(.malformedJSON, "not valid JSON: the member \(member.key.debugDescription) appears twice "
                        + "(\(brief(earlier)) and \(brief(member.value))); a JSON object may name each member once")
                }
                try refuseDuplicateMembers(member.value)
            }
        default: break
        }
    }

    /// A number as written (`5`), a string quoted, anything else by its type — for duplicate-member messages.
    static func brief(_ value: JSONValue) -> String {
        switch value {
        case let .number(number): number.integer.map(String.init) ?? number.text
        case let .string(text): text.debugDescription
        default: value.typeName
        }
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
        guard case .number(let number) = value, let integer = number.integer, abs(integer) < 9_000_000_000_000_000 else {
            throw mismatch("an integer")
        }
        return integer
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
