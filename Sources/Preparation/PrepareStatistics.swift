import Digests

/// The content of `stats.json`: counts per language, per source and in total, the options used, and
/// the digests, sizes and licences of non-redistributable inputs. Text never appears here.
public struct PrepareStatistics: Sendable, Hashable, Codable {
    /// Format version of this file.
    public var format = 1
    /// The options the step ran with.
    public var options: PrepareOptions
    /// Counts over everything.
    public var totals = DocumentCounts()
    /// Counts per language code (documents are tagged as `PreparedInput.languages` says).
    public var languages: [String: DocumentCounts] = [:]
    /// Counts and inputs per source id.
    public var sources: [String: SourceStatistics] = [:]
    /// Sources with `redistributable = false`: what an auditor must supply to reproduce.
    public var nonRedistributable: [RestrictedSource] = []

    enum CodingKeys: String, CodingKey {
        case format, options, totals, languages, sources
        case nonRedistributable = "non_redistributable"
    }
}

/// Counters of documents and bytes.
public struct DocumentCounts: Sendable, Hashable, Codable {
    /// Documents kept (train + eval).
    public var documents = 0
    /// Documents in `train.jsonl`.
    public var trainDocuments = 0
    /// Documents in `eval.jsonl`.
    public var evalDocuments = 0
    /// UTF-8 bytes of the kept documents' text.
    public var bytes = 0
    /// Unicode scalars of the kept documents' text.
    public var characters = 0
    /// Documents dropped because the same text came earlier (in this or an earlier source).
    public var removedDuplicates = 0
    /// Documents dropped for being shorter than `min_document_chars`.
    public var removedShort = 0
    /// Bytes of the input that were not valid UTF-8 (replaced or dropped).
    public var invalidBytes = 0
    /// Bytes read from the input files.
    public var inputBytes = 0

    enum CodingKeys: String, CodingKey {
        case documents, bytes, characters
        case trainDocuments = "train_documents"
        case evalDocuments = "eval_documents"
        case removedDuplicates = "removed_duplicates"
        case removedShort = "removed_short"
        case invalidBytes = "invalid_bytes"
        case inputBytes = "input_bytes"
    }

    mutating func add(_ other: DocumentCounts) {
        documents += other.documents
        trainDocuments += other.trainDocuments
        evalDocuments += other.evalDocuments
        bytes += other.bytes
        characters += other.characters
        removedDuplicates += other.removedDuplicates
        removedShort += other.removedShort
        invalidBytes += other.invalidBytes
        inputBytes += other.inputBytes
    }
}

/// One source's entry in `stats.json`.
public struct SourceStatistics: Sendable, Hashable, Codable {
    /// The source's declared languages.
    public var languages: [String]
    /// Its licence.
    public var license: String
    /// Whether its text may be published.
    public var redistributable: Bool
    /// Its counts.
    public var counts: DocumentCounts
    /// Its input files: name, digest and size.
    public var files: [InputFileRecord]
}

/// A non-redistributable source: enough for an auditor to obtain and check the same bytes.
public struct RestrictedSource: Sendable, Hashable, Codable {
    /// The source id.
    public var source: String
    /// Its licence.
    public var license: String
    /// Total bytes of its files.
    public var bytes: Int
    /// Its files with digests.
    public var files: [InputFileRecord]
}

/// An input file: relative name, SHA-256 and size.
public struct InputFileRecord: Sendable, Hashable, Codable {
    /// The file's relative name.
    public var name: String
    /// The SHA-256 of its bytes as read.
    public var sha256: Digest
    /// Its size in bytes.
    public var bytes: Int
}
