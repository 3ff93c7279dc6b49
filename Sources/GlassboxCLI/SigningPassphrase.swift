import Foundation

/// Passphrase files: the first line, without its line ending.
enum SigningPassphrase {
    static func read(_ path: String) throws -> String {
        let text = String(decoding: try SigningKeyFiles.read(path, what: "passphrase file"), as: UTF8.self)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let passphrase = line.hasSuffix("\r") ? String(line.dropLast()) : line
        guard !passphrase.isEmpty else { throw SigningFailure(message: "passphrase file \(path) is empty") }
        return passphrase
    }
}
