internal import COpenSSL

/// Owns one OpenSSL `EVP_PKEY` (freed in `deinit`) and holds the helpers every key operation shares:
/// error text, memory BIOs and algorithm detection. Internal to the Digests module.
final class KeyHandle {
    let pointer: OpaquePointer
    let algorithm: KeyAlgorithm

    init(_ pointer: OpaquePointer, operation: String) throws(DigestError) {
        self.pointer = pointer
        do {
            algorithm = try Self.detectAlgorithm(pointer, operation: operation)
        } catch {
            EVP_PKEY_free(pointer)
            throw error
        }
    }

    deinit { EVP_PKEY_free(pointer) }

    /// The message digest ECDSA uses with this key (nil for Ed25519, which hashes internally).
    var messageDigest: OpaquePointer? {
        switch algorithm {
        case .ecdsaP256: EVP_sha256()
        case .ecdsaP384: EVP_sha384()
        case .ecdsaP521: EVP_sha512()
        case .ed25519: nil
        }
    }

    private static func detectAlgorithm(_ key: OpaquePointer, operation: String) throws(DigestError) -> KeyAlgorithm {
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_ED25519:
            return .ed25519
        case EVP_PKEY_EC:
            var name = [CChar](repeating: 0, count: 64)
            var length = 0
            guard EVP_PKEY_get_group_name(key, &name, name.count, &length) == 1 else {
                throw .openSSL(operation: operation, detail: "cannot read the curve of the EC key")
            }
            let curve = String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            switch curve {
            case "prime256v1", "P-256", "secp256r1": return .ecdsaP256
            case "secp384r1", "P-384": return .ecdsaP384
            case "secp521r1", "P-521": return .ecdsaP521
            default:
                throw .openSSL(operation: operation, detail: "unsupported curve \(curve); use P-256 (glassbox keygen)")
            }
        default:
            throw .openSSL(operation: operation, detail: "unsupported key type; use ECDSA P-256 or Ed25519 (glassbox keygen)")
        }
    }

    /// The most recent OpenSSL error queue entry, as text, and clears the queue.
    static func lastError() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return "no detail from OpenSSL" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Runs `body` with a read-only memory BIO over `bytes`.
    static func withReadBIO<T>(
        _ bytes: [UInt8], operation: String, _ body: (OpaquePointer) throws(DigestError) -> T
    ) throws(DigestError) -> T {
        var result: Result<T, DigestError> = .failure(.openSSL(operation: operation, detail: "out of memory"))
        bytes.withUnsafeBytes { raw in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(clamping: raw.count)) else { return }
            defer { BIO_free(bio) }
            do throws(DigestError) { result = .success(try body(bio)) } catch { result = .failure(error) }
        }
        return try result.get()
    }

    /// Runs `write` with a fresh memory BIO and returns everything written to it.
    static func collectBIO(
        operation: String, _ write: (OpaquePointer) -> Int32
    ) throws(DigestError) -> [UInt8] {
        guard let bio = BIO_new(BIO_s_mem()) else { throw .openSSL(operation: operation, detail: "out of memory") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw .openSSL(operation: operation, detail: lastError()) }
        let pending = Int(BIO_ctrl_pending(bio))
        var out = [UInt8](repeating: 0, count: pending)
        let read = out.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32(pending)) }
        guard read == Int32(pending) else { throw .openSSL(operation: operation, detail: "short read from memory BIO") }
        return out
    }
}
