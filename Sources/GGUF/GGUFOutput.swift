import Foundation

/// Writes a GGUF file crash-safely (temporary name in the same directory, fsync, rename) and by the
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
            throw .io(path: path, reason: "cannot be written: \(ancestor.path) is not writable; choose another --out")
        }
    }

    /// Writes `bytes` to `path` atomically after `check(path, force:)`.
    public static func write(_ bytes: [UInt8], to path: String, force: Bool) throws(GGUFError) {
        try check(path, force: force)
        let parent = (path as NSString).deletingLastPathComponent
        let dir = parent.isEmpty ? "." : parent
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw .io(path: dir, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        let tmp = dir + "/.\((path as NSString).lastPathComponent).tmp-\(getpid())"
        let fd = open(tmp, O_CREAT | O_WRONLY | O_TRUNC | O_EXCL, 0o644)
        guard fd >= 0 else { throw .io(path: tmp, reason: "cannot create (\(String(cString: strerror(errno))))") }
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return fsync(fd) == 0 }
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, base + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return fsync(fd) == 0
        }
        let reason = String(cString: strerror(errno))
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            unlink(tmp)
            throw .io(path: path, reason: "write failed (\(reason)); is the disk full? nothing was replaced")
        }
        let dfd = open(dir, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }
}

extension GGUFError {
    /// The same error, for cases where `--force` does not help.
    var withoutForceHint: GGUFError {
        if case let .outputExists(path, reason) = self { return .io(path: path, reason: reason + "; choose another --out") }
        return self
    }
}
