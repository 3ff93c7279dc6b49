import Digests

/// A release's `SHA256SUMS`, in GNU coreutils format, read strictly.
///
/// Lines are `Digests.ChecksumLine`s, written and parsed exactly as `glassbox hash` and `sha256sum`
/// do (text mode `<hex>  <path>`, binary flag `*`, the BSD form `SHA256 (path) = hex`; a name with
/// `\`, a newline or a carriage return escaped and its line starting with `\`), sorted like the
/// signature manifest. Unlike `sha256sum -c`, a release's list must be exact: blank, comment or
/// malformed lines, a file named twice and names that leave the directory (absolute, `..`) are refused.
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
        ChecksumList.format(entries.map { FileHash(path: $0.path, size: 0, digest: $0.digest) })
    }

    /// Parses `text` (the content of `path`, used in messages).
    public init(parsing text: String, path: String) throws(VerificationError) {
        let list = ChecksumList(text: text)
        if let line = (list.improperlyFormattedLines + list.skippedLines).min() {
            throw .malformedChecksums(path: path, line: line, reason: "not a checksum line")
        }
        var entries: [(path: String, digest: Digest)] = []
        var seen = Set<String>()
        for (index, line) in list.lines.enumerated() {
            let number = index + 1
            let name = try Self.checkedName(line.path, path: path, line: number)
            guard seen.insert(name).inserted else {
                throw .malformedChecksums(path: path, line: number, reason: "'\(name)' is listed twice")
            }
            entries.append((name, line.digest))
        }
        self.entries = entries
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
