/// One `[[quantize]]` entry: a variant of the trained model built by the `quantize` step as a GGUF
/// file (`model-<type>.gguf` in the release), bit for bit reproducible. Types: Docs/quantization.md.
public struct QuantizeVariant: Codable, Equatable, Sendable {
    /// Encoding of the weight matrices: `q8_0`, `q4_0`, `f16` or `f32`.
    public var type: String

    /// The types a variant may have.
    public static let types = ["q8_0", "q4_0", "f16", "f32"]

    /// A variant of `type`.
    public init(type: String) { self.type = type }

    static func read(_ reader: TableReader) -> QuantizeVariant {
        let type = reader.string("type", required: true, maxBytes: 20) ?? ""
        if reader.table["type"] != nil, !types.contains(type) {
            let allowed = types.map { "\"\($0)\"" }.joined(separator: ", ")
            reader.report("type", "must be one of \(allowed), got \"\(type)\"" + KeySuggestion.hint(for: type, in: types))
        }
        reader.rejectUnknownKeys()
        return QuantizeVariant(type: type)
    }

    /// Block types need matrix rows that are whole 32-weight blocks: every matrix row is `hidden_size`
    /// or `intermediate_size` long (Docs/quantization.md). Found before training, not after.
    static func checkBlocks(_ variants: [QuantizeVariant], model: ModelSection, problems: ProblemCollector) {
        for (index, variant) in variants.enumerated() where variant.type == "q8_0" || variant.type == "q4_0" {
            for (key, width) in [("hidden_size", model.hiddenSize), ("intermediate_size", model.intermediateSize)] where width > 0 && width % 32 != 0 {
                problems.add("quantize[\(index)].type", "\(variant.type) needs model.\(key) to be a multiple of 32 (its 32-weight blocks cannot straddle a row), got \(width); use \"f16\" or change model.\(key)")
            }
        }
    }

    /// Reads `[[quantize]]`; nil when the recipe has none (so recipes without it keep their canonical form).
    static func readAll(_ root: TableReader) -> [QuantizeVariant]? {
        guard root.table["quantize"] != nil else { _ = root.raw("quantize", required: false); return nil }
        let readers = root.tables("quantize", maxCount: 16)
        let variants = readers.map(read)
        var seen: Set<String> = []
        for (index, variant) in variants.enumerated() where !variant.type.isEmpty {
            if !seen.insert(variant.type).inserted {
                root.problems.add("quantize[\(index)].type", "duplicate variant \"\(variant.type)\"; list each type once")
            }
        }
        return variants
    }
}
