import ArgumentParser
import Digests
import Foundation
import Verification

/// `glassbox sign DIR --key PRIV.pem`: SHA256SUMS, provenance.json, model.sig (+ SHA256SUMS.minisig).
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a release directory: SHA256SUMS, provenance.json and model.sig.",
        discussion: """
            Writes, inside DIR: provenance.json (in-toto statement, SLSA provenance v1: recipe and lock \
            digests, fetched sources, Glassbox version), SHA256SUMS (sha256sum -c format, every file but \
            the signature files), SHA256SUMS.minisig with --minisign, and model.sig, an OpenSSF \
            model-signing bundle that `model_signing verify key --signature DIR/model.sig \
            --public_key KEY.pub DIR` accepts. .git, .gitattributes, .github and .gitignore at the top \
            level are not signed (as in model-signing). Those files of an earlier signing (DIR has a \
            model.sig) are replaced; if DIR holds a SHA256SUMS, provenance.json or SHA256SUMS.minisig \
            but no model.sig, they are not glassbox's, and sign refuses unless --force.

            Examples:
              glassbox sign Releases/tiny-1.0 --key release-key.pem
              glassbox sign out/ --key k.pem --passphrase-file pass.txt --minisign minisign.key
            """)

    @Argument(help: "The release directory to sign.")
    var directory: String

    @Option(name: .long, help: "Private key (PEM, ECDSA P-256), e.g. from `glassbox keygen`.")
    var key: String

    @Option(name: .long, help: "Passphrase file for an encrypted private key.")
    var passphraseFile: String?

    @Option(name: .long, help: "Unencrypted minisign secret key (`minisign -G -W`) to sign SHA256SUMS with.")
    var minisign: String?

    @Flag(help: "Replace SHA256SUMS / provenance.json / SHA256SUMS.minisig even when DIR has no earlier model.sig.")
    var force = false

    func run() throws {
        try refuseForeignSignatureFiles()
        do {
            let signingKey = try SigningKeyFiles.privateKey(key, passphraseFile: passphraseFile)
            let minisignKey = try minisign.map { path in
                try MinisignSecretKey(parsing: String(decoding: try SigningKeyFiles.read(path, what: "minisign key"), as: UTF8.self), path: path)
            }
            let url = URL(fileURLWithPath: directory)
            let inputs = try SignProvenance.inputs(for: url)
            let hasher = ParallelFileHasher(progress: VerifyProgress.forStandardError())
            let signer = try ReleaseSigner(key: signingKey, minisignKey: minisignKey, provenance: inputs, hasher: hasher)
            let outcome = try signer.sign(url)
            VerifyProgress.clear()
            print("signed \(outcome.signed.count) files in \(directory) with \(signingKey.algorithm.rawValue) key \(key)")
            for name in outcome.written { print("  wrote \(name)") }
        } catch let error as SigningFailure {
            SigningFailure.print(error.message)
            throw ExitStatus.failure.exitCode
        } catch let error as VerificationError {
            SigningFailure.print(error.description)
            throw ExitStatus.failure.exitCode
        }
    }

    /// Signature files without a `model.sig` beside them were not written by an earlier signing.
    private func refuseForeignSignatureFiles() throws {
        let url = URL(fileURLWithPath: directory)
        guard !force, !FileManager.default.fileExists(atPath: url.appendingPathComponent(ModelSigningBundle.fileName).path) else { return }
        let names = [ChecksumFile.fileName, ProvenanceStatement.fileName, ChecksumFile.fileName + ".minisig"]
        let present = names.filter { FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }
        guard present.isEmpty else {
            throw Console.fail("\(directory) already holds \(present.joined(separator: ", ")) but no model.sig, so "
                + "\(present.count == 1 ? "it was" : "they were") not written by glassbox sign; move \(present.count == 1 ? "it" : "them") away, or pass --force to replace \(present.count == 1 ? "it" : "them")")
        }
    }
}
