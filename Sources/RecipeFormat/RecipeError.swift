/// Everything that can go wrong while reading a recipe; each case names the file and what to do.
public enum RecipeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The recipe was read but has problems; every problem found is listed.
    case invalid(file: String, problems: [RecipeProblem])
    /// The recipe declares a newer `format` than this glassbox understands.
    case unsupportedFormat(file: String, found: Int, supported: Int)
    /// A value could not be written as canonical JSON (a non-finite number).
    case notEncodable(reason: String)

    /// The problems, one per line, each prefixed with the file.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "cannot read recipe \(file): \(reason)"
        case let .invalid(file, problems):
            let noun = problems.count == 1 ? "problem" : "problems"
            let lines = problems.map { $0.described(inFile: file) }
            return "\(file) has \(problems.count) \(noun):\n" + lines.joined(separator: "\n")
        case let .unsupportedFormat(file, found, supported):
            return "\(file) uses recipe format \(found), but this glassbox reads formats up to \(supported); "
                + "upgrade glassbox to build it"
        case let .notEncodable(reason):
            return "cannot write canonical JSON: \(reason)"
        }
    }

    /// The individual problems (one entry for `unreadable` and `unsupportedFormat`).
    public var problems: [RecipeProblem] {
        switch self {
        case let .invalid(_, problems): problems
        case let .unreadable(_, reason): [RecipeProblem(keyPath: "", message: reason)]
        case .unsupportedFormat: [RecipeProblem(keyPath: "format", message: description)]
        case let .notEncodable(reason): [RecipeProblem(keyPath: "", message: reason)]
        }
    }
}
