/// How the `prepare` step turns raw source files into documents: a plain mapping of the recipe's `[data]`.
public struct PrepareOptions: Sendable, Hashable, Codable {
    /// Unicode normalisation applied to the decoded text.
    public var normalization: Normalization
    /// What happens to byte sequences that are not valid UTF-8.
    public var invalidUTF8: InvalidUTF8Policy
    /// How text is cut into documents.
    public var split: SplitMode
    /// Whether identical documents are dropped.
    public var dedup: DedupMode
    /// Documents with fewer Unicode scalars than this (after clean-up) are dropped.
    public var minimumDocumentCharacters: Int
    /// The share of documents sent to `eval.jsonl`, in [0, 1).
    public var evalFraction: Double
    /// Seed of the train/eval split.
    public var seed: UInt64

    /// Creates options; the defaults are the recipe format's defaults.
    public init(
        normalization: Normalization = .nfc, invalidUTF8: InvalidUTF8Policy = .replace, split: SplitMode = .line,
        dedup: DedupMode = .exact, minimumDocumentCharacters: Int = 1, evalFraction: Double = 0.05, seed: UInt64 = 0
    ) {
        self.normalization = normalization
        self.invalidUTF8 = invalidUTF8
        self.split = split
        self.dedup = dedup
        self.minimumDocumentCharacters = minimumDocumentCharacters
        self.evalFraction = evalFraction
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey {
        case normalization, split, dedup, seed
        case invalidUTF8 = "invalid_utf8"
        case minimumDocumentCharacters = "min_document_chars"
        case evalFraction = "eval_fraction"
    }
}

/// Unicode normalisation of the text.
public enum Normalization: String, Sendable, Hashable, Codable, CaseIterable {
    /// Canonical composition (NFC).
    case nfc
    /// Text is kept as decoded.
    case none
}

/// Treatment of invalid UTF-8.
public enum InvalidUTF8Policy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Each maximal invalid subsequence becomes one U+FFFD.
    case replace
    /// Invalid bytes are removed.
    case drop
}

/// How text is cut into documents.
public enum SplitMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every non-empty line is a document.
    case line
    /// Runs of non-empty lines separated by blank lines are documents (lines joined by `\n`).
    case paragraph
    /// Each file is one document (paragraphs joined by a blank line).
    case file
}

/// Deduplication.
public enum DedupMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// A document whose exact text was seen before (in any source) is dropped.
    case exact
    /// Every document is kept.
    case none
}
