import Digests
import Foundation
import Testing

@testable import Verification

/// minisign keys and signatures; the real `minisign` binary checks Glassbox's signatures when installed.
struct MinisignTests {
    static let minisign = ["/usr/bin/minisign", "/usr/local/bin/minisign"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// An unencrypted minisign secret key file, as `minisign -G -W` writes it, for a fresh key.
    static func secretKeyText() throws -> String {
        let key = try SigningKey.generate(.ed25519)
        let seed = try key.ed25519Seed()
        let publicKey = try key.verifyingKey().ed25519Bytes()
        let keyID: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        let raw = Array("Ed".utf8) + [0, 0] + Array("B2".utf8) + [UInt8](repeating: 0, count: 48)
            + keyID + seed + publicKey + [UInt8](repeating: 0, count: 32)
        return "untrusted comment: minisign encrypted secret key\n" + Data(raw).base64EncodedString() + "\n"
    }

    @Test func signsAndVerifiesItsOwnSignatures() throws {
        let secret = try MinisignSecretKey(parsing: try Self.secretKeyText(), path: "k.key")
        let message = Array("abc  SHA256SUMS\n".utf8)
        let signature = try MinisignSignature(signing: message, with: secret, trustedComment: "file:SHA256SUMS\thashed")
        let reparsed = try MinisignSignature(parsing: signature.render(), path: "x.minisig")
        let publicKey = try MinisignPublicKey(parsing: secret.publicKey.render(), path: "k.pub")
        #expect(reparsed.verify(message, with: publicKey))
        #expect(!reparsed.verify(message + [0], with: publicKey))
        var forged = try MinisignSignature(parsing: signature.render().replacingOccurrences(of: "hashed", with: "hashes"), path: "y")
        #expect(!forged.verify(message, with: publicKey), "the trusted comment is authenticated")
        forged = reparsed
        #expect(forged.keyID == secret.keyID)
    }

    @Test func refusesEncryptedSecretKeys() throws {
        var text = try Self.secretKeyText()
        let lines = text.split(separator: "\n")
        var raw = Array(try #require(Data(base64Encoded: String(lines[1]))))
        raw[2] = UInt8(ascii: "S")
        raw[3] = UInt8(ascii: "c")
        text = String(lines[0]) + "\n" + Data(raw).base64EncodedString() + "\n"
        #expect(throws: VerificationError.self) { try MinisignSecretKey(parsing: text, path: "k.key") }
    }

    @Test(.enabled(if: minisign != nil, "minisign is not installed (make deps installs it)"))
    func realMinisignVerifiesGlassboxSignature() throws {
        let directory = try VerificationFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = try MinisignSecretKey(parsing: try Self.secretKeyText(), path: "k.key")
        let message = Array("hello minisign\n".utf8)
        try Data(message).write(to: directory.appendingPathComponent("SHA256SUMS"))
        let signature = try MinisignSignature(signing: message, with: secret, trustedComment: "file:SHA256SUMS\thashed")
        try VerificationFixtures.write(signature.render(), to: directory.appendingPathComponent("SHA256SUMS.minisig"))
        try VerificationFixtures.write(secret.publicKey.render(), to: directory.appendingPathComponent("k.pub"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.minisign))
        process.arguments = ["-V", "-q", "-p", directory.appendingPathComponent("k.pub").path,
                             "-m", directory.appendingPathComponent("SHA256SUMS").path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
