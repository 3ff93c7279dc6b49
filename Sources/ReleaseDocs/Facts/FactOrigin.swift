/// Where a fact in the documents comes from. Glassbox separates what it recorded while building from
/// what the provider declares and from what it computes, so a reader can tell which numbers were
/// measured; a model trained elsewhere (issue #26) adds declared facts without changing this model.
public enum FactOrigin: Sendable, Equatable, Hashable, Codable {
    /// Read from a file a build step wrote (`eval/results.json`), identified by the digest of its bytes.
    case recorded(file: RecordedFile)
    /// A recipe setting the build executed (`training.steps`): what was done, not a claim.
    case configured(key: String)
    /// Stated by the provider in the recipe (`compliance.hardware`); glassbox cannot check it.
    case declared(key: String)
    /// Computed from other facts by the named method.
    case computed(method: String)

    /// `recorded`, `configured`, `declared` or `computed`.
    public var kind: String {
        switch self {
        case .recorded: "recorded"
        case .configured: "configured"
        case .declared: "declared"
        case .computed: "computed"
        }
    }

    /// The file, recipe key or method.
    public var reference: String {
        switch self {
        case let .recorded(file): file.releasePath
        case let .configured(key), let .declared(key): key
        case let .computed(method): method
        }
    }

    enum CodingKeys: String, CodingKey { case kind, source }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(reference, forKey: .source)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let source = try container.decode(String.self, forKey: .source)
        switch kind {
        case "recorded":
            guard let file = RecordedFile(rawValue: source) else {
                throw DecodingError.dataCorruptedError(forKey: .source, in: container, debugDescription: "unknown recorded file \(source)")
            }
            self = .recorded(file: file)
        case "configured": self = .configured(key: source)
        case "declared": self = .declared(key: source)
        default: self = .computed(method: source)
        }
    }
}
