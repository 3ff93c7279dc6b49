import BaseIO
import Digests
import Foundation

/// A signature bundle in the OpenSSF model-signing format (`model.sig`), key method.
///
/// Layout: a Sigstore bundle v0.3 (JSON) whose DSSE envelope (payload type
/// `application/vnd.in-toto+json`) signs an in-toto Statement v1 listing every file's SHA-256. The
/// signature is ECDSA over the DSSE pre-authentication encoding (PAE), DER-encoded; the key hint is the
/// hex SHA-256 of the signer's public key as SPKI PEM text. `model_signing verify key` accepts bundles
/// written by `make`, and bundles it writes parse here (see Docs/verification.md).
public struct ModelSigningBundle: Sendable {
    /// The conventional file name, inside the release directory.
    public static let fileName = "model.sig"
    /// The DSSE payload type.
    public static let payloadType = "application/vnd.in-toto+json"

    /// Signed files: relative path → SHA-256, in the bundle's order.
    public let resources: [(path: String, digest: Digest)]
    /// Paths the signer left out (besides files it never saw); relative to the model directory.
    public let ignorePaths: [String]
    /// `subject[0].name`: the model directory's name when signed (informational).
    public let modelName: String
    /// Hex SHA-256 of the signer's SPKI PEM, or nil for bundles without one.
    public let keyHint: String?
    /// The exact signed payload bytes (the statement JSON).
    public let payload: [UInt8]
    /// The signature over `ModelSigningBundle.pae(payload)`.
    public let signature: [UInt8]

    /// DSSE v1 pre-authentication encoding of `payload`.
    public static func pae(_ payload: [UInt8]) -> [UInt8] {
        Array("DSSEv1 \(payloadType.utf8.count) \(payloadType) \(payload.count) ".utf8) + payload
    }

    /// The key hint for `key`: lowercase hex SHA-256 of its SPKI PEM text.
    public static func keyHint(for key: VerifyingKey) throws(DigestError) -> String {
        Digest.sha256(of: try key.spkiPEM()).hex
    }

    /// model-signing's root digest: SHA-256 of the raw file digests concatenated in listed order.
    public static func rootDigest(_ digests: [Digest]) -> Digest {
        Digest.sha256(of: digests.flatMap(\.bytes))
    }

    /// Signs `resources` (already in model-signing order) and returns the bundle file's bytes.
    public static func make(
        resources: [(path: String, digest: Digest)], modelName: String, ignorePaths: [String], key: SigningKey
    ) throws(VerificationError) -> [UInt8] {
        let statement = ModelSigningStatement(
            type: ModelSigningStatement.statementType,
            subject: [.init(name: modelName, digest: ["sha256": rootDigest(resources.map(\.digest)).hex])],
            predicateType: ModelSigningStatement.predicateType,
            predicate: .init(
                serialization: .init(method: "files", hashType: "sha256", allowSymlinks: false, ignorePaths: ignorePaths),
                resources: resources.map { .init(name: $0.path, algorithm: "sha256", digest: $0.digest.hex) }))
        do {
            let payload = Array(try CanonicalJSON.encode(statement).dropLast())
            let signature = try key.sign(pae(payload))
            let bundle = SigstoreBundle(
                mediaType: SigstoreBundle.mediaTypeV03,
                verificationMaterial: .init(publicKey: .init(hint: try keyHint(for: key.verifyingKey())), tlogEntries: []),
                dsseEnvelope: .init(
                    payload: Data(payload).base64EncodedString(), payloadType: payloadType,
                    signatures: [.init(sig: Data(signature).base64EncodedString(), keyid: "")]))
            return try CanonicalJSON.encode(bundle)
        } catch let error as DigestError {
            throw .key(path: "signing key", reason: error.description)
        } catch {
            throw .refused("cannot encode the signature bundle: \(error)")
        }
    }
}
