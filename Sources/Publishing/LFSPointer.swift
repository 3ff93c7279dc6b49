import Digests

/// A Git LFS pointer file (spec v1): what is committed in place of a large file's content.
struct LFSPointer: Equatable {
    /// The content's SHA-256 (the LFS oid).
    let digest: Digest
    /// The content's size.
    let size: Int64

    /// The pointer file's bytes, exactly as git-lfs writes them.
    var bytes: [UInt8] {
        Array("version https://git-lfs.github.com/spec/v1\noid sha256:\(digest.hex)\nsize \(size)\n".utf8)
    }
}
