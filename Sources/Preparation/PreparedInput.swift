import Foundation

/// One fetched source handed to the `prepare` step.
public struct PreparedInput: Sendable, Hashable {
    /// The source's identifier (written into every document's `source` field).
    public var id: String
    /// The languages the source declares. With one language every document gets it; with several, a
    /// file gets the first path component of its `name` that equals one of them, else `mul`.
    public var languages: [String]
    /// Whether the source's bytes may be published. When false its text is used for training but
    /// `PrepareSummary.restrictedSources` names it, and only its digests and sizes reach `stats.json`.
    public var redistributable: Bool
    /// The source's licence (SPDX expression), copied into the statistics.
    public var license: String
    /// The source's files, processed in the order of their names.
    public var files: [InputFile]

    /// Creates an input.
    public init(id: String, languages: [String], redistributable: Bool, license: String, files: [InputFile]) {
        self.id = id
        self.languages = languages
        self.redistributable = redistributable
        self.license = license
        self.files = files
    }
}

/// One file of a prepared input.
public struct InputFile: Sendable, Hashable {
    /// A stable relative name (as fetched), used for ordering, language folders and statistics.
    public var name: String
    /// Where the bytes are on this machine (never written into any output).
    public var url: URL

    /// Creates a file reference.
    public init(name: String, url: URL) {
        self.name = name
        self.url = url
    }
}
