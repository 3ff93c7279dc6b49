import Digests

/// What the `prepare` step wrote and counted.
public struct PrepareSummary: Sendable, Hashable {
    /// The statistics written to `stats.json`.
    public var statistics: PrepareStatistics
    /// Output file name (`train.jsonl`, `eval.jsonl`, `stats.json`) → its digest.
    public var outputs: [String: Digest]
    /// Ids of the sources with `redistributable = false` whose text is inside `train.jsonl`/`eval.jsonl`.
    /// When this is not empty those two files must not be published; `stats.json` always may be.
    public var restrictedSources: [String]

    /// The outputs that may be copied into a release: `stats.json` always, and the JSONL files only
    /// when no non-redistributable text is in them.
    public var releasableOutputs: [String] {
        restrictedSources.isEmpty ? ["eval.jsonl", "stats.json", "train.jsonl"] : ["stats.json"]
    }
}
