import Digests
import Foundation
import SafeTensors

/// Verifies a release directory against its signature bundle (with a public key) or its checksum
/// file, reports missing, extra and changed files by name, and checks every `.safetensors` file
/// structurally. Signing failures and tampering are `VerificationProblem`s in the report; only an
/// inability to run (unreadable directory, no manifest at all) throws.
public struct ReleaseVerifier {
    /// The public key (PEM path for messages, key) that must have signed `model.sig`; nil: no
    /// authenticity check.
    public var publicKey: (path: String, key: VerifyingKey)?
    /// A checksum file to use instead of `DIR/SHA256SUMS`.
    public var sumsFile: URL?
    /// A signature bundle to use instead of `DIR/model.sig`.
    public var signatureFile: URL?
    /// A minisign public key: when set, `DIR/SHA256SUMS.minisig` must verify.
    public var minisignKey: MinisignPublicKey?
    /// Hashing workers.
    public var hasher = ParallelFileHasher()
    /// Extra relative paths (files or folders) to leave out, e.g. `.cache` left by a download tool.
    public var ignoring: Set<String> = []

    /// A verifier with the given options.
    public init(publicKey: (path: String, key: VerifyingKey)? = nil, sumsFile: URL? = nil,
                signatureFile: URL? = nil, minisignKey: MinisignPublicKey? = nil) {
        self.publicKey = publicKey
        self.sumsFile = sumsFile
        self.signatureFile = signatureFile
        self.minisignKey = minisignKey
    }

    /// What the files are compared with.
    struct Expectation {
        var mode: VerificationReport.Mode
        var manifest: [(path: String, digest: Digest)]
        var ignored: Set<String>
        var listName: String
        var authenticated = false
        var authenticity: String
        var problems: [VerificationProblem] = []
        var bundle: ModelSigningBundle?
    }

    /// Verifies `directory`.
    public func verify(_ directory: URL) throws(VerificationError) -> VerificationReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .io(path: directory.path, reason: "no such directory")
        }
        let expectation = try expectation(for: directory)
        let inventory = try ReleaseInventory(directory: directory, ignoring: expectation.ignored.union(ignoring))
        var problems = expectation.problems
        let expected = Dictionary(expectation.manifest.map { ($0.path, $0.digest) }, uniquingKeysWith: { a, _ in a })
        let present = Set(inventory.files)
        let toHash = inventory.files.filter { expected[$0] != nil }
        let hashed = try hasher.hash(toHash, in: directory)
        for (path, _) in expectation.manifest where !present.contains(path) {
            problems.append(.init(kind: .missing, path: path, message: "listed in \(expectation.listName) but absent"))
        }
        for path in inventory.files where expected[path] == nil {
            problems.append(.init(kind: .extra, path: path, message: "present but not listed in \(expectation.listName) (unsigned file)"))
        }
        for path in toHash {
            guard let want = expected[path], let got = hashed[path], got.digest != want else { continue }
            problems.append(changedProblem(path, want: want, got: got.digest, in: directory, expectation: expectation))
        }
        problems += minisignProblems(directory)
        let safetensors = inventory.files.filter { $0.hasSuffix(".safetensors") }
        problems += safetensorsProblems(safetensors, in: directory)
        // A signature from another release lists other files (some missing here, some unlisted); a tampered
        // copy under another name lists the same files, so it gets no such guess.
        if let bundle = expectation.bundle, problems.contains(where: { [.missing, .extra].contains($0.kind) }),
            bundle.modelName != directory.standardizedFileURL.lastPathComponent {
            problems.append(.init(kind: .signature, path: nil, message: "the signature bundle was made for '\(bundle.modelName)', and its file list does not match this directory (a signature from another release?)"))
        }
        return VerificationReport(
            directory: directory.path, mode: expectation.mode, authenticated: expectation.authenticated && problems.isEmpty,
            authenticity: Self.authenticity(expectation, problems: problems), filesChecked: hashed.count,
            bytesHashed: hashed.values.reduce(0) { $0 + $1.size }, safetensorsChecked: safetensors.count,
            problems: problems)
    }

    /// The signature's verdict, said once and consistent with `authenticated`: a valid signature over
    /// files that no longer match is not authenticity, so the sentence says both.
    static func authenticity(_ expectation: Expectation, problems: [VerificationProblem]) -> String {
        guard expectation.authenticated, !problems.isEmpty else { return expectation.authenticity }
        let count = problems.count == 1 ? "1 problem below" : "\(problems.count) problems below"
        return "NOT authentic: the signature in model.sig is valid, but the directory does not match what it signed (\(count))"
    }

    private func changedProblem(
        _ path: String, want: Digest, got: Digest, in directory: URL, expectation: Expectation
    ) -> VerificationProblem {
        var message = "content differs from \(expectation.listName) (expected \(want), found \(got))"
        if path == ChecksumFile.fileName, expectation.mode != .checksums,
            let text = try? String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8) {
            let listed = Dictionary(expectation.manifest.map { ($0.path, $0.digest) }, uniquingKeysWith: { a, _ in a })
            let edited = ((try? ChecksumFile(parsing: text, path: path))?.entries ?? [])
                .filter { listed[$0.path] != $0.digest }.map(\.path)
            message = "SHA256SUMS was edited after signing" + (edited.isEmpty ? "" : "; its lines for \(edited.joined(separator: ", ")) disagree with the signed digests")
        }
        return .init(kind: .changed, path: path, message: message)
    }

    /// Checks `<checksum file>.minisig` (next to `--sums`, or `DIR/SHA256SUMS.minisig`).
    private func minisignProblems(_ directory: URL) -> [VerificationProblem] {
        guard let minisignKey else { return [] }
        let sumsURL = sumsFile ?? directory.appendingPathComponent(ChecksumFile.fileName)
        let signatureURL = sumsURL.appendingPathExtension("minisig")
        let name = signatureURL.lastPathComponent
        guard let text = try? String(contentsOf: signatureURL, encoding: .utf8) else {
            return [.init(kind: .minisign, path: name, message: "missing; cannot check the minisign signature of \(sumsURL.lastPathComponent)")]
        }
        guard let sums = try? Data(contentsOf: sumsURL) else {
            return [.init(kind: .minisign, path: sumsURL.lastPathComponent, message: "missing; cannot check its minisign signature")]
        }
        do {
            let signature = try MinisignSignature(parsing: text, path: name)
            guard signature.verify(Array(sums), with: minisignKey) else {
                return [.init(kind: .minisign, path: name, message: "does not verify \(sumsURL.lastPathComponent) with minisign key \(minisignKey.keyIDHex)")]
            }
            return []
        } catch {
            return [.init(kind: .minisign, path: name, message: error.description)]
        }
    }

    private func safetensorsProblems(_ files: [String], in directory: URL) -> [VerificationProblem] {
        files.compactMap { path -> VerificationProblem? in
            do {
                _ = try SafeTensorsFile(contentsOf: directory.appendingPathComponent(path))
                return nil
            } catch {
                return .init(kind: .safetensors, path: path, message: "\(error)")
            }
        }
    }
}
