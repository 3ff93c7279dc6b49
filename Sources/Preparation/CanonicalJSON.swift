import Foundation

/// Canonical JSON for hashed artifacts: sorted keys, unescaped slashes, a trailing newline, written
/// atomically (temporary name, fsync, rename).
enum CanonicalJSON {
    static func encode<Value: Encodable>(_ value: Value) throws(PrepareError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch {
            throw .writeFailed(path: "(json)", reason: "encoding failed: \(error)")
        }
    }

    static func write<Value: Encodable>(_ value: Value, to url: URL) throws(PrepareError) {
        let data = try encode(value)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        do {
            try data.write(to: temporary)
            let handle = try FileHandle(forUpdating: temporary)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: url.path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: url.path, reason: String(cString: strerror(errno)))
        }
    }
}
