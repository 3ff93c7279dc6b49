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
    }

    /// The `documentsDigest` of `documents`: SHA-256 over each document's group and text as JSON lines.
    public static func digest(of documents: [EvaluationDocument]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = Data()
        for document in documents {
            bytes.append((try? encoder.encode(["language": document.language, "text": document.text])) ?? Data())
            bytes.append(0x0A)
        }
        return Digest.sha256(of: bytes).description
    }

    /// The canonical JSON bytes: sorted keys, no escaped slashes, trailing newline.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Writes `canonicalJSON()` to `url` atomically (temporary file in the same directory, fsync, rename).
    public func write(to url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = try canonicalJSON()
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw EvaluationError.unwritableResults(path: temporary.path, reason: "cannot create a file in that directory")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw EvaluationError.unwritableResults(path: url.path, reason: reason)
            }
        } catch let error as EvaluationError {
            throw error
        } catch {
            throw EvaluationError.unwritableResults(path: url.path, reason: "\(error)")
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
