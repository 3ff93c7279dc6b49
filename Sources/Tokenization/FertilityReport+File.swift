import BaseIO
import Foundation

extension FertilityReport {
    /// Name of the metrics file written next to tokenizer.json.
    public static let fileName = "fertility.json"

    /// Canonical JSON (`BaseIO.CanonicalJSON`: RFC 8785 bytes and a trailing newline), so the bytes
    /// depend on no Foundation version; throws for a non-finite ratio.
    public func canonicalJSON() throws -> Data {
        do { return Data(try CanonicalJSON.encode(self)) } catch {
            throw TokenizerError(.io, "cannot write the fertility report: \(error.description)")
        }
    }

    /// Writes `canonicalJSON()` to `url` atomically (`BaseIO.AtomicFile`).
    public func write(to url: URL) throws {
        try BPETokenizer.writeFile(try canonicalJSON(), to: url)
    }
}
