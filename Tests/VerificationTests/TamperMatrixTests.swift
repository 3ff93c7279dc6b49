import Digests
import Foundation
import Testing

@testable import Verification

/// Every way of tampering with a signed release is detected, each with its own message; the pristine
/// release verifies.
struct TamperMatrixTests {
    struct Fixture {
        let root: URL
        let release: URL
        let key: SigningKey

        init() throws { (root, release, key) = try VerificationFixtures.signedRelease() }

        func verify(withKey: Bool = true) throws -> VerificationReport {
            let publicKey = withKey ? ("release.pub", try key.verifyingKey()) : nil
            return try ReleaseVerifier(publicKey: publicKey).verify(release)
        }

        func url(_ path: String) -> URL { release.appendingPathComponent(path) }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func pristineReleaseVerifies() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let signed = try fixture.verify()
        #expect(signed.problems == [] && signed.authenticated && signed.mode == .signature)
        #expect(signed.filesChecked == 9)
        let unsigned = try fixture.verify(withKey: false)
        #expect(unsigned.problems == [] && !unsigned.authenticated && unsigned.mode == .checksums)
    }

    @Test func flippingAnyByteOfAnyFileIsDetected() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let files = try ReleaseInventory(directory: fixture.release).files
        #expect(files.contains("model.sig") && files.contains("SHA256SUMS") && files.contains("provenance.json"))
        for path in files {
            let original = try Data(contentsOf: fixture.url(path))
            for position in Set([0, original.count / 2, original.count - 1]) {
                var bytes = original
                bytes[position] ^= 0x01
                try bytes.write(to: fixture.url(path))
                let report = try fixture.verify()
                let expected: VerificationProblem.Kind = path == "model.sig" ? .signature : .changed
                #expect(report.problems.contains { $0.kind == expected && ($0.path == path || path == "model.sig") },
                        "\(path)@\(position): \(report.problems)")
                #expect(!report.authenticated)
            }
            try original.write(to: fixture.url(path))
        }
        #expect(try fixture.verify().passed)
    }

    @Test func truncationDeletionRenameAndExtraFiles() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let weights = fixture.url("model.safetensors")
        let original = try Data(contentsOf: weights)
        try original.prefix(original.count - 7).write(to: weights)
        var problems = try fixture.verify().problems
        #expect(problems.map(\.kind) == [.changed, .safetensors])
        #expect(problems.last?.message.contains("data ends at byte") == true, "\(problems)")
        try original.write(to: weights)

        try FileManager.default.moveItem(at: fixture.url("config.json"), to: fixture.url("config2.json"))
        problems = try fixture.verify().problems
        #expect(problems.map(\.description) == [
            "missing: config.json: listed in model.sig but absent",
            "extra: config2.json: present but not listed in model.sig (unsigned file)",
        ])
        try FileManager.default.removeItem(at: fixture.url("config2.json"))
        #expect(try fixture.verify().problems.map(\.kind) == [.missing])

        try VerificationFixtures.write("{}", to: fixture.url("tokenizer/added.json"))
        try FileManager.default.copyItem(at: VerificationFixtures.fixtures().appendingPathComponent("reference/model/config.json"), to: fixture.url("config.json"))
        #expect(try fixture.verify().problems.map(\.description) == ["extra: tokenizer/added.json: present but not listed in model.sig (unsigned file)"])
        #expect(try fixture.verify(withKey: false).problems.map(\.description) == ["extra: tokenizer/added.json: present but not listed in SHA256SUMS (unsigned file)"])
    }

    @Test func signatureFromAnotherRelease() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let other = try VerificationFixtures.copyFixture("shared-example/model", into: fixture.root, as: "other-release")
        _ = try ReleaseSigner(key: fixture.key, provenance: .init(recipeDigest: nil, lockDigest: nil, dependencies: [], builderVersion: "t")).sign(other)
        try FileManager.default.removeItem(at: fixture.url("model.sig"))
        try FileManager.default.copyItem(at: other.appendingPathComponent("model.sig"), to: fixture.url("model.sig"))
        let report = try fixture.verify()
        #expect(report.problems.contains { $0.kind == .signature && $0.message.contains("made for 'other-release'") })
        #expect(report.problems.contains { $0.kind == .changed } && report.problems.contains { $0.kind == .extra })
        #expect(!report.authenticated)
    }

    @Test func signedWithAnotherKey() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let intruder = try SigningKey.generate(.ecdsaP256)
        _ = try ReleaseSigner(key: intruder, provenance: .init(recipeDigest: nil, lockDigest: nil, dependencies: [], builderVersion: "t")).sign(fixture.release)
        let report = try fixture.verify()
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.message.hasPrefix("signed with a different key than release.pub") == true)
        // Without a key hint the signature itself fails.
        let bundleURL = fixture.url("model.sig")
        let text = try String(contentsOf: bundleURL, encoding: .utf8)
        let hint = try ModelSigningBundle.keyHint(for: intruder.verifyingKey())
        try VerificationFixtures.write(text.replacingOccurrences(of: hint, with: ""), to: bundleURL)
        #expect(try fixture.verify().problems.map(\.message) == ["the signature does not verify with release.pub: the bundle was altered or made with another key"])
    }

    @Test func editedChecksumFile() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let sumsURL = fixture.url("SHA256SUMS")
        let text = try String(contentsOf: sumsURL, encoding: .utf8)
        let configDigest = Digest.sha256(of: try Data(contentsOf: fixture.url("config.json"))).hex
        try VerificationFixtures.write(text.replacingOccurrences(of: configDigest, with: String(repeating: "0", count: 64)), to: sumsURL)
        let signed = try fixture.verify().problems
        #expect(signed.map(\.description) == ["changed: SHA256SUMS: SHA256SUMS was edited after signing; its lines for config.json disagree with the signed digests"])
        let unsigned = try fixture.verify(withKey: false).problems
        #expect(unsigned.map(\.kind) == [.changed] && unsigned.first?.path == "config.json")
        try VerificationFixtures.write("garbage\n", to: sumsURL)
        #expect(throws: VerificationError.malformedChecksums(path: "SHA256SUMS", line: 1, reason: "not a checksum line")) {
            try fixture.verify(withKey: false)
        }
    }

    @Test func unsignedReleaseWithKeyAndNothingToVerify() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.url("model.sig"))
        let report = try fixture.verify()
        #expect(report.problems.map(\.kind) == [.signature] && report.authenticity == "NOT verified: the release is not signed")
        try FileManager.default.removeItem(at: fixture.url("SHA256SUMS"))
        #expect(throws: VerificationError.nothingToVerify(directory: fixture.release.path)) { try fixture.verify(withKey: false) }
    }

    @Test func downloadToolFilesCanBeIgnored() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.url(".cache/huggingface"), withIntermediateDirectories: true)
        try VerificationFixtures.write("etag", to: fixture.url(".cache/huggingface/config.json.metadata"))
        try VerificationFixtures.write("x", to: fixture.url(".gitattributes"))
        #expect(try fixture.verify().problems.map(\.path) == [".cache/huggingface/config.json.metadata"])
        var verifier = ReleaseVerifier(publicKey: ("release.pub", try fixture.key.verifyingKey()))
        verifier.ignoring = [".cache"]
        #expect(try verifier.verify(fixture.release).passed)
    }

    @Test func symlinksAreRefused() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try FileManager.default.createSymbolicLink(at: fixture.url("link.json"), withDestinationURL: fixture.url("config.json"))
        #expect(throws: VerificationError.symlink(path: fixture.url("link.json").path)) { try fixture.verify() }
    }

    @Test func aTamperedRenamedCopyReportsTheSignatureOnceThenTheFiles() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let copy = fixture.root.appendingPathComponent("renamed-copy")
        try FileManager.default.copyItem(at: fixture.release, to: copy)
        let publicKey = ("release.pub", try fixture.key.verifyingKey())
        let intact = try ReleaseVerifier(publicKey: publicKey).verify(copy)
        #expect(intact.passed && intact.authenticated, "a renamed, intact copy verifies: \(intact.problems)")
        let weights = copy.appendingPathComponent("model.safetensors")
        var bytes = try Data(contentsOf: weights)
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: weights)
        let report = try ReleaseVerifier(publicKey: publicKey).verify(copy)
        #expect(report.problems.map(\.kind) == [.changed], "\(report.problems)")
        #expect(!report.authenticated)
        #expect(report.authenticity.hasPrefix("NOT authentic"), "\(report.authenticity)")
        #expect(!report.authenticity.contains("validly signed"))
        #expect(!report.problems.contains { $0.message.contains("another release") })
    }
}
