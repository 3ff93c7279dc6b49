import ArgumentParser
import Digests
import Foundation
import Verification

/// `glassbox verify DIR`: signature, every digest, missing/extra/changed files, safetensors structure.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that a downloaded release is complete, unmodified and signed by the key you trust.",
        discussion: """
            With --key, checks DIR/model.sig (OpenSSF model-signing bundle; also those made by \
            `model_signing sign key`) against the public key, then every file's SHA-256. Without \
            --key, checks SHA256SUMS (or --sums FILE) and says that authenticity was NOT checked. \
            Every .safetensors file is also checked structurally. Files are hashed on all cores.

            Exit status: 0 all is well; 3 verification failed (missing, extra, changed file, bad \
            signature, malformed safetensors); 1 could not run; 64 usage.

            Examples:
              glassbox verify ./downloaded --key provider.pub
              glassbox verify ./downloaded --sums SHA256SUMS --json
            """)

    @Argument(help: "The release directory.")
    var directory: String

    @Option(name: .long, help: "Public key (SPKI PEM) that must have signed model.sig.")
    var key: String?

    @Option(name: .long, help: "Checksum file to use instead of DIR/SHA256SUMS.")
    var sums: String?

    @Option(name: .long, help: "Signature bundle to use instead of DIR/model.sig.")
    var signature: String?

    @Option(name: .long, help: "minisign public key: also check DIR/SHA256SUMS.minisig.")
    var minisignKey: String?

    @Option(name: .long, help: "Leave out this relative path (file or folder, e.g. .cache); repeatable.")
    var ignore: [String] = []

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.threads }

    func run() throws {
        let report: VerificationReport
        do {
            var verifier = ReleaseVerifier(
                sumsFile: sums.map { URL(fileURLWithPath: $0) }, signatureFile: signature.map { URL(fileURLWithPath: $0) })
            verifier.hasher = ParallelFileHasher(
                threads: threads, progress: VerifyProgress.forStandardError())
            verifier.ignoring = Set(ignore)
            if let key { verifier.publicKey = (key, try SigningKeyFiles.publicKey(key)) }
            if let minisignKey {
                let text = String(decoding: try SigningKeyFiles.read(minisignKey, what: "minisign public key"), as: UTF8.self)
                verifier.minisignKey = try MinisignPublicKey(parsing: text, path: minisignKey)
            }
            report = try verifier.verify(URL(fileURLWithPath: directory))
        } catch let error as SigningFailure {
            SigningFailure.print(error.message)
            throw ExitStatus.failure.exitCode
        } catch let error as VerificationError {
            SigningFailure.print(error.description)
            throw ExitStatus.failure.exitCode
        }
        VerifyProgress.clear()
        json ? try printJSON(report) : printText(report)
        if !report.passed { throw ExitStatus.verificationFailed.exitCode }
    }

    private func printJSON(_ report: VerificationReport) throws {
        Console.out(try Console.json(report))
    }

    private func printText(_ report: VerificationReport) {
        let megabytes = Double(report.bytesHashed) / 1_048_576
        print("checked \(report.filesChecked) files (\(String(format: "%.1f", megabytes)) MiB), \(report.safetensorsChecked) safetensors; against \(report.mode.rawValue)")
        print("authenticity: \(report.authenticity)")
        for problem in report.problems { print("FAILED \(problem)") }
        print(report.passed ? "OK: \(report.directory) verifies" : "verification FAILED: \(report.problems.count) problem(s)")
    }
}
