internal import CGit2
import Foundation

/// A scratch bare repository (libgit2 handle owned here, freed in `deinit`) for building a commit
/// from files and pushing it: fetch one branch of a remote, read its tree, write blobs, commit a tree
/// given as a file list (no working tree), push. Credentials go through libgit2's credential callback,
/// once: a refused credential is not offered again, and nothing is written to the repository's config.
public final class GitPushRepository {
    private let handle: OpaquePointer
    private let path: URL

    func repository() -> OpaquePointer { handle }

    /// Creates a bare repository at `path` (an empty or absent folder).
    public init(path: URL) throws(FetchError) {
        do {
            try GitGlobal.ensureInitialised()
        } catch {
            throw .transport(url: path.path, reason: error.message, retryable: false)
        }
        var repository: OpaquePointer?
        try Self.check(git_repository_init(&repository, path.path, 1), url: path.path, "creating a scratch repository")
        guard let repository else { throw .transport(url: path.path, reason: "libgit2 returned no repository", retryable: false) }
        self.handle = repository
        self.path = path
    }

    deinit { git_repository_free(handle) }

    /// Trusts the CAs in `file` (PEM) for https remotes; process-wide.
    public static func useCABundle(_ file: String) throws(FetchError) {
        do { try GitGlobal.useCABundle(file) } catch { throw .transport(url: file, reason: error.message, retryable: false) }
    }

