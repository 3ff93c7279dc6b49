import Fetching

extension GitTarget {
    /// A libgit2 failure as the error a user reads (401/403 with the fix, non-fast-forward, 404).
    func mapped(_ error: FetchError) -> PublishError {
        let display = "git+\(url)"
        switch error {
        case let .remoteStatus(_, status) where status == 401 || status == 403:
            return .accessDenied(url: display, status: status, user: session.credentials.user, hadSecret: session.credentials.hasSecret)
        case let .remoteStatus(_, status):
            return .unexpectedStatus(url: display, status: status, operation: "git", detail: status == 404 ? "no repository at this URL; create it on the server first" : "")
        case let .pushRejected(_, reference, reason):
            let lowered = reason.lowercased()
            if lowered.contains("fast-forward") || lowered.contains("fetch first") || lowered.contains("stale") {
                return .nonFastForward(url: display, branch: options.branch)
            }
            return .git(url: display, reason: session.credentials.redact("the server refused to update \(reference): \(reason)"))
        default:
            return Self.mapped(error, url: display, credentials: session.credentials)
        }
    }

    /// Runs a libgit2 step whose failure is not a network matter.
    static func wrap<T>(_ url: String, _ body: () throws(FetchError) -> T) throws(PublishError) -> T {
        do {
            return try body()
        } catch {
            throw mapped(error, url: url.isEmpty ? "(scratch repository)" : "git+\(url)", credentials: nil)
        }
    }

    private static func mapped(_ error: FetchError, url: String, credentials: PublishCredentials?) -> PublishError {
        if case let .transport(_, reason, _) = error { return .git(url: url, reason: credentials?.redact(reason) ?? reason) }
        return .git(url: url, reason: credentials?.redact(error.description) ?? error.description)
    }
}
