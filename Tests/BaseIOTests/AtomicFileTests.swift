import BaseIO
import Foundation
import Testing
import TestSupport

@Suite struct AtomicFileTests {
    @Test func writesCreatesParentsAndReplaces() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/a/b/file.json"
        try AtomicFile.write(Array("one".utf8), to: path)
        try AtomicFile.write(Array("two".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("two".utf8))
        #expect(try AtomicDirectory.entries(of: directory.path + "/a/b") == ["file.json"])
    }

    @Test func aFailedStreamLeavesTheOldFileAndNoTemporary() throws {
        struct Stop: Error {}
        let directory = try TemporaryDirectory()
        let path = try directory.write("out.bin", [1, 2, 3])
        #expect(throws: Stop.self) {
            try AtomicFile.write(to: path) { writer in
                try writer.write([9, 9])
                throw Stop()
            }
        }
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
        #expect(try AtomicDirectory.entries(of: directory.path) == ["out.bin"])
    }

    @Test func streamingWriterCountsAndCommits() throws {
        let directory = try TemporaryDirectory()
        let writer = try AtomicFileWriter(path: directory.path + "/s.bin", permissions: 0o600)
        try writer.write([1, 2])
        try writer.write(Array(repeating: 7, count: 100_000))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/s.bin"))
        try writer.commit()
        #expect(writer.size == 100_002)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.path + "/s.bin")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func directoriesArePublishedWholeOverAnOldOne() throws {
        let directory = try TemporaryDirectory()
        let destination = directory.path + "/release"
        try directory.write("release/old.txt", text: "old")
        let staging = try AtomicDirectory.makeStaging(beside: destination)
        try AtomicFile.write(Array("new".utf8), to: staging + "/sub/new.txt")
        try AtomicDirectory.publish(staging, at: destination)
        #expect(try AtomicDirectory.entries(of: destination) == ["sub"])
        #expect(FileManager.default.contents(atPath: destination + "/sub/new.txt") == Data("new".utf8))
        #expect(try AtomicDirectory.entries(of: directory.path) == ["release"])
    }

    @Test func unwritableDirectoryNamesThePath() throws {
        #expect(throws: BaseIOError.self) { try AtomicFile.write([1], to: "/proc/glassbox-cannot-write/x") }
    }
}
