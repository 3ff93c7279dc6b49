/// One problem found in a recipe: where it is (a key path such as `training.learning_rate`, and for
/// syntax and encoding errors a line and column) and what is wrong with it.
public struct RecipeProblem: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Dotted key path of the offending value (`data.sources[1].uri`); empty for document-level problems.
    public var keyPath: String
    /// What is wrong and, where it helps, what to write instead.
    public var message: String
    /// 1-based line of a syntax or encoding error; nil for problems found after parsing.
    public var line: Int?
    /// 1-based column of a syntax or encoding error; nil for problems found after parsing.
    public var column: Int?

    enum CodingKeys: String, CodingKey {
        case message, line, column
        case keyPath = "key_path"
    }

    /// A problem at `keyPath`.
    public init(keyPath: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.keyPath = keyPath
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line:column: [key.path: ]message` for syntax errors, `key.path: message` otherwise.
    public var description: String {
        if let line {
            return "\(line):\(column ?? 1): " + (keyPath.isEmpty ? "" : "\(keyPath): ") + message
        }
        return keyPath.isEmpty ? message : "\(keyPath): \(message)"
    }

    /// The problem prefixed with the file it was found in (`recipe.toml:3:7: …`, `recipe.toml: key: …`).
    public func described(inFile file: String) -> String {
        line == nil ? "\(file): \(description)" : "\(file):\(description)"
    }
}
