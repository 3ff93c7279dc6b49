import Digests
import Fetching
import Foundation
import Verification

/// Publishes into a WebDAV folder: each file PUT to a temporary name beside its final one, then MOVEd
/// into place, so a reader never sees half a file under a final name; `SHA256SUMS` and the signature go
/// last. A file is skipped when the server has it with the same size and its digest is known, from the
/// target's `SHA256SUMS` or from this machine's resume journal. A file under a release name that
/// neither lists is not replaced without `--force`; that is checked before anything is sent.
struct WebDAVTarget {
    /// The folder URL, ending with `/`.
    let baseURL: String

    func publish(
        _ payload: ReleasePayload, session: RemoteSession, options: PublishOptions, progress: PublishProgress?
    ) throws(PublishError) -> PublishReport {
        var report = PublishReport(target: baseURL, kind: "webdav", dryRun: options.dryRun)
        let remoteSumsBytes = try fetchSmall(ChecksumFile.fileName, session: session)
        let remoteSums = remoteSumsBytes.flatMap { try? ChecksumFile(parsing: String(decoding: $0, as: UTF8.self), path: ChecksumFile.fileName) }?.digests ?? [:]
        let journal = PublishJournal(directory: options.stateDirectory, target: baseURL)
        var present: Set<String> = []
        var foreign: [String] = []
        for file in payload.files {
            if try isPresent(file, remoteSums: remoteSums, remoteSumsBytes: remoteSumsBytes, journal: journal, session: session) {
                present.insert(file.path)
            } else if remoteSums[file.path] == nil, !journal.knows(file.path), !ReleasePayload.trailingFiles.contains(file.path),
                      try remoteSize(file.path, session: session) != nil {
                foreign.append(file.path)
            }
        }
        if !foreign.isEmpty, !options.force { throw .wouldReplace(target: baseURL, paths: foreign) }
        var folders: Set<String> = []
        for file in payload.files {
            if present.contains(file.path) {
                report.skipped.append(file.path)
                journal.record(file.path, file.digest)
                progress?.finished(file.path, size: file.size, skipped: true)
                continue
            }
            if !options.dryRun {
                progress?.started(file.path, size: file.size)
                try makeFolders(for: file.path, made: &folders, session: session)
                try upload(file, session: session, progress: progress)
                journal.record(file.path, file.digest)
                progress?.finished(file.path, size: file.size, skipped: false)
            }
            report.sent.append(file.path)
            report.bytesSent += file.size
        }
        report.unchanged = report.sent.isEmpty
        return report
    }

    /// `base` + the percent-encoded components of `path`.
    func url(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;?#%")
        let encoded = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
        return baseURL + encoded.joined(separator: "/")
    }

    /// The bytes of a small file at the target, nil when absent.
    private func fetchSmall(_ path: String, session: RemoteSession) throws(PublishError) -> [UInt8]? {
        let response = try session.send(HTTPRequest(method: "GET", url: url(path)), what: "GET")
        switch response.status {
        case 200: return response.body
        case 404, 409, 410: return nil
        default: throw .unexpectedStatus(url: url(path), status: response.status, operation: "GET", detail: session.detail(response))
        }
    }

    private func isPresent(
        _ file: ReleaseFile, remoteSums: [String: Digest], remoteSumsBytes: [UInt8]?, journal: PublishJournal, session: RemoteSession
    ) throws(PublishError) -> Bool {
        if file.path == ChecksumFile.fileName { return remoteSumsBytes.map { Digest.sha256(of: $0) } == file.digest }
        if ReleasePayload.trailingFiles.contains(file.path) {
            return try fetchSmall(file.path, session: session).map { Digest.sha256(of: $0) } == file.digest
        }
        guard remoteSums[file.path] == file.digest || journal.confirmed(file.path, file.digest) else { return false }
        return try remoteSize(file.path, session: session) == file.size
    }

    private func remoteSize(_ path: String, session: RemoteSession) throws(PublishError) -> Int64? {
        let response = try session.send(HTTPRequest(method: "HEAD", url: url(path)), what: "HEAD")
        guard response.status == 200 else { return nil }
        return response.headers["content-length"].flatMap { Int64($0) }
    }

    /// MKCOL for every folder above `path` not made yet (405: it exists already).
    private func makeFolders(for path: String, made: inout Set<String>, session: RemoteSession) throws(PublishError) {
        let components = path.split(separator: "/").dropLast()
        var prefix = ""
        for component in components {
            prefix += component + "/"
            if made.contains(prefix) { continue }
            let target = url(prefix)
            let response = try session.send(HTTPRequest(method: "MKCOL", url: target), what: "MKCOL")
            guard [200, 201, 204, 405].contains(response.status) else {
                throw .unexpectedStatus(url: target, status: response.status, operation: "MKCOL", detail: session.detail(response))
            }
            made.insert(prefix)
        }
    }

    /// PUT to `.<name>.glassbox-upload`, then MOVE onto the final name; the temporary is deleted on failure.
    private func upload(_ file: ReleaseFile, session: RemoteSession, progress: PublishProgress?) throws(PublishError) {
        let final = url(file.path)
        let name = (file.path as NSString).lastPathComponent
        let folder = (file.path as NSString).deletingLastPathComponent
        let temporary = url((folder.isEmpty ? "" : folder + "/") + ".\(name).glassbox-upload")
        var put = HTTPRequest(method: "PUT", url: temporary, body: .file(file.url, size: file.size))
        put.headers = [("Content-Type", "application/octet-stream")]
        do throws(PublishError) {
            let response = try session.send(put, what: "PUT \(file.path)", file: file.path) { progress?.advanced($0) }
            guard [200, 201, 204].contains(response.status) else {
                throw .unexpectedStatus(url: temporary, status: response.status, operation: "PUT", detail: session.detail(response))
            }
            let move = HTTPRequest(method: "MOVE", url: temporary, headers: [("Destination", final), ("Overwrite", "T")])
            let moved = try session.send(move, what: "MOVE \(file.path)", file: file.path)
            if [200, 201, 204].contains(moved.status) { return }
            // A MOVE whose answer was lost and that was sent again finds no source: check the result.
            if moved.status == 404, try remoteSize(file.path, session: session) == file.size { return }
            throw .unexpectedStatus(url: temporary, status: moved.status, operation: "MOVE to \(final)", detail: session.detail(moved))
        } catch {
            _ = try? session.send(HTTPRequest(method: "DELETE", url: temporary), what: "DELETE")
            throw error
        }
    }
}
