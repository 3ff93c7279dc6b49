import BaseIO
import Digests
import Foundation

/// The `prepare` step: decodes, normalises, cleans, splits, deduplicates and splits train/eval, then
/// writes `train.jsonl`, `eval.jsonl` and `stats.json` atomically into an output directory.
///
/// The output depends only on the options and on the inputs' bytes, ids, languages and file names:
/// sources are processed in the given order, files in byte order of their names, documents in file order.
public struct Preparer: Sendable {
    /// The step's options.
    public let options: PrepareOptions

    /// Creates a preparer.
    public init(options: PrepareOptions = PrepareOptions()) {
        self.options = options
    }

    /// Prepares `sources` into `outputDirectory` (created if needed).
    public func prepare(sources: [PreparedInput], into outputDirectory: URL) throws(PrepareError) -> PrepareSummary {
        try validate(sources)
        do { try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true) } catch {
            throw .writeFailed(path: outputDirectory.path, reason: error.localizedDescription)
        }
        let train = try JSONLWriter(destination: outputDirectory.appendingPathComponent("train.jsonl"))
        let eval = try JSONLWriter(destination: outputDirectory.appendingPathComponent("eval.jsonl"))
        var processor = DocumentProcessor(options: options, train: train, eval: eval)
        var statistics = PrepareStatistics(options: options)
        for source in sources {
            let (counts, files) = try processor.process(source)
            try Self.checkUsable(source, counts: counts.total)
            try Self.checkLanguages(source, perLanguage: counts.perLanguage)
            statistics.sources[source.id] = SourceStatistics(
                languages: source.languages, license: source.license, redistributable: source.redistributable,
                counts: counts.total, files: files)
            for (language, languageCounts) in counts.perLanguage {
                statistics.languages[language, default: DocumentCounts()].add(languageCounts)
            }
            statistics.totals.add(counts.total)
            if !source.redistributable {
                statistics.nonRedistributable.append(RestrictedSource(
                    source: source.id, license: source.license, bytes: files.reduce(0) { $0 + $1.bytes }, files: files))
            }
        }
        try train.commit()
        try eval.commit()
        let statsURL = outputDirectory.appendingPathComponent("stats.json")
        do { try AtomicFile.write(try CanonicalJSON.encode(statistics), to: statsURL.path) } catch {
            throw .writeFailed(path: statsURL.path, reason: error.description)
        }
        var outputs: [String: Digest] = [:]
        for url in [train.destination, eval.destination, statsURL] {
            outputs[url.lastPathComponent] = try Self.digest(of: url)
        }
        return PrepareSummary(
            statistics: statistics, outputs: outputs,
            restrictedSources: sources.filter { !$0.redistributable }.map(\.id))
    }

    /// Share of a source's bytes that may be invalid UTF-8 before it is taken for a binary file.
    static let maximumInvalidShare = 0.10

    /// A source must give text: not be empty, not be mostly invalid UTF-8 (a binary file), and keep at
    /// least one document after cleaning, deduplication and the minimum length.
    static func checkUsable(_ source: PreparedInput, counts: DocumentCounts) throws(PrepareError) {
        if counts.inputBytes == 0 {
            throw .unusableData(source: source.id, reason: "its files are empty (\(source.files.count) file\(source.files.count == 1 ? "" : "s"), 0 bytes)",
                                fix: "point the source at the text, or remove it from the recipe")
        }
        if Double(counts.invalidBytes) > maximumInvalidShare * Double(counts.inputBytes) {
            throw .unusableData(source: source.id, reason: "\(counts.invalidBytes) of its \(counts.inputBytes) bytes are not valid UTF-8 (a binary file, or text in another encoding?)",
                                fix: "convert the text to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8), or remove the source")
        }
        if counts.documents == 0 {
            throw .unusableData(source: source.id, reason: "no document is left after preparation (\(counts.removedShort) too short, \(counts.removedDuplicates) duplicates)",
                                fix: "check the source's text, or lower min_document_chars")
        }
    }

    /// A source with several languages whose files are sorted into language folders must give every
    /// declared language documents (a language without a folder gets none). A source whose files are
    /// not sorted by language at all (its documents are tagged `mul`) is a declared mix and is kept.
    static func checkLanguages(_ source: PreparedInput, perLanguage: [String: DocumentCounts]) throws(PrepareError) {
        guard source.languages.count > 1, (perLanguage["mul"]?.documents ?? 0) == 0 else { return }
        for language in source.languages where (perLanguage[language]?.documents ?? 0) == 0 {
            throw .unusableData(source: source.id, reason: "language '\(language)' has 0 documents after preparation",
                                fix: "put its files under a folder named after it (\(source.id)/\(language)/…), or drop '\(language)' from the source's languages")
        }
    }

    private func validate(_ sources: [PreparedInput]) throws(PrepareError) {
        guard options.evalFraction >= 0, options.evalFraction < 1 else {
            throw .invalidOption(name: "eval_fraction", reason: "\(options.evalFraction) is outside [0, 1)")
        }
        guard options.minimumDocumentCharacters >= 0 else {
            throw .invalidOption(name: "min_document_chars", reason: "must not be negative")
        }
        var ids = Set<String>()
        for source in sources where !ids.insert(source.id).inserted { throw .duplicateSource(source.id) }
    }

    private static func digest(of url: URL) throws(PrepareError) -> Digest {
        do {
            let data = try Data(contentsOf: url, options: .alwaysMapped)
            return Digest.sha256(of: data)
        } catch {
            throw .unreadable(source: "(output)", file: url.path, reason: error.localizedDescription)
        }
    }
}
