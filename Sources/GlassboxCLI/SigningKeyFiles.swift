import BaseIO
import Digests
import Foundation
import Verification

/// Reading and writing key files for the keygen/sign/verify commands.
enum SigningKeyFiles {
    /// Writes `bytes` to `url` with `mode`, atomically (`BaseIO.AtomicFile`).
    static func write(_ bytes: [UInt8], to url: URL, mode: mode_t) throws {
        do { try AtomicFile.write(bytes, to: url.path, permissions: mode) } catch {
            throw SigningFailure(message: error.description)
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
