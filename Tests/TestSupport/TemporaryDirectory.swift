import Foundation

/// A fresh directory under the system temp folder, removed when the value is released.
/// Shared by the test targets (it is not part of the product).
public final class TemporaryDirectory: @unchecked Sendable {
    /// Absolute path of the directory.
    public let path: String

    /// The directory as a file URL.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// Creates `<tmp>/<prefix><uuid>`.
    public init(prefix: String = "glassbox-test-") throws {
        path = try Self.create(prefix: prefix).path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Creates `<tmp>/<prefix><uuid>` and returns it; the caller removes it (for fixtures that must
    /// outlive the scope that made them).
    public static func create(prefix: String = "glassbox-test-") throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true).appendingPathComponent(prefix + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `url` + `relative`.
    public func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Writes `bytes` to `relative` (creating folders) and returns the full path.
    @discardableResult
    public func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Writes the UTF-8 of `text` to `relative`.
    @discardableResult
    public func write(_ relative: String, text: String) throws -> String {
        try write(relative, Array(text.utf8))
    }

    /// Writes `data` at `relative` (parents created) and returns its URL.
    @discardableResult
    public func write(_ data: Data, to relative: String) throws -> URL {
        URL(fileURLWithPath: try write(relative, [UInt8](data)))
    }

    /// The sorted relative paths of every entry under `relative` (hidden ones included).
    public func listing(_ relative: String) -> [String] {
        (FileManager.default.enumerator(atPath: path(relative).path)?.allObjects as? [String] ?? []).sorted()
    }
}
