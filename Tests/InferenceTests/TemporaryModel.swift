import Foundation
import TestSupport

/// A copy of a fixture model in a fresh temporary directory, removed on deinit.
final class TemporaryModel {
    let url: URL

    init(copying name: String) throws {
        let parent = try TemporaryDirectory.create(prefix: "glassbox-inference-")
        url = parent.appendingPathComponent("model")
        try FileManager.default.copyItem(at: try Goldens.directory(name), to: url)
    }

    deinit { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }

    /// Rewrites config.json through `edit`.
    func editConfig(_ edit: (inout [String: Any]) -> Void) throws {
        let file = url.appendingPathComponent("config.json")
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
        edit(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: file)
    }

    /// Path of a file inside the copy.
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}
