import Digests
import Foundation
import TestSupport
import Testing
@testable import Fetching
import TestSupport

/// Quick options for tests: tiny back-off, no progress, cache inside the test folder.
func testOptions(_ folder: TemporaryDirectory, attempts: Int = 5, caBundle: URL? = nil) -> FetchOptions {
    FetchOptions(attempts: attempts, initialBackoff: 0.01, maximumBackoff: 2, caBundle: caBundle,
                 cacheDirectory: folder.path("cache"), connectTimeout: 5, stallTimeout: 5)
}

@Suite("HTTP fetching against nginx and a fault-injecting server")
struct HTTPFetchTests {
    @Test("nginx: a pinned file is downloaded and verified")
    func nginxHappyPath() throws {
        let folder = try TemporaryDirectory()
        let body = sampleBytes(300_000)
        try folder.write(body, to: "www/corpus.bin")
        let nginx = try NginxServer(root: folder.path("www"))
        let spec = SourceSpec(id: "web", uri: nginx.baseURL + "/corpus.bin", sha256: Digest.sha256(of: body))
        let result = try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        #expect(result.digest == Digest.sha256(of: body))
        #expect(result.files.map(\.path) == ["corpus.bin"])
        #expect(try Data(contentsOf: folder.path("out/corpus.bin")) == body)
        #expect(folder.listing("out") == ["corpus.bin"])
        #expect(folder.listing("cache/partial").filter { $0.hasSuffix(".part") }.isEmpty)
    }

    @Test("nginx: a partial file left by an earlier run is resumed with a Range request")
    func nginxResume() throws {
        let folder = try TemporaryDirectory()
        let body = sampleBytes(200_000, seed: 7)
        try folder.write(body, to: "www/corpus.bin")
        let digest = Digest.sha256(of: body)
        try folder.write(body.prefix(123_456), to: "cache/partial/\(digest.hex).part")
        let nginx = try NginxServer(root: folder.path("www"))
        let spec = SourceSpec(id: "web", uri: nginx.baseURL + "/corpus.bin", sha256: digest)
        _ = try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        #expect(try Data(contentsOf: folder.path("out/corpus.bin")) == body)
        nginx.stop()
        #expect(nginx.accessLog == ["206 \"bytes=123456-\" \(200_000 - 123_456) /corpus.bin"])
    }

    @Test("a connection dropped at every 10% of the body is resumed from where it stopped", arguments: 1...9)
    func dropAndResume(tenth: Int) throws {
        let folder = try TemporaryDirectory()
        let body = sampleBytes(100_000, seed: UInt64(tenth))
        let cut = body.count * tenth / 10
        let server = try FaultServer(body: body, script: [.dropAfter(cut), .serve])
        let spec = SourceSpec(id: "web", uri: server.url, sha256: Digest.sha256(of: body))
        _ = try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        #expect(try Data(contentsOf: folder.path("out/data.bin")) == body)
        #expect(server.ranges == ["", "bytes=\(cut)-"])
    }

    @Test("503 with Retry-After is retried after the announced delay")
    func retryAfter() throws {
        let folder = try TemporaryDirectory()
        let body = sampleBytes(10_000)
        let server = try FaultServer(body: body, script: [.status(503, retryAfter: "1"), .serve])
        let spec = SourceSpec(id: "web", uri: server.url, sha256: Digest.sha256(of: body))
        let started = Date()
        _ = try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        #expect(Date().timeIntervalSince(started) >= 1)
        #expect(server.ranges.count == 2)
    }

    @Test("persistent 5xx gives up after the configured attempts, leaving nothing in the output")
    func attemptsExhausted() throws {
        let folder = try TemporaryDirectory()
        let body = sampleBytes(1000)
        let server = try FaultServer(body: body, script: [.status(500, retryAfter: nil)])
        let spec = SourceSpec(id: "web", uri: server.url, sha256: Digest.sha256(of: body))
        #expect {
            try Fetcher(options: testOptions(folder, attempts: 3)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        } throws: { error in
            guard case let .transferFailed(_, _, attempts, reason)? = error as? FetchError else { return false }
            return attempts == 3 && reason.contains("HTTP 500")
        }
        #expect(server.ranges.count == 3)
        #expect(folder.listing("out").isEmpty)
    }

