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
        try CanonicalJSON.write(statistics, to: statsURL)
        var outputs: [String: Digest] = [:]
        for url in [train.destination, eval.destination, statsURL] {
            outputs[url.lastPathComponent] = try Self.digest(of: url)
        }
        return PrepareSummary(
            statistics: statistics, outputs: outputs,
            restrictedSources: sources.filter { !$0.redistributable }.map(\.id))
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
