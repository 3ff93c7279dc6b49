/// What went wrong while gathering a release's recorded facts or writing its documents.
public enum ReleaseDocsError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A recorded file the documents are generated from is missing or unreadable.
    case missingRecord(path: String, reason: String)
    /// A recorded file is there but not in the expected format.
    case malformedRecord(path: String, reason: String)
    /// A document could not be written.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missingRecord(path, reason):
            "\(path): \(reason); the documents are generated only from recorded files — rebuild the release with `glassbox build RECIPE` so every step has run"
        case let .malformedRecord(path, reason):
            "\(path) is not a file glassbox recorded (\(reason)); rebuild the release or restore the file from its signed copy"
        case let .unwritable(path, reason):
            "cannot write \(path): \(reason)"
        }
    }
}
