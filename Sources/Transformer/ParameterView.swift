/// One named tensor inside the model's single parameter buffer.
public struct ParameterView: Sendable, Equatable {
    /// What the tensor is, for weight-decay and initialisation rules.
    public enum Role: String, Sendable {
        /// Token embedding (no weight decay by default; N(0, std) init).
        case embedding
        /// RMSNorm gain (no weight decay by default; initialised to 1).
        case norm
        /// A projection matrix [out, in] (weight decay; N(0, std) init).
        case linear
    }

    /// Hugging Face tensor name, e.g. `model.layers.0.self_attn.q_proj.weight`.
    public let name: String
    /// Shape as in PyTorch ([out_features, in_features] for linear layers).
    public let shape: [Int]
    /// First element in the parameter buffer.
    public let offset: Int
    /// Role of the tensor.
    public let role: Role

    /// Number of elements.
    public var count: Int { shape.reduce(1, *) }

    /// Elements in one row of the first dimension (a vector is one row): how checkpoints are read and
    /// packed, a few rows at a time.
    public var rowLength: Int { shape.count > 1 ? count / max(1, shape[0]) : count }
}
