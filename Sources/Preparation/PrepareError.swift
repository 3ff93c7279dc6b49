/// Everything that can go wrong in the `prepare` step; each message names the file or option and what to do.
public enum PrepareError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An option is out of range.
    case invalidOption(name: String, reason: String)
    /// Two inputs share an id.
    case duplicateSource(String)
    /// An input file could not be read.
    case unreadable(source: String, file: String, reason: String)
    /// An output file could not be written.
    case writeFailed(path: String, reason: String)
    /// A source or a declared language gives no usable text (empty, binary, or nothing left after cleaning).
    case unusableData(source: String, reason: String, fix: String)

    /// What failed, where, and what to do next.
    public var description: String {
        switch self {
        case let .invalidOption(name, reason):
            "prepare option '\(name)': \(reason)"
        case let .duplicateSource(id):
            "two data sources are named '\(id)'; source ids must be unique"
        case let .unreadable(source, file, reason):
            "source '\(source)': cannot read '\(file)': \(reason); fetch the source again"
        case let .writeFailed(path, reason):
            "cannot write '\(path)': \(reason); free space or fix permissions and run again"
        case let .unusableData(source, reason, fix):
            "source '\(source)': \(reason); \(fix)"
        }
    }
}
