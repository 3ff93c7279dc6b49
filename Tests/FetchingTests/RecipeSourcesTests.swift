import Digests
import Foundation
import Testing
@testable import Fetching
import TestSupport

@Suite("a recipe's three kinds of source together")
struct RecipeSourcesTests {
    @Test("local file, HTTP with a forced drop, and git: fetched, resumed, and identical on a second run")
    func threeSources() throws {
        let folder = try TemporaryDirectory()
        let local = Data("Dobrý den.\nDobrý den.\nNashledanou.\n".utf8)
        try folder.write(local, to: "recipe/data/cs.txt")
        let remote = Data((0..<3000).map { "Guten Tag, Zeile \($0).\n" }.joined().utf8)
        let server = try FaultServer(body: remote, script: [.dropAfter(remote.count / 3), .serve])
        let repo = try TestRepository(in: folder)
        let specs = [
            SourceSpec(id: "cs", uri: "file:data/cs.txt", sha256: Digest.sha256(of: local)),
            SourceSpec(id: "de", uri: server.url, sha256: Digest.sha256(of: remote)),
            SourceSpec(id: "git", uri: "git+file://\(repo.path.path)@\(repo.first)#data/*.txt"),
        ]
        func fetchAll(_ run: String) throws -> [FetchedSource] {
            let fetcher = Fetcher(options: testOptions(folder))
            return try specs.map { try fetcher.fetch($0, recipeDirectory: folder.path("recipe"), into: folder.path("\(run)/\($0.id)")) }
        }
        let first = try fetchAll("one")
        #expect(server.ranges == ["", "bytes=\(remote.count / 3)-"])
        let second = try fetchAll("two")
        #expect(first == second)
        #expect(first.map { $0.files.map(\.path) } == [["cs.txt"], ["data.bin"], ["data/cs.txt", "data/de.txt"]])
        for (index, spec) in specs.enumerated() {
            for file in first[index].files {
                #expect(try Data(contentsOf: folder.path("one/\(spec.id)/\(file.path)")) == Data(contentsOf: folder.path("two/\(spec.id)/\(file.path)")))
            }
        }
    }
}
