import Foundation

/// A hidden folder inside the output directory where a multi-file fetch is assembled and checked;
/// only after the check are its files renamed to their real names. Whatever is left is removed.
final class StagingDirectory {
    let url: URL
    private let output: URL
    private let source: String

    init(in output: URL, source: String) throws(FetchError) {
        self.output = output
        self.source = source
        url = output.appendingPathComponent(".glassbox-staging-\(UUID().uuidString.prefix(12))")
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw .writeFailed(source: source, path: url.path, reason: error.localizedDescription)
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Moves every file of `files` (paths relative to the staging folder) to the same path in the output.
    func publish(_ files: [FetchedFile]) throws(FetchError) {
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
            DirectorySync.sync(destination.deletingLastPathComponent())
        }
    }
}
