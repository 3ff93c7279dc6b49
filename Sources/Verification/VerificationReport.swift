/// The result of `ReleaseVerifier.verify`: what was checked and every problem found.
public struct VerificationReport: Codable, Sendable, Equatable {
    /// What the digests were checked against.
    public enum Mode: String, Codable, Sendable {
        /// `model.sig`, with its signature checked against a public key.
        case signature
        /// A `SHA256SUMS` file; authenticity not checked.
        case checksums
        /// `model.sig`'s file list without a key; authenticity not checked.
        case unverifiedBundle = "unverified-bundle"
    }

    /// The directory verified.
    public var directory: String
    /// What the files were checked against.
    public var mode: Mode
    /// True only when a signature was checked and is valid.
    public var authenticated: Bool
    /// A sentence about authenticity (who signed, or that it was not checked).
    public var authenticity: String
    /// Number of files hashed.
    public var filesChecked: Int
    /// Bytes hashed.
    public var bytesHashed: Int
    /// Number of `.safetensors` files checked structurally.
    public var safetensorsChecked: Int
    /// Every problem; empty when the release verifies.
    public var problems: [VerificationProblem]

    /// True when there is no problem.
    public var passed: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey {
        case directory, mode, authenticated, authenticity, filesChecked, bytesHashed, safetensorsChecked, problems, passed
    }

    /// Creates a report.
    public init(directory: String, mode: Mode, authenticated: Bool, authenticity: String, filesChecked: Int,
                bytesHashed: Int, safetensorsChecked: Int, problems: [VerificationProblem]) {
        self.directory = directory
        self.mode = mode
        self.authenticated = authenticated
        self.authenticity = authenticity
        self.filesChecked = filesChecked
        self.bytesHashed = bytesHashed
        self.safetensorsChecked = safetensorsChecked
        self.problems = problems
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        directory = try container.decode(String.self, forKey: .directory)
        mode = try container.decode(Mode.self, forKey: .mode)
        authenticated = try container.decode(Bool.self, forKey: .authenticated)
        authenticity = try container.decode(String.self, forKey: .authenticity)
        filesChecked = try container.decode(Int.self, forKey: .filesChecked)
        bytesHashed = try container.decode(Int.self, forKey: .bytesHashed)
        safetensorsChecked = try container.decode(Int.self, forKey: .safetensorsChecked)
        problems = try container.decode([VerificationProblem].self, forKey: .problems)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(directory, forKey: .directory)
        try container.encode(mode, forKey: .mode)
        try container.encode(authenticated, forKey: .authenticated)
        try container.encode(authenticity, forKey: .authenticity)
        try container.encode(filesChecked, forKey: .filesChecked)
        try container.encode(bytesHashed, forKey: .bytesHashed)
        try container.encode(safetensorsChecked, forKey: .safetensorsChecked)
        try container.encode(problems, forKey: .problems)
        try container.encode(passed, forKey: .passed)
    }
}
