import Digests
import SafeTensors

/// Why signing or verifying could not be carried out (a failed *check* is a `VerificationProblem`
/// in the report instead). Each message names the file and says what to do.
public enum VerificationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file or directory could not be read or written.
    case io(path: String, reason: String)
    /// The directory holds a symbolic link; releases must consist of regular files.
    case symlink(path: String)
    /// A checksum file is malformed.
    case malformedChecksums(path: String, line: Int, reason: String)
    /// A signature bundle (model.sig) or minisign file is malformed.
    case malformedSignature(path: String, reason: String)
    /// A key could not be read or used.
    case key(path: String, reason: String)
    /// Nothing to verify the directory against.
    case nothingToVerify(directory: String)
    /// Signing would overwrite a file that is not a Glassbox signature output, or similar misuse.
    case refused(String)

    public var description: String {
        switch self {
        case let .io(path, reason):
            "cannot access \(path): \(reason)"
        case let .symlink(path):
            "\(path) is a symbolic link; a release must contain regular files only (replace the link with the file)"
        case let .malformedChecksums(path, line, reason):
            "\(path):\(line): \(reason); expected '<64 hex>  <file name>' lines as written by sha256sum"
        case let .malformedSignature(path, reason):
            "\(path) is not a valid signature file: \(reason)"
        case let .key(path, reason):
            "cannot use key \(path): \(reason)"
        case let .nothingToVerify(directory):
            "\(directory) has no model.sig and no SHA256SUMS; pass --sums FILE or --key PUB.pem with a signature bundle"
        case let .refused(reason):
            reason
        }
    }

    /// Wraps a Digests-module error for `path`.
    static func key(_ path: String, _ error: DigestError) -> VerificationError {
        .key(path: path, reason: error.description)
    }
}
