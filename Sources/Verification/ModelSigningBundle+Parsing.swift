import Digests
import Foundation

extension ModelSigningBundle {
    /// The outcome of checking the bundle's signature with a public key.
    public enum SignatureCheck: Equatable, Sendable {
        /// The signature is valid for this key.
        case valid
        /// The bundle names another key (its hint differs from this key's).
        case keyMismatch(bundleHint: String, keyHint: String)
        /// The signature does not verify (another key without hint, or the bundle was altered).
        case invalid
    }

    /// Parses and checks the structure of a bundle file: media type, payload type, statement and
    /// predicate types, serialization (`files`, `sha256`) and that the subject digest matches the
    /// resources (model-signing's "manifest is consistent" check). The signature is checked separately.
    public init(parsing bytes: [UInt8], path: String) throws(VerificationError) {
        func fail(_ reason: String) -> VerificationError { .malformedSignature(path: path, reason: reason) }
        let bundle: SigstoreBundle
        do { bundle = try JSONDecoder().decode(SigstoreBundle.self, from: Data(bytes)) } catch {
            throw fail("not a Sigstore bundle JSON (\(Self.describe(error)))")
        }
        guard bundle.mediaType == SigstoreBundle.mediaTypeV03 else {
            throw fail("media type '\(bundle.mediaType)' is not '\(SigstoreBundle.mediaTypeV03)'")
        }
        guard let envelope = bundle.dsseEnvelope else { throw fail("no DSSE envelope (not a model-signing bundle)") }
        guard envelope.payloadType == Self.payloadType else {
            throw fail("payload type '\(envelope.payloadType)' is not '\(Self.payloadType)'")
        }
        guard let first = envelope.signatures.first, let signature = Data(base64Encoded: first.sig),
            let payload = Data(base64Encoded: envelope.payload)
        else { throw fail("missing or non-base64 payload or signature") }
        let statement: ModelSigningStatement
        do { statement = try JSONDecoder().decode(ModelSigningStatement.self, from: payload) } catch {
            throw fail("payload is not a model-signing statement (\(Self.describe(error)))")
        }
        let resources = try Self.checkStatement(statement, fail: fail)
        self.resources = resources
        ignorePaths = statement.predicate.serialization.ignorePaths ?? []
        modelName = statement.subject.first?.name ?? ""
        keyHint = bundle.verificationMaterial?.publicKey?.hint.flatMap { $0.isEmpty ? nil : $0 }
        self.payload = Array(payload)
        self.signature = Array(signature)
    }

    private static func checkStatement(
        _ statement: ModelSigningStatement, fail: (String) -> VerificationError
    ) throws(VerificationError) -> [(path: String, digest: Digest)] {
        guard statement.type == ModelSigningStatement.statementType else { throw fail("statement type '\(statement.type)'") }
        guard statement.predicateType == ModelSigningStatement.predicateType else {
            throw fail("predicate type '\(statement.predicateType)' is not '\(ModelSigningStatement.predicateType)'")
        }
        let serialization = statement.predicate.serialization
        guard serialization.method == "files", serialization.hashType == "sha256" else {
            throw fail("serialization '\(serialization.method)'/'\(serialization.hashType)' is not supported; Glassbox reads 'files'/'sha256'")
        }
        var resources: [(path: String, digest: Digest)] = []
        for resource in statement.predicate.resources {
            guard resource.algorithm == "sha256", let digest = try? Digest(hex: resource.digest) else {
                throw fail("resource '\(resource.name)' has no valid sha256 digest")
            }
            resources.append((resource.name, digest))
        }
        guard statement.subject.count == 1, let root = statement.subject[0].digest["sha256"] else {
            throw fail("expected exactly one subject with a sha256 digest")
        }
        guard root == rootDigest(resources.map(\.digest)).hex else {
            throw fail("manifest is inconsistent: the subject digest does not match the listed file digests")
        }
        return resources
    }

    /// Checks the signature over the payload's PAE with `key`, and the key hint when present.
    public func checkSignature(with key: VerifyingKey) -> SignatureCheck {
        if let keyHint, let expected = try? Self.keyHint(for: key), keyHint != expected {
            return .keyMismatch(bundleHint: keyHint, keyHint: expected)
        }
        return key.isValidSignature(signature, for: Self.pae(payload)) ? .valid : .invalid
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            "missing '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case let DecodingError.dataCorrupted(context):
            context.debugDescription
        default:
            "\(error)"
        }
    }
}
