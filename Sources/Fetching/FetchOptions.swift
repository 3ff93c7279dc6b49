import Foundation

/// How a `Fetcher` downloads: retries, back-off, TLS trust, caches and progress.
public struct FetchOptions: Sendable {
    /// How many times an HTTP transfer is tried before giving up (at least 1).
    public var attempts: Int
    /// The first back-off delay in seconds; it doubles after each failed attempt.
    public var initialBackoff: Double
    /// The longest back-off delay in seconds (also the cap applied to a server's `Retry-After`).
    public var maximumBackoff: Double
    /// A PEM file of CA certificates to trust instead of the system's; TLS verification is always on.
    public var caBundle: URL?
    /// Where partial downloads (`partial/`) and git mirrors (`git/`) are kept between runs.
    /// nil means `<output directory>/../.glassbox-fetch-cache`.
    public var cacheDirectory: URL?
    /// Seconds allowed to establish a connection.
    public var connectTimeout: Int
    /// A transfer slower than 1 byte/s for this many seconds counts as a dropped connection.
    public var stallTimeout: Int
    /// Called with the progress of each HTTP download (nothing in its first second, then at most five
    /// times a second, and once more when it ends); nil for none. The library never writes to the terminal.
    public var progress: (@Sendable (FetchProgress) -> Void)?
    /// Largest accepted uncompressed/compressed size ratio of an archive member (zip-bomb guard).
    public var maximumCompressionRatio: Double
    /// Replace a file already in the output directory whose bytes differ (`data fetch --force`);
    /// otherwise such a file is refused (an identical one is kept as it is).
    public var replaceExisting = false

    /// Creates options; the defaults suit an interactive build.
    public init(
        attempts: Int = 5, initialBackoff: Double = 1, maximumBackoff: Double = 60, caBundle: URL? = nil,
        cacheDirectory: URL? = nil, connectTimeout: Int = 30, stallTimeout: Int = 60,
        progress: (@Sendable (FetchProgress) -> Void)? = nil, maximumCompressionRatio: Double = 100
    ) {
        self.attempts = max(1, attempts)
        self.initialBackoff = max(0, initialBackoff)
        self.maximumBackoff = max(0, maximumBackoff)
        self.caBundle = caBundle
        self.cacheDirectory = cacheDirectory
        self.connectTimeout = max(1, connectTimeout)
        self.stallTimeout = max(1, stallTimeout)
        self.progress = progress
        self.maximumCompressionRatio = maximumCompressionRatio
    }

    /// The back-off before attempt `attempt + 1` after `attempt` (1-based) failed: exponential, capped.
    public func backoff(afterAttempt attempt: Int) -> Double {
        let exponent = Double(max(0, min(attempt - 1, 30)))
        return min(maximumBackoff, initialBackoff * pow(2, exponent))
    }
}
