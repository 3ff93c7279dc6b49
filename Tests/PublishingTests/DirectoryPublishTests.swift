import Digests
import Foundation
import Testing
import TestSupport
import Verification
@testable import Publishing

@Suite("publishing to file:///dir")
struct DirectoryPublishTests {
    private func publisher(_ destination: String, dryRun: Bool = false, key: (path: String, key: VerifyingKey)? = nil) throws -> Publisher {
        var options = PublishOptions()
        options.dryRun = dryRun
        options.publicKey = key
        let target = try PublishTarget.parse("file://\(destination)").target
        return Publisher(target: target, credentials: PublishCredentials(user: nil, secret: nil), options: options)
    }

    @Test("a signed release lands complete, verifies with its key, and a second publish is a no-op")
    func publishTwice() throws {
        let fixture = try ReleaseFixture()
        let destination = fixture.folder.path + "/published/tiny"
        let progress = RecordingProgress()
        let first = try publisher(destination, key: try fixture.publicKey).publish(fixture.release, progress: progress)
        #expect(first.sent.count == fixture.files.count)
        #expect(!first.unchanged)
        #expect(Array(first.sent.suffix(2)) == ["SHA256SUMS", "model.sig"])
        let report = try ReleaseVerifier(publicKey: try fixture.publicKey).verify(URL(fileURLWithPath: destination))
        #expect(report.passed, "\(report.problems)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination).allSatisfy { !$0.contains("glassbox-upload") })
        let second = try publisher(destination).publish(fixture.release, progress: nil)
        #expect(second.unchanged)
        #expect(second.sent.isEmpty)
        #expect(second.skipped.count == fixture.files.count)
    }

    @Test("an interrupted publish resumes: finished files are not copied again, a leftover temporary is replaced")
    func resume() throws {
        let fixture = try ReleaseFixture()
        let destination = fixture.folder.path + "/published"
        // What a publish killed after two files leaves: two final files and a temporary of the third.
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
        for name in ["README.md", "config.json"] {
            try FileManager.default.copyItem(atPath: fixture.release.path + "/" + name, toPath: destination + "/" + name)
        }
        try Data("half".utf8).write(to: URL(fileURLWithPath: destination + "/.model.safetensors.glassbox-upload"))
        let report = try publisher(destination).publish(fixture.release, progress: nil)
        #expect(Set(report.skipped) == ["README.md", "config.json"])
        #expect(report.sent.contains("model.safetensors"))
        #expect(try ReleaseVerifier(publicKey: try fixture.publicKey).verify(URL(fileURLWithPath: destination)).passed)
        #expect(!FileManager.default.fileExists(atPath: destination + "/.model.safetensors.glassbox-upload"))
    }

    @Test("a different file under a release name that no earlier publish wrote is not replaced without --force; an earlier release's files are")
    func foreignFiles() throws {
        let fixture = try ReleaseFixture()
        let destination = fixture.folder.path + "/shared"
        let readme = try fixture.folder.write("shared/README.md", text: "someone else's card\n")
        #expect(throws: PublishError.wouldReplace(target: "file://\(destination)", paths: ["README.md"])) {
            try publisher(destination).publish(fixture.release, progress: nil)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination) == ["README.md"])
        var options = PublishOptions()
        options.force = true
        let forced = Publisher(target: .directory(path: destination), credentials: PublishCredentials(user: nil, secret: nil), options: options)
        #expect(try forced.publish(fixture.release, progress: nil).sent.contains("README.md"))
        #expect(try String(contentsOfFile: readme, encoding: .utf8).hasPrefix("---"))
        // A newer release over an earlier one (listed in the SHA256SUMS there) needs no --force.
        try fixture.folder.write("tiny-1.0/config.json", text: "{\"hidden_size\":16}\n")
        try fixture.resign()
        let newer = try publisher(destination, key: try fixture.publicKey).publish(fixture.release, progress: nil)
        #expect(newer.sent.contains("config.json") && newer.skipped.contains("model.safetensors"))
        #expect(try ReleaseVerifier(publicKey: try fixture.publicKey).verify(URL(fileURLWithPath: destination)).passed)
    }

    @Test("a release that does not verify is refused and nothing is written")
    func refusesTampered() throws {
        let fixture = try ReleaseFixture()
        try fixture.folder.write("tiny-1.0/config.json", text: "{\"hidden_size\":9}\n")
        let destination = fixture.folder.path + "/published"
        #expect {
            try publisher(destination, key: try fixture.publicKey).publish(fixture.release, progress: nil)
        } throws: { error in
            guard case let .releaseDoesNotVerify(_, problems)? = error as? PublishError else { return false }
            return problems.contains { $0.contains("config.json") }
        }
        #expect(!FileManager.default.fileExists(atPath: destination))
    }

    @Test("a release signed with another key is refused when --key is given")
    func wrongKey() throws {
        let fixture = try ReleaseFixture()
        let other = try ReleaseFixture()
        #expect(throws: PublishError.self) {
            try publisher(fixture.folder.path + "/out", key: try other.publicKey).publish(fixture.release, progress: nil)
        }
    }

    @Test("--dry-run lists what would be copied and writes nothing")
    func dryRun() throws {
        let fixture = try ReleaseFixture()
        let destination = fixture.folder.path + "/dry"
        let report = try publisher(destination, dryRun: true).publish(fixture.release, progress: nil)
        #expect(report.dryRun)
        #expect(report.sent.count == fixture.files.count)
        #expect(!FileManager.default.fileExists(atPath: destination))
    }

    @Test("a destination that cannot be written is a clear error naming the path, and no final name appears")
    func unwritable() throws {
        let fixture = try ReleaseFixture()
        let blocker = try fixture.folder.write("blocker", text: "a file where a folder should be\n")
        #expect {
            try publisher(blocker + "/release").publish(fixture.release, progress: nil)
        } throws: { error in
            guard case let .writeFailed(path, _)? = error as? PublishError else { return false }
            return path.hasPrefix(blocker) && (error as? PublishError)?.description.contains("run the same command again") == true
        }
    }
}
