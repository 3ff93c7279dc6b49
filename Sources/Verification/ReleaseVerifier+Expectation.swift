import Digests
import Foundation

extension ReleaseVerifier {
    /// Chooses what to verify against: a signed bundle when a key is given, else `--sums` /
    /// `DIR/SHA256SUMS`, else `DIR/model.sig` without authenticity.
    func expectation(for directory: URL) throws(VerificationError) -> Expectation {
        let bundleURL = signatureFile ?? directory.appendingPathComponent(ModelSigningBundle.fileName)
        let defaultSums = directory.appendingPathComponent(ChecksumFile.fileName)
        let sumsURL = sumsFile ?? (FileManager.default.fileExists(atPath: defaultSums.path) ? defaultSums : nil)
        if let publicKey {
            return try signedExpectation(directory, bundleURL: bundleURL, sumsURL: sumsURL, key: publicKey)
        }
        if let sumsURL { return try checksumExpectation(directory, sumsURL: sumsURL) }
        if FileManager.default.fileExists(atPath: bundleURL.path) {
            var expectation = try bundleExpectation(directory, bundleURL: bundleURL)
            expectation.mode = .unverifiedBundle
            expectation.authenticity = "NOT checked: no public key given (pass --key PUB.pem); digests were checked against \(bundleURL.lastPathComponent) only"
            return expectation
        }
        throw .nothingToVerify(directory: directory.path)
    }

    private func signedExpectation(
        _ directory: URL, bundleURL: URL, sumsURL: URL?, key: (path: String, key: VerifyingKey)
    ) throws(VerificationError) -> Expectation {
        guard FileManager.default.fileExists(atPath: bundleURL.path) else {
            var fallback = try sumsURL.map { url throws(VerificationError) in try checksumExpectation(directory, sumsURL: url) }
                ?? Expectation(mode: .signature, manifest: [], ignored: [], listName: "model.sig", authenticity: "")
            fallback.mode = .signature
            fallback.authenticity = "NOT verified: the release is not signed"
            fallback.problems.append(.init(kind: .signature, path: bundleURL.lastPathComponent, message: "no signature bundle; the release is unsigned (or pass --signature FILE)"))
            return fallback
        }
        var expectation: Expectation
        do {
            expectation = try bundleExpectation(directory, bundleURL: bundleURL)
        } catch let error {
            var fallback = try sumsURL.map { url throws(VerificationError) in try checksumExpectation(directory, sumsURL: url) }
                ?? Expectation(mode: .signature, manifest: [], ignored: [bundleURL.lastPathComponent], listName: "model.sig", authenticity: "")
            fallback.mode = .signature
            fallback.authenticity = "NOT verified: the signature bundle is unreadable"
            fallback.problems.append(.init(kind: .signature, path: bundleURL.lastPathComponent, message: error.description))
            return fallback
        }
        expectation.mode = .signature
        guard let bundle = expectation.bundle else { return expectation }
        switch bundle.checkSignature(with: key.key) {
        case .valid:
            expectation.authenticated = true
            expectation.authenticity = "model.sig is validly signed by the holder of \(key.path) (\(key.key.algorithm.rawValue), key hint \(bundle.keyHint ?? "absent"))"
        case let .keyMismatch(bundleHint, keyHint):
            expectation.authenticity = "NOT verified: signed with another key"
            expectation.problems.append(.init(kind: .signature, path: bundleURL.lastPathComponent, message: "signed with a different key than \(key.path) (bundle key hint \(bundleHint.prefix(16))…, this key \(keyHint.prefix(16))…)"))
        case .invalid:
            expectation.authenticity = "NOT verified: the signature is invalid"
            expectation.problems.append(.init(kind: .signature, path: bundleURL.lastPathComponent, message: "the signature does not verify with \(key.path): the bundle was altered or made with another key"))
        }
        return expectation
    }

    private func bundleExpectation(_ directory: URL, bundleURL: URL) throws(VerificationError) -> Expectation {
        let bytes: Data
        do { bytes = try Data(contentsOf: bundleURL) } catch {
            throw .io(path: bundleURL.path, reason: error.localizedDescription)
        }
        let bundle = try ModelSigningBundle(parsing: Array(bytes), path: bundleURL.lastPathComponent)
        var ignored = Set(bundle.ignorePaths)
        if let inside = relativePath(of: bundleURL, in: directory) { ignored.insert(inside) }
        return Expectation(mode: .signature, manifest: bundle.resources, ignored: ignored, listName: "model.sig",
                           authenticity: "", bundle: bundle)
    }

    private func checksumExpectation(_ directory: URL, sumsURL: URL) throws(VerificationError) -> Expectation {
        let text: String
        do { text = try String(contentsOf: sumsURL, encoding: .utf8) } catch {
            throw .io(path: sumsURL.path, reason: error.localizedDescription)
        }
        let sums = try ChecksumFile(parsing: text, path: sumsURL.lastPathComponent)
        var ignored = ReleaseSigner.signatureFiles
        if let inside = relativePath(of: sumsURL, in: directory) { ignored.insert(inside) }
        return Expectation(mode: .checksums, manifest: sums.entries, ignored: ignored, listName: sumsURL.lastPathComponent,
                           authenticity: "NOT checked: \(sumsURL.lastPathComponent) shows the files are intact, not who made them (pass --key PUB.pem to check model.sig)")
    }

    private func relativePath(of file: URL, in directory: URL) -> String? {
        let base = directory.standardizedFileURL.resolvingSymlinksInPath().path
        let path = file.standardizedFileURL.resolvingSymlinksInPath().path
        guard path.hasPrefix(base + "/") else { return nil }
        return String(path.dropFirst(base.count + 1))
    }
}
