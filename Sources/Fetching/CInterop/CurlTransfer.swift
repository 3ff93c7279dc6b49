internal import CCurl
import Foundation

/// One HTTP(S) GET through a libcurl easy handle, owned by this class and freed in `deinit`.
///
/// The body goes into a `PartialFile`: appended after a `206` whose range starts where the file ends,
/// written from the start after a `200`, discarded for any other status. Redirects are followed
/// (http/https only); TLS peer and host verification stay on; proxies come from the environment.
final class CurlTransfer {
    private let handle: UnsafeMutableRawPointer

    init() throws(TransferFailure) {
        guard CurlGlobal.ensureInitialised(), let handle = curl_easy_init() else {
            throw TransferFailure.other("libcurl could not be initialised")
        }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    /// Performs `request`, writing the body into `file`; never throws: the outcome says what happened.
    func perform(_ request: TransferRequest, into file: PartialFile, progress: FetchProgressReporter?) -> TransferOutcome {
        curl_easy_reset(handle)
        let context = TransferContext(handle: handle, file: file, resumeOffset: file.size, progress: progress)
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        if let failure = configure(request, resumeOffset: file.size, context: unmanaged.toOpaque()) {
            return TransferOutcome(status: 0, failure: failure, retryAfter: nil)
        }
        let code = curl_easy_perform(handle)
        var status = 0
        var response: Int = 0
        if CCurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &response) == CURLE_OK { status = response }
        if status == 200, !context.decided, context.resumeOffset > 0 {
            do { try file.truncate() } catch { context.writeError = error }
        }
        return TransferOutcome(status: status, failure: context.failure(for: code), retryAfter: context.retryAfter)
    }

    private func configure(_ request: TransferRequest, resumeOffset: Int64, context: UnsafeMutableRawPointer) -> TransferFailure? {
        var results = CurlBaseline.options(handle, url: request.url, connectTimeout: request.connectTimeout,
                                           stallTimeout: request.stallTimeout, userAgent: "glassbox-fetch/1") + [
            CCurl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1),
            CCurl_easy_setopt_long(handle, CURLOPT_MAXREDIRS, 10),
            CCurl_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
            CCurl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody),
            CCurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context),
            CCurl_easy_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader),
            CCurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context),
        ]
        if resumeOffset > 0 {
            results.append(CCurl_easy_setopt_off_t(handle, CURLOPT_RESUME_FROM_LARGE, curl_off_t(resumeOffset)))
        }
        if let caBundle = request.caBundle {
            results.append(CCurl_easy_setopt_string(handle, CURLOPT_CAINFO, caBundle))
        }
        if let bad = results.first(where: { $0 != CURLE_OK }) {
            return .other("libcurl refused an option: \(String(cString: curl_easy_strerror(bad)))")
        }
        return nil
    }
}

/// What an HTTP attempt needs to know.
struct TransferRequest: Sendable {
    var url: String
    var caBundle: String?
    var connectTimeout: Int
    var stallTimeout: Int
}

/// How an HTTP attempt ended.
struct TransferOutcome: Sendable {
    /// The final HTTP status (0 when no response arrived).
    var status: Int
    /// nil when libcurl completed the transfer.
    var failure: TransferFailure?
    /// The `Retry-After` header of the final response, if any.
    var retryAfter: String?
}

/// Why an HTTP attempt did not complete.
enum TransferFailure: Error, Sendable, Equatable {
    /// A timeout, refused or dropped connection: worth retrying.
    case network(String)
    /// TLS handshake or certificate verification failed: retrying will not help.
    case tls(String)
    /// Writing the body to disk failed.
    case write(String)
    /// A `206` whose range did not start where the partial file ends.
    case badRange(String)
    /// Anything else libcurl reported.
    case other(String)
}

/// State shared with libcurl's C callbacks through an opaque pointer.
final class TransferContext {
    let handle: UnsafeMutableRawPointer
    let file: PartialFile
    let resumeOffset: Int64
    let progress: FetchProgressReporter?
    var decided = false
    var discarding = false
    var retryAfter: String?
    var contentRangeStart: Int64?
    var contentLength: Int64?
    var writeError: FetchIOError?
    var rangeError: String?

    init(handle: UnsafeMutableRawPointer, file: PartialFile, resumeOffset: Int64, progress: FetchProgressReporter?) {
        self.handle = handle
        self.file = file
        self.resumeOffset = resumeOffset
        self.progress = progress
    }

    func failure(for code: CURLcode) -> TransferFailure? {
        if let writeError { return .write(writeError.description) }
        if let rangeError { return .badRange(rangeError) }
        if code == CURLE_OK { return nil }
        let message = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return .tls(message)
        case CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_PARTIAL_FILE, CURLE_RECV_ERROR,
             CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY,
             CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_HTTP3:
            return .network(message)
        default:
            return .other(message)
        }
    }

    /// Decides, at the first body byte, whether to append, restart or discard.
    func decide() {
        decided = true
        var status: Int = 0
        _ = CCurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        if let contentLength { progress?.total = contentLength + (status == 206 ? resumeOffset : 0) }
        switch status {
        case 206:
            if contentRangeStart != resumeOffset {
                rangeError = "the server sent a range starting at \(contentRangeStart.map(String.init) ?? "?"), not \(resumeOffset)"
            }
        case 200:
            if resumeOffset > 0 {
                do { try file.truncate() } catch { writeError = error }
            }
        default:
            discarding = true
        }
    }

    func header(_ line: String) {
        if line.hasPrefix("HTTP/") {
            retryAfter = nil
            contentRangeStart = nil
            contentLength = nil
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        if name == "retry-after" { retryAfter = value }
        if name == "content-range" { contentRangeStart = Self.rangeStart(value) }
        if name == "content-length" { contentLength = Int64(value) }
    }

    private static func rangeStart(_ value: String) -> Int64? {
        // "bytes 100-999/1000"
        guard value.hasPrefix("bytes "), let dash = value.firstIndex(of: "-") else { return nil }
        return Int64(value[value.index(value.startIndex, offsetBy: 6)..<dash])
    }
}

private func curlWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?) -> Int {
    guard let user else { return 0 }
    let context = Unmanaged<TransferContext>.fromOpaque(user).takeUnretainedValue()
    let length = size * count
    if !context.decided { context.decide() }
    if context.writeError != nil || context.rangeError != nil { return 0 }
    if context.discarding { return length }
    do {
        try context.file.write(UnsafeRawBufferPointer(start: data, count: length))
    } catch {
        context.writeError = error
        return 0
    }
    context.progress?.update(bytes: context.file.size)
    return length
}

private func curlWriteHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?) -> Int {
    guard let user, let data else { return 0 }
    let context = Unmanaged<TransferContext>.fromOpaque(user).takeUnretainedValue()
    let length = size * count
    let bytes = UnsafeRawBufferPointer(start: data, count: length)
    context.header(String(decoding: bytes, as: UTF8.self))
    return length
}
