import Digests
import Foundation

/// A content-addressed store of immutable objects named by their SHA-256 digest.
///
/// Layout under `root` (default `$GLASSBOX_HOME`, else `~/.cache/glassbox`):
/// `objects/sha256/<first 2 hex>/<64 hex>` (read-only files), `tmp/` (objects being written),
/// `quarantine/` (objects fsck found corrupt). Writes go to `tmp/`, are fsynced, checked and renamed,
/// so a crash never leaves a partial object under a real name, and two processes storing the same
/// object at once both succeed. See Docs/store.md.
public struct ContentStore: Sendable {
    /// The store directory.
    public let root: String

    /// A store at `root`; nothing is created until the first write.
    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// The store named by `GLASSBOX_HOME` in `environment`, else `~/.cache/glassbox`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(root: Self.defaultRoot(environment: environment))
    }

    /// `$GLASSBOX_HOME` when set and not empty, else `$HOME/.cache/glassbox`.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let home = environment["GLASSBOX_HOME"], !home.isEmpty { return home }
        let userHome = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return userHome + "/.cache/glassbox"
    }

    var objectsDirectory: String { root + "/objects/sha256" }
    var temporaryDirectory: String { root + "/tmp" }
    var quarantineDirectory: String { root + "/quarantine" }

    /// Where the object `digest` lives (or would live) in this store.
    public func objectPath(for digest: Digest) -> String {
        let hex = digest.hex
        return objectsDirectory + "/" + hex.prefix(2) + "/" + hex
    }

    /// True when an object with this digest is stored.
    public func has(_ digest: Digest) -> Bool {
        POSIXFile.exists(objectPath(for: digest))
    }

    /// The path of a stored object, for reading (e.g. memory-mapping); throws `.objectNotFound` if absent.
    public func path(for digest: Digest) throws(StoreError) -> String {
        let path = objectPath(for: digest)
        guard POSIXFile.exists(path) else { throw StoreError.objectNotFound(digest, root: root) }
        return path
    }

    /// The bytes of a stored object, checked against its digest (`.corruptObject` if they differ).
    public func get(_ digest: Digest) throws(StoreError) -> Data {
        let path = try path(for: digest)
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw StoreError.io(path: path, operation: "read", reason: "\(error.localizedDescription)")
        }
        let actual = Digest.sha256(of: data)
        guard actual == digest else { throw StoreError.corruptObject(digest, actual: actual, path: path) }
        return data
    }

    /// Every stored object with its size, sorted by digest. Stray files in the object folders are skipped.
    public func list() throws(StoreError) -> [StoredObject] {
        var objects = [StoredObject]()
        for prefix in try POSIXFile.names(in: objectsDirectory) {
            for name in try POSIXFile.names(in: objectsDirectory + "/" + prefix) {
                guard name.hasPrefix(prefix), let digest = try? Digest(hex: name), digest.hex == name else { continue }
                let size = POSIXFile.size(objectPath(for: digest)) ?? 0
                objects.append(StoredObject(digest: digest, size: size))
            }
        }
        return objects.sorted { $0.digest < $1.digest }
    }
}
