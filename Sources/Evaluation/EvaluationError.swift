/// Everything that can go wrong while evaluating a model; each message names the file or value.
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An evaluation data file could not be read.
    case unreadableData(path: String, reason: String)
    /// A JSON Lines data file has a bad line.
    case malformedLine(path: String, line: Int, reason: String)
    /// No documents to score.
    case noDocuments(String)
    /// An option is out of range.
    case invalidOption(name: String, reason: String)
    /// The results file could not be written.
    case unwritableResults(path: String, reason: String)
    /// The model or tokenizer failed while scoring.
    case scoring(document: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadableData(path, reason):
            "cannot read evaluation data \(path): \(reason)"
        case let .malformedLine(path, line, reason):
            "\(path):\(line): \(reason); each line must be a JSON object {\"language\": \"cs\", \"text\": \"...\"}"
        case let .noDocuments(detail):
            "nothing to evaluate: \(detail)"
        case let .invalidOption(name, reason):
            "invalid evaluation option \(name): \(reason)"
        case let .unwritableResults(path, reason):
            "cannot write \(path): \(reason)"
        case let .scoring(document, reason):
            "scoring \(document) failed: \(reason)"
        }
    }
}
