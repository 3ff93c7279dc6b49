internal import CCurl

/// The libcurl options every glassbox transfer sets, downloads and publishing alike: the URL, http(s)
/// only, TLS peer and host always verified, a connect timeout, a stall timeout (less than 1 byte/s for
/// `stallTimeout` seconds), no signals, and the user agent. One place, so the two callers cannot drift.
enum CurlBaseline {
    static func options(_ handle: UnsafeMutableRawPointer, url: String, connectTimeout: Int,
                        stallTimeout: Int, userAgent: String) -> [CURLcode] {
        [
            CCurl_easy_setopt_string(handle, CURLOPT_URL, url),
            CCurl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            CCurl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1),
            CCurl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2),
            CCurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, connectTimeout),
            CCurl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1),
            CCurl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, stallTimeout),
            CCurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            CCurl_easy_setopt_string(handle, CURLOPT_USERAGENT, userAgent),
        ]
    }
}
