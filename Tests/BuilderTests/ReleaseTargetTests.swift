import Builder
import Foundation
import Testing

/// `build --out` replaces only an earlier release or an empty directory; everything else is refused
/// before any step runs, unless `--force`.
@Suite struct ReleaseTargetTests {
    private func expectOccupied(_ fixture: BuildFixture, at release: URL, events: EventLog) {
        do {
            _ = try fixture.build(release: release, events: events.record)
            Issue.record("the build replaced \(release.path)")
        } catch {
            guard case let .outputOccupied(path, _) = error as? BuildError else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path == release.standardizedFileURL.path)
            #expect("\(error)".contains("--force"))
        }
        #expect(events.all.isEmpty, "no step may run before the release path is checked")
    }

    @Test func aRegularFileAtOutIsRefusedAndKept() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let notes = fixture.root.appendingPathComponent("notes.txt")
        try Data("my notes\n".utf8).write(to: notes)
        expectOccupied(fixture, at: notes, events: EventLog())
        #expect(try Data(contentsOf: notes) == Data("my notes\n".utf8))
    }

    @Test func theRecipeDirectoryIsRefusedAndKept() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let recipeDirectory = fixture.recipeURL.deletingLastPathComponent()
        expectOccupied(fixture, at: recipeDirectory, events: EventLog())
        #expect(FileManager.default.fileExists(atPath: fixture.recipeURL.path))
        #expect(FileManager.default.fileExists(atPath: recipeDirectory.appendingPathComponent("data/a.txt").path))
    }

    @Test func aDirectoryWithAForeignLockIsRefused() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let folder = fixture.root.appendingPathComponent("lookalike")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{\"not\": \"a glassbox lock\"}".utf8).write(to: folder.appendingPathComponent("recipe.lock.json"))
        expectOccupied(fixture, at: folder, events: EventLog())
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("recipe.lock.json").path))
    }

    @Test func anEmptyDirectoryAndAnEarlierReleaseAreReplaced() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.release, withIntermediateDirectories: true)
        _ = try fixture.build()
        #expect(ReleaseTarget.occupant(of: fixture.release) == .earlierRelease)
        _ = try fixture.build()
        #expect(FileManager.default.fileExists(atPath: fixture.release.appendingPathComponent("recipe.lock.json").path))
    }

    @Test func forceReplacesAnythingAtOut() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let notes = fixture.root.appendingPathComponent("notes.txt")
        try Data("my notes\n".utf8).write(to: notes)
        var options = fixture.options()
        options.replaceAnyOutput = true
        _ = try ReleaseBuild(options: options).build(recipeAt: fixture.recipeURL, releaseDirectory: notes)
        #expect(ReleaseTarget.occupant(of: notes) == .earlierRelease)
    }

    @Test func anUnwritableOutFailsBeforeAnyStepRuns() throws {
        let fixture = try BuildFixture()
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("plain-file")
        try Data().write(to: file)
        let events = EventLog()
        let release = file.appendingPathComponent("release")
        do {
            _ = try fixture.build(release: release, events: events.record)
            Issue.record("built under a regular file")
        } catch {
            guard case let .outputUnwritable(path, reason) = error as? BuildError else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path == release.path)
            #expect(reason.contains(file.path))
        }
        #expect(events.all.isEmpty)
    }
}
