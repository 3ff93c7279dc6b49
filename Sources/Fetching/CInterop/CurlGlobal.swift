internal import CCurl

/// libcurl's process-wide initialisation, done once (Swift runs a global's initialiser exactly once).
enum CurlGlobal {
    private static let status: Int32 = Int32(curl_global_init(Int(CURL_GLOBAL_DEFAULT)).rawValue)

    /// Initialises libcurl if that has not happened yet; returns false if it failed.
    static func ensureInitialised() -> Bool { status == 0 }
}
