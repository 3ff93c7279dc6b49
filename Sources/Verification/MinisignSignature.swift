import Digests
import Foundation

/// A minisign signature file (`.minisig`), prehashed form (`ED`: Ed25519 over BLAKE2b-512 of the
/// file), which `minisign -V` verifies by default.
///
/// Lines: `untrusted comment: …`; base64(`"ED"` ‖ key id ‖ signature(64)); `trusted comment: …`;
/// base64(global signature = Ed25519 over signature ‖ trusted comment). Legacy `Ed` signatures (over
/// the raw file) are verified too.
public struct MinisignSignature: Sendable {
    /// The signature algorithm bytes: `ED` (prehashed) or `Ed` (legacy).
    public let algorithm: [UInt8]
    /// The signer's key id.
    public let keyID: [UInt8]
    /// The Ed25519 signature of the (prehashed) message.
    public let signature: [UInt8]
    /// The trusted (signed) comment.
    public let trustedComment: String
    /// The signature over `signature ‖ trustedComment`.
    public let globalSignature: [UInt8]

    /// Signs `message` with `key` (prehashed), with `trustedComment` (no timestamp unless you add one).
    public init(signing message: [UInt8], with key: MinisignSecretKey, trustedComment: String) throws(VerificationError) {
        do {
            algorithm = Array("ED".utf8)
            keyID = key.keyID
            signature = try key.signingKey.sign(try SigningHash.blake2b512(message))
            self.trustedComment = trustedComment
            globalSignature = try key.signingKey.sign(signature + Array(trustedComment.utf8))
        } catch {
            throw .key(path: "minisign key", reason: error.description)
        }
    }

    /// Parses a `.minisig` file's text.
    public init(parsing text: String, path: String) throws(VerificationError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmingSuffix("\r")) }
        let prefix = "trusted comment: "
        guard lines.count >= 4, lines[0].hasPrefix("untrusted comment:"), lines[2].hasPrefix(prefix),
            let first = Data(base64Encoded: lines[1]), first.count == 74,
            let global = Data(base64Encoded: lines[3]), global.count == 64
        else { throw .malformedSignature(path: path, reason: "not a minisign signature (4 lines: comment, signature, trusted comment, global signature)") }
        algorithm = Array(first[0..<2])
        guard algorithm == Array("ED".utf8) || algorithm == Array("Ed".utf8) else {
            throw .malformedSignature(path: path, reason: "unknown minisign signature algorithm")
        }
        keyID = Array(first[2..<10])
        signature = Array(first[10..<74])
        trustedComment = String(lines[2].dropFirst(prefix.count))
        globalSignature = Array(global)
    }

    /// The file's text.
    public func render() -> String {
        "untrusted comment: signature from glassbox (minisign format)\n"
            + Data(algorithm + keyID + signature).base64EncodedString() + "\n"
            + "trusted comment: \(trustedComment)\n"
            + Data(globalSignature).base64EncodedString() + "\n"
    }

    /// True when both the signature of `message` and the trusted comment verify under `key`.
    public func verify(_ message: [UInt8], with key: MinisignPublicKey) -> Bool {
        guard keyID == key.keyID, let verifier = try? VerifyingKey(ed25519: key.ed25519) else { return false }
        let signed = algorithm == Array("ED".utf8) ? (try? SigningHash.blake2b512(message)) : message
        guard let signed, verifier.isValidSignature(signature, for: signed) else { return false }
        return verifier.isValidSignature(globalSignature, for: signature + Array(trustedComment.utf8))
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ suffix: Character) -> Substring {
        last == suffix ? dropLast() : self
    }
}
