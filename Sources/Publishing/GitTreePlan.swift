import Fetching
import Verification

/// The tree a git publish commits: every release file (LFS pointers for what the LFS rules select),
/// `.gitattributes` (the repository's, with Glassbox's rules added), and the files of the previous
/// tree that are not part of any release (a file listed in the previous `SHA256SUMS` and absent from
/// this release is dropped: it belonged to the release this one replaces).
struct GitTreePlan {
    /// The new tree's files.
    private(set) var entries: [GitTreeFile] = []
    /// Release files stored as LFS pointers; their content goes to the LFS server.
    private(set) var lfsObjects: [ReleaseFile] = []
    /// Blob id of each release file's entry.
    private(set) var blobIDs: [String: String] = [:]
    /// Files of the previous tree kept as they are.
    private(set) var kept: [String] = []

    init(payload: ReleasePayload, remoteFiles: [GitTreeFile], repository: GitPushRepository) throws(PublishError) {
        let remote = Dictionary(remoteFiles.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let existingAttributes = try remote[".gitattributes"].map { entry throws(PublishError) in
            String(decoding: try GitTarget.wrap("") { () throws(FetchError) in try repository.blob(entry.blobID) }, as: UTF8.self)
        }
        let rules = LFSRules(existing: existingAttributes, files: payload.files.map { ($0.path, $0.size) })
        for file in payload.files {
            let id: String
            if rules.isLFS(file.path) {
                let pointer = LFSPointer(digest: file.digest, size: file.size)
                id = try GitTarget.wrap("") { () throws(FetchError) in try repository.writeBlob(pointer.bytes) }
                lfsObjects.append(file)
            } else {
                id = try GitTarget.wrap("") { () throws(FetchError) in try repository.writeBlob(fileAt: file.url) }
            }
            blobIDs[file.path] = id
            entries.append(GitTreeFile(path: file.path, blobID: id))
        }
        let attributesID = try GitTarget.wrap("") { () throws(FetchError) in try repository.writeBlob(Array(rules.text.utf8)) }
        entries.append(GitTreeFile(path: ".gitattributes", blobID: attributesID))
        let previousRelease = try previouslyPublished(remote, repository: repository)
        let released = Set(payload.files.map(\.path))
        for file in remoteFiles where !released.contains(file.path) && file.path != ".gitattributes" {
            if previousRelease.contains(file.path) || ReleasePayload.trailingFiles.contains(file.path) { continue }
            entries.append(file)
            kept.append(file.path)
        }
        entries.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The paths the previous tree's `SHA256SUMS` lists.
    private func previouslyPublished(_ remote: [String: GitTreeFile], repository: GitPushRepository) throws(PublishError) -> Set<String> {
        guard let sums = remote[ChecksumFile.fileName] else { return [] }
        let bytes = try GitTarget.wrap("") { () throws(FetchError) in try repository.blob(sums.blobID) }
        let parsed = try? ChecksumFile(parsing: String(decoding: bytes, as: UTF8.self), path: ChecksumFile.fileName)
        return Set(parsed?.entries.map(\.path) ?? [])
    }
}
