internal import CCurl
import Foundation

/// Sends one HTTP request at a time through a libcurl easy handle (owned here, freed in `deinit`), for
/// modules that need more than a download: PUT/MOVE/MKCOL for WebDAV, the Git LFS batch API.
///
/// Redirects are not followed (an upload must not be replayed elsewhere with its credentials); TLS
/// verification stays on; `Expect: 100-continue` is switched off. Network-level failures throw
/// `FetchError.transport`; any HTTP status is returned for the caller to judge.
public final class HTTPClient {
    private let handle: UnsafeMutableRawPointer

    /// A client with its own libcurl handle.
    public init() throws(FetchError) {
        guard CurlGlobal.ensureInitialised(), let handle = curl_easy_init() else {
            throw .transport(url: "", reason: "libcurl could not be initialised", retryable: false)
        }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    /// Sends `request`; `progress` gets the body bytes sent so far (uploads only).
    public func send(_ request: HTTPRequest, progress: ((Int64) -> Void)? = nil) throws(FetchError) -> HTTPResponse {
        curl_easy_reset(handle)
        let context = ExchangeContext(progress: progress, maximumBody: request.maximumBody)
        if case let .file(url, _) = request.body {
            guard let file = fopen(url.path, "rb") else {
                throw .transport(url: request.url, reason: "cannot read \(url.path): \(String(cString: strerror(errno)))", retryable: false)
            }
            context.file = file
        } else if case let .bytes(bytes) = request.body {
            context.bytes = bytes
        }
        defer { if let file = context.file { fclose(file) } }
        var headerList: UnsafeMutablePointer<curl_slist>?
        for (name, value) in request.headers + [("Expect", "")] {
            headerList = curl_slist_append(headerList, value.isEmpty ? "\(name):" : "\(name): \(value)")
        }
        defer { curl_slist_free_all(headerList) }
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        if let bad = configure(request, headers: headerList, context: unmanaged.toOpaque()).first(where: { $0 != CURLE_OK }) {
            throw .transport(url: request.url, reason: "libcurl refused an option: \(String(cString: curl_easy_strerror(bad)))", retryable: false)
        }
        let code = curl_easy_perform(handle)
        if let readError = context.readError {
            throw .transport(url: request.url, reason: readError, retryable: false)
        }
        guard code == CURLE_OK else {
            throw .transport(url: request.url, reason: String(cString: curl_easy_strerror(code)), retryable: Self.retryable(code))
        }
        var status = 0
        _ = CCurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: context.headers, body: context.body)
    }

    private func configure(_ request: HTTPRequest, headers: UnsafeMutablePointer<curl_slist>?, context: UnsafeMutableRawPointer) -> [CURLcode] {
        var results = CurlBaseline.options(handle, url: request.url, connectTimeout: request.connectTimeout,
                                           stallTimeout: request.stallTimeout, userAgent: "glassbox-publish/1") + [
            CCurl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0),
            CCurl_easy_setopt_pointer(handle, CURLOPT_HTTPHEADER, headers),
            CCurl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, exchangeWriteBody),
            CCurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context),
            CCurl_easy_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION, exchangeWriteHeader),
            CCurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context),
        ]
        if let credentials = request.credentials {
            results += [
                CCurl_easy_setopt_long(handle, CURLOPT_HTTPAUTH, 1),  // CURLAUTH_BASIC (a cast macro Swift cannot import)
                CCurl_easy_setopt_string(handle, CURLOPT_USERNAME, credentials.user),
                CCurl_easy_setopt_string(handle, CURLOPT_PASSWORD, credentials.secret),
            ]
        }
        if let caBundle = request.caBundle { results.append(CCurl_easy_setopt_string(handle, CURLOPT_CAINFO, caBundle)) }
        switch request.body {
        case .none:
            if request.method == "HEAD" {
                results.append(CCurl_easy_setopt_long(handle, CURLOPT_NOBODY, 1))
            } else if request.method != "GET" {
                results.append(CCurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method))
            }
        case let .bytes(bytes):
            results += upload(size: Int64(bytes.count), method: request.method, context: context)
        case let .file(_, size):
            results += upload(size: size, method: request.method, context: context)
        }
        return results
    }

    private func upload(size: Int64, method: String, context: UnsafeMutableRawPointer) -> [CURLcode] {
        var results = [
            CCurl_easy_setopt_long(handle, CURLOPT_UPLOAD, 1),
            CCurl_easy_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(size)),
            CCurl_easy_setopt_read_callback(handle, CURLOPT_READFUNCTION, exchangeReadBody),
            CCurl_easy_setopt_pointer(handle, CURLOPT_READDATA, context),
        ]
        if method != "PUT" { results.append(CCurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)) }
        return results
    }

    private static func retryable(_ code: CURLcode) -> Bool {
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_PARTIAL_FILE, CURLE_RECV_ERROR,
             CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_HTTP3,
             CURLE_WEIRD_SERVER_REPLY:
            true
        default:
            false
        }
    }
}

/// State shared with libcurl's C callbacks for one `HTTPClient.send`.
private final class ExchangeContext {
    let progress: ((Int64) -> Void)?
    let maximumBody: Int
    var file: UnsafeMutablePointer<FILE>?
    var bytes: [UInt8] = []
    var sent: Int64 = 0
    var readError: String?
    var headers: [String: String] = [:]
    var body: [UInt8] = []

    init(progress: ((Int64) -> Void)?, maximumBody: Int) {
        self.progress = progress
        self.maximumBody = maximumBody
    }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        if let file {
            let count = fread(buffer, 1, capacity, file)
            if count == 0, ferror(file) != 0 {
                readError = "reading the upload failed: \(String(cString: strerror(errno)))"
                return Int(CURL_READFUNC_ABORT)
            }
            sent += Int64(count)
            progress?(sent)
            return count
        }
        let start = Int(sent)
        let count = min(capacity, bytes.count - start)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + start, byteCount: count)
        }
        sent += Int64(count)
        progress?(sent)
        return count
    }

    func header(_ line: String) {
        if line.hasPrefix("HTTP/") {
            headers = [:]
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

private func exchangeWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?) -> Int {
    guard let user else { return 0 }
    let context = Unmanaged<ExchangeContext>.fromOpaque(user).takeUnretainedValue()
    let length = size * count
    let room = max(0, context.maximumBody - context.body.count)
    if let data, room > 0 {
        context.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: min(length, room)))
    }
    return length
}

private func exchangeWriteHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?) -> Int {
    guard let user, let data else { return 0 }
    let context = Unmanaged<ExchangeContext>.fromOpaque(user).takeUnretainedValue()
    let length = size * count
    context.header(String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self))
    return length
}

private func exchangeReadBody(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?) -> Int {
    guard let user, let buffer else { return Int(CURL_READFUNC_ABORT) }
    let context = Unmanaged<ExchangeContext>.fromOpaque(user).takeUnretainedValue()
    return context.read(into: buffer, capacity: size * count)
}
