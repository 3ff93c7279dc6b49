import Fetching
import Foundation

/// Uploads objects through the Git LFS batch API (`<repo>.git/info/lfs/objects/batch`) with the basic
/// transfer adapter: one batch call per 100 objects, a PUT for each object the server asks for (none
/// for objects it already has, which is what makes a re-run resume), then the `verify` action when the
/// server gives one.
struct LFSClient {
    static let mediaType = "application/vnd.git-lfs+json"

    /// The LFS endpoint, e.g. `https://host/org/model.git/info/lfs`.
    let endpoint: String
    let session: RemoteSession

    /// The endpoint git-lfs derives from a repository URL (`.git` appended when missing).
    init(repositoryURL: String, session: RemoteSession) {
        var base = repositoryURL
        while base.hasSuffix("/") { base.removeLast() }
        endpoint = (base.hasSuffix(".git") ? base : base + ".git") + "/info/lfs"
        self.session = session
    }

    /// Uploads what the server lacks of `objects`; returns how many objects were sent.
    func upload(_ objects: [ReleaseFile], branch: String, progress: PublishProgress?) throws(PublishError) -> (count: Int, bytes: Int64) {
        var sent = (count: 0, bytes: Int64(0))
        var start = 0
        while start < objects.count {
            let chunk = Array(objects[start..<min(objects.count, start + 100)])
            start += chunk.count
            let answers = try batch(chunk, branch: branch)
            for file in chunk {
                guard let answer = answers[file.digest.hex] else {
                    throw .lfsObjectRefused(url: endpoint, path: file.path, code: 0, message: "the batch answer does not mention this object")
                }
                if let error = answer.error {
                    throw .lfsObjectRefused(url: endpoint, path: file.path, code: error.code, message: session.credentials.redact(error.message))
                }
                guard let upload = answer.actions?.upload else {
                    progress?.finished(file.path, size: file.size, skipped: true)
                    continue
                }
                progress?.started(file.path, size: file.size)
                try put(file, action: upload, progress: progress)
                if let verify = answer.actions?.verify { try self.verify(file, action: verify) }
                progress?.finished(file.path, size: file.size, skipped: false)
                sent.count += 1
                sent.bytes += file.size
            }
        }
        return sent
    }

    private func batch(_ files: [ReleaseFile], branch: String) throws(PublishError) -> [String: LFSBatchResponse.Object] {
        let request = LFSBatchRequest(
            operation: "upload", transfers: ["basic"], ref: .init(name: "refs/heads/\(branch)"),
            objects: files.map { .init(oid: $0.digest.hex, size: $0.size) }, hashAlgo: "sha256")
        let body = (try? JSONEncoder().encode(request)).map(Array.init) ?? []
        let url = endpoint + "/objects/batch"
        let response = try session.send(
            HTTPRequest(method: "POST", url: url, headers: [("Accept", Self.mediaType), ("Content-Type", Self.mediaType)], body: .bytes(body)),
            what: "LFS batch")
        guard response.status == 200 else {
            if [404, 405, 501].contains(response.status) { throw .lfsEndpointMissing(url: url, status: response.status) }
            throw .unexpectedStatus(url: url, status: response.status, operation: "POST (LFS batch)", detail: session.detail(response))
        }
        guard let decoded = try? JSONDecoder().decode(LFSBatchResponse.self, from: Data(response.body)) else {
            throw .unexpectedStatus(url: url, status: response.status, operation: "POST (LFS batch)", detail: "the answer is not a Git LFS batch response")
        }
        if let transfer = decoded.transfer, transfer != "basic" {
            throw .unexpectedStatus(url: url, status: 200, operation: "POST (LFS batch)", detail: "the server chose the '\(transfer)' transfer adapter; Glassbox speaks 'basic'")
        }
        return Dictionary(decoded.objects.map { ($0.oid, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether the git credential goes with an action: not when it brings its own `Authorization`
    /// header, and never to another origin (a storage service the server redirects uploads to).
    private func sendsCredential(_ action: LFSBatchResponse.Action) -> Bool {
        if action.header?.keys.contains(where: { $0.lowercased() == "authorization" }) == true { return false }
        let origin = { (url: String) in URLComponents(string: url).map { [$0.scheme ?? "", $0.host ?? "", "\($0.port ?? 0)"] } }
        return origin(action.href) != nil && origin(action.href) == origin(endpoint)
    }

    private func put(_ file: ReleaseFile, action: LFSBatchResponse.Action, progress: PublishProgress?) throws(PublishError) {
        var request = HTTPRequest(method: "PUT", url: action.href, body: .file(file.url, size: file.size))
        request.headers = [("Content-Type", "application/octet-stream")] + (action.header ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let response = try session.send(
            request, what: "LFS upload of \(file.path)", file: file.path, authenticate: sendsCredential(action)) { progress?.advanced($0) }
        guard (200..<300).contains(response.status) else {
            throw .unexpectedStatus(url: action.href, status: response.status, operation: "PUT (LFS object \(file.path))", detail: session.detail(response))
        }
    }

    private func verify(_ file: ReleaseFile, action: LFSBatchResponse.Action) throws(PublishError) {
        let body = (try? JSONEncoder().encode(LFSBatchRequest.Object(oid: file.digest.hex, size: file.size))).map(Array.init) ?? []
        var request = HTTPRequest(method: "POST", url: action.href, body: .bytes(body))
        request.headers = [("Accept", Self.mediaType), ("Content-Type", Self.mediaType)] + (action.header ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let response = try session.send(request, what: "LFS verify of \(file.path)", file: file.path, authenticate: sendsCredential(action))
        guard (200..<300).contains(response.status) else {
            throw .lfsObjectRefused(url: action.href, path: file.path, code: response.status, message: "the server did not confirm the upload (verify action): \(session.detail(response))")
        }
    }
}
