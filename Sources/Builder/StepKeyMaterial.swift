import BaseIO
import Digests
import RecipeFormat

/// Everything a step's output depends on; its canonical JSON's digest is the step's key.
public struct StepKeyMaterial: Codable, Sendable, Equatable {
    /// The step kind.
    public let kind: StepKind
    /// Canonical JSON of the recipe fields the step reads.
    public let config: String
    /// Input name (upstream step id or local file name) → digest.
    public let inputs: [String: Digest]
    /// Version of glassbox's deterministic cores.
    public let coreVersion: String

    /// Creates key material.
    public init(kind: StepKind, config: String, inputs: [String: Digest], coreVersion: String) {
        self.kind = kind
        self.config = config
        self.inputs = inputs
        self.coreVersion = coreVersion
    }

    enum CodingKeys: String, CodingKey {
        case kind, config, inputs
        case coreVersion = "core_version"
    }

    /// The step key: SHA-256 of this material's canonical JSON.
    public func key() throws(BuildError) -> Digest {
        do {
            return Digest.sha256(of: try CanonicalJSON.encode(self))
        } catch {
            throw BuildError.recipe(error.description)
        }
    }
}
