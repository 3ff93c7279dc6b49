import BaseIO
import Digests
import Foundation

/// Signs a release directory: writes `provenance.json`, `SHA256SUMS`, optionally
/// `SHA256SUMS.minisig`, and `model.sig` (OpenSSF model-signing bundle), in that order, so that each
/// later file covers the earlier ones: `SHA256SUMS` lists every file but the signature files,
/// `model.sig` lists every file but itself (and the git paths model-signing ignores). Every file is
/// written atomically.
public struct ReleaseSigner {
    /// Names of the files `sign` writes, which checksums never list.
    public static let signatureFiles: Set<String> = [
        ChecksumFile.fileName, ModelSigningBundle.fileName, MinisignFileName.sha256sums,
    ]

    /// What was signed.
    public struct Outcome: Sendable {
        /// Files listed in `SHA256SUMS` (relative paths, in order).
        public let checksummed: [String]
        /// Files listed in `model.sig`.
        public let signed: [String]
        /// Paths written.
        public let written: [String]
    }

    /// The key for `model.sig`.
    public let key: SigningKey
    /// An optional minisign key for `SHA256SUMS.minisig`.
    public let minisignKey: MinisignSecretKey?
    /// Provenance inputs (recipe, lock, sources, version).
    public let provenance: ProvenanceInputs
    /// Hashing workers.
    public let hasher: ParallelFileHasher

    /// A signer; `key` must be ECDSA (P-256 recommended) for model-signing compatibility.
    public init(key: SigningKey, minisignKey: MinisignSecretKey? = nil, provenance: ProvenanceInputs,
                hasher: ParallelFileHasher = ParallelFileHasher()) throws(VerificationError) {
        guard key.algorithm != .ed25519 else {
            throw .refused("model.sig needs an ECDSA key (OpenSSF model-signing rejects Ed25519); make one with `glassbox keygen --name NAME`")
        }
        self.key = key
        self.minisignKey = minisignKey
        self.provenance = provenance
        self.hasher = hasher
    }

    /// Signs `directory` in place.
    public func sign(_ directory: URL) throws(VerificationError) -> Outcome {
        let excluded = Self.signatureFiles.union([ProvenanceStatement.fileName])
        let inventory = try ReleaseInventory(directory: directory, ignoring: excluded)
        let hashed = try hasher.hash(inventory.files, in: directory)
        var entries = try inventory.files.map { path throws(VerificationError) in
            guard let value = hashed[path] else { throw VerificationError.io(path: path, reason: "not hashed") }
            return (path: path, digest: value.digest)
        }
        var written: [String] = []
        func put(_ name: String, _ bytes: [UInt8]) throws(VerificationError) -> (path: String, digest: Digest) {
            let path = directory.appendingPathComponent(name).path
            do { try AtomicFile.write(bytes, to: path) } catch { throw VerificationError.io(path: path, reason: error.description) }
            written.append(name)
            return (name, Digest.sha256(of: bytes))
        }
        let statement = ProvenanceStatement(files: entries, inputs: provenance)
        entries.append(try put(ProvenanceStatement.fileName, statement.canonicalJSON()))
        entries.sort { ReleaseInventory.componentOrder($0.path, $1.path) }
        let sums = Array(ChecksumFile(entries: entries).render().utf8)
        var signedEntries = entries
        signedEntries.append(try put(ChecksumFile.fileName, sums))
        if let minisignKey {
            let signature = try MinisignSignature(
                signing: sums, with: minisignKey, trustedComment: "file:\(ChecksumFile.fileName)\thashed")
            signedEntries.append(try put(MinisignFileName.sha256sums, Array(signature.render().utf8)))
        } else {
            // A minisig from an earlier signing no longer matches the new SHA256SUMS.
            unlink(directory.appendingPathComponent(MinisignFileName.sha256sums).path)
        }
        signedEntries.sort { ReleaseInventory.componentOrder($0.path, $1.path) }
        let bundle = try ModelSigningBundle.make(
            resources: signedEntries, modelName: directory.standardizedFileURL.lastPathComponent,
            ignorePaths: [ModelSigningBundle.fileName] + ReleaseInventory.gitPaths, key: key)
        _ = try put(ModelSigningBundle.fileName, bundle)
        return Outcome(checksummed: entries.map(\.path), signed: signedEntries.map(\.path), written: written)
    }
}
