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

    /// Hashes every file named in `list` (names relative to the current directory, as sha256sum does)
    /// with `threads` threads and compares each with its listed digest.
    public init(checking list: ChecksumList, threads: Int, progress: (@Sendable (Int) -> Void)? = nil) {
        let results = ParallelHasher.hash(files: list.lines.map(\.path), threads: threads, progress: progress)
        items = zip(list.lines, results).map { line, result in
            switch result {
            case let .success(hash):
                Item(line: line, outcome: hash.digest == line.digest ? .ok : .mismatch(actual: hash.digest))
            case let .failure(error):
                Item(line: line, outcome: .unreadable(error))
            }
        }
        improperlyFormattedLines = list.improperlyFormattedLines
    }

    /// Number of files whose digest differs.
    public var mismatchCount: Int { items.count { if case .mismatch = $0.outcome { true } else { false } } }
    /// Number of files that could not be read.
    public var unreadableCount: Int { items.count { if case .unreadable = $0.outcome { true } else { false } } }
    /// True when the list had no checksum line at all (sha256sum: "no properly formatted checksum lines found").
    public var isEmpty: Bool { items.isEmpty }
    /// True when every listed file was read and matched, and there was at least one.
    public var passed: Bool { !items.isEmpty && mismatchCount == 0 && unreadableCount == 0 }
}
