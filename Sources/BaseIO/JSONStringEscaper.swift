/// The one JSON string escaping of Glassbox (RFC 8785): `"` and `\` escaped, `\b \t \n \f \r` for
/// those control characters, lowercase `\u00xx` for the other ones below U+0020, every other byte
/// (DEL, U+2028, non-BMP characters) copied as raw UTF-8. Runs that need no escape are copied at
/// once, eight bytes per test, so multi-gigabyte JSONL corpora stream through it quickly.
public enum JSONStringEscaper {
    /// Appends the escaped form of the UTF-8 `bytes` (without quotes) to `output`.
    public static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count && !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            index += 1
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<(index - 1)]))
            appendEscape(byte, to: &output)
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// Appends the escaped form of `bytes` (without quotes) to `output`.
    public static func append(_ bytes: [UInt8], to output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0, to: &output) }
    }

    /// Appends `"text"`, escaped, to `output`.
    public static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(0x22)
        var text = text
        text.withUTF8 { append($0, to: &output) }
        output.append(0x22)
    }

    /// True when some byte of `word` is below 0x20, `"` or `\` (SWAR "has zero byte" tests).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        return below | hasQuote | hasBackslash != 0
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case 0x22: output += [0x5C, 0x22]
        case 0x5C: output += [0x5C, 0x5C]
        case 0x08: output += [0x5C, UInt8(ascii: "b")]
        case 0x09: output += [0x5C, UInt8(ascii: "t")]
        case 0x0A: output += [0x5C, UInt8(ascii: "n")]
        case 0x0C: output += [0x5C, UInt8(ascii: "f")]
        case 0x0D: output += [0x5C, UInt8(ascii: "r")]
        default: output += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        }
    }
}
