import BaseIO
import Foundation

/// Writes `{"language":…,"source":…,"text":…}` lines (keys sorted, strings escaped as canonical JSON
/// by `BaseIO.JSONStringEscaper`) to a temporary file next to `destination`, buffered; `commit` fsyncs
/// and renames it into place (`BaseIO.AtomicFileWriter`).
final class JSONLWriter {
    let destination: URL
    private let file: AtomicFileWriter
    private var buffer: [UInt8] = []

    init(destination: URL) throws(PrepareError) {
        self.destination = destination
        do { file = try AtomicFileWriter(path: destination.path) } catch {
            throw .writeFailed(path: destination.path, reason: error.description)
        }
        buffer.reserveCapacity(1 << 21)
    }

    /// Appends one document line.
    func write(language: [UInt8], source: [UInt8], text: UnsafeBufferPointer<UInt8>) throws(PrepareError) {
        buffer.append(contentsOf: Self.languagePrefix)
        JSONStringEscaper.append(language, to: &buffer)
        buffer.append(contentsOf: Self.sourcePrefix)
        JSONStringEscaper.append(source, to: &buffer)
        buffer.append(contentsOf: Self.textPrefix)
        JSONStringEscaper.append(text, to: &buffer)
        buffer.append(contentsOf: Self.suffix)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Flushes, fsyncs and renames the file to `destination`.
    func commit() throws(PrepareError) {
        try flush()
        do { try file.commit() } catch { throw .writeFailed(path: destination.path, reason: error.description) }
    }

    private func flush() throws(PrepareError) {
        guard !buffer.isEmpty else { return }
        do { try file.write(buffer) } catch { throw .writeFailed(path: destination.path, reason: error.description) }
        buffer.removeAll(keepingCapacity: true)
    }

    private static let languagePrefix = Array(#"{"language":""#.utf8)
    private static let sourcePrefix = Array(#"","source":""#.utf8)
    private static let textPrefix = Array(#"","text":""#.utf8)
    private static let suffix = Array("\"}\n".utf8)
}
