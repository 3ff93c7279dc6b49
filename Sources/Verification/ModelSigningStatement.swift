/// The in-toto Statement v1 that OpenSSF model-signing (`model_signing`, predicate
/// `https://model_signing/signature/v1.0`) signs: one subject whose digest is the SHA-256 of the
/// concatenated raw file digests, and one resource per file.
struct ModelSigningStatement: Codable, Sendable {
    static let statementType = "https://in-toto.io/Statement/v1"
    static let predicateType = "https://model_signing/signature/v1.0"

    struct Subject: Codable, Sendable {
        let name: String
        let digest: [String: String]
    }

    struct Serialization: Codable, Sendable {
        let method: String
        let hashType: String
        let allowSymlinks: Bool
        let ignorePaths: [String]?

        enum CodingKeys: String, CodingKey {
            case method, hashType = "hash_type", allowSymlinks = "allow_symlinks", ignorePaths = "ignore_paths"
        }
    }

    struct Resource: Codable, Sendable {
        let name: String
        let algorithm: String
        let digest: String
    }

    struct Predicate: Codable, Sendable {
        let serialization: Serialization
        let resources: [Resource]
    }

    let type: String
    let subject: [Subject]
    let predicateType: String
    let predicate: Predicate

    enum CodingKeys: String, CodingKey {
        case type = "_type", subject, predicateType, predicate
    }
}
