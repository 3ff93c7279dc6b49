/// Special tokens placed around a single encoded sequence (the `single` template of a
/// `TemplateProcessing` post-processor), e.g. a BOS token before the text.
public struct TokenTemplate: Sendable, Equatable, Codable {
    /// Ids placed before the text.
    public var before: [Int]
    /// Ids placed after the text.
    public var after: [Int]

    /// Creates a template from the ids to put before and after the text.
    public init(before: [Int] = [], after: [Int] = []) {
        self.before = before
        self.after = after
    }

    /// Whether the template adds nothing.
    public var isEmpty: Bool { before.isEmpty && after.isEmpty }
}
