import Digests
import Testing

@testable import Verification

/// The recipe scan that feeds provenance's resolved dependencies.
struct ProvenanceScanTests {
    @Test func readsSourcesFromRecipeTables() throws {
        let digest = "sha256:" + String(repeating: "cd", count: 32)
        let recipe = """
            format = 1
            [release]
            name = "x"
            [[data.sources]]
            id = "a"   # first
            uri = 'file:data/a.txt'
            sha256 = "\(digest)"
            [[data.sources]]
            id = "no-digest"
            uri = "file:data/b.txt"
            [data]
            seed = 1
            """
        let found = ProvenanceInputs.scanSources(recipe)
        #expect(found == [.init(name: "a", uri: "file:data/a.txt", digest: try Digest(parsing: digest))])
    }
}
