import Digests
import Foundation
import Testing
@testable import Fetching
import TestSupport

@Suite("file: sources, URIs and globs")
struct FileFetchTests {
    @Test("a relative file: path is resolved against the recipe folder and copied")
    func relativeFile() throws {
        let folder = try TemporaryDirectory()
        let body = Data("Dobrý den\n".utf8)
        try folder.write(body, to: "recipe/data/cs.txt")
        let spec = SourceSpec(id: "cs", uri: "file:data/cs.txt", sha256: Digest.sha256(of: body))
        let result = try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.path("recipe"), into: folder.path("out"))
        #expect(result.files == [FetchedFile(path: "cs.txt", size: Int64(body.count), digest: Digest.sha256(of: body))])
        #expect(folder.listing("out") == ["cs.txt"])
    }

    @Test("a wrong sha256 on a local file stores nothing")
    func localMismatch() throws {
        let folder = try TemporaryDirectory()
        try folder.write(Data("a\n".utf8), to: "a.txt")
        let spec = SourceSpec(id: "a", uri: "file:a.txt", sha256: Digest.sha256(of: "b\n"))
        #expect(throws: FetchError.digestMismatch(source: "a", uri: "file:a.txt", expected: Digest.sha256(of: "b\n"), actual: Digest.sha256(of: "a\n"))) {
            try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        }
        #expect(folder.listing("out").isEmpty)
    }

    @Test("a folder is fetched file by file, filtered by members, with a manifest digest")
    func directory() throws {
        let folder = try TemporaryDirectory()
        try folder.write(Data("cs\n".utf8), to: "corpus/cs/train.txt")
        try folder.write(Data("de\n".utf8), to: "corpus/de/train.txt")
        try folder.write(Data("x".utf8), to: "corpus/SOURCES.md")
        let spec = SourceSpec(id: "c", uri: "file://" + folder.path("corpus").path, members: ["*.txt"])
        let result = try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        #expect(result.files.map(\.path) == ["cs/train.txt", "de/train.txt"])
        // The same digest the store and `glassbox hash --json` compute for the output folder.
        #expect(result.digest == (try Manifest.scan(directory: folder.path("out").path).digest))
        #expect(result.digest == (try result.manifest().digest))
    }

    @Test("missing files and unknown schemes are clear errors")
    func errors() throws {
        let folder = try TemporaryDirectory()
        let fetcher = Fetcher(options: testOptions(folder))
        #expect(throws: FetchError.self) {
            try fetcher.fetch(SourceSpec(id: "m", uri: "file:missing.txt"), recipeDirectory: folder.url, into: folder.path("out"))
        }
        #expect {
            try fetcher.fetch(SourceSpec(id: "f", uri: "ftp://example.org/x"), recipeDirectory: folder.url, into: folder.path("out"))
        } throws: { ($0 as? FetchError)?.description.contains("expected file:") ?? false }
    }

    @Test("globs: *, ?, ** and classes", arguments: [
        ("*.txt", "a/b/c.txt", true), ("*.txt", "c.md", false), ("data/*.txt", "data/a.txt", true),
        ("data/*.txt", "data/x/a.txt", false), ("data/**/*.txt", "data/a.txt", true), ("data/**/*.txt", "data/x/y/a.txt", true),
        ("**/a?.txt", "q/ab.txt", true), ("[ab]*.txt", "b1.txt", true), ("[!ab]*.txt", "b1.txt", false),
        ("d**/x", "dir/x", true), ("**/x", "ax", false),
    ])
    func globs(pattern: String, path: String, expected: Bool) {
        #expect(GlobPattern(pattern).matches(path) == expected)
    }

    @Test("HTTP file names come from the URL path")
    func fileNames() {
        #expect(Fetcher.fileName(of: "https://h.example/a/b/corpus%20v1.tar.gz?x=1") == "corpus v1.tar.gz")
        #expect(Fetcher.fileName(of: "https://h.example/") == "download")
        #expect(Fetcher.fileName(of: "https://h.example/a/%2e%2e") == "download")
    }
}
