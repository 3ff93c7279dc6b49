import BaseIO

extension LlamaModel {
    /// Writes `path` atomically through `BaseIO.AtomicFile` with the chunks `produce` passes to its
    /// sink; errors become `TransformerError.io` naming the file.
    static func writeAtomically(_ path: String, _ produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws(TransformerError) {
        do {
            try AtomicFile.write(to: path) { writer in try produce { chunk in try writer.write(chunk) } }
        } catch let error as TransformerError {
            throw error
        } catch {
            throw .io(path: path, reason: "\(error)")
        }
    }

    /// Writes `value` as canonical JSON (`BaseIO.CanonicalJSON`) to `path`, atomically.
    static func writeCanonicalJSON<Value: Encodable>(_ value: Value, to path: String) throws(TransformerError) {
        do {
            let bytes = try CanonicalJSON.encode(value)
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw .io(path: path, reason: error.description)
        }
    }
}
