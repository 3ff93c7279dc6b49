import Digests
import Foundation

extension FileHasher {
    /// The SHA-256 of the file at `url`, streamed by a fresh `FileHasher`; a failure is
    /// `FetchError.fileUnreadable` naming `source`.
    static func digest(of url: URL, source: String) throws(FetchError) -> Digest {
        do { return try FileHasher().hash(fileAt: url.path).digest } catch {
            throw .fileUnreadable(source: source, path: url.path, reason: error.description)
        }
    }
}
