import Digests
import Foundation

/// Fetches the files of one pinned commit: mirrors the remote into the cache (only when the commit is
/// not there yet), reads the commit's tree straight from the object database — the same files a
/// detached checkout of the commit would produce, without a working tree that could drift — and
/// writes the files selected by the glob (and `members`, if any).
struct GitFetch {
    let spec: SourceSpec
    let cache: URL
    let options: FetchOptions

    func fetch(remote: String, commit: String, glob: String, into directory: URL) throws(FetchError) -> FetchedSource {
        let (mirror, lock) = try openMirror(remote)
        defer { withExtendedLifetime(lock) {} }
        if !mirror.hasCommit(commit) {
            do { try mirror.fetch(from: remote) } catch {
                throw .git(source: spec.id, url: remote, reason: error.message)
            }
            guard mirror.hasCommit(commit) else {
                throw .commitNotFound(source: spec.id, url: remote, commit: commit)
            }
        }
        let blobs: [GitBlob]
        do { blobs = try mirror.blobs(ofCommit: commit) } catch {
            throw .git(source: spec.id, url: remote, reason: error.message)
        }
        let globPattern = GlobPattern(glob)
        let members = spec.members.map(GlobPattern.init)
        let staging = try StagingDirectory(in: directory, source: spec.id, replacing: options.replaceExisting)
        var files: [FetchedFile] = []
        for blob in blobs where globPattern.matches(blob.path) && GlobPattern.anyMatches(members, blob.path) {
            guard let path = SafePath.normalised(blob.path) else {
                throw .git(source: spec.id, url: remote, reason: "the tree holds an unsafe path '\(blob.path)'")
            }
            let output = try AtomicOutputFile(relativePath: path, in: staging.url, source: spec.id)
            try mirror.withContents(of: blob) { (bytes) throws(FetchError) in try output.write(bytes) }
            files.append(try output.commit())
        }
        guard !files.isEmpty else { throw .nothingSelected(source: spec.id, patterns: [glob] + spec.members) }
        let result = FetchedSource(digest: Digest.sha256(of: ""), files: files, commit: commit)
        let digest = try result.manifest().digest
        if let expected = spec.sha256, expected != digest {
            throw .digestMismatch(source: spec.id, uri: spec.uri, expected: expected, actual: digest)
        }
        try staging.publish(result.files)
        return FetchedSource(digest: digest, files: result.files, commit: commit)
    }

    private func openMirror(_ remote: String) throws(FetchError) -> (GitMirror, FileLock) {
        let folder = cache.appendingPathComponent("git")
        let path = folder.appendingPathComponent(String(Digest.sha256(of: remote).hex.prefix(32)) + ".git")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let lock = try FileLock(path: path.path + ".lock", source: spec.id)
            if let caBundle = options.caBundle { try GitGlobal.useCABundle(caBundle.path) }
            return (try GitMirror(path: path), lock)
        } catch let error as FetchError {
            throw error
        } catch let error as GitFailure {
            throw .git(source: spec.id, url: remote, reason: error.message)
        } catch {
            throw .writeFailed(source: spec.id, path: path.path, reason: error.localizedDescription)
        }
    }
}

/// Checks relative paths taken from archives and git trees before anything is written.
enum SafePath {
    /// The path with `.` segments and duplicate slashes removed, or nil if it is absolute, empty,
    /// climbs with `..`, or holds a NUL or backslash.
    static func normalised(_ path: String) -> String? {
        guard !path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\") else { return nil }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { return nil }
            segments.append(segment)
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }
}
