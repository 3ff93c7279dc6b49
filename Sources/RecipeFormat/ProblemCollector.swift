/// Accumulates every problem found while reading a recipe, so all are reported at once.
final class ProblemCollector {
    private(set) var problems: [RecipeProblem] = []

    /// Records `message` for `keyPath`.
    func add(_ keyPath: String, _ message: String) {
        problems.append(RecipeProblem(keyPath: keyPath, message: message))
    }

    /// Records a syntax or encoding problem at a source position (and the key there, when known).
    func add(line: Int, column: Int, _ message: String, keyPath: String = "") {
        problems.append(RecipeProblem(keyPath: keyPath, message: message, line: line, column: column))
    }

    /// True when nothing has been recorded.
    var isEmpty: Bool { problems.isEmpty }
}
