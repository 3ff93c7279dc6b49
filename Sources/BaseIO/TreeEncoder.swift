/// A value under construction by `TreeEncoder`: containers are shared references so that nested
/// containers and super-encoders can fill them after they were handed out.
final class EncodingNode {
    enum Content {
        case empty
        case single(JSONValue)
        case keyed([(key: String, node: EncodingNode)])
        case unkeyed([EncodingNode])
    }

    var content: Content = .empty

    /// The finished tree; `path` names this node in errors.
    func value(path: String) throws(BaseIOError) -> JSONValue {
        switch content {
        case .empty: return .object([JSONMember]())
        case .single(let value): return value
        case .keyed(let members):
            var seen: [String: Int] = [:]
            var result: [JSONMember] = []
            for member in members {
                let value = try member.node.value(path: path.isEmpty ? member.key : "\(path).\(member.key)")
                if let index = seen[member.key] { result[index].value = value; continue }
                seen[member.key] = result.count
                result.append(JSONMember(key: member.key, value: value))
            }
            return .object(result)
        case .unkeyed(let items):
            var result: [JSONValue] = []
            for (index, item) in items.enumerated() { result.append(try item.value(path: "\(path)[\(index)]")) }
            return .array(result)
        }
    }

    func child(forKey key: String) -> EncodingNode {
        let node = EncodingNode()
        if case .keyed(var members) = content {
            members.append((key, node))
            content = .keyed(members)
        } else {
            content = .keyed([(key, node)])
        }
        return node
    }

    func appendChild() -> EncodingNode {
        let node = EncodingNode()
        if case .unkeyed(var items) = content {
            items.append(node)
            content = .unkeyed(items)
        } else {
            content = .unkeyed([node])
        }
        return node
    }
}

/// The `Encoder` behind `CanonicalJSON.encode`: turns any `Encodable` into a `JSONValue`, with
/// numbers in canonical text and non-finite ones refused, naming the coding path.
struct TreeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = node.content {} else { node.content = .keyed([]) }
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed = node.content {} else { node.content = .unkeyed([]) }
        return UnkeyedTreeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleTreeContainer(node: node, codingPath: codingPath) }

    /// The path as text, `steps[2].loss`, for error messages.
    static func describe(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    /// Encodes `value` into `node`: numbers, strings and booleans directly, the rest through `encode(to:)`.
    static func encode<Value: Encodable>(_ value: Value, into node: EncodingNode, codingPath: [any CodingKey]) throws {
        if let primitive = try primitive(value, codingPath: codingPath) {
            node.content = .single(primitive)
        } else {
            try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
        }
    }

    private static func primitive(_ value: some Encodable, codingPath: [any CodingKey]) throws(BaseIOError) -> JSONValue? {
        switch value {
        case let double as Double:
            guard let number = JSONNumber(double) else { throw nonFinite(double, codingPath) }
            return .number(number)
        case let float as Float:
            guard let number = JSONNumber(float) else { throw nonFinite(Double(float), codingPath) }
            return .number(number)
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .int(number)
        case let number as Int8: return .int(number)
        case let number as Int16: return .int(number)
        case let number as Int32: return .int(number)
        case let number as Int64: return .int(number)
        case let number as UInt: return .int(number)
        case let number as UInt8: return .int(number)
        case let number as UInt16: return .int(number)
        case let number as UInt32: return .int(number)
        case let number as UInt64: return .int(number)
        default: return nil
        }
    }

    static func nonFinite(_ value: Double, _ codingPath: [any CodingKey]) -> BaseIOError {
        .notEncodable(path: describe(codingPath), reason: "\(value) is not a finite number; JSON has no NaN or infinity")
    }
}

/// An index as a coding key, for paths inside arrays.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}
