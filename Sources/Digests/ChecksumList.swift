import Foundation

/// A whole `sha256sum`-format checksum list, parsed the way `sha256sum --check` reads it.
///
/// Empty lines and lines starting with `#` are skipped; any other line that is not a checksum line
/// is counted in `improperlyFormattedLines` (with its 1-based number), as sha256sum does.
public struct ChecksumList: Sendable {
    /// The checksum lines, in file order.
    public let lines: [ChecksumLine]
    /// 1-based numbers of the lines that are not checksum lines.
    public let improperlyFormattedLines: [Int]
    /// 1-based numbers of the blank and `#` comment lines that were skipped (the empty piece after a
    /// final newline is not a line).
    public let skippedLines: [Int]

    /// Parses the bytes of a list (its name is used in errors).
    public init(text: String) {
        var parsed = [ChecksumLine]()
        var bad = [Int]()
        var skipped = [Int]()
        // Split on the byte 10 only: as Characters, "\r\n" is one grapheme and would not split.
        var bsdReversed: Bool? = nil
        let rawLines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, scalars) in rawLines.enumerated() {
            let raw = Substring(scalars)
            if raw.isEmpty || raw.hasPrefix("#") {
                if !(raw.isEmpty && index == rawLines.count - 1) { skipped.append(index + 1) }
                continue
            }
            if let line = ChecksumLine(parsing: raw, bsdReversed: &bsdReversed) { parsed.append(line) } else { bad.append(index + 1) }
        }
        lines = parsed
        improperlyFormattedLines = bad
        skippedLines = skipped
    }

    /// Reads and parses the list at `path` (`-` for standard input).
    public init(contentsOf path: String) throws(DigestError) {
        let data: Data
        do {
            if path == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw DigestError.isDirectory(path: path)
                }
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        } catch let error as DigestError {
            throw error
        } catch {
            throw DigestError.io(path: path, operation: "read", reason: Self.reason(error))
        }
        self.init(text: String(decoding: data, as: UTF8.self))
    }

    /// Writes the `sha256sum` lines for `hashes`, in order.
    public static func format(_ hashes: [FileHash]) -> String {
        hashes.map { ChecksumLine(digest: $0.digest, path: $0.path).formatted }.joined()
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return systemMessage(Int32(posix.code))
        }
        return nsError.localizedDescription
    }
}