    /// Fetches `branch` of `url`; returns its tip commit (40 hex), or nil when the remote has no such branch.
    public func fetch(url: String, branch: String, credentials: (user: String, secret: String)?) throws(FetchError) -> String? {
        let remote = try anonymousRemote(url)
        defer { git_remote_free(remote) }
        let payload = CredentialPayload(credentials)
        let unmanaged = Unmanaged.passRetained(payload)
        defer { unmanaged.release() }
        var options = git_fetch_options()
        try Self.check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), url: url, "initialising fetch options")
        options.proxy_opts.type = GIT_PROXY_AUTO
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        options.callbacks.credentials = gitPushCredentials
        options.callbacks.payload = unmanaged.toOpaque()
        let tracking = "refs/remotes/target/\(branch)"
        let code = Self.withStrings(["+refs/heads/\(branch):\(tracking)"]) { array in git_remote_fetch(remote, &array, &options, nil) }
        try Self.check(code, url: url, "fetching branch \(branch)", payload: payload)
        var oid = git_oid()
        guard git_reference_name_to_id(&oid, repository(), tracking) == 0 else { return nil }
        return Self.hex(oid)
    }

    /// Every blob of commit `hex`'s tree (links and submodules skipped), sorted by path.
    public func files(ofCommit hex: String) throws(FetchError) -> [GitTreeFile] {
        let tree = try tree(ofCommit: hex)
        defer { git_tree_free(tree) }
        let collector = TreeCollector()
        let code = git_tree_walk(tree, GIT_TREEWALK_PRE, collectTreeFile, Unmanaged.passUnretained(collector).toOpaque())
        try Self.check(code, url: path.path, "walking the tree of \(hex)")
        return collector.files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The tree id of commit `hex`.
    public func treeID(ofCommit hex: String) throws(FetchError) -> String {
        let tree = try tree(ofCommit: hex)
        defer { git_tree_free(tree) }
        return git_tree_id(tree).map { Self.hex($0.pointee) } ?? ""
    }

    /// The bytes of blob `id`.
    public func blob(_ id: String) throws(FetchError) -> [UInt8] {
        var oid = try Self.oid(id)
        var blob: OpaquePointer?
        try Self.check(git_blob_lookup(&blob, repository(), &oid), url: path.path, "reading blob \(id)")
        defer { git_blob_free(blob) }
        return Array(UnsafeRawBufferPointer(start: git_blob_rawcontent(blob), count: Int(git_blob_rawsize(blob))))
    }

    /// Stores `bytes` as a blob; returns its id.
    public func writeBlob(_ bytes: [UInt8]) throws(FetchError) -> String {
        var oid = git_oid()
        let code = bytes.withUnsafeBytes { git_blob_create_from_buffer(&oid, repository(), $0.baseAddress, $0.count) }
        try Self.check(code, url: path.path, "storing a blob")
        return Self.hex(oid)
    }

    /// Stores the file at `url` as a blob; returns its id.
    public func writeBlob(fileAt url: URL) throws(FetchError) -> String {
        var oid = git_oid()
        try Self.check(git_blob_create_from_disk(&oid, repository(), url.path), url: url.path, "storing \(url.lastPathComponent)")
        return Self.hex(oid)
    }

    /// Writes the tree of `files` and a commit of it on `parent`; points `refs/heads/<branch>` at it.
    public func commit(
        files: [GitTreeFile], parent: String?, branch: String, message: String, author: (name: String, email: String)
    ) throws(FetchError) -> (commit: String, tree: String) {
        let treeOID = try writeTree(files)
        var treeID = treeOID
        var tree: OpaquePointer?
        try Self.check(git_tree_lookup(&tree, repository(), &treeID), url: path.path, "reading the new tree")
        defer { git_tree_free(tree) }
        var signature: UnsafeMutablePointer<git_signature>?
        try Self.check(git_signature_now(&signature, author.name, author.email), url: path.path, "making the author signature (check [publish] author)")
        defer { git_signature_free(signature) }
        var parentCommit: OpaquePointer?
        if let parent {
            var parentID = try Self.oid(parent)
            try Self.check(git_commit_lookup(&parentCommit, repository(), &parentID), url: path.path, "reading commit \(parent)")
        }
        defer { if let parentCommit { git_commit_free(parentCommit) } }
        var commitID = git_oid()
        var parents: [OpaquePointer?] = parentCommit.map { [$0] } ?? []
        let code = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&commitID, repository(), nil, signature, signature, "UTF-8", message, tree, buffer.count, buffer.baseAddress)
        }
        try Self.check(code, url: path.path, "creating the commit")
        var reference: OpaquePointer?
        try Self.check(git_reference_create(&reference, repository(), "refs/heads/\(branch)", &commitID, 1, nil), url: path.path, "pointing \(branch) at the commit")
        git_reference_free(reference)
        return (Self.hex(commitID), Self.hex(treeOID))
    }

    /// Pushes local `refs/heads/<branch>` to `url`; `force` allows a non-fast-forward update.
    public func push(url: String, branch: String, force: Bool, credentials: (user: String, secret: String)?) throws(FetchError) {
        let remote = try anonymousRemote(url)
        defer { git_remote_free(remote) }
        let payload = CredentialPayload(credentials)
        let unmanaged = Unmanaged.passRetained(payload)
        defer { unmanaged.release() }
        var options = git_push_options()
        try Self.check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), url: url, "initialising push options")
        options.proxy_opts.type = GIT_PROXY_AUTO
        options.callbacks.credentials = gitPushCredentials
        options.callbacks.push_update_reference = gitPushUpdateReference
        options.callbacks.payload = unmanaged.toOpaque()
        let reference = "refs/heads/\(branch)"
        let code = Self.withStrings(["\(force ? "+" : "")\(reference):\(reference)"]) { array in git_remote_push(remote, &array, &options) }
        if code == GIT_ENONFASTFORWARD.rawValue {
            throw .pushRejected(url: url, reference: reference, reason: "non-fast-forward")
        }
        try Self.check(code, url: url, "pushing \(branch)", payload: payload)
        if let rejection = payload.rejection { throw .pushRejected(url: url, reference: reference, reason: rejection) }
    }
}

/// A file of a git tree: path, blob id (40 hex) and whether it is executable.
public struct GitTreeFile: Sendable, Hashable {
    /// Relative POSIX path.
    public let path: String
    /// The blob id.
    public let blobID: String
    /// Mode 100755 instead of 100644.
    public let executable: Bool

    /// A tree entry.
    public init(path: String, blobID: String, executable: Bool = false) {
        self.path = path
        self.blobID = blobID
        self.executable = executable
    }
}
