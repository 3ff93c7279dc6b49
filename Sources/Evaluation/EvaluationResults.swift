import BaseIO
import Digests
import Foundation

/// Per-language scores of one model: the content of `eval/results.json` (canonical JSON, no
/// timestamps, so the same model and data always give the same bytes).
public struct EvaluationResults: Sendable, Equatable, Codable {
    /// Format version of this file.
    public var format: Int = 1
    /// Tokens per scoring window.
    public var contextLength: Int
    /// Tokens between window starts.
    public var stride: Int
    /// The scoring method, in words.
    public var method: String
    /// One entry per language or group, sorted by name.
    public var languages: [LanguageScore]
    /// All documents of `languages` together (extra files are not counted).
    public var overall: LanguageScore
    /// Extra evaluation files (`[evaluation] extra_files`, or plain-text `eval --data` files), one row per
    /// file, kept apart from the languages; nil when there are none.
    public var extraFiles: [LanguageScore]?
    /// SHA-256 of the scored documents (languages and extra files, in order): two results are comparable
    /// only when it is the same. Nil in results written before it was recorded.
    public var documentsDigest: String?
    /// The same documents scored by each quantized variant of the model (`model-<type>.gguf`), by type
    /// (`q8_0`, `q4_0`, …); nil when the model has none.
    public var variants: [String: EvaluationResults]?

    /// Results from per-language totals (and per-file totals of extra files).
    public init(contextLength: Int, stride: Int, languages: [LanguageScore], extraFiles: [LanguageScore] = [], documentsDigest: String? = nil) {
        self.contextLength = contextLength
        self.stride = stride
        method = Self.methodDescription
        self.extraFiles = extraFiles.isEmpty ? nil : extraFiles.sorted { $0.language < $1.language }
        self.documentsDigest = documentsDigest
        self.languages = languages.sorted { $0.language < $1.language }
        overall = LanguageScore(
            language: "all", documents: languages.reduce(0) { $0 + $1.documents },
            bytes: languages.reduce(0) { $0 + $1.bytes }, tokens: languages.reduce(0) { $0 + $1.tokens },
            negativeLogLikelihood: self.languages.reduce(0) { $0 + $1.negativeLogLikelihood })
    }

    static let methodDescription =
        "sliding-window log-likelihood: prefix token (BOS, else EOS) + document tokens; windows of context_length "
        + "tokens every stride tokens, each token scored once; bits_per_byte = total NLL in bits / UTF-8 bytes"

    enum CodingKeys: String, CodingKey {
        case format, method, languages, overall, stride
        case contextLength = "context_length"
        case extraFiles = "extra_files"
        case documentsDigest = "documents_sha256"
        case variants
    }

    /// The `documentsDigest` of `documents`: SHA-256 over each document's group and text as canonical
    /// JSON lines (`{"language":…,"text":…}` and a line feed each).
    public static func digest(of documents: [EvaluationDocument]) -> String {
        var bytes: [UInt8] = []
        for document in documents {
            bytes += Array("{\"language\":\(CanonicalJSON.quoted(document.language)),\"text\":\(CanonicalJSON.quoted(document.text))}\n".utf8)
        }
        return Digest.sha256(of: bytes).description
    }

    /// The canonical JSON bytes (`BaseIO.CanonicalJSON`: RFC 8785 and a trailing newline).
    public func canonicalJSON() throws -> Data {
        Data(try CanonicalJSON.encode(self))
    }

    /// Writes `canonicalJSON()` to `url` atomically (`BaseIO.AtomicFile`: temporary file in the same
    /// directory, fsync, rename, fsync of the directory).
    public func write(to url: URL) throws {
        do { try AtomicFile.write(try CanonicalJSON.encode(self), to: url.path) } catch {
            throw EvaluationError.unwritableResults(path: url.path, reason: error.description)
        }
    }

    /// Reads results written by `write(to:)`.
    public static func read(_ url: URL) throws -> EvaluationResults {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw EvaluationError.unreadableData(path: url.path, reason: "no such file")
        }
        do {
            return try JSONDecoder().decode(EvaluationResults.self, from: Data(contentsOf: url))
        } catch {
            throw EvaluationError.unreadableData(path: url.path, reason: "not an eval/results.json (\(error.localizedDescription))")
        }
    }
}
