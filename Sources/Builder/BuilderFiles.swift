import BaseIO
import Foundation

/// File-system helpers of the builder, with errors as `BuildError`: atomic writes (through
/// `BaseIO.AtomicFile`), directory creation and removal.
enum BuilderFiles {
    /// Writes `data` to `url` so that readers see the old file or the whole new one, never a part.
    static func writeAtomically(_ data: Data, to url: URL) throws(BuildError) {
        do { try AtomicFile.write([UInt8](data), to: url.path) } catch { throw BuildError.io(path: url.path, reason: error.description) }
    }

    /// Puts the complete directory `staging` at `directory`; an old one is replaced only once the new one is in place.
    static func publishDirectory(_ staging: URL, at directory: URL) throws(BuildError) {
        do { try AtomicDirectory.publish(staging.path, at: directory.path) } catch {
            throw BuildError.io(path: directory.path, reason: error.description)
        }
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
}
