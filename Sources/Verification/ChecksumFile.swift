import Foundation
import Digests

/// A `SHA256SUMS` file in GNU coreutils format, as `sha256sum -c` reads it.
///
/// Written: one `<64 lowercase hex>  <path>\n` line per file (two spaces: text mode, which hashes the
/// same bytes as binary mode on every POSIX system), sorted like the signature manifest; a name with
/// `\` or a newline is escaped and its line starts with `\`, as coreutils does. Read: also the binary
/// flag (`*`), the BSD form `SHA256 (path) = hex` and escaped lines; blank lines are refused (as
/// `sha256sum -c --strict` would), and so is a file named twice.
public struct ChecksumFile: Equatable, Sendable {
    /// The conventional name.
    public static let fileName = "SHA256SUMS"

    /// Path → digest, in file order.
    public let entries: [(path: String, digest: Digest)]

    /// Wraps entries (written in this order).
    public init(entries: [(path: String, digest: Digest)]) { self.entries = entries }

    public static func == (lhs: ChecksumFile, rhs: ChecksumFile) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.path == $1.path && $0.digest == $1.digest }
    }

    /// The digests as a map.
    public var digests: [String: Digest] {
        Dictionary(entries.map { ($0.path, $0.digest) }, uniquingKeysWith: { first, _ in first })
    }

    /// The file's text.
    public func render() -> String {
        var out = ""
        for (path, digest) in entries {
            let needsEscape = path.contains("\\") || path.contains("\n")
            let name = needsEscape
                ? path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n") : path
            out += (needsEscape ? "\\" : "") + digest.hex + "  " + name + "\n"
        }
        return out
    }

    /// Parses `text` (the content of `path`, used in messages).
    public init(parsing text: String, path: String) throws(VerificationError) {
        var entries: [(path: String, digest: Digest)] = []
        var seen = Set<String>()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for (number, line) in lines.enumerated() {
            let entry = try Self.parseLine(Substring(line), path: path, line: number + 1)
            guard seen.insert(entry.path).inserted else {
                throw .malformedChecksums(path: path, line: number + 1, reason: "'\(entry.path)' is listed twice")
            }
            entries.append(entry)
        }
        self.entries = entries
    }

    private static func parseLine(
        _ raw: Substring, path: String, line: Int
    ) throws(VerificationError) -> (path: String, digest: Digest) {
        var text = raw
        if text.hasSuffix("\r") { text.removeLast() }
        if text.hasPrefix("SHA256 (") { return try parseTag(text, path: path, line: line) }
        let escaped = text.hasPrefix("\\")
        if escaped { text.removeFirst() }
        let utf8 = Array(text.utf8)
        guard utf8.count > 66, utf8[64] == UInt8(ascii: " "), utf8[65] == UInt8(ascii: " ") || utf8[65] == UInt8(ascii: "*")
        else { throw .malformedChecksums(path: path, line: line, reason: "not a checksum line") }
        let digest: Digest
        do { digest = try Digest(hex: String(decoding: utf8[0..<64], as: UTF8.self)) } catch {
            throw .malformedChecksums(path: path, line: line, reason: error.description)
        }
        var name = String(decoding: utf8[66...], as: UTF8.self)
        if escaped { name = try unescape(name, path: path, line: line) }
        return (try checkedName(name, path: path, line: line), digest)
    }

    private static func parseTag(
        _ text: Substring, path: String, line: Int
    ) throws(VerificationError) -> (path: String, digest: Digest) {
        guard let separator = text.range(of: ") = ", options: .backwards) else {
            throw .malformedChecksums(path: path, line: line, reason: "malformed BSD-style line")
        }
        let name = String(text[text.index(text.startIndex, offsetBy: 8)..<separator.lowerBound])
        do {
            return (try checkedName(name, path: path, line: line), try Digest(hex: String(text[separator.upperBound...])))
        } catch let error as DigestError {
            throw .malformedChecksums(path: path, line: line, reason: error.description)
        } catch {
            throw .malformedChecksums(path: path, line: line, reason: "\(error)")
        }
    }

    private static func unescape(_ name: String, path: String, line: Int) throws(VerificationError) -> String {
        var out = ""
        var iterator = name.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else { out.append(character); continue }
            switch iterator.next() {
            case "\\": out.append("\\")
            case "n": out.append("\n")
            default: throw .malformedChecksums(path: path, line: line, reason: "invalid escape in file name")
            }
        }
        return out
    }

    /// Refuses names that would leave the directory (absolute, `..`) — a checksum file must not make
    /// the verifier read elsewhere.
    private static func checkedName(_ name: String, path: String, line: Int) throws(VerificationError) -> String {
        var clean = name
        while clean.hasPrefix("./") { clean.removeFirst(2) }
        let components = clean.split(separator: "/", omittingEmptySubsequences: false)
        guard !clean.isEmpty, !clean.hasPrefix("/"), !components.contains(".."), !components.contains("") else {
            throw .malformedChecksums(path: path, line: line, reason: "file name '\(name)' is not a plain relative path")
        }
        return clean
    }
}
