import Builder
import Digests
import Foundation
import Testing
import Verification

/// The sign step of `glassbox build`: runs last on the staging release, is never cached nor locked,
/// and `reproduce` verifies (not compares) the signature files.
@Suite struct SigningBuildTests {
    static let keyedRecipe = BuildFixture.recipeText + """
        [publish]
        signing_key = "keys/release.pem"

        """

    /// A fixture whose recipe names `keys/release.pem`, and the key's public half.
    func keyedFixture(passphrase: String? = nil) throws -> (BuildFixture, VerifyingKey) {
        let fixture = try BuildFixture(recipe: Self.keyedRecipe)
        let key = try SigningKey.generate(.ecdsaP256)
        let keys = fixture.recipeURL.deletingLastPathComponent().appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        try Data(try key.pkcs8PEM(passphrase: passphrase).utf8).write(to: keys.appendingPathComponent("release.pem"))
        return (fixture, try key.verifyingKey())
    }

    func reproducer(_ fixture: BuildFixture, publicKey: URL?) -> Reproducer {
        var options = fixture.options()
        options.dataDirectory = fixture.recipeURL.deletingLastPathComponent()
        return Reproducer(options: options, publicKeyFile: publicKey)
    }

    func writePublicKey(_ key: VerifyingKey, in fixture: BuildFixture) throws -> URL {
        let url = fixture.root.appendingPathComponent("release.pub.pem")
        try Data(try key.spkiPEM().utf8).write(to: url)
        return url
    }

    @Test func keyedBuildIsSignedAndVerifiesWithThePublicKey() throws {
        let (fixture, publicKey) = try keyedFixture()
        defer { fixture.remove() }
        let result = try fixture.build()
        let signed = try #require(result.signed)
        #expect(signed.written == ["provenance.json", "SHA256SUMS", "model.sig"])
        #expect(signed.checksummed.contains("recipe.lock.json") && signed.checksummed.contains("recipe.toml"))
        #expect(result.lock.step("sign") == nil)
        let report = try ReleaseVerifier(publicKey: ("release.pub.pem", publicKey)).verify(fixture.release)
        #expect(report.passed, "\(report.problems)")
        #expect(report.authenticated)
        let bundle = try ModelSigningBundle(parsing: Array(try Data(contentsOf: fixture.release.appendingPathComponent("model.sig"))), path: "model.sig")
        #expect(bundle.modelName == fixture.release.lastPathComponent)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.release.deletingLastPathComponent().path)
        #expect(leftovers.filter { $0.hasPrefix(".") && !$0.hasPrefix(".release.build") }.isEmpty, "\(leftovers)")
        let plan = try BuildPlan(recipe: try RecipeLoading.load(fixture.recipeURL),
                                 recipeDirectory: fixture.recipeURL.deletingLastPathComponent(), options: fixture.options())
        #expect(plan.steps.last?.id == "sign")
        #expect(plan.steps.last?.state == "at-end")
    }

    @Test func rebuildFromCacheSignsAgainAndLockIsUnchanged() throws {
        let (fixture, _) = try keyedFixture()
        defer { fixture.remove() }
        let first = try fixture.build()
        let events = EventLog()
        let second = try fixture.build(events: events.record)
        #expect(try first.lock.canonicalJSON() == second.lock.canonicalJSON())
        #expect(second.signed != nil)
        #expect(!events.all.contains { $0.hasSuffix(":ran") })
    }

    @Test func reproduceVerifiesTheSignatureAndCatchesTampering() throws {
        let (fixture, publicKey) = try keyedFixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let pub = try writePublicKey(publicKey, in: fixture)
        let pristine = try reproducer(fixture, publicKey: pub).reproduce(release: fixture.release)
        #expect(pristine.matched)
        #expect(pristine.steps.last?.step == "sign")
        #expect(pristine.steps.last?.result == "verified")
        // A file the lock does not cover: only the signature can catch it.
        try Data("added after signing\n".utf8).write(to: fixture.release.appendingPathComponent("notes.txt"))
        let tampered = try reproducer(fixture, publicKey: pub).reproduce(release: fixture.release)
        #expect(!tampered.matched)
        #expect(tampered.firstDivergence == "sign")
        let row = try #require(tampered.steps.last)
        #expect(row.result == "failed")
        #expect(row.differing.contains { $0.hasPrefix("notes.txt:") })
        // Without a key, the checksums still catch it.
        let unkeyed = try reproducer(fixture, publicKey: nil).reproduce(release: fixture.release)
        #expect(unkeyed.steps.last?.result == "failed")
    }

    @Test func anotherKeyFailsTheSignatureRow() throws {
        let (fixture, _) = try keyedFixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let other = try writePublicKey(try SigningKey.generate(.ecdsaP256).verifyingKey(), in: fixture)
        let row = try reproducer(fixture, publicKey: other).signatureRow(release: fixture.release)
        #expect(row.result == "failed")
        #expect(row.differing.contains { $0.contains("different key") })
    }

    @Test func noKeyMeansNoSignatureFilesAndANote() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let result = try fixture.build()
        #expect(result.signed == nil)
        for name in ["provenance.json", "SHA256SUMS", "model.sig"] {
            #expect(!FileManager.default.fileExists(atPath: fixture.release.appendingPathComponent(name).path))
        }
        let log = try String(contentsOf: result.logFile, encoding: .utf8)
        #expect(log.contains("\"unsigned\""))
        let plan = try BuildPlan(recipe: try RecipeLoading.load(fixture.recipeURL),
                                 recipeDirectory: fixture.recipeURL.deletingLastPathComponent(), options: fixture.options())
        #expect(plan.steps.last?.state == "skipped")
        #expect(plan.steps.last?.note == ReleaseBuild.unsignedNote)
        #expect(plan.steps.first { $0.id == "package" }?.note == BuildPlan.packageNote)
    }

    @Test func keyOptionOverridesTheRecipeAndReadsAPassphraseFile() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let key = try SigningKey.generate(.ecdsaP256)
        let pem = fixture.root.appendingPathComponent("other.pem")
        try Data(try key.pkcs8PEM(passphrase: "correct horse").utf8).write(to: pem)
        let passphrase = fixture.root.appendingPathComponent("pass.txt")
        try Data("correct horse\n".utf8).write(to: passphrase)
        var options = fixture.options()
        options.signingKey = pem
        options.passphraseFile = passphrase
        let result = try ReleaseBuild(options: options).build(recipeAt: fixture.recipeURL, releaseDirectory: fixture.release)
        #expect(result.signingKeyPath == pem.path)
        let report = try ReleaseVerifier(publicKey: ("other", try key.verifyingKey())).verify(fixture.release)
        #expect(report.authenticated)
    }

    @Test func missingKeyFailsBeforeAnyStepRuns() throws {
        let fixture = try BuildFixture(recipe: Self.keyedRecipe)
        defer { fixture.remove() }
        let events = EventLog()
        #expect {
            _ = try fixture.build(events: events.record)
        } throws: { error in
            "\(error)".contains("keys/release.pem") && "\(error)".contains("does not exist")
        }
        #expect(events.all.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.release.path))
    }
}
