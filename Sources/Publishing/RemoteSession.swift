import Fetching
import Foundation

/// Sends HTTP requests to one target with its credentials, retrying what retrying can fix (dropped
/// connections, 502/503/504/429 with their `Retry-After`) a bounded number of times, and turning
/// 401/403/507 into errors at once — a wrong token is tried once, never in a loop.
final class RemoteSession {
    private let client: HTTPClient
    let credentials: PublishCredentials
    private let options: PublishOptions
    private let progress: PublishProgress?
    /// Requests sent, attempts included (tests read it).
    private(set) var requestCount = 0

    init(credentials: PublishCredentials, options: PublishOptions, progress: PublishProgress?) throws(PublishError) {
        do {
            client = try HTTPClient()
        } catch {
            throw .transferFailed(url: "", attempts: 0, reason: error.description)
        }
        self.credentials = credentials
        self.options = options
        self.progress = progress
    }

    /// Sends `request` (credentials and CA bundle added); `what` names it in notes ("PUT", "LFS batch"),
    /// `file` the release file it carries (for the 507 message); `authenticate` false when the request
    /// carries its own `Authorization` header (an LFS action's).
    func send(
        _ request: HTTPRequest, what: String, file: String? = nil, authenticate: Bool = true, onBytes: ((Int64) -> Void)? = nil
    ) throws(PublishError) -> HTTPResponse {
        var request = request
        if authenticate { request.credentials = credentials.basic }
        request.caBundle = options.caBundle
        var attempt = 0
        var lastReason = ""
        while attempt < max(1, options.maxAttempts) {
            attempt += 1
            requestCount += 1
            let response: HTTPResponse
            do {
                response = try client.send(request, progress: onBytes)
            } catch {
                guard case let .transport(_, reason, retryable) = error, retryable else {
                    throw .transferFailed(url: request.url, attempts: attempt, reason: credentials.redact(error.description))
                }
                lastReason = reason
                wait(seconds: options.backoff * pow(2, Double(attempt - 1)), because: "\(what) \(request.url): \(reason)", attempt: attempt)
                continue
            }
            switch response.status {
            case 401, 403:
                throw .accessDenied(url: request.url, status: response.status, user: credentials.user, hadSecret: credentials.hasSecret)
            case 507:
                throw .insufficientStorage(url: request.url, path: file ?? request.url)
            case 429, 502, 503, 504:
                lastReason = "HTTP \(response.status)"
                let delay = response.headers["retry-after"].flatMap(Double.init) ?? options.backoff * pow(2, Double(attempt - 1))
                wait(seconds: min(delay, options.maxRetryAfter), because: "\(what) \(request.url): HTTP \(response.status)", attempt: attempt)
                continue
            default:
                return response
            }
        }
        throw .transferFailed(url: request.url, attempts: attempt, reason: lastReason)
    }

    private func wait(seconds: Double, because reason: String, attempt: Int) {
        guard attempt < max(1, options.maxAttempts) else { return }
        progress?.note("\(reason); retrying in \(String(format: "%.1f", seconds)) s (attempt \(attempt + 1) of \(options.maxAttempts))")
        Thread.sleep(forTimeInterval: max(0, seconds))
    }

    /// A short, secret-free excerpt of a response body for an error message.
    func detail(_ response: HTTPResponse) -> String {
        let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return credentials.redact(String(text.prefix(300)))
    }
}
