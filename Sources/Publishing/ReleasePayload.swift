import Digests
import Foundation
import Verification

/// One file of a release to publish.
public struct ReleaseFile: Sendable, Equatable {
    /// Relative POSIX path inside the release.
    public let path: String
    /// Size in bytes.
    public let size: Int64
    /// SHA-256 of the content.
    public let digest: Digest
    /// Where it is on disk.
    public let url: URL
}

/// A release that verified, with its files in publishing order: content first, then `SHA256SUMS`,
/// `SHA256SUMS.minisig` and `model.sig`, so that a reader who sees the checksums or the signature can
/// already fetch every file they cover.
public struct ReleasePayload: Sendable {
    /// The trailing files, in the order they are published.
    public static let trailingFiles = [ChecksumFile.fileName, MinisignFileName.sha256sums, ModelSigningBundle.fileName]

    /// The release directory.
    public let directory: URL
    /// Every file (the git paths `verify` ignores left out), in publishing order.
    public let files: [ReleaseFile]
    /// What `verify` said.
    public let report: VerificationReport

    /// Verifies `directory` (against `model.sig` with `publicKey`, else against `SHA256SUMS`) and
    /// hashes its files; throws `releaseDoesNotVerify` when any check fails.
    public init(directory: URL, publicKey: (path: String, key: VerifyingKey)?, hasher: ParallelFileHasher = ParallelFileHasher()) throws(PublishError) {
        self.directory = directory
        var verifier = ReleaseVerifier(publicKey: publicKey)
        verifier.hasher = hasher
        do {
            report = try verifier.verify(directory)
            guard report.passed else {
                throw PublishError.releaseDoesNotVerify(directory: directory.path, problems: report.problems.map(\.description))
            }
            let inventory = try ReleaseInventory(directory: directory)
            let hashed = try hasher.hash(inventory.files, in: directory)
            var files = try inventory.files.map { path throws(PublishError) -> ReleaseFile in
                guard let value = hashed[path] else { throw .releaseUnreadable(directory: directory.path, reason: "\(path) was not hashed") }
                return ReleaseFile(path: path, size: Int64(value.size), digest: value.digest, url: directory.appendingPathComponent(path))
            }
            let rank = { (path: String) in Self.trailingFiles.firstIndex(of: path).map { $0 + 1 } ?? 0 }
            files = files.enumerated().sorted { (rank($0.element.path), $0.offset) < (rank($1.element.path), $1.offset) }.map(\.element)
            self.files = files
        } catch let error as PublishError {
            throw error
        } catch let error as VerificationError {
            throw .releaseUnreadable(directory: directory.path, reason: error.description)
        } catch {
            throw .releaseUnreadable(directory: directory.path, reason: "\(error)")
        }
    }

    /// Total bytes of all files.
    public var totalBytes: Int64 { files.reduce(0) { $0 + $1.size } }
}
