/// A parsed JSON value, for reading files whose keys vary between writers (`config.json`).
enum JSONValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The value as an exact integer, when it is one.
    var integer: Int? {
        guard case let .number(value) = self, value.rounded() == value, abs(value) < 9e15 else { return nil }
        return Int(value)
    }

    /// The value as a number.
    var number: Double? {
        if case let .number(value) = self { return value }
        return nil
    }

    /// The value as a string.
    var string: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    /// The value as a boolean.
    var bool: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    /// The members of an object.
    var object: [String: JSONValue]? {
        if case let .object(value) = self { return value }
        return nil
    }

    /// The elements of an array.
    var array: [JSONValue]? {
        if case let .array(value) = self { return value }
        return nil
    }

    /// Whether the value is absent in spirit: JSON `null`.
    var isNull: Bool { self == .null }
}