    @Test("wrong bytes are a digest mismatch: nothing stored, partial file removed")
    func wrongBytes() throws {
        let folder = try TemporaryDirectory()
        let body = sampleBytes(5000)
        let server = try FaultServer(body: body, script: [.wrongBytes(sampleBytes(5000, seed: 99))])
        let spec = SourceSpec(id: "web", uri: server.url, sha256: Digest.sha256(of: body))
        #expect {
            try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        } throws: { error in
            guard case let .digestMismatch(_, _, expected, actual)? = error as? FetchError else { return false }
            return expected == Digest.sha256(of: body) && actual == Digest.sha256(of: sampleBytes(5000, seed: 99))
        }
        #expect(folder.listing("out").isEmpty)
        #expect(folder.listing("cache/partial").filter { $0.hasSuffix(".part") }.isEmpty)
    }

    @Test("404 fails at once with the status and the URL")
    func notFound() throws {
        let folder = try TemporaryDirectory()
        let server = try FaultServer(body: Data(), script: [.status(404, retryAfter: nil)])
        let spec = SourceSpec(id: "web", uri: server.url, sha256: Digest.sha256(of: Data()))
        #expect(throws: FetchError.httpStatus(source: "web", url: server.url, status: 404)) {
            try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        }
        #expect(server.ranges.count == 1)
        #expect(FetchError.httpStatus(source: "web", url: server.url, status: 404).description.contains("not found"))
    }

    @Test("a remote source without sha256 is refused before any request")
    func missingDigest() throws {
        let folder = try TemporaryDirectory()
        #expect(throws: FetchError.missingDigest(source: "web", uri: "https://example.invalid/x")) {
            try Fetcher(options: testOptions(folder)).fetch(
                SourceSpec(id: "web", uri: "https://example.invalid/x"), recipeDirectory: folder.url, into: folder.path("out"))
        }
    }

    @Test("TLS: an untrusted certificate fails; the same server passes with --ca-bundle")
    func tlsVerification() throws {
        let folder = try TemporaryDirectory()
        let body = sampleBytes(4096)
        try folder.write(body, to: "www/a.bin")
        let cert = folder.path("cert.pem").path, key = folder.path("key.pem").path
        try shell(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                   "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
        let nginx = try NginxServer(root: folder.path("www"), tls: (cert, key))
        let spec = SourceSpec(id: "tls", uri: nginx.baseURL + "/a.bin", sha256: Digest.sha256(of: body))
        #expect {
            try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        } throws: { error in
            guard case .tlsFailure? = error as? FetchError else { return false }
            return true
        }
        let trusted = testOptions(folder, caBundle: URL(fileURLWithPath: cert))
        _ = try Fetcher(options: trusted).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        #expect(try Data(contentsOf: folder.path("out/a.bin")) == body)
    }

    @Test("Retry-After accepts seconds and HTTP dates")
    func retryAfterParsing() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryAfter.seconds("7", now: now) == 7)
        #expect(RetryAfter.seconds("Tue, 14 Nov 2023 22:13:30 GMT", now: now) == 10)
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.seconds(nil, now: now) == nil)
    }
}

@Suite("HTTP recovery paths")
struct HTTPRecoveryTests {
    @Test("a stale partial file from another version is detected by the digest and re-downloaded from zero")
    func stalePartial() throws {
        let folder = try TemporaryDirectory()
        let body = sampleBytes(50_000, seed: 3)
        let digest = Digest.sha256(of: body)
        try folder.write(sampleBytes(1000, seed: 4), to: "cache/partial/\(digest.hex).part")
        let server = try FaultServer(body: body, script: [.serve])
        let spec = SourceSpec(id: "web", uri: server.url, sha256: digest)
        _ = try Fetcher(options: testOptions(folder)).fetch(spec, recipeDirectory: folder.url, into: folder.path("out"))
        #expect(try Data(contentsOf: folder.path("out/data.bin")) == body)
        #expect(server.ranges == ["bytes=1000-", ""])
    }

    /// Reports collected from a progress callback.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [FetchProgress] = []
        func append(_ item: FetchProgress) { lock.lock(); items.append(item); lock.unlock() }
        var all: [FetchProgress] { lock.lock(); defer { lock.unlock() }; return items }
    }

    @Test("progress goes to the callback, never to the terminal; quick downloads report nothing")
    func progressCallback() {
        let reports = Reports()
        #expect(FetchProgressReporter(source: "web", report: nil) == nil)
        let reporter = FetchProgressReporter(source: "web", report: { reports.append($0) })
        reporter?.total = 100
        reporter?.update(bytes: 10)
        reporter?.finish()
        #expect(reports.all.isEmpty)
        let report = FetchProgress(source: "web", bytes: 50, total: 100, bytesPerSecond: 10, finished: false)
        #expect(report.secondsLeft == 5)
        #expect(FetchProgress(source: "web", bytes: 50, total: nil, bytesPerSecond: 10, finished: false).secondsLeft == nil)
    }
}
