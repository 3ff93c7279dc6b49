/// How far a release can be reproduced, recorded in its lock and reported by `reproduce`.
public enum ReproducibilityClass: String, Codable, Sendable, Equatable {
    /// Every step, training included, ran on Glassbox's deterministic cores: `reproduce` rebuilds it
    /// bit for bit.
    case rebuiltBitForBit = "rebuilt bit for bit"
    /// The weights were trained elsewhere and imported (`[training] backend = "external"`): their digests
    /// and structure are checked and evaluation re-run, but training cannot be re-run; the training facts
    /// are the provider's declarations.
    case importedDeclared = "imported, declared"

    /// One sentence for reports.
    public var explanation: String {
        switch self {
        case .rebuiltBitForBit:
            "every step, training included, is rebuilt from the recipe and compared bit for bit"
        case .importedDeclared:
            "the weights were trained elsewhere and imported: training was not re-run; the weights' digests and structure are re-checked and evaluation is re-run; the training facts are declared by the provider, not measured"
        }
    }
}
