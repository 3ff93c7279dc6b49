import Foundation

/// The key path of the `key = value` line a TOML syntax error points at (`format`, `release.name`,
/// `data.sources[0].uri`), so that an unreadable value such as `format = 1e999` names its key like every
/// other value error. Found from the text: the table header above the line, then the line's key.
enum SyntaxErrorKey {
    /// The key path at 1-based `line` of `text`, or nil when that line is not a `key = value` line.
    static func keyPath(atLine line: Int, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        var table = ""
        var arrayCounts: [String: Int] = [:]
        for header in lines.prefix(line - 1) {
            let trimmed = header.trimmingWhitespace()
            if trimmed.hasPrefix("[["), let end = trimmed.range(of: "]]") {
                let name = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<end.lowerBound]).trimmingWhitespace()
                let index = arrayCounts[name, default: 0]
                arrayCounts[name] = index + 1
                table = "\(name)[\(index)]"
            } else if trimmed.hasPrefix("["), let end = trimmed.firstIndex(of: "]") {
                table = String(trimmed[trimmed.index(after: trimmed.startIndex)..<end]).trimmingWhitespace()
            }
        }
        let current = lines[line - 1]
        guard let equals = current.firstIndex(of: "=") else { return nil }
        let key = String(current[..<equals]).trimmingWhitespace().replacingQuotes()
        guard !key.isEmpty, !key.hasPrefix("#"), !key.hasPrefix("[") else { return nil }
        return table.isEmpty ? key : "\(table).\(key)"
    }
}

private extension StringProtocol {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }

    func replacingQuotes() -> String {
        String(self.filter { $0 != "\"" && $0 != "'" })
    }
}
