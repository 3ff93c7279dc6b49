/// A JSON document as a tree: what `JSONParser` reads and what `CanonicalJSON` writes.
///
/// Objects keep their members in document order (the writer sorts them); numbers keep their text.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The value of the last member named `key` of an object, or nil (also for non-objects).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// An object from a dictionary (the writer puts the members in canonical order).
    public static func object(_ members: [String: JSONValue]) -> JSONValue {
        .object(members.map { JSONMember(key: $0.key, value: $0.value) })
    }

    /// An integer number.
    public static func int<Integer: BinaryInteger>(_ value: Integer) -> JSONValue { .number(JSONNumber(value)) }

    /// The number, or nil for any other kind of value.
    public var number: JSONNumber? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One member of a JSON object.
public struct JSONMember: Hashable, Sendable {
    /// The member's name.
    public var key: String
    /// The member's value.
    public var value: JSONValue

    /// A member named `key`.
    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
