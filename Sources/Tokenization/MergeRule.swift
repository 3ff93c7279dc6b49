/// One BPE merge: the two tokens (in the byte-level alphabet) that become their concatenation.
public struct MergeRule: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The left token.
    public var left: String
    /// The right token.
    public var right: String

    /// Creates a merge of `left` and `right`.
    public init(_ left: String, _ right: String) {
        self.left = left
        self.right = right
    }

    /// The merged token.
    public var merged: String { left + right }

    /// `"left right"`, the form of older tokenizer.json files.
    public var description: String { "\(left) \(right)" }
}
