internal import COpenSSL

/// Hashes used by signature formats (not for content digests, which are always SHA-256 `Digest`s).
public enum SigningHash {
    /// BLAKE2b-512 of `bytes` (minisign's prehash), through OpenSSL.
    public static func blake2b512(_ bytes: [UInt8]) throws(DigestError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        guard EVP_Digest(bytes, bytes.count, &out, &length, EVP_blake2b512(), nil) == 1, length == 64 else {
            throw .openSSL(operation: "BLAKE2b-512", detail: KeyHandle.lastError())
        }
        return out
    }
}
