#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Builder
import Foundation
import Testing

/// kill -9 during a multi-step build, then a re-run: only the unfinished steps run, the lock is identical
/// to a clean build's, and no half-written release or step output is visible.
@Suite struct CrashResumeTests {
    /// The child side: runs only when the parent test sets BUILDER_TEST_CHILD_ROOT (it then builds the
    /// fixture found there with a tokenizer that stops and waits to be killed).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BUILDER_TEST_CHILD_ROOT"] != nil,
                   "runs only as the child process of killDuringBuildThenResumeGivesTheCleanLock"))
    func crashChildEntry() throws {
        let root = try #require(ProcessInfo.processInfo.environment["BUILDER_TEST_CHILD_ROOT"])
        let fixture = BuildFixture(existing: URL(fileURLWithPath: root))
        _ = try fixture.build()
    }

    @Test func killDuringBuildThenResumeGivesTheCleanLock() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let marker = fixture.root.appendingPathComponent("tokenizer-started")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--testing-library", "swift-testing", "--filter", "crashChildEntry"]
        var environment = ProcessInfo.processInfo.environment
        environment["BUILDER_TEST_CHILD_ROOT"] = fixture.root.path
        environment["BUILDER_TEST_SLOW_MARKER"] = marker.path
        child.environment = environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let deadline = Date().addingTimeInterval(90)
        while !FileManager.default.fileExists(atPath: marker.path), child.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(FileManager.default.fileExists(atPath: marker.path), "the child build never reached the tokenizer step")
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)

        #expect(!FileManager.default.fileExists(atPath: fixture.release.path), "a release appeared before the build finished")
        let records = try FileManager.default.contentsOfDirectory(atPath: fixture.store + "/builder/steps")
        #expect(records.count == 3, "fetch.a, fetch.b and prepare finished before the kill")

        let resumed = EventLog()
        let result = try fixture.build(events: resumed.record)
        #expect(resumed.all.prefix(5) == ["fetch.a:cached", "fetch.b:cached", "prepare:cached", "tokenizer:ran", "train:ran"])
        let work = ((try? FileManager.default.contentsOfDirectory(atPath: fixture.store + "/builder/work")) ?? []).filter { !$0.hasSuffix(".lock") }
        #expect(work.isEmpty, "work directories left behind: \(work)")

        let clean = try fixture.build(store: fixture.root.appendingPathComponent("clean-store").path,
                                      release: fixture.root.appendingPathComponent("clean/release"))
        #expect(try result.lock.canonicalJSON() == clean.lock.canonicalJSON())
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.release.deletingLastPathComponent().path)
        #expect(leftovers.sorted() == ["release", "release.build.log.jsonl"])
    }
}
