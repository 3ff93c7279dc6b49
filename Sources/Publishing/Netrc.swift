import Foundation

/// The entries of a `.netrc` file (`machine HOST login USER password SECRET`, `default …`), as curl
/// and git read them; `macdef` blocks are skipped.
struct Netrc: Sendable {
    struct Entry: Sendable {
        var login: String?
        var password: String?
    }

    private(set) var machines: [String: Entry] = [:]
    private(set) var fallback: Entry?

    /// Parses `text`.
    init(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var tokens: [String] = []
        var inMacro = false
        for line in lines {
            if inMacro { if line.trimmingCharacters(in: .whitespaces).isEmpty { inMacro = false }; continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if words.first == "macdef" { inMacro = true; continue }
            tokens += words
        }
        var current: (name: String?, entry: Entry)?
        var index = 0
        func flush() {
            guard let current else { return }
            if let name = current.name { if machines[name] == nil { machines[name] = current.entry } } else if fallback == nil { fallback = current.entry }
        }
        while index < tokens.count {
            let token = tokens[index]
            let value: String? = index + 1 < tokens.count ? String(tokens[index + 1]) : nil
            switch token {
            case "machine": flush(); current = (value, Entry()); index += 2
            case "default": flush(); current = (nil, Entry()); index += 1
            case "login": current?.entry.login = value; index += 2
            case "password": current?.entry.password = value; index += 2
            case "account": index += 2
            default: index += 1
            }
        }
        flush()
    }

    /// The entry for `host`, else the `default` entry.
    func entry(for host: String) -> Entry? { machines[host] ?? fallback }
}
