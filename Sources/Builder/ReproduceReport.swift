import Digests

/// The result of `glassbox reproduce`: each step's expected (lock) and rebuilt outputs.
public struct ReproduceReport: Codable, Sendable {
    /// One row of the step table.
    public struct Row: Codable, Sendable {
        /// Step id.
        public let step: String
        /// Key in the lock.
        public let expectedKey: Digest?
        /// Key of the rebuild.
        public let key: Digest?
        /// Output manifest in the lock.
        public let expected: Digest?
        /// Output manifest of the rebuild.
        public let got: Digest?
        /// `match`, `mismatch`, `not-available`, `blocked` or `not-run` (after the first divergence).
        public let result: String
        /// Artifacts that differ (output paths, or release paths for tampered release files).
        public let differing: [String]

        enum CodingKeys: String, CodingKey {
            case step, key, expected, got, result, differing
            case expectedKey = "expected_key"
        }
    }

    /// The rows in graph order.
    public let steps: [Row]
    /// The first step whose rebuilt outputs (or release files) differ from the lock, if any.
    public let firstDivergence: String?
    /// True when every step the lock records as built was rebuilt bit for bit and every release file matches.
    public let matched: Bool

    enum CodingKeys: String, CodingKey {
        case steps, matched
        case firstDivergence = "first_divergence"
    }
}
