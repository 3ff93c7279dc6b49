/// The one strict RFC 8259 JSON reader: refuses control characters in strings, invalid UTF-8, lone
/// surrogates, leading `+`, bare fractions and trailing data; limits nesting; never reads outside its
/// input; every error carries the byte offset. Objects keep document order; numbers keep their text.
public struct JSONParser {
    /// What the reader accepts beyond the grammar.
    public struct Options: Sendable {
        /// Deepest nesting accepted (a document nested deeper fails instead of exhausting the stack).
        public var maximumDepth: Int
        /// Refuse an object that has a key twice (`BaseIOError.duplicateKey`); when false the members
        /// are all kept and `JSONValue`'s subscript finds the last one, as most JSON readers do.
        public var rejectsDuplicateKeys: Bool

        /// Options; the defaults are 128 levels and duplicate keys refused.
        public init(maximumDepth: Int = 128, rejectsDuplicateKeys: Bool = true) {
            self.maximumDepth = maximumDepth
            self.rejectsDuplicateKeys = rejectsDuplicateKeys
        }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let options: Options
    var index = 0

    /// Parses `bytes` as one JSON document; whitespace may surround it.
    public static func parse(_ bytes: [UInt8], options: Options = Options()) throws(BaseIOError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(BaseIOError) -> JSONValue in
            var parser = JSONParser(bytes: buffer, options: options)
            parser.skipWhitespace()
            let value = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            guard parser.index == buffer.count else { throw parser.failure("unexpected bytes after the top-level value") }
            return value
        }
    }

    func failure(_ reason: String) -> BaseIOError { .invalidJSON(offset: index, reason: reason) }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(BaseIOError) {
        guard current == byte else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    private mutating func parseValue(depth: Int) throws(BaseIOError) -> JSONValue {
        guard depth < options.maximumDepth else { throw failure("nesting deeper than \(options.maximumDepth) levels") }
        guard let byte = current else { throw failure("unexpected end of the document") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try parseLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try parseLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try parseLiteral("null"); return .null
        default: throw failure("unexpected character")
        }
    }

    private mutating func parseLiteral(_ word: StaticString) throws(BaseIOError) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw failure("unexpected end of the document") }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        guard bytes[index..<index + count].elementsEqual(expected) else { throw failure("invalid literal") }
        index += count
    }

    private mutating func parseObject(depth: Int) throws(BaseIOError) -> JSONValue {
        index += 1
        var members: [JSONMember] = []
        var seen = Set<String>()
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a string key") }
            let keyOffset = index
            let key = try parseString()
            if options.rejectsDuplicateKeys, !seen.insert(key).inserted { throw BaseIOError.duplicateKey(key, offset: keyOffset) }
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            members.append(JSONMember(key: key, value: try parseValue(depth: depth + 1)))
            skipWhitespace()
            if current == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "}"))
            return .object(members)
        }
    }

    private mutating func parseArray(depth: Int) throws(BaseIOError) -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "]"))
            return .array(elements)
        }
    }

    private mutating func parseNumber() throws(BaseIOError) -> JSONNumber {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw failure("invalid number") }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let digit = current, isDigit(digit) else { throw failure("invalid number fraction") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let digit = current, isDigit(digit) else { throw failure("invalid number exponent") }
            skipDigits()
        }
        return JSONNumber(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let byte = current, isDigit(byte) { index += 1 }
    }
}
