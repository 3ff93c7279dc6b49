internal import COpenSSL
import Foundation

/// SHA-256 fetched from OpenSSL's default provider once per process. `EVP_sha256()` and the one-shot
/// `SHA256()` fetch the implementation on every call, which costs more than hashing a 100-byte
/// document; a fetched `EVP_MD` is immutable and safe to share between threads.
nonisolated(unsafe) private let fetchedSHA256: OpaquePointer? = EVP_MD_fetch(nil, "SHA2-256", nil)

/// Streaming SHA-256 through OpenSSL's EVP interface (SHA-NI/AVX2 code paths).
///
/// Feed bytes with `update`, then call `finalize` once. The EVP context is owned by this class and
/// freed in `deinit`. Not thread-safe: use one hasher per thread.
public final class SHA256Hasher {
    private let context: OpaquePointer
    private var finished = false

    /// Creates a hasher; throws if OpenSSL cannot allocate or initialise a context.
    public init() throws(DigestError) {
        guard let context = EVP_MD_CTX_new() else {
            throw DigestError.openSSL(operation: "EVP_MD_CTX_new", detail: "out of memory")
        }
        guard EVP_DigestInit_ex(context, fetchedSHA256 ?? EVP_sha256(), nil) == 1 else {
            EVP_MD_CTX_free(context)
            throw DigestError.openSSL(operation: "EVP_DigestInit_ex", detail: "SHA-256 is not available")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `buffer` to the running hash.
    public func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        precondition(!finished, "SHA256Hasher.update after finalize")
        EVP_DigestUpdate(context, base, buffer.count)
    }

    /// Adds the bytes of `bytes` to the running hash.
    public func update<Bytes: ContiguousBytes>(_ bytes: Bytes) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Starts over and returns the digest of `buffer` alone, reusing this hasher's OpenSSL context:
    /// cheaper than `Digest.sha256(of:)` when one thread hashes many short inputs (dedup keys).
    public func digest(of buffer: UnsafeRawBufferPointer) -> Digest {
        EVP_DigestInit_ex(context, fetchedSHA256 ?? EVP_sha256(), nil)
        finished = false
        update(buffer)
        return finalize()
    }

    /// Finishes the hash and returns its digest. Call once.
    public func finalize() -> Digest {
        precondition(!finished, "SHA256Hasher.finalize called twice")
        finished = true
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &out, &length)
        return Digest(uncheckedBytes: out)
    }
}

extension Digest {
    /// The SHA-256 digest of `bytes` in memory.
    public static func sha256<Bytes: ContiguousBytes>(of bytes: Bytes) -> Digest {
        var out = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBytes { buffer in
            var length: UInt32 = 0
            let emptyInput: StaticString = ""
            let base = buffer.baseAddress ?? UnsafeRawPointer(emptyInput.utf8Start)
            _ = EVP_Digest(base, buffer.count, &out, &length, fetchedSHA256 ?? EVP_sha256(), nil)
        }
        return Digest(uncheckedBytes: out)
    }

    /// The SHA-256 digest of the UTF-8 bytes of `text`.
    public static func sha256(of text: String) -> Digest {
        sha256(of: Array(text.utf8))
    }

    init(uncheckedBytes: [UInt8]) {
        // Only called with OpenSSL's 32-byte output.
        self.init(bytes: uncheckedBytes)!
    }
}
