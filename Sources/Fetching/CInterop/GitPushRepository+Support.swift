internal import CGit2
import Foundation

extension GitPushRepository {
    func anonymousRemote(_ url: String) throws(FetchError) -> OpaquePointer? {
        var remote: OpaquePointer?
        try Self.check(git_remote_create_anonymous(&remote, repository(), url), url: url, "connecting")
        return remote
    }

    func tree(ofCommit hex: String) throws(FetchError) -> OpaquePointer? {
        var oid = try Self.oid(hex)
        var commit: OpaquePointer?
        try Self.check(git_commit_lookup(&commit, repository(), &oid), url: "", "looking up commit \(hex)")
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try Self.check(git_commit_tree(&tree, commit), url: "", "reading the tree of \(hex)")
        return tree
    }

    /// Writes the tree of `files` through an in-memory index (no working tree, nothing on disk but objects).
    func writeTree(_ files: [GitTreeFile]) throws(FetchError) -> git_oid {
        var index: OpaquePointer?
        try Self.check(git_index_new(&index), url: "", "creating an index")
        defer { git_index_free(index) }
        for file in files {
            var entry = git_index_entry()
            entry.mode = file.executable ? 0o100755 : 0o100644
            entry.id = try Self.oid(file.blobID)
            let code = file.path.withCString { path -> Int32 in
                entry.path = path
                return git_index_add(index, &entry)
            }
            try Self.check(code, url: "", "adding \(file.path) to the tree")
        }
        var tree = git_oid()
        try Self.check(git_index_write_tree_to(&tree, index, repository()), url: "", "writing the tree")
        return tree
    }

    /// Throws for a negative libgit2 code: HTTP 401/403/404 as `remoteStatus`, a refused credential as 401.
    static func check(_ code: Int32, url: String, _ what: String, payload: CredentialPayload? = nil) throws(FetchError) {
        guard code < 0 else { return }
        let last = git_error_last()
        let detail = last.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "error \(code)"
        if let payload, payload.attempts > 0, code == GIT_EUSER.rawValue || detail.contains("authentication") {
            throw .remoteStatus(url: url, status: 401)
        }
        if let range = detail.range(of: "status code: "), let status = Int(detail[range.upperBound...].prefix(3)) {
            throw .remoteStatus(url: url, status: status)
        }
        let klass = last.map { $0.pointee.klass } ?? 0
        let network = [GIT_ERROR_NET, GIT_ERROR_HTTP, GIT_ERROR_OS].map { Int32($0.rawValue) }.contains(klass)
        throw .transport(url: url, reason: "\(what): \(detail)", retryable: network)
    }

    static func oid(_ hex: String) throws(FetchError) -> git_oid {
        var oid = git_oid()
        guard hex.utf8.count == 40, git_oid_fromstrn(&oid, hex, hex.utf8.count) == 0 else {
            throw .transport(url: "", reason: "'\(hex)' is not a git object id", retryable: false)
        }
        return oid
    }

    static func hex(_ oid: git_oid) -> String {
        var copy = oid
        return git_oid_tostr_s(&copy).map { String(cString: $0) } ?? ""
    }

    static func withStrings(_ strings: [String], _ body: (inout git_strarray) -> Int32) -> Int32 {
        var cStrings = strings.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        return cStrings.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return body(&array)
        }
    }
}

/// What libgit2's callbacks share with `GitPushRepository`: the credential (offered once) and the
/// server's verdict on the pushed reference.
final class CredentialPayload {
    let credentials: (user: String, secret: String)?
    var attempts = 0
    var rejection: String?

    init(_ credentials: (user: String, secret: String)?) { self.credentials = credentials }
}

func gitPushCredentials(
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?, _ url: UnsafePointer<CChar>?,
    _ userFromURL: UnsafePointer<CChar>?, _ allowed: UInt32, _ payload: UnsafeMutableRawPointer?
) -> Int32 {
    guard let payload else { return GIT_EUSER.rawValue }
    let state = Unmanaged<CredentialPayload>.fromOpaque(payload).takeUnretainedValue()
    state.attempts += 1
    guard state.attempts == 1, let credentials = state.credentials,
          allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 else { return GIT_EUSER.rawValue }
    return git_credential_userpass_plaintext_new(out, credentials.user, credentials.secret)
}

func gitPushUpdateReference(_ reference: UnsafePointer<CChar>?, _ status: UnsafePointer<CChar>?, _ payload: UnsafeMutableRawPointer?) -> Int32 {
    guard let payload, let status else { return 0 }
    Unmanaged<CredentialPayload>.fromOpaque(payload).takeUnretainedValue().rejection = String(cString: status)
    return 0
}

final class TreeCollector {
    var files: [GitTreeFile] = []
}

func collectTreeFile(_ root: UnsafePointer<CChar>?, _ entry: OpaquePointer?, _ payload: UnsafeMutableRawPointer?) -> Int32 {
    guard let entry, let payload else { return 0 }
    let mode = git_tree_entry_filemode(entry)
    guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, mode != GIT_FILEMODE_LINK else { return 0 }
    let collector = Unmanaged<TreeCollector>.fromOpaque(payload).takeUnretainedValue()
    let prefix = root.map { String(cString: $0) } ?? ""
    let name = String(cString: git_tree_entry_name(entry))
    let id = git_tree_entry_id(entry).map { GitPushRepository.hex($0.pointee) } ?? ""
    collector.files.append(GitTreeFile(path: prefix + name, blobID: id, executable: mode == GIT_FILEMODE_BLOB_EXECUTABLE))
    return 0
}
