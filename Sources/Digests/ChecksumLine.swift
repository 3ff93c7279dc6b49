import Foundation

/// One line of a `sha256sum`-format checksum list (`SHA256SUMS`), read and written byte for byte like
/// GNU coreutils 9: `<hex>  <name>`, `<hex> *<name>` (binary marker) or the BSD form
/// `SHA256 (<name>) = <hex>`. Names holding `\`, newline or carriage return are escaped and the line
/// starts with `\`.
public struct ChecksumLine: Hashable, Sendable {
    /// The expected digest.
    public let digest: Digest
    /// The file name, unescaped.
    public let path: String

    /// Wraps a digest and a file name.
    public init(digest: Digest, path: String) {
        self.digest = digest
        self.path = path
    }

    /// The line `sha256sum` prints for this file, with its trailing newline.
    public var formatted: String {
        let needsEscape = Self.hasProblemCharacters(path)
        return (needsEscape ? "\\" : "") + digest.hex + "  " + (needsEscape ? Self.escape(path) : path) + "\n"
    }

    /// The name as `sha256sum --check` prints it before `: OK`: escaped (with a leading `\`) only when it
    /// holds a newline.
    public var checkDisplayName: String {
        path.contains("\n") ? "\\" + Self.escape(path) : path
    }

    /// Parses one line (without its `\n`) on its own; nil when the line is not a checksum line
    /// (sha256sum's "improperly formatted"). `ChecksumList` parses whole lists, with their shared state.
    public init?(parsing rawLine: Substring) {
        var reversed: Bool? = nil
        self.init(parsing: rawLine, bsdReversed: &reversed)
    }

    /// Parses one line of a list. `bsdReversed` is the list's format, fixed by its first line as in
    /// coreutils: `<hex> <name>` (one space, BSD `-r` style) makes the single space the separator for
    /// every later line; `<hex>  <name>` / `<hex> *<name>` forbids the BSD form afterwards.
    init?(parsing rawLine: Substring, bsdReversed: inout Bool?) {
        var line = rawLine
        if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
        line = line.drop(while: { $0 == " " || $0 == "\t" })
        let escaped = line.first == "\\"
        if escaped { line = line.dropFirst() }
        let parsed = line.hasPrefix("SHA256 (") ? Self.splitTagged(line) : Self.splitPlain(line, &bsdReversed)
        guard let (hex, name) = parsed, !name.isEmpty, let digest = try? Digest(hex: String(hex)) else { return nil }
        guard let path = escaped ? Self.unescape(name) : String(name) else { return nil }
        self.init(digest: digest, path: path)
    }

    private static func splitPlain(_ line: Substring, _ bsdReversed: inout Bool?) -> (Substring, Substring)? {
        let utf8 = line.utf8
        guard utf8.count > 65 else { return nil }
        let hexEnd = utf8.index(utf8.startIndex, offsetBy: 64)
        guard utf8[..<hexEnd].allSatisfy({ $0 < 0x80 }) else { return nil }
        let separator = utf8[hexEnd]
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "\t") else { return nil }
        var nameStart = utf8.index(after: hexEnd)
        let marker = utf8[nameStart]
        let oneLeft = utf8.distance(from: nameStart, to: utf8.endIndex) == 1
        if oneLeft || (marker != UInt8(ascii: " ") && marker != UInt8(ascii: "*")) {
            if bsdReversed == false { return nil }
            bsdReversed = true
        } else if bsdReversed != true {
            bsdReversed = false
            nameStart = utf8.index(after: nameStart)
        }
        return (Substring(utf8[..<hexEnd]), Substring(utf8[nameStart...]))
    }

    private static func splitTagged(_ line: Substring) -> (Substring, Substring)? {
        let body = line.dropFirst("SHA256 (".count)
        guard let close = body.range(of: ") = ", options: .backwards) else { return nil }
        return (body[close.upperBound...], body[..<close.lowerBound])
    }

    static func hasProblemCharacters(_ name: String) -> Bool {
        name.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == 10 || $0 == 13 }
    }

    static func escape(_ name: String) -> String {
        var out = ""
        for character in name.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    static func unescape(_ name: Substring) -> String? {
        var out = ""
        var iterator = name.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "\\" else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch iterator.next() {
            case "\\": out += "\\"
            case "n": out += "\n"
            case "r": out += "\r"
            default: return nil
            }
        }
        return out
    }
}
