import Digests
import BaseIO
import Foundation

/// A hidden folder inside the output directory where a multi-file fetch is assembled and checked;
/// only after the check are its files renamed to their real names. Whatever is left is removed.
final class StagingDirectory {
    let url: URL
    private let output: URL
    private let source: String
    private let replacing: Bool

    init(in output: URL, source: String, replacing: Bool = false) throws(FetchError) {
        self.output = output
        self.source = source
        self.replacing = replacing
        url = output.appendingPathComponent(".glassbox-staging-\(UUID().uuidString.prefix(12))")
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw .writeFailed(source: source, path: url.path, reason: error.localizedDescription)
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Moves every file of `files` (paths relative to the staging folder) to the same path in the output.
    /// A file already in the output with other bytes (or a folder in its place) is refused before
    /// anything is renamed, unless `replacing`.
    func publish(_ files: [FetchedFile]) throws(FetchError) {
        if !replacing {
            for file in files where !canPublish(file) {
                throw .outputExists(source: source, path: output.appendingPathComponent(file.path).path)
            }
        }
        for file in files {
            let destination = output.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(
                    at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw .writeFailed(source: source, path: destination.path, reason: error.localizedDescription)
            }
            guard rename(url.appendingPathComponent(file.path).path, destination.path) == 0 else {
                throw .writeFailed(source: source, path: destination.path,
                                   reason: FetchIOError(operation: "rename", path: destination.path).reason)
            }
            AtomicFile.syncDirectory(destination.deletingLastPathComponent().path)
        }
    }

    /// True when nothing is at the file's destination, or a regular file with the same bytes.
    private func canPublish(_ file: FetchedFile) -> Bool {
        let destination = output.appendingPathComponent(file.path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory) else { return true }
        guard !isDirectory.boolValue else { return false }
        return (try? FileHasher.digest(of: destination, source: source)) == file.digest
    }
}
