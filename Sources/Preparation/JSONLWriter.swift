import Foundation

/// Writes `{"language":…,"source":…,"text":…}` lines (keys sorted, no escaped slashes, raw UTF-8) to a
/// temporary file next to `destination`, buffered; `commit` fsyncs and renames it into place.
final class JSONLWriter {
    let destination: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var committed = false

    init(destination: URL) throws(PrepareError) {
        self.destination = destination
        temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw .writeFailed(path: temporary.path, reason: "cannot create the file")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 21)
    }

    deinit {
        try? handle.close()
        if !committed { try? FileManager.default.removeItem(at: temporary) }
    }

    /// Appends one document line.
    func write(language: [UInt8], source: [UInt8], text: UnsafeBufferPointer<UInt8>) throws(PrepareError) {
        buffer.append(contentsOf: Self.languagePrefix)
        Self.escape(language, into: &buffer)
        buffer.append(contentsOf: Self.sourcePrefix)
        Self.escape(source, into: &buffer)
        buffer.append(contentsOf: Self.textPrefix)
        Self.escape(text, into: &buffer)
        buffer.append(contentsOf: Self.suffix)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Flushes, fsyncs and renames the file to `destination`.
    func commit() throws(PrepareError) {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw .writeFailed(path: destination.path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, destination.path) == 0 else {
            throw .writeFailed(path: destination.path, reason: String(cString: strerror(errno)))
        }
        committed = true
    }

    private func flush() throws(PrepareError) {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            throw .writeFailed(path: destination.path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static let languagePrefix = Array(#"{"language":""#.utf8)
    private static let sourcePrefix = Array(#"","source":""#.utf8)
    private static let textPrefix = Array(#"","text":""#.utf8)
    private static let suffix = Array("\"}\n".utf8)
    private static let hex = Array("0123456789abcdef".utf8)

    /// JSON string escaping: `"` `\` and control characters; everything else stays raw UTF-8.
    static func escape<Bytes: Collection<UInt8>>(_ bytes: Bytes, into output: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 0x22: output.append(0x5C); output.append(0x22)
            case 0x5C: output.append(0x5C); output.append(0x5C)
            case 0x0A: output.append(0x5C); output.append(UInt8(ascii: "n"))
            case 0x09: output.append(0x5C); output.append(UInt8(ascii: "t"))
            case 0x0D: output.append(0x5C); output.append(UInt8(ascii: "r"))
            case 0..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
    }
}
