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
    /// The signing key could not be read, or signing the release failed.
    case signing(key: String, reason: String)
    /// The release path holds something that is not an earlier release or an empty directory.
    case outputOccupied(path: String, what: String)
    /// The release cannot be written at its path.
    case outputUnwritable(path: String, reason: String)
    /// Submitting to or asking Slurm failed, or the store is not where every node sees it.
    case slurm(String)

    /// What failed, where, and what to do.
    public var description: String {
        switch self {
        case let .missingInput(step, path, reason):
            "step \(step): input \(path) \(reason); fix the path in the recipe, or supply the file beside the recipe "
                + "or in a folder given with --data-dir (searched first, same relative path)"
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
        case let .signing(key, reason):
            "signing with \(key): \(reason); fix the key (`glassbox keygen --name NAME` makes one), pass --passphrase-file for an encrypted key, or remove [publish] signing_key to build unsigned"
        case let .outputOccupied(path, what):
            "refusing to replace \(path): it is \(what), not an earlier glassbox release or an empty directory; "
                + "choose another --out, or pass --force to replace it (everything in it is deleted)"
        case let .outputUnwritable(path, reason):
            "cannot write the release at \(path): \(reason); choose another --out"
        case let .slurm(message):
            message
        }
    }
}
