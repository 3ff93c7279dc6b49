import Digests

/// One step of the graph as planned from the recipe: what it is and what it reads. Its key also needs
/// the digests of its upstream steps' outputs, so it is computed when those are known (`StepKeyMaterial`).
public struct StepSpec: Sendable, Equatable {
    /// Unique name: `fetch.<source id>`, `prepare`, `tokenizer`, `train`, `evaluate`, `package`, `sign`.
    public let id: String
    /// What the step does.
    public let kind: StepKind
    /// Canonical JSON of the recipe fields this step reads.
    public let config: String
    /// Ids of the steps whose outputs this step reads, in graph order.
    public let upstream: [String]
    /// Digests of local files the step reads directly (a `file:` source's bytes), by name.
    public let localInputs: [String: Digest]

    /// Creates a step.
    public init(id: String, kind: StepKind, config: String, upstream: [String], localInputs: [String: Digest] = [:]) {
        self.id = id
        self.kind = kind
        self.config = config
        self.upstream = upstream
        self.localInputs = localInputs
    }

    /// The key material given the output manifest digest of each upstream step.
    public func keyMaterial(upstreamOutputs: [String: Digest], coreVersion: String) -> StepKeyMaterial {
        var inputs = localInputs
        for id in upstream {
            if let digest = upstreamOutputs[id] { inputs[id] = digest }
        }
        return StepKeyMaterial(kind: kind, config: config, inputs: inputs, coreVersion: coreVersion)
    }
}
