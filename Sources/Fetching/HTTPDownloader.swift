import Digests
import Foundation

/// Downloads one URL into a partial file, resuming with Range requests and retrying with back-off,
/// then checks the pinned digest. The partial file lives in the cache, so a later run resumes it.
struct HTTPDownloader {
    let options: FetchOptions
    let sourceID: String

    /// Downloads `url` into `partialPath` until it is complete and has digest `expected`.
    /// On a digest mismatch the partial file is deleted (once restarted from zero if it had been resumed).
    func download(_ url: String, expected: Digest, partialPath: URL) throws(FetchError) {
        let progress = FetchProgressReporter(source: sourceID, report: options.progress)
        defer { progress?.finish() }
        var restarted = false
        while true {
            let resumed = try fileSize(partialPath) > 0
            try transferUntilComplete(url, partialPath: partialPath, progress: progress)
            let actual = try FileHasher.digest(of: partialPath, source: sourceID)
            if actual == expected { return }
            try? FileManager.default.removeItem(at: partialPath)
            if resumed && !restarted {
                restarted = true
                continue
            }
            throw .digestMismatch(source: sourceID, uri: url, expected: expected, actual: actual)
        }
    }

    private func transferUntilComplete(_ url: String, partialPath: URL, progress: FetchProgressReporter?) throws(FetchError) {
        let request = TransferRequest(
            url: url, caBundle: options.caBundle?.path, connectTimeout: options.connectTimeout,
            stallTimeout: options.stallTimeout)
        let transfer: CurlTransfer
        do { transfer = try CurlTransfer() } catch {
            throw .transferFailed(source: sourceID, url: url, attempts: 0, reason: "\(error)")
        }
        var lastReason = ""
        for attempt in 1...options.attempts {
            let file: PartialFile
            do { file = try PartialFile(path: partialPath.path) } catch {
                throw .writeFailed(source: sourceID, path: partialPath.path, reason: error.reason)
            }
            let outcome = transfer.perform(request, into: file, progress: progress)
            do { try file.sync() } catch {
                throw .writeFailed(source: sourceID, path: partialPath.path, reason: error.reason)
            }
            switch try classify(outcome, url: url, partialPath: partialPath, resumedFrom: file.size) {
            case .complete:
                return
            case let .retry(reason, delay):
                lastReason = reason
                guard attempt < options.attempts else { break }
                Thread.sleep(forTimeInterval: delay ?? options.backoff(afterAttempt: attempt))
            }
        }
        throw .transferFailed(source: sourceID, url: url, attempts: options.attempts, reason: lastReason)
    }

    private enum Step { case complete, retry(String, Double?) }

    private func classify(_ outcome: TransferOutcome, url: String, partialPath: URL, resumedFrom: Int64) throws(FetchError) -> Step {
        switch outcome.failure {
        case let .tls(reason)?:
            throw .tlsFailure(source: sourceID, url: url, reason: reason)
        case let .write(reason)?:
            throw .writeFailed(source: sourceID, path: partialPath.path, reason: reason)
        case let .badRange(reason)?:
            try? FileManager.default.removeItem(at: partialPath)
            return .retry(reason + "; restarting from zero", 0)
        case let .network(reason)?:
            return .retry(reason, nil)
        case let .other(reason)?:
            if outcome.status == 0 { return .retry(reason, nil) }
        case nil:
            break
        }
        switch outcome.status {
        case 200, 206:
            return outcome.failure == nil ? .complete : .retry("transfer ended early", nil)
        case 416 where resumedFrom > 0:
            return .complete  // the partial file already holds every byte; the digest check decides
        case 408, 429, 500...599:
            let delay = RetryAfter.seconds(outcome.retryAfter).map { min($0, options.maximumBackoff) }
            return .retry("HTTP \(outcome.status)", delay)
        default:
            throw .httpStatus(source: sourceID, url: url, status: outcome.status)
        }
    }

    private func fileSize(_ url: URL) throws(FetchError) -> Int64 {
        guard FileManager.default.fileExists(atPath: url.path) else { return 0 }
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            return (attributes[.size] as? NSNumber)?.int64Value ?? 0
        } catch {
            throw .fileUnreadable(source: sourceID, path: url.path, reason: error.localizedDescription)
        }
    }
}

/// Parses an HTTP `Retry-After` value: delay-seconds or an HTTP-date.
enum RetryAfter {
    /// Seconds to wait, or nil when the header is absent or unreadable.
    static func seconds(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return Double(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
