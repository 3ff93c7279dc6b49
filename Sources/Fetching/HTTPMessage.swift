import Foundation

/// One HTTP request for `HTTPClient`: method, URL, headers, an optional body and basic-auth credentials.
///
/// Credentials travel in libcurl's user/password options, never in the URL, so they cannot appear in a
/// URL that is printed or logged.
public struct HTTPRequest: Sendable {
    /// Where a request body comes from.
    public enum Body: Sendable {
        /// No body.
        case none
        /// These bytes (JSON of an LFS batch call, a small file).
        case bytes([UInt8])
        /// The whole file at this path (`size` bytes), streamed.
        case file(URL, size: Int64)
    }

    /// `GET`, `HEAD`, `PUT`, `POST`, `MOVE`, `MKCOL`, `DELETE`, `PROPFIND`…
    public var method: String
    /// The absolute http(s) URL, without user information.
    public var url: String
    /// Extra header lines as (name, value).
    public var headers: [(String, String)]
    /// The request body.
    public var body: Body
    /// Basic-auth user and secret, sent only to `url` (never to a redirect target).
    public var credentials: (user: String, secret: String)?
    /// A PEM bundle of CAs to trust instead of the system ones.
    public var caBundle: String?
    /// Seconds allowed for connecting.
    public var connectTimeout = 30
    /// Seconds without a byte moving before the transfer is abandoned.
    public var stallTimeout = 60
    /// The most response-body bytes kept (larger bodies are cut; publishing only reads small answers).
    public var maximumBody = 8 << 20

    /// A request with no body and no credentials.
    public init(method: String, url: String, headers: [(String, String)] = [], body: Body = .none) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// What the server answered.
public struct HTTPResponse: Sendable {
    /// The final status code.
    public let status: Int
    /// Response headers, names lowercased (the last value wins).
    public let headers: [String: String]
    /// The body (at most the request's `maximumBody` bytes are kept).
    public let body: [UInt8]

    /// A response (tests build these too).
    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
