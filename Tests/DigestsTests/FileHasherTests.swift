import Digests
import Foundation
import Testing
import TestSupport

@Suite("Streaming file hashing")
struct FileHasherTests {
    static let buffer = 4096

    @Test("sizes around the buffer size", arguments: [0, 1, buffer - 1, buffer, buffer + 1, 3 * buffer + 7])
    func bufferBoundaries(size: Int) throws {
        let directory = try TemporaryDirectory()
        let bytes = patternBytes(count: size)
        let path = try directory.write("file", bytes)
        let hash = try FileHasher(bufferSize: Self.buffer).hash(fileAt: path)
        #expect(hash.digest == Digest.sha256(of: bytes))
        #expect(hash.size == Int64(size))
        #expect(hash.path == path)
    }

    @Test("sizes around the default buffer", arguments: [
        FileHasher.defaultBufferSize - 1, FileHasher.defaultBufferSize, FileHasher.defaultBufferSize + 1,
    ])
    func defaultBufferBoundaries(size: Int) throws {
        let directory = try TemporaryDirectory()
        let bytes = patternBytes(count: size)
        let path = try directory.write("file", bytes)
        #expect(try FileHasher().hash(fileAt: path).digest == Digest.sha256(of: bytes))
    }

    @Test("progress adds up to the file size")
    func progress() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("file", patternBytes(count: 10_000))
        var total = 0
        _ = try FileHasher(bufferSize: 1000).hash(fileAt: path) { total += $0 }
        #expect(total == 10_000)
    }

    @Test("a missing file is an error naming it")
    func missingFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/does-not-exist"
        #expect(throws: DigestError.io(path: path, operation: "open", reason: "No such file or directory")) {
            try FileHasher().hash(fileAt: path)
        }
    }

    @Test("a directory is refused")
    func directory() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: DigestError.isDirectory(path: directory.path)) { try FileHasher().hash(fileAt: directory.path) }
    }

    @Test("parallel hashing keeps input order and does not depend on the thread count")
    func parallelOrder() throws {
        let directory = try TemporaryDirectory()
        var paths = [String]()
        for index in 0..<23 {
            paths.append(try directory.write("f\(index)", patternBytes(count: (index * 7919) % 50_000, seed: UInt64(index + 1))))
        }
        paths.insert(directory.path + "/missing", at: 5)
        let one = ParallelHasher.hash(files: paths, threads: 1, bufferSize: 1000)
        for threads in [2, 3, 8] {
            let many = ParallelHasher.hash(files: paths, threads: threads, bufferSize: 1000)
            #expect(many.map { try? $0.get() } == one.map { try? $0.get() })
        }
        #expect(one.map { (try? $0.get())?.path } == paths.enumerated().map { $0 == 5 ? nil : $1 })
        #expect(throws: DigestError.self) { try ParallelHasher.hashAll(files: paths, threads: 2) }
    }

    @Test("malformed and wrong-algorithm digests are refused with the reason")
    func digestParsing() throws {
        #expect(throws: DigestError.self) { try Digest(parsing: "md5:d41d8cd98f00b204e9800998ecf8427e") }
        #expect(throws: DigestError.self) { try Digest(parsing: "sha256:abc") }
        #expect(throws: DigestError.self) { try Digest(parsing: "sha256:" + String(repeating: "g", count: 64)) }
        let text = "sha256:" + String(repeating: "ab", count: 32)
        #expect(try Digest(parsing: text).description == text)
        do {
            _ = try Digest(parsing: "sha512:00")
            Issue.record("sha512 accepted")
        } catch {
            #expect(error.description.contains("unsupported algorithm 'sha512'"))
        }
    }
}
