import BaseIO
import Foundation
import Verification

/// Publishes into a local or mounted directory (`file:///dir`): each file copied to a temporary name
/// beside its final one, fsynced and renamed, in the release's publishing order (checksums and
/// signature last). A file already there with the same SHA-256 is left alone, so a second publish
/// changes nothing and an interrupted one resumes where it stopped. A different file under a release
/// name is replaced only when the `SHA256SUMS` there lists it (an earlier release) or with `--force`.
struct DirectoryTarget {
    /// The destination directory.
    let root: URL

    func publish(_ payload: ReleasePayload, options: PublishOptions, progress: PublishProgress?) throws(PublishError) -> PublishReport {
        var report = PublishReport(target: "file://\(root.path)", kind: "directory", dryRun: options.dryRun)
        let present = payload.files.filter { Self.holds(root.appendingPathComponent($0.path), $0) }.map(\.path)
        let listed = Set(((try? String(contentsOf: root.appendingPathComponent(ChecksumFile.fileName), encoding: .utf8))
            .flatMap { try? ChecksumFile(parsing: $0, path: ChecksumFile.fileName) }?.entries.map(\.path)) ?? [])
        let foreign = payload.files.filter { file in
            !present.contains(file.path) && !listed.contains(file.path) && !ReleasePayload.trailingFiles.contains(file.path)
                && FileManager.default.fileExists(atPath: root.appendingPathComponent(file.path).path)
        }.map(\.path)
        if !foreign.isEmpty, !options.force { throw .wouldReplace(target: report.target, paths: foreign) }
        for file in payload.files {
            let destination = root.appendingPathComponent(file.path)
            if present.contains(file.path) {
                report.skipped.append(file.path)
                progress?.finished(file.path, size: file.size, skipped: true)
                continue
            }
            if !options.dryRun {
                progress?.started(file.path, size: file.size)
                try Self.copy(file, to: destination, progress: progress)
                progress?.finished(file.path, size: file.size, skipped: false)
            }
            report.sent.append(file.path)
            report.bytesSent += file.size
        }
        report.unchanged = report.sent.isEmpty
        return report
    }

    /// Copies one file into place (temporary name, fsync, rename), whatever is there.
    func publish(singleFile file: ReleaseFile, progress: PublishProgress?) throws(PublishError) {
        try Self.copy(file, to: root.appendingPathComponent(file.path), progress: progress)
    }

    /// Whether `url` is a regular file with `file`'s size and digest.
    private static func holds(_ url: URL, _ file: ReleaseFile) -> Bool {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int64(info.st_size) == file.size else { return false }
        return (try? ParallelFileHasher.hashFile(at: url))?.digest == file.digest
    }

    /// Copies to `.<name>.glassbox-upload` in the destination folder, fsyncs, renames into place.
    private static func copy(_ file: ReleaseFile, to destination: URL, progress: PublishProgress?) throws(PublishError) {
        let folder = destination.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).glassbox-upload")
        let input = open(file.url.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .releaseUnreadable(directory: file.url.path, reason: String(cString: strerror(errno))) }
        defer { close(input) }
        let output: AtomicFileWriter
        do { output = try AtomicFileWriter(path: destination.path, temporaryPath: temporary.path) } catch {
            throw .writeFailed(path: temporary.path, reason: error.description)
        }
        try pump(from: input, to: output, path: temporary.path, progress: progress)
        do { try output.commit() } catch { throw .writeFailed(path: destination.path, reason: error.description) }
    }

    private static func pump(from input: Int32, to output: AtomicFileWriter, path: String, progress: PublishProgress?) throws(PublishError) {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total: Int64 = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .releaseUnreadable(directory: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return }
            do { try output.write(Array(buffer[..<count])) } catch {
                throw .writeFailed(path: path, reason: error.description)
            }
            total += Int64(count)
            progress?.advanced(total)
        }
    }
}
