import Foundation

/// A failure of keygen/sign/verify's own file handling, with the message to print.
struct SigningFailure: Error {
    let message: String
}

extension SigningFailure {
    /// Prints `error: message` to standard error.
    static func print(_ message: String) {
        Console.error(message)
    }
}
