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

    /// JSON string escaping: `"` `\\` and control characters; everything else stays raw UTF-8.
    /// Runs of bytes that need no escape are copied at once.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count && !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            index += 1
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<(index - 1)]))
            appendEscape(byte, into: &output)
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// True when some byte of `word` is below 0x20, `"` or `\\` (SWAR "has zero byte" tests).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        return below | hasQuote | hasBackslash != 0
    }

    static func escape(_ bytes: [UInt8], into output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { escape($0, into: &output) }
    }

    private static func appendEscape(_ byte: UInt8, into output: inout [UInt8]) {
        switch byte {
        case 0x22: output.append(0x5C); output.append(0x22)
        case 0x5C: output.append(0x5C); output.append(0x5C)
        case 0x0A: output.append(0x5C); output.append(UInt8(ascii: "n"))
        case 0x09: output.append(0x5C); output.append(UInt8(ascii: "t"))
        case 0x0D: output.append(0x5C); output.append(UInt8(ascii: "r"))
        default:
            output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
