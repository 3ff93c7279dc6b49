import RecipeFormat

/// One training data source: what the recipe says about it and what `prepare` counted.
public struct SourceFacts: Sendable, Equatable {
    /// Source id.
    public let id: String
    /// Where it was fetched from (`file:`, `https://`, `git+https://…@commit`).
    public let uri: String
    /// Language codes.
    public let languages: [String]
    /// SPDX licence expression of the data.
    public let license: String
    /// Whether its text may be republished.
    public let redistributable: Bool
    /// Whether text-and-data-mining reservations were honoured when it was collected (declared).
    public let tdmOptOutRespected: Bool
    /// The recipe's notes on it.
    public let notes: String
    /// Documents kept after preparation.
    public let documents: Int
    /// UTF-8 bytes kept after preparation.
    public let bytes: Int
    /// Its input files with their SHA-256 digests.
    public let files: [SourceFile]

    /// True for sources fetched from a public network location.
    public var isRemote: Bool { uri.hasPrefix("https://") || uri.hasPrefix("git+https://") }
}

/// An input file of a source as `prepare` read it.
public struct SourceFile: Sendable, Equatable {
    /// Relative name.
    public let name: String
    /// `sha256:<hex>` of its bytes.
    public let sha256: String
    /// Size in bytes.
    public let bytes: Int
}

/// One language of the training data.
public struct LanguageFacts: Sendable, Equatable {
    /// ISO 639 code.
    public let code: String
    /// Documents (training and held-out).
    public let documents: Int
    /// Documents held out for evaluation.
    public let evalDocuments: Int
    /// UTF-8 bytes (training and held-out).
    public let bytes: Int
    /// Share of all bytes, 0…1.
    public let share: Double
}

/// The data side of the release: sources, languages, totals and how the data was prepared.
public struct DataFacts: Sendable, Equatable {
    /// Sources in recipe order.
    public let sources: [SourceFacts]
    /// Languages sorted by code.
    public let languages: [LanguageFacts]
    /// Documents kept.
    public let documents: Int
    /// Documents in the training split.
    public let trainDocuments: Int
    /// Documents held out.
    public let evalDocuments: Int
    /// UTF-8 bytes kept.
    public let bytes: Int
    /// Bytes read before preparation.
    public let inputBytes: Int
    /// Duplicates removed.
    public let removedDuplicates: Int
    /// Too-short documents removed.
    public let removedShort: Int
    /// The `[data]` settings the prepare step ran with.
    public let preparation: DataSection

    init(_ stats: Records.Statistics, recipe: Recipe) {
        sources = recipe.data.sources.map { source in
            let counted = stats.sources[source.id]
            return SourceFacts(
                id: source.id, uri: source.uri, languages: source.languages, license: source.license,
                redistributable: source.redistributable, tdmOptOutRespected: source.tdmOptOutRespected, notes: source.notes,
                documents: counted?.counts.documents ?? 0, bytes: counted?.counts.bytes ?? 0,
                files: (counted?.files ?? []).map { SourceFile(name: $0.name, sha256: $0.sha256, bytes: $0.bytes) })
        }
        let total = max(1, stats.totals.bytes)
        languages = stats.languages.keys.sorted().compactMap { code in
            guard let counts = stats.languages[code] else { return nil }
            return LanguageFacts(code: code, documents: counts.documents, evalDocuments: counts.evalDocuments,
                                 bytes: counts.bytes, share: Double(counts.bytes) / Double(total))
        }
        documents = stats.totals.documents
        trainDocuments = stats.totals.trainDocuments
        evalDocuments = stats.totals.evalDocuments
        bytes = stats.totals.bytes
        inputBytes = stats.totals.inputBytes
        removedDuplicates = stats.totals.removedDuplicates
        removedShort = stats.totals.removedShort
        preparation = recipe.data
    }

    /// Languages the model saw far less of than the others: under half an equal share of the bytes
    /// (relative, so that a small model on evenly sampled data names none and a large one still names its
    /// starved languages). Named in the card's limitations with their byte counts; none for one language.
    public var thinLanguages: [LanguageFacts] { Self.thin(languages) }

    static func thin(_ languages: [LanguageFacts]) -> [LanguageFacts] {
        guard languages.count > 1 else { return [] }
        let equalShare = 1.0 / Double(languages.count)
        return languages.filter { $0.share < equalShare / 2 }
    }
}
