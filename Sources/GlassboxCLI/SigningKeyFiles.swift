import Digests
import Foundation
import Verification

/// Reading and writing key files for the keygen/sign/verify commands.
enum SigningKeyFiles {
    /// Writes `bytes` to `url` with `mode`: a temporary file in the same directory, fsync, rename.
    static func write(_ bytes: [UInt8], to url: URL, mode: mode_t) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        unlink(temporary.path)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw SigningFailure(message: "cannot create \(url.path): \(String(cString: strerror(errno)))") }
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw SigningFailure(message: "cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// The bytes of `path`, or a failure naming it.
    static func read(_ path: String, what: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SigningFailure(message: "cannot read \(what) \(path): no such file or not readable")
        }
        return Array(data)
    }

    /// A private key from a PEM file, with an optional passphrase file.
    static func privateKey(_ path: String, passphraseFile: String?) throws -> SigningKey {
        let passphrase = try passphraseFile.map { try SigningPassphrase.read($0) }
        do {
            return try SigningKey(pem: try read(path, what: "private key"), passphrase: passphrase)
        } catch let error as DigestError {
            throw SigningFailure(message: "\(path): \(error.description)")
        }
    }

    /// A public key from a PEM file.
    static func publicKey(_ path: String) throws -> VerifyingKey {
        do {
            return try VerifyingKey(pem: try read(path, what: "public key"))
        } catch let error as DigestError {
            throw SigningFailure(message: "\(path): \(error.description)")
        }
    }
}
