/// The Sigstore bundle v0.3 JSON that carries a model-signing DSSE envelope (only the fields the key
/// method uses; unknown fields are ignored when reading, as the reference reader does).
struct SigstoreBundle: Codable, Sendable {
    static let mediaTypeV03 = "application/vnd.dev.sigstore.bundle.v0.3+json"

    struct PublicKeyIdentifier: Codable, Sendable {
        let hint: String?
    }

    struct VerificationMaterial: Codable, Sendable {
        let publicKey: PublicKeyIdentifier?
        let tlogEntries: [TransparencyLogEntry]?
    }

    /// Always written empty: key-mode signing uses no transparency log.
    struct TransparencyLogEntry: Codable, Sendable {}

    struct Signature: Codable, Sendable {
        let sig: String
        let keyid: String?
    }

    struct Envelope: Codable, Sendable {
        let payload: String
        let payloadType: String
        let signatures: [Signature]
    }

    let mediaType: String
    let verificationMaterial: VerificationMaterial?
    let dsseEnvelope: Envelope?
}
