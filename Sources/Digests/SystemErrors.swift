#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's message for `code` ("No such file or directory"), as `sha256sum` prints it.
func systemMessage(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}

extension DigestError {
    /// A `.io` error for the current `errno`.
    static func lastIO(_ operation: String, _ path: String) -> DigestError {
        .io(path: path, operation: operation, reason: systemMessage(errno))
    }
}
