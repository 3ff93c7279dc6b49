import Foundation

/// A fresh directory under the system temp folder, removed when the value is released.
/// Shared by the test targets (it is not part of the product).
public final class TemporaryDirectory: Sendable {
    /// Absolute path of the directory.
    public let path: String

    /// Creates `<tmp>/<prefix><uuid>`.
    public init(prefix: String = "glassbox-test-") throws {
        path = NSTemporaryDirectory() + prefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

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
}
