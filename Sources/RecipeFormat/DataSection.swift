/// `[data]` and its `[[data.sources]]`: which texts are used and how they are prepared.
public struct DataSection: Codable, Equatable, Sendable {
    /// The sources, in recipe order.
    public var sources: [DataSource]
    /// Unicode normalisation: `nfc` or `none`.
    public var normalization: String
    /// What to do with invalid UTF-8: `replace` (U+FFFD) or `drop` the document.
    public var invalidUTF8: String
    /// How a source is cut into documents: `line`, `paragraph` (blank-line separated) or `file`.
    public var split: String
    /// Deduplication: `exact` (identical documents after normalisation) or `none`.
    public var dedup: String
    /// Documents shorter than this many characters (after normalisation) are dropped.
    public var minDocumentChars: Int
    /// Fraction of documents held out for evaluation, strictly between 0 and 1.
    public var evalFraction: Double
    /// Seed of the train/eval split.
    public var seed: Int

    enum CodingKeys: String, CodingKey {
        case sources, normalization, split, dedup, seed
        case invalidUTF8 = "invalid_utf8"
        case minDocumentChars = "min_document_chars"
        case evalFraction = "eval_fraction"
    }

    static func read(_ reader: TableReader) -> DataSection {
        let sources = reader.tables("sources", required: true).map(DataSource.read)
        let section = DataSection(
            sources: sources,
            normalization: reader.choice("normalization", ["nfc", "none"], default: "nfc"),
            invalidUTF8: reader.choice("invalid_utf8", ["replace", "drop"], default: "replace"),
            split: reader.choice("split", ["line", "paragraph", "file"], default: "paragraph"),
            dedup: reader.choice("dedup", ["exact", "none"], default: "exact"),
            minDocumentChars: reader.int("min_document_chars", in: 0...1_000_000_000) ?? 1,
            evalFraction: reader.double("eval_fraction", [.greaterThan(0), .lessThan(1)]) ?? 0.05,
            seed: reader.int("seed", in: 0...Int.max) ?? 0)
        reader.rejectUnknownKeys()
        if sources.isEmpty, reader.table["sources"] != nil {
            reader.report("sources", "must list at least one source ([[data.sources]])")
        }
        var seen: Set<String> = []
        for (index, source) in sources.enumerated() where !source.id.isEmpty {
            if !seen.insert(source.id).inserted {
                reader.problems.add("data.sources[\(index)].id", "duplicate source id \"\(source.id)\"; ids must be unique")
            }
        }
        return section
    }

    /// Every language named by any source, sorted.
    public var languages: [String] { Array(Set(sources.flatMap(\.languages))).sorted() }
}
