import Digests
import Foundation
import Testing

@testable import Verification

/// Bundles made by the reference `model_signing` (Tools/make_signing_goldens.py) verify in Glassbox;
/// Glassbox's bundles have the exact shape the reference verifier checks.
struct InteropTests {
    static func key(_ relative: String) throws -> (path: String, key: VerifyingKey) {
        let url = try VerificationFixtures.fixtures().appendingPathComponent(relative)
        return (url.lastPathComponent, try VerifyingKey(pem: Array(try Data(contentsOf: url))))
    }

    @Test func referenceBundleVerifies() throws {
        let fixtures = try VerificationFixtures.fixtures()
        let verifier = ReleaseVerifier(
            publicKey: try Self.key("reference/p256.pub.pem"),
            signatureFile: fixtures.appendingPathComponent("reference/model.sig"))
        let report = try verifier.verify(fixtures.appendingPathComponent("reference/model"))
        #expect(report.problems == [])
        #expect(report.authenticated && report.mode == .signature && report.filesChecked == 6 && report.safetensorsChecked == 1)
    }

    @Test func referenceP384BundleVerifies() throws {
        let fixtures = try VerificationFixtures.fixtures()
        let key = try Self.key("reference/p384.pub.pem")
        #expect(key.key.algorithm == .ecdsaP384)
        let verifier = ReleaseVerifier(publicKey: key, signatureFile: fixtures.appendingPathComponent("reference/model.p384.sig"))
        let report = try verifier.verify(fixtures.appendingPathComponent("reference/model"))
        #expect(report.problems == [] && report.authenticated)
    }

    @Test func resigningGivesTheSameChecksumsAndProvenance() throws {
        let (root, release, key) = try VerificationFixtures.signedRelease()
        defer { try? FileManager.default.removeItem(at: root) }
        let sums = try Data(contentsOf: release.appendingPathComponent("SHA256SUMS"))
        let provenance = try Data(contentsOf: release.appendingPathComponent("provenance.json"))
        let inputs = try ProvenanceInputs(releaseDirectory: release, builderVersion: "test")
        _ = try ReleaseSigner(key: key, provenance: inputs).sign(release)
        #expect(try Data(contentsOf: release.appendingPathComponent("SHA256SUMS")) == sums)
        #expect(try Data(contentsOf: release.appendingPathComponent("provenance.json")) == provenance)
        #expect(try ReleaseVerifier(publicKey: ("k", try key.verifyingKey())).verify(release).passed)
    }

    @Test func referenceManifestMatchesGlassboxOrderAndDigests() throws {
        let fixtures = try VerificationFixtures.fixtures()
        let bundle = try ModelSigningBundle(
            parsing: Array(try Data(contentsOf: fixtures.appendingPathComponent("reference/model.sig"))), path: "model.sig")
        let inventory = try ReleaseInventory(directory: fixtures.appendingPathComponent("reference/model"))
        #expect(bundle.resources.map(\.path) == inventory.files, "component order: a/b.txt before a-b/z.txt")
        let manifest = try JSONDecoder().decode(
            [String: String].self, from: Data(contentsOf: fixtures.appendingPathComponent("reference/manifest.json")))
        let hashed = try ParallelFileHasher(threads: 3).hash(inventory.files, in: inventory.directory)
        #expect(Dictionary(uniqueKeysWithValues: hashed.map { ($0.key, $0.value.digest.hex) }) == manifest)
        let key = try Self.key("reference/p256.pub.pem").key
        #expect(bundle.keyHint == (try ModelSigningBundle.keyHint(for: key)))
    }

    @Test func referenceBundleRejectsAnotherKey() throws {
        let fixtures = try VerificationFixtures.fixtures()
        let verifier = ReleaseVerifier(
            publicKey: try Self.key("reference/other.pub.pem"),
            signatureFile: fixtures.appendingPathComponent("reference/model.sig"))
        let report = try verifier.verify(fixtures.appendingPathComponent("reference/model"))
        #expect(report.problems.map(\.kind) == [.signature])
        #expect(report.problems.first?.message.contains("different key") == true)
        #expect(!report.authenticated)
    }

    @Test(arguments: ["model.sig", "model.hand-python.sig", "model.hand-shell.sig"])
    func sharedExampleBundlesVerify(bundle: String) throws {
        let base = try VerificationFixtures.fixtures().appendingPathComponent("shared-example")
        let verifier = ReleaseVerifier(
            publicKey: try Self.key("shared-example/p256.pub.pem"), signatureFile: base.appendingPathComponent(bundle))
        let report = try verifier.verify(base.appendingPathComponent("model"))
        #expect(report.problems == [] && report.authenticated)
    }

    @Test func sharedExampleChecksumsAndMinisignVerify() throws {
        let base = try VerificationFixtures.fixtures().appendingPathComponent("shared-example")
        let minisign = try MinisignPublicKey(
            parsing: String(contentsOf: base.appendingPathComponent("minisign.pub"), encoding: .utf8), path: "minisign.pub")
        let verifier = ReleaseVerifier(sumsFile: base.appendingPathComponent("SHA256SUMS"), minisignKey: minisign)
        let report = try verifier.verify(base.appendingPathComponent("model"))
        #expect(report.problems == [])
        #expect(report.mode == .checksums && !report.authenticated && report.authenticity.hasPrefix("NOT checked"))
    }

    @Test func glassboxBundleHasTheReferenceShape() throws {
        let (root, release, key) = try VerificationFixtures.signedRelease()
        defer { try? FileManager.default.removeItem(at: root) }
        let bytes = Array(try Data(contentsOf: release.appendingPathComponent("model.sig")))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(json["mediaType"] as? String == "application/vnd.dev.sigstore.bundle.v0.3+json")
        let bundle = try ModelSigningBundle(parsing: bytes, path: "model.sig")
        #expect(bundle.ignorePaths == ["model.sig", ".git", ".gitattributes", ".github", ".gitignore"])
        #expect(bundle.modelName == "release")
        #expect(bundle.resources.map(\.path).contains("SHA256SUMS") && bundle.resources.map(\.path).contains("provenance.json"))
        #expect(bundle.checkSignature(with: try key.verifyingKey()) == .valid)
        let pae = ModelSigningBundle.pae(bundle.payload)
        #expect(pae.starts(with: Array("DSSEv1 28 application/vnd.in-toto+json \(bundle.payload.count) ".utf8)))
    }

    @Test func provenanceRecordsRecipeAndSources() throws {
        let (root, release, _) = try VerificationFixtures.signedRelease()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = try Data(contentsOf: release.appendingPathComponent("provenance.json"))
        let statement = try JSONDecoder().decode(ProvenanceStatement.self, from: data)
        #expect(statement.predicateType == "https://slsa.dev/provenance/v1")
        let recipe = Digest.sha256(of: try Data(contentsOf: release.appendingPathComponent("recipe.toml")))
        #expect(statement.predicate.buildDefinition.externalParameters["recipe"] == recipe.description)
        let names = statement.predicate.buildDefinition.resolvedDependencies.map(\.name)
        #expect(names == ["recipe.toml", "wiki"])
        #expect(statement.predicate.buildDefinition.resolvedDependencies.last?.uri == "https://example.org/w.txt")
        #expect(statement.predicate.runDetails.builder.version == ["glassbox": "test"])
        #expect(!statement.subject.map(\.name).contains("provenance.json"))
        #expect(data.last == 0x0A)
    }
}
