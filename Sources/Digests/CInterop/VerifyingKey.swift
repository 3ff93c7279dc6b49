internal import COpenSSL

/// A public key (ECDSA P-256/P-384/P-521 or Ed25519) for checking signatures.
///
/// Read from and written as SubjectPublicKeyInfo (`BEGIN PUBLIC KEY` PEM, or DER), or from the raw
/// 32 bytes of an Ed25519 key (as in minisign public keys).
public final class VerifyingKey {
    let handle: KeyHandle

    /// The key's algorithm.
    public var algorithm: KeyAlgorithm { handle.algorithm }

    /// Reads a `BEGIN PUBLIC KEY` PEM.
    public init(pem: [UInt8]) throws(DigestError) {
        let operation = "reading a PEM public key"
        let key = try KeyHandle.withReadBIO(pem, operation: operation) { PEM_read_bio_PUBKEY($0, nil, nil, nil) }
        guard let key else {
            throw .openSSL(operation: operation, detail: "not a PEM public key (\(KeyHandle.lastError())); expected '-----BEGIN PUBLIC KEY-----'")
        }
        handle = try KeyHandle(key, operation: operation)
    }

    /// Reads a DER SubjectPublicKeyInfo.
    public init(spkiDER der: [UInt8]) throws(DigestError) {
        let operation = "reading a DER public key"
        let key = try KeyHandle.withReadBIO(der, operation: operation) { d2i_PUBKEY_bio($0, nil) }
        guard let key else { throw .openSSL(operation: operation, detail: KeyHandle.lastError()) }
        handle = try KeyHandle(key, operation: operation)
    }

    /// An Ed25519 public key from its 32 raw bytes.
    public init(ed25519 raw: [UInt8]) throws(DigestError) {
        let operation = "loading an Ed25519 public key"
        guard raw.count == 32 else { throw .openSSL(operation: operation, detail: "expected 32 bytes, got \(raw.count)") }
        guard let key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, raw, raw.count) else {
            throw .openSSL(operation: operation, detail: KeyHandle.lastError())
        }
        handle = try KeyHandle(key, operation: operation)
    }

    /// The SubjectPublicKeyInfo DER bytes.
    public func spkiDER() throws(DigestError) -> [UInt8] {
        try KeyHandle.collectBIO(operation: "writing the public key as DER") { i2d_PUBKEY_bio($0, handle.pointer) }
    }

    /// The `-----BEGIN PUBLIC KEY-----` PEM text (64-column base64, trailing newline), exactly as
    /// OpenSSL and Python's `cryptography` write it.
    public func spkiPEM() throws(DigestError) -> String {
        let bytes = try KeyHandle.collectBIO(operation: "writing the public key as PEM") {
            PEM_write_bio_PUBKEY($0, handle.pointer)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The 32 raw bytes of an Ed25519 key; throws for ECDSA keys.
    public func ed25519Bytes() throws(DigestError) -> [UInt8] {
        guard algorithm == .ed25519 else {
            throw .openSSL(operation: "reading the Ed25519 public key", detail: "the key is \(algorithm.rawValue), not Ed25519")
        }
        var raw = [UInt8](repeating: 0, count: 32)
        var length = 32
        guard EVP_PKEY_get_raw_public_key(handle.pointer, &raw, &length) == 1, length == 32 else {
            throw .openSSL(operation: "reading the Ed25519 public key", detail: KeyHandle.lastError())
        }
        return raw
    }

    /// True when `signature` (DER for ECDSA, 64 bytes for Ed25519) is valid for `message` under this key.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context); ERR_clear_error() }
        guard EVP_DigestVerifyInit(context, nil, handle.messageDigest, nil, handle.pointer) == 1 else { return false }
        return EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
    }
}
