import Digests
import RecipeFormat

/// `training/import.json`, written by the `import` step: how a release's weights, trained elsewhere,
/// entered it. Each fact is marked by where it comes from: `declared` (the provider's word, from
/// `[training.declared]`), `source` and `verified` (checked by glassbox), `compute` (derived from
/// declared figures, never measured). Canonical JSON, no timestamps.
public struct ImportRecord: Codable, Sendable, Equatable {
    /// Its path inside the release (and inside the step's outputs).
    public static let path = "training/import.json"

    /// One model file copied into the release.
    public struct File: Codable, Sendable, Equatable {
        /// Path inside the release.
        public let path: String
        /// Size in bytes.
        public let size: Int
        /// SHA-256 of its bytes (the bytes as imported: glassbox never rewrites them).
        public let sha256: Digest
    }

    /// Where the weights came from.
    public struct Source: Codable, Sendable, Equatable {
        /// The recipe's `training.weights.uri`.
        public let uri: String
        /// The fetched bytes' digest (a directory or git checkout: its manifest), checked against the
        /// recipe's `sha256` when it names one.
        public let sha256: Digest
        /// For a git location, the commit the files came from.
        public let commit: String?
        /// The model files taken into the release.
        public let files: [File]
    }

    /// What the verification found.
    public struct Verified: Codable, Sendable, Equatable {
        /// Parameters (a tied output head counted once), from the verified config and tensors.
        public let parameters: Int
        /// `config.json` `vocab_size` (embedding rows).
        public let vocabSize: Int
        /// Tokens in `tokenizer.json` (at most `vocab_size`).
        public let tokenizerTokens: Int
        /// The checks that passed, in words.
        public let checks: [String]

        enum CodingKeys: String, CodingKey {
            case parameters, checks
            case vocabSize = "vocab_size"
            case tokenizerTokens = "tokenizer_tokens"
        }
    }

    /// Training compute derived from declared figures.
    public struct Compute: Codable, Sendable, Equatable {
        /// `6 · parameters · tokens_seen` floating-point operations.
        public let estimatedFLOPs: Double
        /// How the figure was obtained, in words.
        public let method: String

        enum CodingKeys: String, CodingKey {
            case method
            case estimatedFLOPs = "estimated_flops"
        }
    }

    /// Lock format of this record.
    public var format = 1
    /// Always `imported, declared`.
    public var reproducibility = ReproducibilityClass.importedDeclared
    /// The provider's declared facts, as written in the recipe.
    public let declared: DeclaredTraining
    /// The weights' origin and the files taken.
    public let source: Source
    /// Fetched files left out of the release (READMEs, optimiser states, other formats).
    public let ignoredFiles: [String]
    /// Release path of the declared run's config file, if one was given.
    public let configFile: String?
    /// The verification's findings.
    public let verified: Verified
    /// Compute from the declared tokens, never measured.
    public let compute: Compute

    enum CodingKeys: String, CodingKey {
        case format, reproducibility, declared, source, verified, compute
        case ignoredFiles = "ignored_files"
        case configFile = "config_file"
    }

    /// A record; the compute estimate is derived from the declared tokens and the verified parameters.
    init(declared: DeclaredTraining, source: Source, ignoredFiles: [String], configFile: String?, verified: ImportVerifier.Findings) {
        self.declared = declared
        self.source = source
        self.ignoredFiles = ignoredFiles
        self.configFile = configFile
        self.verified = Verified(parameters: verified.parameters, vocabSize: verified.vocabSize,
                                 tokenizerTokens: verified.tokenizerTokens, checks: verified.checks)
        compute = Compute(
            estimatedFLOPs: 6 * Double(verified.parameters) * Double(declared.tokensSeen),
            method: "estimated as 6 · N · D from the verified parameter count N and the declared tokens_seen D; not measured")
    }
}
