import ArgumentParser
import Digests
import Foundation

/// `glassbox keygen`: a signing key pair, private key 0600 PKCS#8 PEM, public key SPKI PEM.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create a signing key pair (ECDSA P-256 by default) for `glassbox sign`.",
        discussion: """
            Writes NAME.pem (private key, PKCS#8 PEM, mode 0600) and NAME.pub (public key, \
            SubjectPublicKeyInfo PEM). Publish NAME.pub; keep NAME.pem secret. P-256 keys are what \
            OpenSSF model-signing (`model_signing verify key`) accepts; Ed25519 keys are not accepted \
            by it and cannot sign model.sig.

            Examples:
              glassbox keygen --name release-key
              glassbox keygen --name release-key --passphrase-file pass.txt
            """)

    @Option(name: .long, help: ArgumentHelp("Base name of the key files: NAME.pem and NAME.pub (missing folders are created).", valueName: "NAME"))
    var name: String?

    @Option(name: .customLong("out"), help: .hidden)
    var legacyOut: String?

    /// `--name` (or its old spelling `--out`).
    var out: String { name ?? legacyOut ?? "" }

    func validate() throws {
        _ = try OutputFlag.resolve(name, legacyOut, primary: "--name <NAME>", legacy: "--out", required: true)
    }

    @Flag(name: .long, help: "Make an Ed25519 key instead of ECDSA P-256.")
    var ed25519 = false

    @Option(name: .long, help: "Encrypt the private key with the passphrase in this file (first line).")
    var passphraseFile: String?

    @Flag(name: .long, help: "Overwrite existing key files.")
    var force = false

    func run() throws {
        let privateURL = URL(fileURLWithPath: out + ".pem")
        let publicURL = URL(fileURLWithPath: out + ".pub")
        for url in [privateURL, publicURL] where FileManager.default.fileExists(atPath: url.path) && !force {
            SigningFailure.print("\(url.path) exists; refusing to overwrite a key (pass --force to replace it)")
            throw ExitStatus.failure.exitCode
        }
        do {
            try FileManager.default.createDirectory(at: privateURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            SigningFailure.print("cannot create the folder of \(privateURL.path): \(error.localizedDescription)")
            throw ExitStatus.failure.exitCode
        }
        do {
            let passphrase = try passphraseFile.map { try SigningPassphrase.read($0) }
            let key = try SigningKey.generate(ed25519 ? .ed25519 : .ecdsaP256)
            try SigningKeyFiles.write(Array(try key.pkcs8PEM(passphrase: passphrase).utf8), to: privateURL, mode: 0o600)
            try SigningKeyFiles.write(Array(try key.verifyingKey().spkiPEM().utf8), to: publicURL, mode: 0o644)
            print("wrote \(privateURL.path) (private, keep secret\(passphrase == nil ? ", not encrypted" : ", encrypted"))")
            print("wrote \(publicURL.path) (public \(key.algorithm.rawValue) key; publish it)")
        } catch let error as SigningFailure {
            SigningFailure.print(error.message)
            throw ExitStatus.failure.exitCode
        } catch let error as DigestError {
            SigningFailure.print(error.description)
            throw ExitStatus.failure.exitCode
        }
    }
}
