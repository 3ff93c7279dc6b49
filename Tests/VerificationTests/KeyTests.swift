import Digests
import Foundation
import Testing

/// Keys and signatures through OpenSSL (Digests module).
struct KeyTests {
    @Test(arguments: [KeyAlgorithm.ecdsaP256, .ed25519])
    func signsAndVerifiesAfterPEMRoundTrip(algorithm: KeyAlgorithm) throws {
        let key = try SigningKey.generate(algorithm)
        let message = Array("glassbox".utf8)
        let signature = try key.sign(message)
        let pem = try key.pkcs8PEM()
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let reread = try SigningKey(pem: Array(pem.utf8))
        #expect(reread.algorithm == algorithm)
        let publicPEM = try key.verifyingKey().spkiPEM()
        #expect(publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----\n") && publicPEM.hasSuffix("-----END PUBLIC KEY-----\n"))
        let verifier = try VerifyingKey(pem: Array(publicPEM.utf8))
        #expect(verifier.isValidSignature(signature, for: message))
        #expect(verifier.isValidSignature(try reread.sign(message), for: message))
        #expect(!verifier.isValidSignature(signature, for: Array("glassbox!".utf8)))
        #expect(!verifier.isValidSignature([], for: message))
        if algorithm == .ecdsaP256 {
            #expect(signature.first == 0x30 && signature.count <= 72, "ECDSA signatures are DER")
        } else {
            #expect(signature.count == 64)
        }
    }

    @Test func passphraseProtectedKeys() throws {
        let key = try SigningKey.generate(.ecdsaP256)
        let pem = Array(try key.pkcs8PEM(passphrase: "correct horse").utf8)
        #expect(String(decoding: pem, as: UTF8.self).hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        let reread = try SigningKey(pem: pem, passphrase: "correct horse")
        #expect(try reread.verifyingKey().spkiDER() == key.verifyingKey().spkiDER())
        #expect(throws: DigestError.openSSL(operation: "reading a PEM private key", detail: "wrong passphrase for the encrypted key")) {
            try SigningKey(pem: pem, passphrase: "wrong")
        }
        #expect(throws: DigestError.openSSL(operation: "reading a PEM private key", detail: "the key is encrypted; give its passphrase (--passphrase-file)")) {
            try SigningKey(pem: pem)
        }
    }

    @Test func refusesGarbage() {
        #expect(throws: DigestError.self) { try SigningKey(pem: Array("not a key".utf8)) }
        #expect(throws: DigestError.self) { try VerifyingKey(pem: Array("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n".utf8)) }
        #expect(throws: DigestError.self) { try VerifyingKey(ed25519: [1, 2, 3]) }
    }

    @Test func ed25519RawBytesRoundTrip() throws {
        let key = try SigningKey.generate(.ed25519)
        let seed = try key.ed25519Seed()
        let again = try SigningKey(ed25519Seed: seed)
        let raw = try again.verifyingKey().ed25519Bytes()
        #expect(try key.verifyingKey().ed25519Bytes() == raw)
        #expect(try VerifyingKey(ed25519: raw).isValidSignature(try key.sign([1, 2, 3]), for: [1, 2, 3]))
    }

    @Test func blake2bKnownAnswer() throws {
        // RFC 7693 Appendix A: BLAKE2b-512("abc").
        let hex = try SigningHash.blake2b512(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(hex.hasPrefix("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"))
        #expect(hex.hasSuffix("7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"))
    }
}
