import Digests

/// The result of importing a directory: its manifest, the manifest's digest (the directory's name in
/// the store) and how much was new.
public struct DirectoryImport: Sendable {
    /// The directory's canonical manifest.
    public let manifest: Manifest
    /// The manifest's digest; pass it to `exportDirectory` to get the tree back.
    public let digest: Digest
    /// Number of objects (files and the manifest) that were not in the store before.
    public let newObjects: Int
    /// Bytes of those new objects.
    public let newBytes: Int64
}
