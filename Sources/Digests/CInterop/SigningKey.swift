internal import COpenSSL

/// A private signing key (ECDSA P-256/P-384/P-521 or Ed25519) held by OpenSSL.
///
/// Read from PEM (PKCS#8 `BEGIN PRIVATE KEY` / `BEGIN ENCRYPTED PRIVATE KEY`, or SEC1
/// `BEGIN EC PRIVATE KEY`), written as PKCS#8 PEM, optionally encrypted with a passphrase
/// (AES-256-CBC, PBKDF2 — OpenSSL's PKCS#8 defaults). ECDSA signatures are ASN.1 DER.
public final class SigningKey {
    let handle: KeyHandle

    /// The key's algorithm.
    public var algorithm: KeyAlgorithm { handle.algorithm }

    private init(handle: KeyHandle) { self.handle = handle }

    /// A fresh random key (OpenSSL's CSPRNG). Only `.ecdsaP256` and `.ed25519` are generated.
    public static func generate(_ algorithm: KeyAlgorithm) throws(DigestError) -> SigningKey {
        let operation = "generating a \(algorithm.rawValue) key"
        let context: OpaquePointer?
        switch algorithm {
        case .ecdsaP256: context = EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nil)
        case .ed25519: context = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil)
        case .ecdsaP384, .ecdsaP521:
            throw .openSSL(operation: operation, detail: "Glassbox generates P-256 or Ed25519 keys only")
        }
        guard let context else { throw .openSSL(operation: operation, detail: KeyHandle.lastError()) }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1,
            algorithm != .ecdsaP256 || EVP_PKEY_CTX_set_ec_paramgen_curve_nid(context, NID_X9_62_prime256v1) == 1
        else { throw .openSSL(operation: operation, detail: KeyHandle.lastError()) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen(context, &key) == 1, let key else {
            throw .openSSL(operation: operation, detail: KeyHandle.lastError())
        }
        return SigningKey(handle: try KeyHandle(key, operation: operation))
    }

    /// Reads a PEM private key; `passphrase` is required for an encrypted key and never prompted for.
    public init(pem: [UInt8], passphrase: String? = nil) throws(DigestError) {
        let operation = "reading a PEM private key"
        let key: OpaquePointer? = try KeyHandle.withReadBIO(pem, operation: operation) { bio in
            Self.withPassphrase(passphrase) { PEM_read_bio_PrivateKey(bio, nil, Self.passphraseCallback, $0) }
        }
        guard let key else {
            let detail = KeyHandle.lastError()
            let text = String(decoding: pem, as: UTF8.self)
            let encrypted = text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED")
            let hint = !encrypted ? "not a PEM private key (\(detail))"
                : passphrase == nil ? "the key is encrypted; give its passphrase (--passphrase-file)"
                : "wrong passphrase for the encrypted key"
            throw .openSSL(operation: operation, detail: hint)
        }
        handle = try KeyHandle(key, operation: operation)
    }

    /// An Ed25519 key from its 32-byte seed (the first half of a libsodium/minisign secret key).
    public init(ed25519Seed seed: [UInt8]) throws(DigestError) {
        let operation = "loading an Ed25519 secret key"
        guard seed.count == 32 else { throw .openSSL(operation: operation, detail: "seed must be 32 bytes, got \(seed.count)") }
        guard let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else {
            throw .openSSL(operation: operation, detail: KeyHandle.lastError())
        }
        handle = try KeyHandle(key, operation: operation)
    }

    /// The matching public key.
    public func verifyingKey() throws(DigestError) -> VerifyingKey {
        let der = try KeyHandle.collectBIO(operation: "extracting the public key") { i2d_PUBKEY_bio($0, handle.pointer) }
        return try VerifyingKey(spkiDER: der)
    }

    /// The key as PKCS#8 PEM text, encrypted with AES-256-CBC when `passphrase` is given.
    public func pkcs8PEM(passphrase: String? = nil) throws(DigestError) -> String {
        let bytes = try KeyHandle.collectBIO(operation: "writing the private key as PKCS#8 PEM") { bio in
            guard let passphrase else {
                return PEM_write_bio_PKCS8PrivateKey(bio, handle.pointer, nil, nil, 0, nil, nil)
            }
            return passphrase.withCString { text in
                PEM_write_bio_PKCS8PrivateKey(
                    bio, handle.pointer, EVP_aes_256_cbc(), text, Int32(strlen(text)), nil, nil)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Signs `message`: ECDSA with the curve's hash (DER-encoded signature) or pure Ed25519 (64 bytes).
    public func sign(_ message: [UInt8]) throws(DigestError) -> [UInt8] {
        let operation = "signing with the \(algorithm.rawValue) key"
        guard let context = EVP_MD_CTX_new() else { throw .openSSL(operation: operation, detail: "out of memory") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, handle.messageDigest, nil, handle.pointer) == 1 else {
            throw .openSSL(operation: operation, detail: KeyHandle.lastError())
        }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, message, message.count) == 1 else {
            throw .openSSL(operation: operation, detail: KeyHandle.lastError())
        }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else {
            throw .openSSL(operation: operation, detail: KeyHandle.lastError())
        }
        return Array(signature.prefix(length))
    }

    /// The 32-byte seed of an Ed25519 key (for writing minisign secret keys); throws for ECDSA keys.
    public func ed25519Seed() throws(DigestError) -> [UInt8] {
        guard algorithm == .ed25519 else {
            throw .openSSL(operation: "reading the Ed25519 seed", detail: "the key is \(algorithm.rawValue), not Ed25519")
        }
        var seed = [UInt8](repeating: 0, count: 32)
        var length = 32
        guard EVP_PKEY_get_raw_private_key(handle.pointer, &seed, &length) == 1, length == 32 else {
            throw .openSSL(operation: "reading the Ed25519 seed", detail: KeyHandle.lastError())
        }
        return seed
    }

    /// Never prompts: copies the passphrase given through `userData` (a C string), or fails.
    private static let passphraseCallback: @convention(c) (
        UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?
    ) -> Int32 = { buffer, size, _, userData in
        guard let buffer, let userData else { return -1 }
        let text = userData.assumingMemoryBound(to: CChar.self)
        let length = strlen(text)
        guard length <= Int(size) else { return -1 }
        memcpy(buffer, text, length)
        return Int32(length)
    }

    private static func withPassphrase<T>(_ passphrase: String?, _ body: (UnsafeMutableRawPointer?) -> T) -> T {
        guard let passphrase else { return body(nil) }
        var bytes = Array(passphrase.utf8CString)
        defer { for index in bytes.indices { bytes[index] = 0 } }
        return bytes.withUnsafeMutableBytes { body($0.baseAddress) }
    }
}
