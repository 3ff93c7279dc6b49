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
        /// `match`, `mismatch`, `not-available` or `blocked`; after the first divergence `rebuilt-match` /
        /// `rebuilt-differs` (rebuilt from inputs that already differ), or the rebuild's status, or `not-run`; for
        /// the `sign` row: `verified`, `checksums-match`, `failed` or `unsigned`.
        public let result: String
        /// Artifacts that differ (output paths, or release paths for tampered release files); for the
        /// `sign` row, each verification problem.
        public let differing: [String]
        /// A sentence about the result (the `sign` row: who signed, or that authenticity was not checked).
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case step, key, expected, got, result, differing, note
            case expectedKey = "expected_key"
        }
    }

    /// The rows in graph order.
    public let steps: [Row]
    /// The first step whose rebuilt outputs (or release files) differ from the lock, if any.
    public let firstDivergence: String?
    /// True when every step the lock records as built was rebuilt bit for bit and every release file matches.
    public let matched: Bool
    /// The release's class: `rebuilt bit for bit`, or `imported, declared` (weights trained elsewhere).
    public var reproducibility: ReproducibilityClass
    /// False for an imported release: its training was not (and cannot be) re-run.
    public var trainingRerun: Bool { reproducibility == .rebuiltBitForBit }

    enum CodingKeys: String, CodingKey {
        case steps, matched, reproducibility
        case firstDivergence = "first_divergence"
        case trainingRerun = "training_rerun"
    }

    /// A report with every step row of this one.
    public init(steps: [Row], firstDivergence: String?, matched: Bool, reproducibility: ReproducibilityClass = .rebuiltBitForBit) {
        self.steps = steps
        self.firstDivergence = firstDivergence
        self.matched = matched
        self.reproducibility = reproducibility
    }

    /// Decodes a report written by `encode(to:)`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        steps = try c.decode([Row].self, forKey: .steps)
        firstDivergence = try c.decodeIfPresent(String.self, forKey: .firstDivergence)
        matched = try c.decode(Bool.self, forKey: .matched)
        reproducibility = try c.decodeIfPresent(ReproducibilityClass.self, forKey: .reproducibility) ?? .rebuiltBitForBit
    }

    /// Encodes every field, `training_rerun` included.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(steps, forKey: .steps)
        try c.encodeIfPresent(firstDivergence, forKey: .firstDivergence)
        try c.encode(matched, forKey: .matched)
        try c.encode(reproducibility, forKey: .reproducibility)
        try c.encode(trainingRerun, forKey: .trainingRerun)
    }

    /// This report with the `sign` row added last; a `failed` row is a divergence.
    public func appending(_ signature: Row) -> ReproduceReport {
        let failed = signature.result == "failed"
        return ReproduceReport(steps: steps + [signature], firstDivergence: firstDivergence ?? (failed ? signature.step : nil),
                               matched: matched && !failed, reproducibility: reproducibility)
    }
}
