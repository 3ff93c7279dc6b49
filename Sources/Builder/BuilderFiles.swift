#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// File-system helpers of the builder: atomic writes (temporary name, fsync, rename) and removal.
enum BuilderFiles {
    /// Writes `data` to `url` so that readers see the old file or the whole new one, never a part.
    static func writeAtomically(_ data: Data, to url: URL) throws(BuildError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
                throw BuildError.io(path: temporary.path, reason: "cannot create the file")
            }
            try fsyncPath(temporary.path)
            guard rename(temporary.path, url.path) == 0 else {
                throw BuildError.io(path: url.path, reason: String(cString: strerror(errno)))
            }
            try fsyncPath(directory.path)
        } catch let error as BuildError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw BuildError.io(path: url.path, reason: error.localizedDescription)
        }
    }

    /// fsyncs a file or directory by path.
    static func fsyncPath(_ path: String) throws(BuildError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw BuildError.io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw BuildError.io(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Creates `url` (and parents).
    static func makeDirectory(_ url: URL) throws(BuildError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw BuildError.io(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Removes `url` if it exists.
    static func remove(_ url: URL) throws(BuildError) {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw BuildError.io(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Renames `source` to `destination` (same file system).
    static func move(_ source: URL, to destination: URL) throws(BuildError) {
        guard rename(source.path, destination.path) == 0 else {
            throw BuildError.io(path: destination.path, reason: "rename from \(source.path): \(String(cString: strerror(errno)))")
        }
    }
}
