/// A JSON tree to write, serialised by this module itself so that the bytes of hashed artifacts
/// (tokenizer.json, fertility.json) never depend on a Foundation version: object keys sorted by
/// their UTF-8 bytes, no escaped slashes or non-ASCII, shortest round-trip numbers, trailing newline.
indirect enum JSONOutput: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONOutput])
    case object([String: JSONOutput])

    /// Canonical bytes of this tree; `pretty` puts one member or item per line, indented by two spaces.
    func data(pretty: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        write(into: &output, pretty: pretty, indent: 0)
        output.append(0x0A)
        return output
    }

    private func write(into output: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: output += Array("null".utf8)
        case .bool(let flag): output += Array((flag ? "true" : "false").utf8)
        case .int(let number): output += Array(String(number).utf8)
        case .double(let number): output += Array((number.isFinite ? "\(number)" : "null").utf8)
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let items):
            writeContainer(open: 0x5B, close: 0x5D, count: items.count, into: &output, pretty: pretty, indent: indent) { index, output in
                items[index].write(into: &output, pretty: pretty, indent: indent + 1)
            }
        case .object(let members):
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            writeContainer(open: 0x7B, close: 0x7D, count: keys.count, into: &output, pretty: pretty, indent: indent) { index, output in
                Self.writeString(keys[index], into: &output)
                output += pretty ? [0x3A, 0x20] : [0x3A]
                (members[keys[index]] ?? .null).write(into: &output, pretty: pretty, indent: indent + 1)
            }
        }
    }

    private func writeContainer(open: UInt8, close: UInt8, count: Int, into output: inout [UInt8], pretty: Bool,
                                indent: Int, item: (Int, inout [UInt8]) -> Void) {
        output.append(open)
        for index in 0..<count {
            if index > 0 { output.append(0x2C) }
            if pretty { Self.newline(into: &output, indent: indent + 1) }
            item(index, &output)
        }
        if pretty, count > 0 { Self.newline(into: &output, indent: indent) }
        output.append(close)
    }

    private static func newline(into output: inout [UInt8], indent: Int) {
        output.append(0x0A)
        output += [UInt8](repeating: 0x20, count: 2 * indent)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n \r \t \b \f` or `\u00XX`, the rest raw UTF-8.
    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: output += [0x5C, 0x22]
            case 0x5C: output += [0x5C, 0x5C]
            case 0x0A: output += [0x5C, 0x6E]
            case 0x0D: output += [0x5C, 0x72]
            case 0x09: output += [0x5C, 0x74]
            case 0x08: output += [0x5C, 0x62]
            case 0x0C: output += [0x5C, 0x66]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        output.append(0x22)
    }
}
