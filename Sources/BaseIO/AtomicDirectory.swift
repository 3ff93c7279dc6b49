#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory published whole: filled under a hidden staging name beside its destination, every
/// file and folder in it fsynced, then renamed into place. An existing destination is first renamed
/// aside and removed only after the new directory is in place, so a crash leaves the old directory
/// (possibly under its aside name, `.name.old-…`) or the new one, never a mix.
public enum AtomicDirectory {
    /// Creates an empty hidden directory beside `destination` to fill (parents are created).
    public static func makeStaging(beside destination: String) throws(BaseIOError) -> String {
        try AtomicFile.makeDirectories(AtomicFile.parent(of: destination))
        let path = AtomicFile.temporaryName(beside: destination)
        guard mkdir(path, 0o755) == 0 else { throw AtomicFile.error("create the directory", path) }
        return path
    }

    /// fsyncs everything under `staging` and moves it to `destination` (see the type's guarantees).
    public static func publish(_ staging: String, at destination: String) throws(BaseIOError) {
        try syncTree(staging)
        let parent = AtomicFile.parent(of: destination)
        var aside: String?
        if AtomicFile.exists(destination) {
            if AtomicFile.isDirectory(destination), rmdir(destination) == 0 {
                // An empty directory: nothing to keep.
            } else {
                let old = AtomicFile.temporaryName(beside: destination, tag: "old")
                guard rename(destination, old) == 0 else { throw AtomicFile.error("move aside", destination) }
                aside = old
            }
        }
        guard rename(staging, destination) == 0 else {
            let failure = AtomicFile.error("rename a staging directory onto", destination)
            if let aside { _ = rename(aside, destination) }
            throw failure
        }
        AtomicFile.syncDirectory(parent)
        if let aside { removeTree(aside) }
    }

    /// fsyncs every regular file and directory under `path`, the directory itself last.
    public static func syncTree(_ path: String) throws(BaseIOError) {
        for name in try entries(of: path) {
            let child = path + "/" + name
            if AtomicFile.isDirectory(child) {
                try syncTree(child)
            } else {
                let descriptor = open(child, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { throw AtomicFile.error("open", child) }
                defer { close(descriptor) }
                guard fsync(descriptor) == 0 else { throw AtomicFile.error("fsync", child) }
            }
        }
        AtomicFile.syncDirectory(path)
    }

    /// Removes `path` and everything under it, without following symbolic links; best effort.
    public static func removeTree(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR else { unlink(path); return }
        for name in (try? entries(of: path)) ?? [] { removeTree(path + "/" + name) }
        rmdir(path)
    }

    /// The names in directory `path`, without `.` and `..`, sorted.
    public static func entries(of path: String) throws(BaseIOError) -> [String] {
        guard let directory = opendir(path) else { throw AtomicFile.error("list", path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
