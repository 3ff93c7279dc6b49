import Foundation

/// The outcome of checking files against a `ChecksumList` (what `sha256sum --check` does).
public struct ChecksumVerification: Sendable {
    /// What happened to one listed file.
    public enum Outcome: Equatable, Sendable {
        /// The file's digest matches the list.
        case ok
        /// The file was read and its digest differs (`actual`).
        case mismatch(actual: Digest)
        /// The file could not be read (missing, a directory, permission denied, …).
        case unreadable(DigestError)
    }

    /// One listed file and its outcome, in list order.
    public struct Item: Equatable, Sendable {
        /// The line of the list.
        public let line: ChecksumLine
        /// What the check found.
        public let outcome: Outcome
    }

    /// Every checked file, in list order.
    public let items: [Item]
    /// 1-based numbers of lines that were not checksum lines.
    public let improperlyFormattedLines: [Int]
    /// Listed files that do not exist, left out of `items` (only with `ignoringMissing`).
    public let missing: [ChecksumLine]

    /// Hashes every file named in `list` (names relative to the current directory, as sha256sum does)
    /// with `threads` threads and compares each with its listed digest. With `ignoringMissing`
    /// (sha256sum `--ignore-missing`), a file that cannot be read because it does not exist (nor does
    /// a symbolic link's target) is neither a failure nor an item: it goes to `missing`.
    public init(
        checking list: ChecksumList, threads: Int, ignoringMissing: Bool = false,
        progress: (@Sendable (Int) -> Void)? = nil
    ) {
        let results = ParallelHasher.hash(files: list.lines.map(\.path), threads: threads, progress: progress)
        var items: [Item] = [], missing: [ChecksumLine] = []
        for (line, result) in zip(list.lines, results) {
            switch result {
            case let .success(hash):
                items.append(Item(line: line, outcome: hash.digest == line.digest ? .ok : .mismatch(actual: hash.digest)))
            case .failure where ignoringMissing && !FileManager.default.fileExists(atPath: line.path):
                missing.append(line)
            case let .failure(error):
                items.append(Item(line: line, outcome: .unreadable(error)))
            }
        }
        self.items = items
        self.missing = missing
        improperlyFormattedLines = list.improperlyFormattedLines
    }

    /// Number of files whose digest differs.
    public var mismatchCount: Int { items.count { if case .mismatch = $0.outcome { true } else { false } } }
    /// Number of files that could not be read.
    public var unreadableCount: Int { items.count { if case .unreadable = $0.outcome { true } else { false } } }
    /// True when the list had no checksum line at all (sha256sum: "no properly formatted checksum lines found").
    public var isEmpty: Bool { items.isEmpty && missing.isEmpty }
    /// True when every listed file was missing and ignored (sha256sum: "no file was verified").
    public var nothingVerified: Bool { items.isEmpty && !missing.isEmpty }
    /// True when every listed file that was checked was read and matched, and there was at least one.
    public var passed: Bool { !items.isEmpty && mismatchCount == 0 && unreadableCount == 0 }
}
