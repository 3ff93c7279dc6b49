import Digests
import Foundation
import Testing
@testable import Fetching
import TestSupport

@Suite("archives: tar, tar.gz, zip and hostile members")
struct ArchiveTests {
    /// A folder `src/` with two text files and a larger, compressible one, packed by the system tools.
    private func makeTree(_ folder: TemporaryDirectory) throws {
        try folder.write(Data("jedna\n".utf8), to: "src/corpus/cs.txt")
        try folder.write(Data("eins\n".utf8), to: "src/corpus/de.txt")
        let text = (0..<20_000).map { "line \($0) of a fairly ordinary text file\n" }.joined()
        try folder.write(Data(text.utf8), to: "src/corpus/big.log")
    }

    private func fetch(_ folder: TemporaryDirectory, _ file: String, _ format: ArchiveFormat, members: [String] = []) throws -> FetchedSource {
        let digest = try FileHasher.digest(of: folder.path(file), source: "t")
        let spec = SourceSpec(id: "a", uri: "file:" + file, sha256: digest, archive: format, members: members)
        return try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
    }

    @Test("tar, tar.gz (gzip -1 and -9) and zip unpack to the same files", arguments: [
        (["tar", "-cf", "x.tar", "-C", "src", "corpus"], "x.tar", ArchiveFormat.tar),
        (["sh", "-c", "tar -cf - -C src corpus | gzip -1 > x.tgz"], "x.tgz", .tarGz),
        (["sh", "-c", "tar -cf - -C src corpus | gzip -9 > x.tgz"], "x.tgz", .tarGz),
        (["sh", "-c", "cd src && zip -q -r ../x.zip corpus"], "x.zip", .zip),
        (["sh", "-c", "cd src && zip -q -0 -r ../x.zip corpus"], "x.zip", .zip),
    ])
    func unpack(command: [String], file: String, format: ArchiveFormat) throws {
        let folder = try TemporaryDirectory()
        try makeTree(folder)
        try shell(command, in: folder.url)
        let result = try fetch(folder, file, format, members: ["corpus/*.txt", "*.log"])
        #expect(result.files.map(\.path) == ["corpus/big.log", "corpus/cs.txt", "corpus/de.txt"])
        for path in ["corpus/cs.txt", "corpus/big.log"] {
            #expect(try Data(contentsOf: folder.path("out/" + path)) == Data(contentsOf: folder.path("src/" + path)))
        }
        #expect(result.digest == (try FileHasher.digest(of: folder.path(file), source: "t")))
    }

    @Test("members selects a subset")
    func memberSelection() throws {
        let folder = try TemporaryDirectory()
        try makeTree(folder)
        try shell(["tar", "-cf", "x.tar", "-C", "src", "corpus"], in: folder.url)
        #expect(try fetch(folder, "x.tar", .tar, members: ["cs.txt"]).files.map(\.path) == ["corpus/cs.txt"])
    }

    @Test("path traversal with .. and absolute names is refused; nothing is written", arguments: ["dotdot", "absolute"])
    func traversal(kind: String) throws {
        let folder = try TemporaryDirectory()
        try folder.write(Data("evil\n".utf8), to: "inner/evil.txt")
        let name = kind == "dotdot" ? "../inner/evil.txt" : folder.path("inner/evil.txt").path
        try FileManager.default.createDirectory(at: folder.path("d"), withIntermediateDirectories: true)
        try shell(["tar", "-cPf", "../y.tar", name], in: folder.path("d"))
        #expect {
            try fetch(folder, "y.tar", .tar)
        } throws: { ($0 as? FetchError).map { if case let .badArchive(_, _, reason) = $0 { reason.contains("traversal") } else { false } } ?? false }
        #expect(folder.listing("out").isEmpty)
    }

    @Test("a symbolic link pointing outside the archive is refused")
    func symlinkEscape() throws {
        let folder = try TemporaryDirectory()
        try folder.write(Data("ok\n".utf8), to: "src/d/ok.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.path("src/d/link").path, withDestinationPath: "../../../etc/passwd")
        try shell(["tar", "-cf", "x.tar", "-C", "src", "d"], in: folder.url)
        #expect {
            try fetch(folder, "x.tar", .tar)
        } throws: { ($0 as? FetchError).map { if case let .badArchive(_, member, reason) = $0 { member == "d/link" && reason.contains("outside") } else { false } } ?? false }
        try shell(["sh", "-c", "cd src && zip -q -y -r ../x.zip d"], in: folder.url)
        #expect(throws: FetchError.self) { try fetch(folder, "x.zip", .zip) }
        #expect(folder.listing("out").isEmpty)
    }

    @Test("zip and gzip bombs over the ratio limit are refused", arguments: ["zip", "tgz"])
    func bomb(kind: String) throws {
        let folder = try TemporaryDirectory()
        try folder.write(Data(count: 20 << 20), to: "src/zeros.bin")
        let command = kind == "zip" ? "cd src && zip -q -9 ../x.zip zeros.bin" : "tar -cf - -C src zeros.bin | gzip -9 > x.tgz"
        try shell(["sh", "-c", command], in: folder.url)
        #expect {
            try fetch(folder, kind == "zip" ? "x.zip" : "x.tgz", kind == "zip" ? .zip : .tarGz)
        } throws: { ($0 as? FetchError).map { if case let .badArchive(_, _, reason) = $0 { reason.contains("bomb") } else { false } } ?? false }
        #expect(folder.listing("out").isEmpty)
    }

    @Test("corrupt gzip data is an error, not a crash")
    func corrupt() throws {
        let folder = try TemporaryDirectory()
        try makeTree(folder)
        try shell(["sh", "-c", "tar -cf - -C src corpus | gzip -9 > x.tgz"], in: folder.url)
        var bytes = try Data(contentsOf: folder.path("x.tgz"))
        for index in stride(from: 40, to: bytes.count - 20, by: 97) { bytes[index] ^= 0x5A }
        try bytes.write(to: folder.path("x.tgz"))
        #expect(throws: FetchError.self) { try fetch(folder, "x.tgz", .tarGz) }
        #expect(folder.listing("out").isEmpty)
    }
}
