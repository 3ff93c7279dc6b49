import Digests
import Foundation

/// An **unencrypted** minisign secret key, as written by `minisign -G -W`.
///
/// Layout (base64 on the second line): `"Ed"` ‖ KDF algorithm (2, zero = none) ‖ `"B2"` ‖ salt (32) ‖
/// ops limit (8) ‖ mem limit (8) ‖ key id (8) ‖ Ed25519 secret key (seed 32 ‖ public 32) ‖ checksum (32).
/// scrypt-encrypted keys (`Sc`, minisign's default) are refused with a message saying so: Glassbox
/// does not implement scrypt. The key is checked by re-deriving the public half from the seed.
public struct MinisignSecretKey {
    /// The 8-byte key id.
    public let keyID: [UInt8]
    /// The Ed25519 signing key.
    public let signingKey: SigningKey
    /// The matching public key.
    public let publicKey: MinisignPublicKey

    /// Parses the secret key file at `path` (its text).
    public init(parsing text: String, path: String) throws(VerificationError) {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let body = lines.first { !$0.hasPrefix("untrusted comment:") } ?? ""
        guard let raw = Data(base64Encoded: body.trimmingCharacters(in: .whitespaces)).map(Array.init),
            raw.count == 158, raw[0..<2] == [0x45, 0x64][...]
        else { throw .key(path: path, reason: "not a minisign secret key (expected base64 of 158 bytes starting with 'Ed')") }
        guard raw[2] == 0, raw[3] == 0 else {
            throw .key(path: path, reason: "the minisign key is encrypted (scrypt); Glassbox reads keys made with `minisign -G -W` (unencrypted) only")
        }
        keyID = Array(raw[54..<62])
        let seed = Array(raw[62..<94])
        let embeddedPublic = Array(raw[94..<126])
        do {
            signingKey = try SigningKey(ed25519Seed: seed)
            let derived = try signingKey.verifyingKey().ed25519Bytes()
            guard derived == embeddedPublic else {
                throw VerificationError.key(path: path, reason: "the secret key is corrupt (its public half does not match its seed)")
            }
            publicKey = MinisignPublicKey(keyID: keyID, ed25519: derived)
        } catch let error as VerificationError {
            throw error
        } catch {
            throw .key(path: path, reason: "\(error)")
        }
    }
}
