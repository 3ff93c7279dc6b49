import Digests
import Foundation

/// A minisign public key: `untrusted comment: …` then base64 of `"Ed" ‖ key id (8) ‖ Ed25519 key (32)`.
public struct MinisignPublicKey: Sendable {
    /// The 8-byte key id (shown by minisign as 16 upper-case hex digits, little-endian).
    public let keyID: [UInt8]
    /// The raw Ed25519 public key.
    public let ed25519: [UInt8]

    /// Wraps a key id and raw key.
    public init(keyID: [UInt8], ed25519: [UInt8]) {
        self.keyID = keyID
        self.ed25519 = ed25519
    }

    /// Parses a public key file (`path` is used in messages); a bare base64 line is accepted too.
    public init(parsing text: String, path: String) throws(VerificationError) {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let body = lines.first { !$0.hasPrefix("untrusted comment:") } ?? ""
        guard let raw = Data(base64Encoded: body.trimmingCharacters(in: .whitespaces)), raw.count == 42,
            raw.prefix(2) == Data("Ed".utf8)
        else { throw .key(path: path, reason: "not a minisign public key (expected base64 of 42 bytes starting with 'Ed')") }
        keyID = Array(raw[2..<10])
        ed25519 = Array(raw[10..<42])
    }

    /// minisign's display form of the key id.
    public var keyIDHex: String { keyID.reversed().map { String(format: "%02X", $0) }.joined() }

    /// The public key file's text.
    public func render() -> String {
        "untrusted comment: minisign public key \(keyIDHex)\n"
            + Data(Array("Ed".utf8) + keyID + ed25519).base64EncodedString() + "\n"
    }
}
