/// `[evaluation]`: how the held-out data is scored (bits per byte per language).
public struct EvaluationSection: Codable, Equatable, Sendable {
    /// Window length in tokens; at most `model.context_length` (default: `model.context_length`).
    public var contextLength: Int
    /// Tokens the window advances each time; at most `context_length` (default: `context_length`).
    public var stride: Int
    /// Extra evaluation texts, `file:` paths relative to the recipe, scored separately.
    public var extraFiles: [String]

    enum CodingKeys: String, CodingKey {
        case stride
        case contextLength = "context_length"
        case extraFiles = "extra_files"
    }

    static func read(_ reader: TableReader?, modelContext: Int) -> EvaluationSection {
        guard let reader else {
            return EvaluationSection(contextLength: modelContext, stride: modelContext, extraFiles: [])
        }
        let context = reader.int("context_length", in: 1...1_048_576) ?? modelContext
        let section = EvaluationSection(
            contextLength: context,
            stride: reader.int("stride", in: 1...1_048_576) ?? context,
            extraFiles: reader.strings("extra_files", maxCount: 1_000, maxBytes: 4_096) ?? [])
        reader.rejectUnknownKeys()
        if modelContext > 0, context > modelContext {
            reader.report("context_length", "must be <= model.context_length (\(modelContext)), got \(context)")
        }
        if section.stride > context {
            reader.report("stride", "must be <= evaluation.context_length (\(context)), got \(section.stride)")
        }
        for (index, file) in section.extraFiles.enumerated() {
            if let problem = Self.extraFileProblem(file) { reader.problems.add("evaluation.extra_files[\(index)]", problem) }
        }
        return section
    }

    /// Why `file` cannot be an extra evaluation file: it must be `file:` and a path relative to the recipe
    /// (or to `reproduce --data-dir`) that stays inside that folder — no absolute path, no `..`.
    static func extraFileProblem(_ file: String) -> String? {
        guard file.hasPrefix("file:"), file.count > 5 else {
            return "must be a \"file:relative/path\", got \"\(file.prefix(100))\""
        }
        let path = file.dropFirst("file:".count)
        if path.hasPrefix("/") {
            return "must be relative to the recipe's folder, got the absolute path \"\(path.prefix(100))\"; copy the file next to the recipe"
        }
        if path.split(separator: "/").contains("..") {
            return "must stay inside the recipe's folder, got \"\(path.prefix(100))\" (with ..); copy the file next to the recipe"
        }
        return nil
    }
}
