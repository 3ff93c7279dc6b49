import BaseIO
import Foundation

/// Writes a GGUF file crash-safely (`BaseIO.AtomicFile`: temporary name in the same directory, fsync,
/// rename, fsync of the directory) and by the
/// output rules of every Glassbox command (Docs/cli.md): an existing file is replaced only with
/// `force`; a directory, link or other non-regular file is never replaced; missing folders are created.
public enum GGUFOutput {
    /// Checks that `path` may be written (before any work is done).
    public static func check(_ path: String, force: Bool) throws(GGUFError) {
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                throw .outputExists(path: path, reason: "exists and is not a regular file (a directory or link is never replaced)")
                    .withoutForceHint
            }
            guard force else { throw .outputExists(path: path, reason: "already exists") }
        }
        var ancestor = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: ancestor.path), ancestor.path != "/" {
            ancestor = ancestor.deletingLastPathComponent()
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDir), isDir.boolValue else {
            throw .io(path: path, reason: "cannot be created: \(ancestor.path) is a file, not a folder")
        }
        guard access(ancestor.path, W_OK | X_OK) == 0 else {
            throw .io(path: path, reason: "cannot be written: \(ancestor.path) is not writable; choose another --out-file")
        }
    }

    /// Writes `bytes` to `path` atomically after `check(path, force:)`.
    public static func write(_ bytes: [UInt8], to path: String, force: Bool) throws(GGUFError) {
        try check(path, force: force)
        do { try AtomicFile.write(bytes, to: path) } catch {
            throw .io(path: path, reason: "\(error.description); nothing was replaced")
        }
    }
}

extension GGUFError {
    /// The same error, for cases where `--force` does not help.
    var withoutForceHint: GGUFError {
        if case let .outputExists(path, reason) = self { return .io(path: path, reason: reason + "; choose another --out-file") }
        return self
    }
}
