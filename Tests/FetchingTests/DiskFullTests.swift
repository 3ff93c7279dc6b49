import Digests
import Foundation
import Testing
@testable import Fetching
import TestSupport

@Suite("a disk that fills during a download")
struct DiskFullTests {
    @Test("the download stops with 'No space left on device', nothing is stored, the partial file can resume")
    func diskFull() throws {
        let folder = try TemporaryDirectory()
        let cache = folder.path("cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        do {
            try shell(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", cache.path])
        } catch {
            print("skipped: a small tmpfs cannot be mounted here (needs root): \(error)")
            return
        }
        defer { _ = try? shell(["umount", cache.path]) }
        let body = sampleBytes(2 << 20)
        let server = try FaultServer(body: body, script: [.serve])
        let spec = SourceSpec(id: "big", uri: server.url, sha256: Digest.sha256(of: body))
        #expect {
            try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        } throws: { error in
            guard case let .writeFailed(_, path, reason)? = error as? FetchError else { return false }
            return path.hasSuffix(".part") && reason.contains("No space left")
        }
        #expect(folder.listing("out").isEmpty)
        let partial = cache.appendingPathComponent("partial/\(Digest.sha256(of: body).hex).part")
        let size = try FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int ?? 0
        #expect(size > 0 && size <= 256 << 10)
    }
}
