import Foundation

/// One text to score, with the language (or group) its score is reported under.
public struct EvaluationDocument: Sendable, Equatable, Codable {
    /// Language code (`"cs"`) or group name; scores are summed per group.
    public var language: String
    /// Where the text came from (a source id or file name), for messages.
    public var source: String?
    /// The text.
    public var text: String

    /// A document.
    public init(language: String, source: String? = nil, text: String) {
        self.language = language
        self.source = source
        self.text = text
    }

    /// Reads documents from `url`: JSON Lines (`.jsonl`, one `{"language", "source"?, "text"}` object
    /// a line, as the prepare step writes `eval.jsonl`), or any other file as one document whose group is
    /// the file name.
    public static func load(_ url: URL) throws -> [EvaluationDocument] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EvaluationError.unreadableData(path: url.path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw EvaluationError.unreadableData(path: url.path, reason: "not valid UTF-8")
        }
        guard url.pathExtension == "jsonl" else {
            return [EvaluationDocument(language: url.lastPathComponent, source: url.lastPathComponent, text: text)]
        }
        var documents: [EvaluationDocument] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                documents.append(try JSONDecoder().decode(EvaluationDocument.self, from: Data(line.utf8)))
            } catch {
                throw EvaluationError.malformedLine(path: url.path, line: index + 1, reason: "not a document object")
            }
        }
        return documents
    }
}
