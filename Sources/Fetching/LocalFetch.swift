import Digests
import Foundation

/// Fetches `file:` sources, and installs verified downloads: copies or moves bytes into a staging
/// folder, checks the pinned digest, unpacks archives, then publishes into the output directory.
struct LocalFetch {
    let spec: SourceSpec
    let options: FetchOptions

    private var patterns: [GlobPattern] { spec.members.map(GlobPattern.init) }

    /// Fetches the local file or directory `url`.
    func fetch(_ url: URL, into directory: URL) throws(FetchError) -> FetchedSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .fileUnreadable(source: spec.id, path: url.path, reason: "no such file or directory (relative file: paths are resolved against the recipe's folder)")
        }
        if isDirectory.boolValue { return try fetchDirectory(url, into: directory) }
        if spec.archive != .none {
            let actual = try FileHasher.digest(of: url, source: spec.id)
            try check(actual)
            return try install(verified: url, digest: actual, name: url.lastPathComponent, into: directory, move: false)
        }
        let staging = try StagingDirectory(in: directory, source: spec.id, replacing: options.replaceExisting)
        let file = try copy(url, as: url.lastPathComponent, into: staging.url)
        try check(file.digest)
        try staging.publish([file])
        return FetchedSource(digest: file.digest, files: [file])
    }

    /// Installs the file at `verified` (its digest already checked): unpacks it if the spec names an
    /// archive format, else places it as `name`. With `move`, the file is renamed rather than copied.
    func install(verified: URL, digest: Digest, name: String, into directory: URL, move: Bool = true) throws(FetchError) -> FetchedSource {
        let staging = try StagingDirectory(in: directory, source: spec.id, replacing: options.replaceExisting)
        let files: [FetchedFile]
        if spec.archive == .none {
            let target = staging.url.appendingPathComponent(name)
            if move, rename(verified.path, target.path) == 0 {
                let size = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? NSNumber)??.int64Value ?? 0
                files = [FetchedFile(path: name, size: size, digest: digest)]
            } else {
                files = [try copy(verified, as: name, into: staging.url)]
            }
        } else {
            let extractor = ArchiveExtractor(
                source: spec.id, format: spec.archive, members: patterns, maximumRatio: options.maximumCompressionRatio)
            files = try extractor.extract(verified, into: staging.url)
            guard !files.isEmpty else { throw .nothingSelected(source: spec.id, patterns: spec.members) }
        }
        try staging.publish(files)
        return FetchedSource(digest: digest, files: files)
    }

    private func fetchDirectory(_ root: URL, into directory: URL) throws(FetchError) -> FetchedSource {
        let staging = try StagingDirectory(in: directory, source: spec.id, replacing: options.replaceExisting)
        var files: [FetchedFile] = []
        for relative in try regularFiles(under: root) where GlobPattern.anyMatches(patterns, relative) {
            files.append(try copy(root.appendingPathComponent(relative), as: relative, into: staging.url))
        }
        guard !files.isEmpty else { throw .nothingSelected(source: spec.id, patterns: spec.members) }
        let result = FetchedSource(digest: Digest.sha256(of: ""), files: files)
        let digest = try result.manifest().digest
        try check(digest)
        try staging.publish(result.files)
        return FetchedSource(digest: digest, files: result.files)
    }

    /// Relative paths of the regular files under `root`, sorted; symbolic links are not followed.
    private func regularFiles(under root: URL) throws(FetchError) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            throw .fileUnreadable(source: spec.id, path: root.path, reason: "cannot list the folder")
        }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if type == .typeRegular { paths.append(relative) }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private func copy(_ url: URL, as relative: String, into folder: URL) throws(FetchError) -> FetchedFile {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch {
            throw .fileUnreadable(source: spec.id, path: url.path, reason: error.localizedDescription)
        }
        defer { try? handle.close() }
        let output = try AtomicOutputFile(relativePath: relative, in: folder, source: spec.id)
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw .fileUnreadable(source: spec.id, path: url.path, reason: error.localizedDescription)
            }
            guard let chunk, !chunk.isEmpty else { break }
            try output.write(chunk)
        }
        return try output.commit()
    }

    private func check(_ actual: Digest) throws(FetchError) {
        if let expected = spec.sha256, expected != actual {
            throw .digestMismatch(source: spec.id, uri: spec.uri, expected: expected, actual: actual)
        }
    }
}
