import Foundation

/// `withUnsafeBytes` for bodies with a typed error (the standard one only `rethrows` `any Error`).
enum TypedBytes {
    static func with<Bytes: ContiguousBytes, T>(
        _ bytes: Bytes, _ body: (UnsafeRawBufferPointer) throws(FetchError) -> T
    ) throws(FetchError) -> T {
        let result: Result<T, FetchError> = bytes.withUnsafeBytes { buffer in
            do throws(FetchError) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
