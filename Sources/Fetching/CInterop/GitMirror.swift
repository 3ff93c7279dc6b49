internal import CGit2
import Foundation

/// A bare git repository in the fetch cache that mirrors one remote's branches and tags.
/// The libgit2 repository handle is owned by this class and freed in `deinit`.
final class GitMirror {
    private let repository: OpaquePointer

    /// Opens the bare mirror at `path`, creating it if it does not exist.
    init(path: URL) throws(GitFailure) {
        try GitGlobal.ensureInitialised()
        var repository: OpaquePointer?
        if FileManager.default.fileExists(atPath: path.appendingPathComponent("HEAD").path),
           git_repository_open_bare(&repository, path.path) == 0 {
            // An intact mirror from an earlier run.
        } else {
            // No mirror yet, or one left unusable by a crash: it is only a cache, so start afresh.
            try? FileManager.default.removeItem(at: path)
            try GitFailure.check(git_repository_init(&repository, path.path, 1), "creating the mirror \(path.path)")
        }
        guard let repository else { throw GitFailure(message: "libgit2 returned no repository for \(path.path)") }
        self.repository = repository
    }

    deinit { git_repository_free(repository) }

    /// Whether the mirror already holds commit `hex` (40 hex digits).
    func hasCommit(_ hex: String) -> Bool {
        guard var oid = Self.oid(hex) else { return false }
        var commit: OpaquePointer?
        guard git_commit_lookup(&commit, repository, &oid) == 0 else { return false }
        git_commit_free(commit)
        return true
    }

    /// Fetches every branch and tag of `url` into the mirror (proxy settings from the environment).
    func fetch(from url: String) throws(GitFailure) {
        var remote: OpaquePointer?
        try GitFailure.check(git_remote_create_anonymous(&remote, repository, url), "connecting to \(url)")
        defer { git_remote_free(remote) }
        var options = git_fetch_options()
        try GitFailure.check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "initialising fetch options")
        options.proxy_opts.type = GIT_PROXY_AUTO
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL
        let specs = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"]
        var cStrings = specs.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let code = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return git_remote_fetch(remote, &array, &options, nil)
        }
        try GitFailure.check(code, "fetching \(url)")
    }

    /// Every blob of commit `hex`'s tree (symbolic links and submodules are skipped), sorted by path.
    func blobs(ofCommit hex: String) throws(GitFailure) -> [GitBlob] {
        guard var oid = Self.oid(hex) else { throw GitFailure(message: "'\(hex)' is not a commit id") }
        var commit: OpaquePointer?
        try GitFailure.check(git_commit_lookup(&commit, repository, &oid), "looking up commit \(hex)")
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try GitFailure.check(git_commit_tree(&tree, commit), "reading the tree of \(hex)")
        defer { git_tree_free(tree) }
        let collector = BlobCollector()
        let code = git_tree_walk(tree, GIT_TREEWALK_PRE, collectBlob, Unmanaged.passUnretained(collector).toOpaque())
        try GitFailure.check(code, "walking the tree of \(hex)")
        return collector.blobs.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// Calls `body` with the bytes of `blob`.
    func withContents<T>(of blob: GitBlob, _ body: (UnsafeRawBufferPointer) throws(FetchError) -> T) throws(FetchError) -> T {
        var oid = git_oid()
        guard let object = Self.lookupBlob(repository, blob.id, &oid) else {
            throw .git(source: "", url: "", reason: "blob \(blob.id) of \(blob.path) is missing from the mirror")
        }
        defer { git_blob_free(object) }
        let buffer = UnsafeRawBufferPointer(start: git_blob_rawcontent(object), count: Int(git_blob_rawsize(object)))
        return try body(buffer)
    }

    private static func lookupBlob(_ repository: OpaquePointer, _ hex: String, _ oid: inout git_oid) -> OpaquePointer? {
        guard let parsed = self.oid(hex) else { return nil }
        oid = parsed
        var blob: OpaquePointer?
        guard git_blob_lookup(&blob, repository, &oid) == 0 else { return nil }
        return blob
    }

    private static func oid(_ hex: String) -> git_oid? {
        var oid = git_oid()
        return git_oid_fromstrn(&oid, hex, hex.utf8.count) == 0 && hex.utf8.count == 40 ? oid : nil
    }
}

/// A file of a commit's tree: its path and blob id (40 hex).
struct GitBlob: Sendable, Hashable {
    let path: String
    let id: String
}

/// A libgit2 failure with libgit2's own last error message.
struct GitFailure: Error, Sendable, CustomStringConvertible {
    let message: String
    var description: String { message }

    static func check(_ code: Int32, _ what: String) throws(GitFailure) {
        guard code < 0 else { return }
        let detail = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "error \(code)"
        throw GitFailure(message: "\(what): \(detail)")
    }
}

/// libgit2's process-wide initialisation, done once.
enum GitGlobal {
    private static let status: Int32 = git_libgit2_init()

    static func ensureInitialised() throws(GitFailure) {
        guard status > 0 else { throw GitFailure(message: "libgit2 could not be initialised") }
    }

    /// Points libgit2's HTTPS verification at `file` (a PEM bundle); process-wide.
    static func useCABundle(_ file: String) throws(GitFailure) {
        try ensureInitialised()
        try GitFailure.check(CGit2_set_ssl_cert_file(file), "using CA bundle \(file)")
    }
}

private final class BlobCollector {
    var blobs: [GitBlob] = []
}

private func collectBlob(_ root: UnsafePointer<CChar>?, _ entry: OpaquePointer?, _ payload: UnsafeMutableRawPointer?) -> Int32 {
    guard let entry, let payload else { return 0 }
    guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, git_tree_entry_filemode(entry) != GIT_FILEMODE_LINK else { return 0 }
    let collector = Unmanaged<BlobCollector>.fromOpaque(payload).takeUnretainedValue()
    let prefix = root.map { String(cString: $0) } ?? ""
    let name = String(cString: git_tree_entry_name(entry))
    let hex = git_oid_tostr_s(git_tree_entry_id(entry)).map { String(cString: $0) } ?? ""
    collector.blobs.append(GitBlob(path: prefix + name, id: hex))
    return 0
}
