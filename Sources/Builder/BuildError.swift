/// Everything that can go wrong while planning, building or reproducing; each case says what to do.
public enum BuildError: Error, Sendable, CustomStringConvertible {
    /// A local input named by the recipe is missing or unreadable.
    case missingInput(step: String, path: String, reason: String)
    /// A step's executor failed.
    case stepFailed(step: String, reason: String)
    /// The store or the builder's own files could not be read or written.
    case io(path: String, reason: String)
    /// A lock file could not be read or does not belong to its recipe.
    case invalidLock(path: String, reason: String)
    /// A release directory lacks a file reproduce needs.
    case invalidRelease(path: String, reason: String)
    /// The recipe could not be encoded or read.
    case recipe(String)

    public var description: String {
        switch self {
        case let .missingInput(step, path, reason):
            "step \(step): input \(path) \(reason); fix the path in the recipe or supply the file"
        case let .stepFailed(step, reason):
            "step \(step) failed: \(reason)"
        case let .io(path, reason):
            "cannot write or read \(path): \(reason)"
        case let .invalidLock(path, reason):
            "lock file \(path): \(reason)"
        case let .invalidRelease(path, reason):
            "release \(path): \(reason)"
        case let .recipe(message):
            message
        }
    }
}
