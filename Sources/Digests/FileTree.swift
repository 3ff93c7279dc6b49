#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The regular files under a directory, as sorted relative paths (`a/b.txt`, byte order of their UTF-8).
///
/// The walk does not follow symbolic links: a link, FIFO, socket or device anywhere in the tree is an
/// error naming it, so a manifest always describes exactly the bytes that are in the tree.
public struct FileTree: Sendable {
    /// The directory that was walked, as given.
    public let root: String
    /// Relative paths of every regular file, sorted by their UTF-8 bytes.
    public let relativePaths: [String]

    /// Walks `root` (which must be a directory).
    public init(walking root: String) throws(DigestError) {
        var info = stat()
        guard stat(root, &info) == 0 else { throw DigestError.lastIO("stat", root) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw DigestError.io(path: root, operation: "walk", reason: "Not a directory")
        }
        self.root = root
        var found = [String]()
        try Self.walk(directory: root, prefix: "", into: &found)
        relativePaths = found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// `root` joined with `relativePath` (no doubled `/` when `root` ends with one).
    public func path(of relativePath: String) -> String {
        Self.join(root, relativePath)
    }

    /// Every file's path, `root` joined with each relative path, in the same order.
    public var paths: [String] { relativePaths.map(path(of:)) }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func walk(directory: String, prefix: String, into found: inout [String]) throws(DigestError) {
        for name in try entries(of: directory) {
            let full = join(directory, name)
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { throw DigestError.lastIO("stat", full) }
            switch info.st_mode & S_IFMT {
            case S_IFREG: found.append(relative)
            case S_IFDIR: try walk(directory: full, prefix: relative, into: &found)
            case let type: throw DigestError.unsupportedFileType(path: full, kind: kindName(type))
            }
        }
    }

    private static func entries(of directory: String) throws(DigestError) -> [String] {
        guard let handle = opendir(directory) else { throw DigestError.lastIO("open directory", directory) }
        defer { closedir(handle) }
        var names = [String]()
        while let entry = readdir(handle) {
            let bytes = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if bytes == [46] || bytes == [46, 46] { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                throw DigestError.invalidFileName(path: join(directory, String(decoding: bytes, as: UTF8.self)))
            }
            names.append(name)
        }
        return names
    }

    private static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFLNK: "symbolic link"
        case S_IFIFO: "FIFO"
        case S_IFSOCK: "socket"
        case S_IFCHR: "character device"
        case S_IFBLK: "block device"
        default: "special file"
        }
    }
}
