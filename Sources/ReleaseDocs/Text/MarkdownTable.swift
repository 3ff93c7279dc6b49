/// A GitHub-flavoured Markdown table whose cells are already escaped (`MarkdownText.cell`).
struct MarkdownTable {
    /// Column headers (trusted text).
    let headers: [String]
    /// Rows of escaped cells.
    var rows: [[String]] = []
    /// Columns aligned right (numbers).
    var rightAligned: Set<Int> = []

    /// The table followed by a blank line.
    func render() -> String {
        var lines = ["| " + headers.joined(separator: " | ") + " |"]
        lines.append("| " + headers.indices.map { rightAligned.contains($0) ? "---:" : "---" }.joined(separator: " | ") + " |")
        for row in rows {
            let cells = headers.indices.map { $0 < row.count ? (row[$0].isEmpty ? "—" : row[$0]) : "—" }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// A two-column field/value table.
    static func fields(_ pairs: [(String, String)]) -> String {
        MarkdownTable(headers: ["", ""], rows: pairs.map { [$0.0, $0.1] }).render()
    }
}

/// A fenced code block whose fence is longer than any backtick run in the content, so recipe text inside
/// cannot close it.
enum CodeBlock {
    static func render(_ content: String, language: String = "") -> String {
        var longest = 0
        var run = 0
        for character in content {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + language + "\n" + content + (content.hasSuffix("\n") ? "" : "\n") + fence + "\n\n"
    }
}
